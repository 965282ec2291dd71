// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/AppSettings.h"
#include "app/dialogs/SettingsDialog.h"
#include "log/Log.h"
#include "secrets/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using mtr::app::AppSettings;
using mtr::app::SettingsDialog;
using mtr::secrets::Secret;
using mtr::secrets::SecretStore;

namespace {

const QString PlantedSecret = QStringLiteral("canary-secret-7f3a9d21e5");
const QString PlantedApiKey = QStringLiteral("sk-canary-api-key-55aa31");
const QString PlantedCustomerValue = QStringLiteral("mueller-contoso-ws0042");

bool expectNoKeychain()
{
    return qEnvironmentVariableIsSet("MTR_TEST_EXPECT_NO_KEYCHAIN");
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

/// The settings dialog against a real, freshly unlocked gnome-keyring (scripts/with-keyring),
/// and again with no D-Bus session at all; the log and settings files must never hold a secret.
class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        mtr::log::Options options;
        options.filePath = m_dir.filePath(QStringLiteral("mtr-console.log"));
        options.levelSpec = QStringLiteral("debug");
        m_logPath = mtr::log::init(options);
        mtr::log::installQtMessageHandler();
    }

    void roundTripThroughKeychain()
    {
        if (expectNoKeychain())
            QSKIP("this run has no keychain by design");
        SecretStore store(QStringLiteral("mtr-test"));
        SettingsDialog dialog(&store);
        dialog.setSettings(AppSettings());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fillAndSave(dialog);

        Secret readBack;
        QCOMPARE(store.readBlocking(QString::fromLatin1(AppSettings::CentralSecretKey), &readBack),
                 SecretStore::Outcome::Found);
        QCOMPARE(readBack.reveal(), PlantedSecret);
        QCOMPARE(store.readBlocking(QString::fromLatin1(AppSettings::LlmApiKeyKey), &readBack),
                 SecretStore::Outcome::Found);
        QCOMPARE(readBack.reveal(), PlantedApiKey);
        QVERIFY(!store.sessionOnly());
        QVERIFY(!dialog.isVisible()); // saved into the keychain: the dialog closed itself

        const AppSettings saved = AppSettings::load(QSettings());
        QCOMPARE(saved.centralClientId, PlantedCustomerValue);
        QCOMPARE(saved.aiKind, QStringLiteral("ollama"));
        QVERIFY(saved.aiOnPremises);

        bool deleted = false;
        store.remove(QString::fromLatin1(AppSettings::CentralSecretKey),
                     [&deleted](SecretStore::Outcome o, const QString&) {
                         deleted = o == SecretStore::Outcome::Deleted;
                     });
        QTRY_VERIFY(deleted);
        QCOMPARE(store.readBlocking(QString::fromLatin1(AppSettings::CentralSecretKey), &readBack),
                 SecretStore::Outcome::NotFound);
    }

    void emptySecretFieldKeepsStoredSecret()
    {
        if (expectNoKeychain())
            QSKIP("this run has no keychain by design");
        SecretStore store(QStringLiteral("mtr-test"));
        bool written = false;
        store.write(QString::fromLatin1(AppSettings::LlmApiKeyKey),
                    Secret(PlantedApiKey),
                    [&written](SecretStore::Outcome, const QString&) {
                        written = true;
                    });
        QTRY_VERIFY(written);
        SettingsDialog dialog(&store);
        dialog.setSettings(AppSettings::load(QSettings()));
        QSignalSpy saved(&dialog, &SettingsDialog::saved);
        dialog.save();
        QVERIFY(saved.count() == 1 || saved.wait(5000));
        Secret readBack;
        QCOMPARE(store.readBlocking(QString::fromLatin1(AppSettings::LlmApiKeyKey), &readBack),
                 SecretStore::Outcome::Found);
        QCOMPARE(readBack.reveal(), PlantedApiKey);
    }

    void noKeychain()
    {
        if (!expectNoKeychain())
            QSKIP("run by the TestSettingsDialogNoKeychain entry without a D-Bus session");
        SecretStore store(QStringLiteral("mtr-test"));
        SettingsDialog dialog(&store);
        dialog.setSettings(AppSettings());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fillAndSave(dialog);
        QVERIFY(store.sessionOnly());
        QVERIFY(dialog.isVisible()); // stays open to tell the analyst
        const QString hint = dialog.findChild<QLabel*>(QStringLiteral("hintLabel"))->text();
        QVERIFY2(hint.contains(QStringLiteral("session only")), qPrintable(hint));

        Secret readBack;
        QCOMPARE(store.readBlocking(QString::fromLatin1(AppSettings::CentralSecretKey), &readBack),
                 SecretStore::Outcome::FoundInSession);
        QCOMPARE(readBack.reveal(), PlantedSecret);
    }

    void cleanupTestCase()
    {
        mtr::log::flush();
        const QByteArray log = readAll(m_logPath);
        QVERIFY2(log.contains("settings saved"), log.constData()); // the log really was written
        QVERIFY(!log.contains(PlantedSecret.toUtf8()));
        QVERIFY(!log.contains(PlantedApiKey.toUtf8()));
        QVERIFY(!log.contains(PlantedCustomerValue.toUtf8()));

        QSettings settings;
        settings.sync();
        const QByteArray settingsFile = readAll(settings.fileName());
        QVERIFY(!settingsFile.isEmpty());
        QVERIFY(!settingsFile.contains(PlantedSecret.toUtf8()));
        QVERIFY(!settingsFile.contains(PlantedApiKey.toUtf8()));

        struct stat st
        {
        };

        QCOMPARE(::stat(QFile::encodeName(m_logPath).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        settings.clear();
    }

private:
    void fillAndSave(SettingsDialog& dialog)
    {
        dialog.findChild<QLineEdit*>(QStringLiteral("clientIdEdit"))->setText(PlantedCustomerValue);
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("clientSecretEdit")),
                         PlantedSecret);
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("aiKeyEdit")), PlantedApiKey);
        auto* kind = dialog.findChild<QComboBox*>(QStringLiteral("aiKindCombo"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("ollama")));
        dialog.findChild<QCheckBox*>(QStringLiteral("aiOnPremisesCheck"))->setChecked(true);
        dialog.findChild<QLineEdit*>(QStringLiteral("caFileEdit"))
            ->setText(QStringLiteral("/home/") + PlantedCustomerValue + QStringLiteral("/ca.pem"));
        QSignalSpy saved(&dialog, &SettingsDialog::saved);
        auto* box = dialog.findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"));
        QTest::mouseClick(box->button(QDialogButtonBox::Save), Qt::LeftButton);
        QVERIFY(saved.count() == 1 || saved.wait(10000));
    }

    QTemporaryDir m_dir;
    QString m_logPath;
};

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
