// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/ProposalEngine.h"
#include "support/AiDemoCase.h"
#include "workflow/OutboxPayload.h"
#include "workflow/ProposalMapper.h"

#include <QTest>

using mtr::ai::PlaybookCatalog;
using mtr::ai::ProposalEngine;
using mtr::domain::RolloutPhase;
using mtr::workflow::OutboxPayload;
using mtr::workflow::ProposalMapper;

/// What the approval queue shows of each proposal: the shipped playbooks mapped over the demo
/// case, as the console does when a case opens.
class TestProposalMapper : public QObject
{
    Q_OBJECT

private slots:

    void everyProposalSaysWhatWhyAndImpact()
    {
        auto catalog = PlaybookCatalog::builtIn();
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().message));
        const ProposalEngine engine(catalog.value(), {});
        const auto caseFile = mtr::test::aiDemoCase();
        const auto set = engine.propose(caseFile, RolloutPhase::Assisted, {});
        QVERIFY(!set.proposals.isEmpty());

        QStringList kinds;
        for (const auto& step : set.proposals) {
            const auto p = ProposalMapper::toDomain(step, caseFile);
            const QByteArray where = p.id.toUtf8();
            QVERIFY2(!p.title.trimmed().isEmpty(), where.constData());
            QVERIFY2(!p.reason.trimmed().isEmpty(), where.constData());
            QVERIFY2(!p.expectedImpact.trimmed().isEmpty(), where.constData());
            kinds.append(p.kind);

            // Containment names its target: the machine that goes dark, the hash that is blocked.
            if (p.kind == QLatin1String(OutboxPayload::IsolateEndpoint)) {
                const auto* endpoint = caseFile.endpoint(step.endpointId);
                QVERIFY(endpoint);
                QVERIFY2(p.title.endsWith(QLatin1String(": ") + endpoint->hostname),
                         qPrintable(p.title));
                QCOMPARE(p.highImpact, endpoint->isServer);
            }
            if (p.kind == QLatin1String(OutboxPayload::BlockHash)) {
                QString sha256;
                for (const auto& i : caseFile.indicators) {
                    if (sha256.isEmpty() && i.type == mtr::domain::Indicator::Type::Sha256)
                        sha256 = i.value;
                }
                QVERIFY(!sha256.isEmpty());
                QVERIFY2(p.title.endsWith(QLatin1String(": ") + sha256), qPrintable(p.title));
            }
        }
        QVERIFY2(kinds.contains(QLatin1String(OutboxPayload::IsolateEndpoint)),
                 qPrintable(kinds.join(QLatin1Char(','))));
        QVERIFY(kinds.contains(QLatin1String(OutboxPayload::LiveResponse)));
    }
};

QTEST_GUILESS_MAIN(TestProposalMapper)
#include "TestProposalMapper.moc"
