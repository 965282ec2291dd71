// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/MainWindow.h"
#include "secrets/SecretStore.h"

#include <QApplication>
#include <QDockWidget>
#include <QLocale>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using mtr::app::MainWindow;

/// Starts the console in German from the embedded translation and checks translated labels.
class TestTranslation : public QObject
{
    Q_OBJECT

private slots:

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void germanLabels()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany),
                                QStringLiteral("mtr"),
                                QStringLiteral("_"),
                                QStringLiteral(":/i18n")));
        QVERIFY(QApplication::installTranslator(&translator));
        mtr::secrets::SecretStore secrets(QStringLiteral("mtr-test"));
        MainWindow window(&secrets);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.dock(MainWindow::Pane::Queue)->windowTitle(),
                 QStringLiteral("Alarmwarteschlange"));
        QCOMPARE(window.dock(MainWindow::Pane::Approvals)->windowTitle(),
                 QStringLiteral("Freigaben"));
        QVERIFY(window.tenantText().startsWith(QStringLiteral("Mandant")));

        // Switching back at run time retranslates the open window.
        QApplication::removeTranslator(&translator);
        QTRY_COMPARE(window.dock(MainWindow::Pane::Queue)->windowTitle(),
                     QStringLiteral("Alert Queue"));
    }
};

QTEST_MAIN(TestTranslation)
#include "TestTranslation.moc"
