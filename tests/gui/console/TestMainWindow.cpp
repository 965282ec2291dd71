// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/MainWindow.h"
#include "app/panes/AlertQueuePane.h"
#include "app/panes/DraftEditorPane.h"
#include "secrets/SecretStore.h"

#include <QApplication>
#include <QDockWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using mtr::app::MainWindow;

/// Drives the real main window: five panes, keyboard moves between them, layout restored.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void hasFivePanes()
    {
        mtr::secrets::SecretStore secrets(QStringLiteral("mtr-test"));
        MainWindow window(&secrets);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto docks = window.findChildren<QDockWidget*>();
        QCOMPARE(docks.size(), 5);
        for (const QDockWidget* dock : docks) {
            QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
            QVERIFY(dock->widget());
            QVERIFY(!dock->windowTitle().isEmpty());
        }
        QVERIFY(window.tenantText().contains(QStringLiteral("Tenant")));
        QVERIFY(window.connectionText().contains(QStringLiteral("Sophos Central")));
    }

    void keyboardMovesBetweenPanes_data()
    {
        QTest::addColumn<QKeySequence>("keys");
        QTest::addColumn<MainWindow::Pane>("pane");
        QTest::addRow("ctrl-2-timeline")
            << QKeySequence(Qt::CTRL | Qt::Key_2) << MainWindow::Pane::Timeline;
        QTest::addRow("ctrl-3-evidence")
            << QKeySequence(Qt::CTRL | Qt::Key_3) << MainWindow::Pane::Evidence;
        QTest::addRow("ctrl-4-drafts")
            << QKeySequence(Qt::CTRL | Qt::Key_4) << MainWindow::Pane::Drafts;
        QTest::addRow("ctrl-5-approvals")
            << QKeySequence(Qt::CTRL | Qt::Key_5) << MainWindow::Pane::Approvals;
        QTest::addRow("ctrl-1-queue")
            << QKeySequence(Qt::CTRL | Qt::Key_1) << MainWindow::Pane::Queue;
    }

    void keyboardMovesBetweenPanes()
    {
        QFETCH(QKeySequence, keys);
        QFETCH(MainWindow::Pane, pane);
        mtr::secrets::SecretStore secrets(QStringLiteral("mtr-test"));
        MainWindow window(&secrets);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);
        // Start somewhere else so the shortcut really has to move the focus.
        window.focusPane(pane == MainWindow::Pane::Queue ? MainWindow::Pane::Drafts
                                                         : MainWindow::Pane::Queue);
        QTest::keySequence(&window, keys);
        QTRY_VERIFY(window.dock(pane)->isAncestorOf(QApplication::focusWidget()));
        QCOMPARE(window.currentPane(), pane);
    }

    void f6CyclesPanes()
    {
        mtr::secrets::SecretStore secrets(QStringLiteral("mtr-test"));
        MainWindow window(&secrets);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);
        window.focusPane(MainWindow::Pane::Approvals);
        QTest::keyClick(&window, Qt::Key_F6);
        QTRY_COMPARE(window.currentPane(), MainWindow::Pane::Queue);
        QTest::keyClick(&window, Qt::Key_F6);
        QTRY_COMPARE(window.currentPane(), MainWindow::Pane::Timeline);
        QTest::keyClick(&window, Qt::Key_F6, Qt::ShiftModifier);
        QTest::keyClick(&window, Qt::Key_F6, Qt::ShiftModifier);
        QTRY_COMPARE(window.currentPane(), MainWindow::Pane::Approvals);
        QVERIFY(
            window.dock(MainWindow::Pane::Approvals)->isAncestorOf(QApplication::focusWidget()));
    }

    void layoutIsRestored()
    {
        mtr::secrets::SecretStore secrets(QStringLiteral("mtr-test"));
        {
            MainWindow window(&secrets);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.dock(MainWindow::Pane::Evidence)->hide();
            window.addDockWidget(Qt::LeftDockWidgetArea, window.dock(MainWindow::Pane::Drafts));
            window.close();
        }
        MainWindow again(&secrets);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.dock(MainWindow::Pane::Evidence)->isVisible());
        QCOMPARE(again.dockWidgetArea(again.dock(MainWindow::Pane::Drafts)),
                 Qt::LeftDockWidgetArea);
        QSettings().clear();
    }

    void screenshot()
    {
        mtr::secrets::SecretStore secrets(QStringLiteral("mtr-test"));
        MainWindow window(&secrets);
        window.resize(1280, 800);
        window.setTenantName(QStringLiteral("Contoso Logistik GmbH"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString path =
            QStringLiteral(MTR_TEST_OUTPUT_DIR) + QStringLiteral("/main-window.png");
        const QImage image = window.grab().toImage();
        QVERIFY(image.width() >= 1280 && image.height() >= 800);
        QVERIFY(image.save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
