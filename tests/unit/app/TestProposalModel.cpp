// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/models/ProposalModel.h"

#include <QColor>
#include <QTest>

using mtr::app::ProposalModel;
using mtr::domain::OutboxItem;
using mtr::domain::Proposal;

namespace {

Proposal proposal(const QString& id)
{
    Proposal p;
    p.id = id;
    p.kind = QStringLiteral("isolate-endpoint");
    p.title = QStringLiteral("Isolate WS-07");
    p.status = QStringLiteral("open");
    return p;
}

OutboxItem item(const QString& proposalId, OutboxItem::State state, const QString& error = {})
{
    OutboxItem i;
    i.proposalId = proposalId;
    i.state = state;
    i.lastError = error;
    return i;
}

} // namespace

/// The approval queue's status column: approvals first, then what the outbox did with the item,
/// failures in red with their reason.
class TestProposalModel : public QObject
{
    Q_OBJECT

private slots:

    void statusFollowsTheOutbox()
    {
        ProposalModel model;
        using S = OutboxItem::State;
        model.setProposals(
            {proposal(QStringLiteral("waiting")),
             proposal(QStringLiteral("sent")),
             proposal(QStringLiteral("retry")),
             proposal(QStringLiteral("failed")),
             proposal(QStringLiteral("unknown"))},
            {{QStringLiteral("sent"), {QStringLiteral("alice")}},
             {QStringLiteral("retry"), {QStringLiteral("alice"), QStringLiteral("bob")}},
             {QStringLiteral("failed"), {QStringLiteral("automation:known-bad-hash")}},
             {QStringLiteral("unknown"), {QStringLiteral("alice")}}},
            {{QStringLiteral("sent"), item(QStringLiteral("sent"), S::Sent)},
             {QStringLiteral("retry"),
              item(QStringLiteral("retry"), S::Pending, QStringLiteral("HTTP 503"))},
             {QStringLiteral("failed"),
              item(QStringLiteral("failed"), S::Failed, QStringLiteral("HTTP 403 forbidden"))},
             {QStringLiteral("unknown"),
              item(QStringLiteral("unknown"),
                   S::OutcomeUnknown,
                   QStringLiteral("connection dropped"))}});
        const auto status = [&model](int row, int role = Qt::DisplayRole) {
            return model.index(row, ProposalModel::StatusColumn).data(role);
        };
        QCOMPARE(status(0).toString(), QStringLiteral("Waiting for approval"));
        QCOMPARE(status(1).toString(), QStringLiteral("Sent"));
        QCOMPARE(status(2).toString(), QStringLiteral("Will retry: HTTP 503"));
        QCOMPARE(status(3).toString(), QStringLiteral("Failed: HTTP 403 forbidden"));
        QCOMPARE(status(4).toString(),
                 QStringLiteral("Outcome unknown, check Central: connection dropped"));
        QCOMPARE(status(3, Qt::ForegroundRole).value<QColor>(), QColor(Qt::red));
        QCOMPARE(status(4, Qt::ForegroundRole).value<QColor>(), QColor(Qt::red));
        QVERIFY(!status(1, Qt::ForegroundRole).isValid());
        QCOMPARE(status(3, Qt::ToolTipRole).toString(),
                 QStringLiteral("Failed: HTTP 403 forbidden"));

        // Who approved: named analysts as recorded, a playbook's run as automation.
        const auto approvedBy = [&model](int row) {
            return model.index(row, ProposalModel::ApprovedByColumn).data().toString();
        };
        QCOMPARE(approvedBy(0), QString());
        QCOMPARE(approvedBy(1), QStringLiteral("alice"));
        QCOMPARE(approvedBy(2), QStringLiteral("alice, bob"));
        QCOMPARE(approvedBy(3), QStringLiteral("Automation (known-bad-hash)"));
        QCOMPARE(model.approvalCount(QStringLiteral("retry")), 2);
    }
};

QTEST_GUILESS_MAIN(TestProposalModel)
#include "TestProposalModel.moc"
