// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QDateTime>
#include <QString>

namespace mtr::domain {

/// Something the assistant (or an analyst) proposes to do: collect evidence, contain, or send a
/// customer message. `content` is the exact text that would be sent; approvals bind to its
/// SHA-256 digest, so any change to it voids them.
struct Proposal
{
    QString id;
    QString tenantId;
    QString caseId;
    QString kind; ///< "isolate-endpoint", "alert-action", "live-discover", "customer-message", ...
    QString title;
    QString reason; ///< why it is proposed
    QString expectedImpact;
    QString evidence;        ///< JSON array of evidence ids behind it
    QString content;         ///< the exact content (JSON or text) an approval covers
    bool highImpact = false; ///< may need a second, different analyst
    QString status;          ///< "open", "rejected", "withdrawn"
    QDateTime createdAt;     ///< UTC
};

} // namespace mtr::domain
