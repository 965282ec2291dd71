// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/IndicatorExtractor.h"
#include "evidence/Refanger.h"

#include <QTest>

using mtr::evidence::IndicatorExtractor;

namespace {

/// "type value" per indicator ("ipv4 203.0.113.5:443" when a port was given), in text order.
QStringList describe(const QString& text)
{
    QStringList out;
    for (const auto& indicator : IndicatorExtractor::extract(text, QStringLiteral("src-1"))) {
        QString item =
            IndicatorExtractor::typeName(indicator.type) + QLatin1Char(' ') + indicator.value;
        if (indicator.port >= 0) {
            item += QLatin1Char(':') + QString::number(indicator.port);
        }
        out.append(item);
    }
    return out;
}

QStringList lines(const char* text)
{
    return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

/// Indicator extraction: types, defanged forms, near-misses, offsets back into the evidence.
class TestIndicatorExtractor : public QObject
{
    Q_OBJECT

private slots:
    void extracts_data();
    void extracts();
    void offsetsPointAtTheOriginalText_data();
    void offsetsPointAtTheOriginalText();
    void ipv6Validation_data();
    void ipv6Validation();
};

namespace {

void addNetworkRows()
{
    QTest::addRow("ipv4-with-port") << "dst=203.0.113.5:443 ok" << lines("ipv4 203.0.113.5:443");
    QTest::addRow("ipv4-in-brackets-and-quotes")
        << "peer(198.51.100.7) \"192.0.2.14\"" << lines("ipv4 198.51.100.7\nipv4 192.0.2.14");
    QTest::addRow("defanged-ip-in-brackets") << "c2 at 203.0.113[.]9 and 198[.]51[.]100[.]1"
                                             << lines("ipv4 203.0.113.9\nipv4 198.51.100.1");
    QTest::addRow("defanged-dot-word") << "192[.]168[dot]0[.]1 and evil[dot]example[dot]com"
                                       << lines("ipv4 192.168.0.1\ndomain evil.example.com");
    QTest::addRow("ipv6-bracketed-port")
        << "connect [2001:db8::10]:8443 now" << lines("ipv6 2001:db8::10:8443");
    QTest::addRow("ipv6-zone-id") << "link fe80::99d0:ec2d:b2e7:536b%8 up"
                                  << lines("ipv6 fe80::99d0:ec2d:b2e7:536b%8");
    QTest::addRow("ipv6-full") << "src fdc4:2581:575b:5a72:0000:0000:0000:0001 x"
                               << lines("ipv6 fdc4:2581:575b:5a72:0000:0000:0000:0001");
    QTest::addRow("ipv6-embedded-v4")
        << "::ffff:192.0.2.128 mapped" << lines("ipv6 ::ffff:192.0.2.128");
    QTest::addRow("linux-netstat-ipv6-port") << "tcp6 :::22 LISTEN" << QStringList();
    QTest::addRow("domain") << "beacon to update.example.com."
                            << lines("domain update.example.com");
    QTest::addRow("domain-upper-case")
        << "see CDN.Example.ORG now" << lines("domain cdn.example.org");
    QTest::addRow("url-and-its-host")
        << "get http://docs.example.org/a?b=1, then"
        << lines("url http://docs.example.org/a?b=1\ndomain docs.example.org");
    QTest::addRow("url-in-parentheses")
        << "(see https://example.com/x_(y))."
        << lines("url https://example.com/x_(y)\ndomain example.com");
    QTest::addRow("hxxps-keeps-tls")
        << "hxxps://files.example[.]net/u/p.bin"
        << lines("url https://files.example.net/u/p.bin\ndomain files.example.net");
    QTest::addRow("fxp-is-ftp") << "fxp://203.0.113[.]7/drop"
                                << lines("url ftp://203.0.113.7/drop\nipv4 203.0.113.7");
    QTest::addRow("defanged-colon-slashes")
        << "http[://]example[.]com/a" << lines("url http://example.com/a\ndomain example.com");
}

void addOtherTypeRows()
{
    QTest::addRow("email") << "mail j.doe+x@example.com today"
                           << lines("email j.doe+x@example.com");
    QTest::addRow("defanged-email") << "from bad[@]example[.]net" << lines("email bad@example.net");
    QTest::addRow("hashes")
        << "md5 68b329da9893e34099c7d8ad5cb9c940 sha1 adc83b19e793491b1c6ea0fd8b46cd9f32e592fc "
           "sha256 "
           "01BA4719C80B6FE911B091A7C05124B64EEECE964E09C058EF8F9805DACA546B"
        << lines("md5 68b329da9893e34099c7d8ad5cb9c940\nsha1 "
                 "adc83b19e793491b1c6ea0fd8b46cd9f32e592fc\n"
                 "sha256 01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b");
    QTest::addRow("cve") << "exploits cve-2017-0146 and CVE-2021-44228."
                         << lines("cve CVE-2017-0146\ncve CVE-2021-44228");
    QTest::addRow("windows-path-quoted-with-spaces")
        << "at 'C:\\Program Files (x86)\\Trojan Horse\\bin\\eicar.com' now"
        << lines("windows-path C:\\Program Files (x86)\\Trojan Horse\\bin\\eicar.com");
    QTest::addRow("windows-path-bare")
        << "ran C:\\Users\\x\\AppData\\Local\\Temp\\a.exe, then"
        << lines("windows-path C:\\Users\\x\\AppData\\Local\\Temp\\a.exe");
    QTest::addRow("windows-env-path") << "%APPDATA%\\Updater\\upd.exe -silent"
                                      << lines("windows-path %APPDATA%\\Updater\\upd.exe");
    QTest::addRow("unix-path") << "wrote /tmp/.x/update.sh and ran it"
                               << lines("unix-path /tmp/.x/update.sh");
    QTest::addRow("registry-key")
        << "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run Updater"
        << lines("registry-key HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
    QTest::addRow("registry-key-space-inside")
        << "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon"
        << lines("registry-key HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows "
                 "NT\\CurrentVersion\\Winlogon");
    QTest::addRow("near-miss-versions")
        << "v2.1.1.108 build 10.0.19041.1 section 4.3.2.1a 1.3.6.1.4.1.311 ver 7.6.5"
        << QStringList();
    QTest::addRow("near-miss-mac-and-time")
        << "mac 00:00:5E:00:53:00 at 14:16:19 on 2024-01-05" << QStringList();
    QTest::addRow("near-miss-file-names")
        << "payload.bin gate.php notes.txt setup.exe" << QStringList();
    QTest::addRow("near-miss-hex-lengths")
        << "adc83b191b1c6ea0fd8b46cd9f32e592fc AAAAA 85.85" << QStringList();
    QTest::addRow("near-miss-bare-ip-not-url")
        << "beacon 198.51.100[.]23:8443" << lines("ipv4 198.51.100.23:8443");
    QTest::addRow("near-miss-cpp-scope") << "std::vector<int> a::b" << QStringList();
    QTest::addRow("octet-over-255") << "999.1.1.1 and 256.0.0.1" << QStringList();
}

} // namespace

void TestIndicatorExtractor::extracts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    addNetworkRows();
    addOtherTypeRows();
}

void TestIndicatorExtractor::extracts()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const QStringList got = describe(text);
    QVERIFY2(got == expected, qPrintable(got.join(QStringLiteral(" | "))));
}

void TestIndicatorExtractor::offsetsPointAtTheOriginalText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("firstOriginal");

    QTest::addRow("defanged-url") << "x hxxps://files.example[.]net/u y"
                                  << "hxxps://files.example[.]net/u";
    QTest::addRow("upper-scheme") << "HXXPS://cdn.example[.]org/a.js;"
                                  << "HXXPS://cdn.example[.]org/a.js";
    QTest::addRow("defanged-ip") << "at 203.0.113[.]9:80"
                                 << "203.0.113[.]9:80";
    QTest::addRow("unicode-before") << "prüfer → 203.0.113.5"
                                    << "203.0.113.5";
    QTest::addRow("dot-word") << "evil[dot]example[dot]com!"
                              << "evil[dot]example[dot]com";
}

void TestIndicatorExtractor::offsetsPointAtTheOriginalText()
{
    QFETCH(QString, text);
    QFETCH(QString, firstOriginal);

    const auto indicators = IndicatorExtractor::extract(text, QStringLiteral("item-9"));
    QVERIFY(!indicators.isEmpty());
    QCOMPARE(indicators.first().original, firstOriginal);
    for (const auto& indicator : indicators) {
        QCOMPARE(text.mid(indicator.offset, indicator.length), indicator.original);
        QCOMPARE(indicator.sourceId, QStringLiteral("item-9"));
    }
}

void TestIndicatorExtractor::ipv6Validation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::addRow("loopback") << "::1" << true;
    QTest::addRow("full") << "2001:0db8:0000:0000:0000:ff00:0042:8329" << true;
    QTest::addRow("compressed") << "2001:db8::ff00:42:8329" << true;
    QTest::addRow("zone") << "fe80::1%eth0" << true;
    QTest::addRow("two-double-colons") << "2001::db8::1" << false;
    QTest::addRow("too-many-groups") << "1:2:3:4:5:6:7:8:9" << false;
    QTest::addRow("mac") << "00:00:5E:00:53:00" << false;
    QTest::addRow("time") << "14:16:19" << false;
    QTest::addRow("group-too-long") << "2001:db8::12345" << false;
}

void TestIndicatorExtractor::ipv6Validation()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(IndicatorExtractor::isIPv6(text), valid);
}

QTEST_GUILESS_MAIN(TestIndicatorExtractor)
#include "TestIndicatorExtractor.moc"
