// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// Enrichment of the simulator's demo alerts after a real sync: every case gets evidence, a
/// grounded summary, customer notification and executive summary from the offline drafter,
/// proposals within the rollout phase and an AI score; the same through the fake
/// OpenAI-compatible server with streaming and redaction; cancel keeps the offline drafts; and
/// `mtr-agent enrich --once` prints one line per case.

#include "FakeLlmServer.h"
#include "WorkflowHarness.h"
#include "store/AlertRepository.h"
#include "store/AuditLog.h"
#include "store/DraftRepository.h"
#include "store/EndpointRepository.h"
#include "store/EvidenceRepository.h"
#include "store/ProposalRepository.h"
#include "workflow/CaseAssembler.h"
#include "workflow/EnrichmentJob.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace mtr;
using namespace mtr::workflow;
using namespace mtr::workflow::test;

class TestEnrichment : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void offlineDraftsForEveryDemoCase();
    void modelDraftsStreamThroughFakeServer();
    void redraftNoteReachesTheModelForThatDraftOnly();
    void failingModelKeepsOfflineDrafts();
    void cancelKeepsOfflineDrafts();
    void agentPrintsOneLinePerCase();

private:
    QList<domain::AlertSummary> alerts();
    EnrichmentReport
    enrich(EnrichmentJob& job, const domain::AlertSummary& alert, const DraftNotes& notes = {});
    store::DatabaseConfig config() const;
    void verifyLinks(const domain::Draft& draft, const QString& tenantId);
    RolloutPolicy assisted() const;

    QTemporaryDir m_dir;
    Simulator m_sim;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<central::CentralClient> m_client;
};

void TestEnrichment::initTestCase()
{
    QVERIFY(m_sim.start());
    m_db = openWorkspace(m_dir);
    QVERIFY(m_db);
    m_client = std::make_unique<central::CentralClient>(m_sim.config());
    QVERIFY(syncOnce(*m_client, *m_db));
    QVERIFY(alerts().size() >= 3);
}

store::DatabaseConfig TestEnrichment::config() const
{
    return store::DatabaseConfig::sqlite(m_dir.filePath(QStringLiteral("workspace.sqlite")));
}

RolloutPolicy TestEnrichment::assisted() const
{
    RolloutPolicy p;
    TenantPolicy t;
    t.phase = domain::RolloutPhase::Assisted;
    p.setDefaultPolicy(t);
    return p;
}

QList<domain::AlertSummary> TestEnrichment::alerts()
{
    store::AlertQuery query;
    query.limit = 1000;
    auto page = store::AlertRepository(*m_db).page(query);
    return page ? page.value() : QList<domain::AlertSummary>();
}

EnrichmentReport TestEnrichment::enrich(EnrichmentJob& job,
                                        const domain::AlertSummary& alert,
                                        const DraftNotes& notes)
{
    QSignalSpy finished(&job, &EnrichmentJob::finished);
    if (!job.start(alert.id, alert.tenantId, notes) || !finished.wait(60000))
        return {};
    return finished.first().first().value<EnrichmentReport>();
}

// The editor's sentence links: the sentences make up the stored text in order, and every cited
// id is one the case can show (the grounding validator's own set).
void TestEnrichment::verifyLinks(const domain::Draft& draft, const QString& tenantId)
{
    QVERIFY(!draft.aiSentences.isEmpty());
    QStringList texts;
    bool anyEvidence = false;
    const auto caseFile = CaseAssembler(*m_db).load(draft.caseId, tenantId);
    QVERIFY(caseFile.ok());
    const QSet<QString> known = caseFile.value().evidenceIds();
    for (const domain::DraftSentenceLink& link : draft.aiSentences) {
        texts << link.text;
        anyEvidence = anyEvidence || !link.evidenceIds.isEmpty();
        for (const QString& id : link.evidenceIds)
            QVERIFY2(known.contains(id), qPrintable(id));
    }
    QCOMPARE(texts.join(u' '), draft.aiText);
    QVERIFY(anyEvidence);
}

void TestEnrichment::offlineDraftsForEveryDemoCase()
{
    EnrichmentOptions options;
    options.policy = assisted();
    EnrichmentJob job(config(), options);
    QSignalSpy stored(&job, &EnrichmentJob::draftStored);
    int withProposals = 0;
    for (const auto& alert : alerts()) {
        const EnrichmentReport report = enrich(job, alert);
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(report.drafts, 3);
        QCOMPARE(report.caseId, CaseAssembler::caseIdFor(alert.id));
        withProposals += report.proposals > 0 ? 1 : 0;
        const auto drafts = store::DraftRepository(*m_db).listForCase(report.caseId).value();
        QCOMPARE(drafts.size(), 3);
        for (const auto& d : drafts) {
            QVERIFY(!d.aiText.trimmed().isEmpty());
            verifyLinks(d, alert.tenantId);
        }
        store::EvidenceRepository evidence(*m_db);
        QVERIFY(!evidence.items(report.caseId).value().isEmpty());
        QVERIFY(!evidence.timeline(report.caseId).value().isEmpty());
        QVERIFY(report.score.score >= 0.0 && report.score.score <= 1.0);
        QVERIFY(!report.score.reasons.isEmpty());
    }
    QCOMPARE(stored.size(), 3 * alerts().size());
    QVERIFY(withProposals > 0);
    for (const auto& a : alerts())
        QVERIFY(a.aiScore >= 0.0); // every alert scored in the queue
    // Grounded: nothing was struck from any offline draft, and each draft is in the audit log.
    int draftEntries = 0;
    QVERIFY(store::AuditLog(*m_db).forEach([&draftEntries](const domain::AuditEntry& e) {
        if (e.kind == QLatin1String("draft")) {
            ++draftEntries;
            const QJsonObject o = QJsonDocument::fromJson(e.payload.toUtf8()).object();
            if (!o.value(QLatin1String("struck")).toArray().isEmpty())
                return false;
        }
        return true;
    }));
    QCOMPARE(draftEntries, 3 * alerts().size());
    QVERIFY(store::AuditLog(*m_db).verify().value().ok);
}

void TestEnrichment::modelDraftsStreamThroughFakeServer()
{
    mtr::test::FakeLlmServer server;
    QVERIFY(server.listen());
    const QString answer = QStringLiteral(
        R"({"sentences":[{"text":"Central raised an alert that an analyst should review.","evidenceIds":["E1"]}]})");
    server.setDefaultReply(mtr::test::FakeLlmServer::answer(answer, 5));
    EnrichmentOptions options;
    options.policy = assisted();
    options.useModel = true;
    options.model.baseUrl = server.baseUrl();
    options.model.model = QStringLiteral("fake-model");
    options.model.apiKey = QStringLiteral("test-key");
    EnrichmentJob job(config(), options);
    QSignalSpy streamed(&job, &EnrichmentJob::draftTextStreamed);
    const domain::AlertSummary alert = alerts().first();
    const EnrichmentReport report = enrich(job, alert);
    QVERIFY2(report.ok, qPrintable(report.error.message + report.modelFailures.join(u';')));
    QCOMPARE(report.modelDrafts, 3);
    QVERIFY(streamed.size() >= 3 * 2); // several chunks per draft, as they arrived
    const auto drafts = store::DraftRepository(*m_db).listForCase(report.caseId).value();
    QCOMPARE(drafts.size(), 3);
    for (const auto& d : drafts) {
        QCOMPARE(d.aiText,
                 QStringLiteral("Central raised an alert that an analyst should review."));
        QCOMPARE(d.aiSentences.size(), 1); // the model's alias E1, stored as the real id
        QCOMPARE(d.aiSentences.first().text, d.aiText);
        verifyLinks(d, alert.tenantId);
    }
    // Redaction: no host name, address or person of the case reached the model.
    QCOMPARE(server.requests().size(), 3);
    auto full = store::AlertRepository(*m_db).get(alert.id, alert.tenantId).value();
    QVERIFY(full);
    auto endpoint = store::EndpointRepository(*m_db).get(full->endpointId, alert.tenantId).value();
    for (const auto& request : server.requests()) {
        QVERIFY(request.body.contains("fake-model"));
        if (endpoint) {
            QVERIFY(!request.body.contains(endpoint->hostname.toUtf8()));
            for (const QString& ip : endpoint->ipv4Addresses)
                QVERIFY(!request.body.contains(ip.toUtf8()));
        }
        QVERIFY(!request.body.contains(full->tenantName.toUtf8()));
    }
    int requestsAudited = 0;
    QVERIFY(store::AuditLog(*m_db).forEach([&requestsAudited](const domain::AuditEntry& e) {
        requestsAudited += e.kind == QLatin1String("model-request") ? 1 : 0;
        return true;
    }));
    QCOMPARE(requestsAudited, 3);
}

void TestEnrichment::redraftNoteReachesTheModelForThatDraftOnly()
{
    mtr::test::FakeLlmServer server;
    QVERIFY(server.listen());
    server.setDefaultReply(mtr::test::FakeLlmServer::answer(
        QStringLiteral(
            R"({"sentences":[{"text":"Central raised an alert that an analyst should review.","evidenceIds":["E1"]}]})"),
        3));
    EnrichmentOptions options;
    options.policy = assisted();
    options.useModel = true;
    options.model.baseUrl = server.baseUrl();
    options.model.model = QStringLiteral("fake-model");
    options.model.apiKey = QStringLiteral("test-key");
    EnrichmentJob job(config(), options);
    const domain::AlertSummary alert = alerts().first();
    const QString note = QStringLiteral("Two sentences at most, no jargon.");
    const EnrichmentReport report =
        enrich(job, alert, {{int(domain::Draft::Kind::CustomerNotification), note}});
    QVERIFY2(report.ok, qPrintable(report.error.message + report.modelFailures.join(u';')));
    QCOMPARE(server.requests().size(), 3);
    int withNote = 0;
    for (const auto& request : server.requests()) {
        if (!request.body.contains(note.toUtf8()))
            continue;
        ++withNote;
        QVERIFY(request.body.contains("notification to the customer"));
    }
    QCOMPARE(withNote, 1); // the customer notification's request, not the other drafts'
    // The note went out as part of the audited (redacted) model request.
    bool audited = false;
    QVERIFY(store::AuditLog(*m_db).forEach([&](const domain::AuditEntry& e) {
        audited = audited || (e.kind == QLatin1String("model-request") && e.payload.contains(note));
        return true;
    }));
    QVERIFY(audited);
}

void TestEnrichment::failingModelKeepsOfflineDrafts()
{
    mtr::test::FakeLlmServer server;
    QVERIFY(server.listen());
    server.setDefaultReply(mtr::test::FakeLlmServer::failure(400));
    EnrichmentOptions options;
    options.useModel = true;
    options.model.baseUrl = server.baseUrl();
    options.model.model = QStringLiteral("fake-model");
    EnrichmentJob job(config(), options);
    const domain::AlertSummary alert = alerts().last();
    const EnrichmentReport report = enrich(job, alert);
    QVERIFY(report.ok);
    QCOMPARE(report.modelDrafts, 0);
    QCOMPARE(report.modelFailures.size(), 3);
    QCOMPARE(report.drafts, 3);
    QCOMPARE(store::DraftRepository(*m_db).listForCase(report.caseId).value().size(), 3);
}

void TestEnrichment::cancelKeepsOfflineDrafts()
{
    mtr::test::FakeLlmServer server;
    QVERIFY(server.listen());
    auto slow = mtr::test::FakeLlmServer::answer(QStringLiteral("{}"), 1);
    slow.firstByteDelayMs = 20000;
    server.setDefaultReply(slow);
    EnrichmentOptions options;
    options.useModel = true;
    options.model.baseUrl = server.baseUrl();
    options.model.model = QStringLiteral("slow-model");
    EnrichmentJob job(config(), options);
    QSignalSpy finished(&job, &EnrichmentJob::finished);
    QSignalSpy requested(&server, &mtr::test::FakeLlmServer::requestReceived);
    const domain::AlertSummary alert = alerts().at(1);
    QVERIFY(job.start(alert.id, alert.tenantId));
    QVERIFY(requested.wait(30000)); // the model request is in flight
    job.cancel();
    QVERIFY(finished.wait(10000));
    const auto report = finished.first().first().value<EnrichmentReport>();
    QVERIFY(report.cancelled);
    QCOMPARE(report.drafts, 3);
    QCOMPARE(store::DraftRepository(*m_db).listForCase(report.caseId).value().size(), 3);
}

void TestEnrichment::agentPrintsOneLinePerCase()
{
    // The agent opens the same workspace next to this test's connection (SQLite WAL).
    QProcess agent;
    agent.start(QStringLiteral(MTR_AGENT_PATH),
                {QStringLiteral("enrich"),
                 QStringLiteral("--once"),
                 QStringLiteral("--all"),
                 QStringLiteral("--workspace"),
                 m_dir.filePath(QStringLiteral("workspace.sqlite"))});
    QVERIFY(agent.waitForFinished(120000));
    QCOMPARE(agent.exitCode(), 0);
    const QStringList lines =
        QString::fromUtf8(agent.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), alerts().size());
    static const QRegularExpression shape(
        QStringLiteral("^enriched alert:\\S+ drafts=3 proposals=\\d+$"));
    for (const QString& line : lines)
        QVERIFY2(shape.match(line).hasMatch(), qPrintable(line));
}

QTEST_GUILESS_MAIN(TestEnrichment)
#include "TestEnrichment.moc"
