// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/AuditEntry.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <optional>

namespace mtr::store {

class Database;

/// The append-only, hash-chained audit log. Appenders on every connection are serialised (an
/// advisory lock on PostgreSQL, the write lock on SQLite) so the chain never forks; verify()
/// walks it and names the first entry whose link is broken.
class AuditLog
{
public:
    /// Outcome of verify(): ok, or the first broken entry and why.
    struct Verification
    {
        bool ok = true;
        qint64 entries = 0;        ///< entries found intact before the first broken one
        qint64 firstBrokenSeq = 0; ///< 0 when ok, or when the fault is not one entry's
        QString reason;            ///< "hash mismatch", "prev hash mismatch", "sequence gap", ...
    };

    /// Where a collector's forwarding stopped: the last entry sent and its hash. The forward
    /// cursor stores it, so the log cannot later lose or change that entry unnoticed.
    struct Anchor
    {
        qint64 seq = 0;
        QString hash; ///< empty in cursors written before anchors carried one
    };

    /// The sync_cursors feed prefix of forward cursors ("audit-forward:tcp://host:port").
    static QString forwardFeedPrefix();
    /// The cursor text of \p anchor: "<seq>:<hash>".
    static QString anchorText(const Anchor& anchor);
    /// Reads anchorText() (or a bare "<seq>"); nullopt when the text is neither.
    static std::optional<Anchor> parseAnchor(const QString& text);

    /// Works on \p db, which must outlive this object.
    explicit AuditLog(Database& db)
        : m_db(db)
    {}

    /// The prev hash of the first entry: 64 zeros.
    static QString genesisHash();

    /// The exact bytes that are hashed: a compact JSON array of seq, UTC milliseconds, analyst,
    /// tenant, case, kind, payload text and prev hash.
    static QByteArray canonical(const domain::AuditEntry& entry);

    /// Hex SHA-256 of canonical(entry).
    static QString hashOf(const domain::AuditEntry& entry);

    /// Appends an entry (time, analyst, tenantId, caseId, kind, payload used; payload must be a
    /// JSON object and is stored compact). Returns it with seq, prevHash and hash filled in.
    Result<domain::AuditEntry> append(const domain::AuditEntry& entry);

    /// Checks every link from the first entry on, that no stored row stands outside the chain
    /// (a missing or negative seq), and that every forward cursor's entry is still there,
    /// unchanged: the collectors hold copies, so the newest entries cannot vanish unnoticed
    /// once they were forwarded. A read error (a corrupt page) is an error, not a shorter log.
    Result<Verification> verify();

    /// Up to \p limit entries from \p fromSeq on, in order.
    Result<QList<domain::AuditEntry>> entries(qint64 fromSeq, int limit);

    /// Calls \p visit for every entry in order, reading in batches; stops early on false.
    Result<void> forEach(const std::function<bool(const domain::AuditEntry&)>& visit);

private:
    Database& m_db;
};

} // namespace mtr::store
