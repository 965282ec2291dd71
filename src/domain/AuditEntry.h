// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QDateTime>
#include <QString>

namespace mtr::domain {

/// One entry of the append-only audit log. `hash` is the SHA-256 of the canonical form of
/// (seq, time, analyst, tenant, case, kind, payload, prevHash), so each entry seals the one
/// before it and editing any stored entry breaks the chain at that entry.
struct AuditEntry
{
    qint64 seq = 0;  ///< 1, 2, 3, ... without gaps
    QDateTime time;  ///< UTC, millisecond precision
    QString analyst; ///< "" for the system (sync, automation)
    QString tenantId;
    QString caseId;
    QString kind; ///< "model-request", "model-answer", "proposal", "approval", "rejection", "edit",
                  ///< "send", ...
    QString payload;  ///< compact JSON object text (redacted forms only)
    QString prevHash; ///< hex; 64 zeros for the first entry
    QString hash;     ///< hex
};

} // namespace mtr::domain
