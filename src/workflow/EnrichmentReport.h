// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/OpenAiCompatibleBackend.h"
#include "domain/Error.h"
#include "workflow/AiScorer.h"
#include "workflow/RolloutPolicy.h"

#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace mtr::workflow {

/// How a case is enriched: the tenant policies and, optionally, an OpenAI-compatible model.
struct EnrichmentOptions
{
    RolloutPolicy policy;
    bool useModel = false;  ///< false: the offline drafter only
    ai::OpenAiConfig model; ///< used when useModel
};

/// The analyst's notes for a new draft, by int(domain::Draft::Kind): what the model should do
/// differently. Only a model can follow them; the offline drafter ignores them.
using DraftNotes = QHash<int, QString>;

/// What enriching one case did.
struct EnrichmentReport
{
    QString caseId;
    QString tenantId;
    bool ok = false;
    bool cancelled = false;
    Error error;               ///< when !ok
    int drafts = 0;            ///< AI drafts stored (offline or model)
    int modelDrafts = 0;       ///< of which the model wrote
    int proposals = 0;         ///< proposals of the case allowed by the rollout phase
    int autoApproved = 0;      ///< approved by conditional automation
    int newIndicators = 0;     ///< indicators added by the case assembly
    AiScore score;             ///< the alert's triage score and its reasons
    QStringList modelFailures; ///< "<draft kind>: <error>" where the offline draft stood
};

} // namespace mtr::workflow

Q_DECLARE_METATYPE(mtr::workflow::EnrichmentReport)
