// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace mtr::ai {

/// A step the assistant proposes: a Live Discover query (runs through the API), a Live Response
/// command (the analyst runs it and pastes the output) or a containment action.
struct Proposal
{
    enum class Kind
    {
        LiveDiscoverQuery,
        LiveResponseCommand,
        Containment,
    };

    Kind kind = Kind::LiveDiscoverQuery;
    QString id; ///< playbook step id, "isolate-endpoint"
    QString playbookId;
    QString title;
    QString action; ///< containment: "isolateEndpoint", "blockHash", "alertAction:acknowledge"
    QString detail; ///< SQL or command line
    QString reads;  ///< evidence kind the pasted output is read as ("live-response:netstat")
    QString reason;
    QString impact;
    QString risk;       ///< "low", "high"
    QString endpointId; ///< target endpoint, may be empty
    QString alertId;    ///< alert that triggered it
    bool needsApproval = true;
    bool automatic = false; ///< conditional automation: runs without a click, audited and shown
};

/// A past alert closed by an analyst; the caller supplies these from the store.
struct ClosedAlert
{
    QString alertId;
    QString caseId;
    QString ruleKey; ///< PlaybookCatalog::ruleKey() of that alert
    QString endpointId;
    QString resolution; ///< "falsePositive", "truePositive", "benign", ...
    QDateTime closedAt;
};

/// Shown beside an alert when the same rule on the same host was closed as false positive.
struct FalsePositiveHint
{
    QString alertId;
    QString ruleKey;
    QString endpointId;
    QStringList previousCaseIds;
    int count = 0;
};

} // namespace mtr::ai
