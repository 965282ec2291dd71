// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Severity.h"

#include <QDateTime>
#include <QString>

namespace mtr::domain {

/// One row of the alert queue: the columns the queue shows, read in pages from the store.
/// Status and AI score are local triage state, not Central's.
struct AlertSummary
{
    QString id;
    QString tenantId;
    QString tenantName;
    Severity severity = Severity::Unknown;
    QString status;      ///< "new", "acknowledged", ...
    QDateTime raisedAt;  ///< UTC
    double aiScore = -1; ///< 0..1, or -1 when not scored yet
    QString type;
    QString description; ///< attacker-influenced: plain text only
};

} // namespace mtr::domain
