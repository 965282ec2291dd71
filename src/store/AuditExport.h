// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/AuditEntry.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QIODevice>

namespace mtr::store {

class AuditLog;

/// Audit log export: JSON lines (one object per entry, chain fields included so a copy can be
/// verified elsewhere) and RFC 5424 syslog lines for a collector.
class AuditExport
{
public:
    /// One JSON object without newline: seq, time, analyst, tenant, case, kind, payload (as an
    /// object), prevHash, hash. A stored payload that is not a JSON object (only tampering makes
    /// one) goes out as the string "payloadText" instead, so the export shows what is there.
    static QByteArray jsonLine(const domain::AuditEntry& entry);

    /// One RFC 5424 message without newline: facility log-audit (13), severity info,
    /// MSGID = kind, structured data "mtr@32473" with the chain fields, MSG = BOM + payload.
    static QByteArray
    syslogLine(const domain::AuditEntry& entry, const QString& hostname, const QString& appName);

    /// Writes every entry as a JSON line, also past a broken link; returns how many.
    static Result<qint64> writeJsonLines(AuditLog& log, QIODevice& out);

    /// Writes every entry as a syslog line (LF-terminated); returns how many.
    static Result<qint64>
    writeSyslog(AuditLog& log, QIODevice& out, const QString& hostname, const QString& appName);
};

} // namespace mtr::store
