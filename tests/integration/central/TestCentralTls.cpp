// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "Await.h"
#include "SimProcess.h"
#include "central/CentralClient.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mtr;
using namespace mtr::central;
using namespace mtr::central::test;

/// TLS is always verified: the simulator's private CA makes it pass, nothing else does, and
/// plain http is refused unless the host is loopback.
class TestCentralTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void withSimulatorCaPasses();
    void withoutCaFails();
    void unreadableCaFileFails();
    void plainHttpToNonLoopbackRefused();
    void plainHttpToLoopbackAccepted();

private:
    Result<domain::CallerIdentity> whoami(const CentralConfig& config);

    std::unique_ptr<SimProcess> m_sim;
};

void TestCentralTls::initTestCase()
{
    m_sim = std::make_unique<SimProcess>();
    const QString error = m_sim->start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_sim->baseUrl().startsWith(QLatin1String("https://127.0.0.1:")));
    QVERIFY(QFile::exists(m_sim->caFile()));
}

Result<domain::CallerIdentity> TestCentralTls::whoami(const CentralConfig& config)
{
    CentralClient client(config);
    Await<domain::CallerIdentity> who;
    client.whoami(this, who.callback());
    if (!QTest::qWaitFor(
            [&] {
                return who.done();
            },
            20000)) {
        return Error::make(Error::Code::Timeout, QStringLiteral("test timed out"));
    }
    return who.result();
}

void TestCentralTls::withSimulatorCaPasses()
{
    const Result<domain::CallerIdentity> who = whoami(m_sim->config());
    QVERIFY2(who.ok(), qPrintable(who.ok() ? QString() : who.error().message));
    QCOMPARE(who->kind, domain::CallerIdentity::Kind::Partner);
}

void TestCentralTls::withoutCaFails()
{
    CentralConfig config = m_sim->config();
    config.caFile.clear();
    const Result<domain::CallerIdentity> who = whoami(config);
    QVERIFY(!who.ok());
    QCOMPARE(who.error().code, Error::Code::Tls);
    QVERIFY(who.error().message.contains(QLatin1String("certificate")));
}

void TestCentralTls::unreadableCaFileFails()
{
    QTemporaryDir dir;
    CentralConfig config = m_sim->config();
    config.caFile = dir.filePath(QStringLiteral("missing.pem"));
    const Result<domain::CallerIdentity> who = whoami(config);
    QVERIFY(!who.ok());
    QCOMPARE(who.error().code, Error::Code::Tls);
    QVERIFY(who.error().message.contains(QLatin1String("CA file")));
}

void TestCentralTls::plainHttpToNonLoopbackRefused()
{
    CentralConfig config = m_sim->config();
    config.globalBase = QStringLiteral("http://api.central.sophos.com/");
    const Result<domain::CallerIdentity> who = whoami(config);
    QVERIFY(!who.ok());
    QCOMPARE(who.error().code, Error::Code::NotAllowed);
}

void TestCentralTls::plainHttpToLoopbackAccepted()
{
    SimProcess plain(
        {QStringLiteral("--http"), QStringLiteral("--caller"), QStringLiteral("tenant")});
    const QString error = plain.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(plain.baseUrl().startsWith(QLatin1String("http://127.0.0.1:")));
    const Result<domain::CallerIdentity> who = whoami(plain.config());
    QVERIFY2(who.ok(), qPrintable(who.ok() ? QString() : who.error().message));
    QCOMPARE(who->kind, domain::CallerIdentity::Kind::Tenant);
    QCOMPARE(who->dataRegionHost, plain.baseUrl());
}

QTEST_GUILESS_MAIN(TestCentralTls)
#include "TestCentralTls.moc"
