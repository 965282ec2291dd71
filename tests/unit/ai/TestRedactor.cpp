// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/Redactor.h"
#include "support/AiDemoCase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using mtr::ai::Redactor;

/// Redaction: what is found, the tokens it becomes, overlaps, and the way back.
class TestRedactor : public QObject
{
    Q_OBJECT

private slots:
    void redactsValue_data();
    void redactsValue();
    void keepsValue_data();
    void keepsValue();
    void tokensAreStablePerCase();
    void overlapsBecomeOneToken();
    void restoreMapsTokensBack();
    void demoCaseLeavesNoSeededValue();
};

void TestRedactor::redactsValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("prefix");
    QTest::addRow("email") << u"mail to a.b@corp.example now"_s << u"a.b@corp.example"_s
                           << u"EMAIL"_s;
    QTest::addRow("rfc1918 10/8") << u"from 10.1.2.3:445"_s << u"10.1.2.3"_s << u"IP"_s;
    QTest::addRow("rfc1918 172.16/12") << u"src=172.31.255.1"_s << u"172.31.255.1"_s << u"IP"_s;
    QTest::addRow("rfc1918 192.168/16") << u"gw 192.168.0.1."_s << u"192.168.0.1"_s << u"IP"_s;
    QTest::addRow("link-local v4") << u"169.254.10.20 apipa"_s << u"169.254.10.20"_s << u"IP"_s;
    QTest::addRow("loopback v4") << u"bind 127.0.0.1"_s << u"127.0.0.1"_s << u"IP"_s;
    QTest::addRow("ula v6") << u"peer fd00:1:2::3 up"_s << u"fd00:1:2::3"_s << u"IP"_s;
    QTest::addRow("link-local v6")
        << u"fe80::1ff:fe23:4567:890a%eth0"_s << u"fe80::1ff:fe23:4567:890a%eth0"_s << u"IP"_s;
    QTest::addRow("loopback v6") << u"listen ::1 port 80"_s << u"::1"_s << u"IP"_s;
    QTest::addRow("domain user") << u"logon CORP\\alice.m ok"_s << u"CORP\\alice.m"_s << u"USER"_s;
    QTest::addRow("json domain user")
        << u"\"user\":\"CORP\\\\bob\""_s << u"CORP\\\\bob"_s << u"USER"_s;
    QTest::addRow("profile path") << u"C:\\Users\\mmeier\\AppData\\x.exe"_s << u"mmeier"_s
                                  << u"USER"_s;
    QTest::addRow("json profile path")
        << u"C:\\\\Users\\\\mmeier\\\\x"_s << u"mmeier"_s << u"USER"_s;
    QTest::addRow("home path") << u"/home/kpetrov/.ssh/id_rsa"_s << u"kpetrov"_s << u"USER"_s;
    QTest::addRow("mac path") << u"/Users/lsmith/Library"_s << u"lsmith"_s << u"USER"_s;
    QTest::addRow("name cue") << u"Hello, my name is Anna Kowalska."_s << u"Anna Kowalska"_s
                              << u"PERSON"_s;
    QTest::addRow("person list") << u"Ticket from Prüfer, Jana"_s << u"Prüfer, Jana"_s
                                 << u"PERSON"_s;
    QTest::addRow("endpoint host") << u"seen on ws-fin-07 today"_s << u"ws-fin-07"_s << u"HOST"_s;
    QTest::addRow("tenant") << u"Contoso Handels GmbH reported"_s << u"Contoso Handels GmbH"_s
                            << u"ORG"_s;
    QTest::addRow("subdomain") << u"fs1.contoso-handel.example/share"_s
                               << u"fs1.contoso-handel.example"_s << u"DOMAIN"_s;
    QTest::addRow("endpoint address") << u"egress 10.20.30.41"_s << u"10.20.30.41"_s << u"IP"_s;
}

void TestRedactor::redactsValue()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    QFETCH(QString, prefix);
    Redactor redactor(mtr::test::aiDemoCase());
    const auto spans = redactor.detect(text);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.first().value, value);
    QCOMPARE(Redactor::prefix(spans.first().kind), prefix);
    const QString out = redactor.redact(text);
    QVERIFY2(!out.contains(value, Qt::CaseInsensitive), qPrintable(out));
    QVERIFY2(out.contains(prefix + u"_1"_s), qPrintable(out));
}

void TestRedactor::keepsValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("public ip is an indicator") << u"beacon to 198.51.100.23:443"_s;
    QTest::addRow("public v6") << u"2001:db8::1 seen"_s;
    QTest::addRow("time is not v6") << u"at 09:12:33 UTC"_s;
    QTest::addRow("mac address") << u"mac 00:1a:2b:3c:4d:5e"_s;
    QTest::addRow("system path") << u"C:\\Windows\\System32\\rundll32.exe"_s;
    QTest::addRow("public profile") << u"C:\\Users\\Public\\run.bat"_s;
    QTest::addRow("well-known principal") << u"NT AUTHORITY\\SYSTEM started it"_s;
    QTest::addRow("version") << u"version 10.0.19045.1 installed"_s;
    QTest::addRow("lower-case after cue") << u"this is fine"_s;
}

void TestRedactor::keepsValue()
{
    QFETCH(QString, text);
    Redactor redactor(mtr::test::aiDemoCase());
    QCOMPARE(redactor.redact(text), text);
}

void TestRedactor::tokensAreStablePerCase()
{
    Redactor redactor(mtr::test::aiDemoCase());
    const QString a = redactor.redact(u"WS-FIN-07 and SRV-DC-01"_s);
    const QString b = redactor.redact(u"srv-dc-01 then ws-fin-07"_s);
    QCOMPARE(a, u"HOST_1 and HOST_2"_s);
    QCOMPARE(b, u"HOST_2 then HOST_1"_s);
    QCOMPARE(redactor.tokens().size(), 2);
}

void TestRedactor::overlapsBecomeOneToken()
{
    Redactor redactor(mtr::test::aiDemoCase());
    // The e-mail holds the customer domain and the surname-like local part; the longest wins.
    const QString text = u"from jana.pruefer@contoso-handel.example"_s;
    const auto spans = redactor.detect(text);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(Redactor::prefix(spans.first().kind), u"EMAIL"_s);
    QCOMPARE(redactor.redact(text), u"from EMAIL_1"_s);
    // A profile path inside a DOMAIN\user-looking string: spans never overlap.
    const auto nested = redactor.detect(u"C:\\Users\\prüfer01\\x and CONTOSO\\jpruefer"_s);
    for (qsizetype i = 1; i < nested.size(); ++i) {
        QVERIFY(nested.at(i - 1).start + nested.at(i - 1).length <= nested.at(i).start);
    }
    QCOMPARE(nested.size(), 2);
}

void TestRedactor::restoreMapsTokensBack()
{
    Redactor redactor(mtr::test::aiDemoCase());
    const QString original = u"Jana Prüfer (CONTOSO\\jpruefer) on WS-FIN-07 at 10.20.30.41"_s;
    const QString redacted = redactor.redact(original);
    QCOMPARE(redactor.restore(redacted), original);
    QCOMPARE(redactor.restore(u"HOST_1 and HOST_99"_s), u"WS-FIN-07 and HOST_99"_s);
}

void TestRedactor::demoCaseLeavesNoSeededValue()
{
    const auto c = mtr::test::aiDemoCase();
    Redactor redactor(c);
    QStringList texts;
    for (const auto& e : c.evidence) {
        texts << e.text;
    }
    for (const auto& a : c.alerts) {
        texts << a.description;
    }
    for (const auto& t : c.timeline) {
        texts << t.summary << t.host << t.localAddress;
    }
    for (const auto& text : std::as_const(texts)) {
        const QString out = redactor.redact(text);
        for (const auto& seeded : mtr::test::aiDemoSeededValues()) {
            QVERIFY2(!out.contains(seeded, Qt::CaseInsensitive),
                     qPrintable(seeded + u" in "_s + out));
        }
    }
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "TestRedactor.moc"
