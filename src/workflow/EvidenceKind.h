// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QByteArray>
#include <QString>

namespace mtr::workflow {

/// The real-format files an analyst can import into a case.
enum class EvidenceKind
{
    Unknown,
    CentralAlerts, ///< Common API alerts or SIEM alert items (JSON, NDJSON, concatenated)
    SiemEvents,    ///< SIEM event items
    Firewall,      ///< Sophos Firewall (SFOS) key=value log lines
    LiveResponse,  ///< a Live Response / Live Discover command output
};

/// Short stable name of a kind ("siem-events", "firewall", ...), for logs and reports.
QString evidenceKindName(EvidenceKind kind);

/// Recognises a file from its first bytes (a few KiB are enough): JSON exports by their
/// fields, firewall logs by their SFOS keys, command outputs by LiveResponseReader's detection.
/// Unknown when nothing fits: the import refuses rather than guessing.
EvidenceKind detectEvidenceKind(const QByteArray& head);

} // namespace mtr::workflow
