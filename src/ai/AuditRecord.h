// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/Draft.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace mtr::ai {

/// One model exchange for the audit log, always in redacted form, even when the model is
/// on-premises and received clear text.
struct AuditRecord
{
    QDateTime at;
    QString caseId;
    QString backend;
    DraftKind kind = DraftKind::CaseSummary;
    bool onPremises = false;
    QByteArray redactedRequest;
    QString redactedAnswer;
    int attempts = 0;
    QString outcome;      ///< "ok", "invalid-answer", or the error code name
    QStringList findings; ///< "<kind>:<value>" of what the validator struck
};

} // namespace mtr::ai

Q_DECLARE_METATYPE(mtr::ai::AuditRecord)
