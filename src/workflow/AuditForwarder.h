// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"

#include <QString>
#include <QUrl>

namespace mtr::store {
class Database;
}

namespace mtr::workflow {

/// Delivers the audit log to a syslog collector as RFC 5424 messages (AuditExport::syslogLine):
/// tcp:// with RFC 6587 octet counting, tls:// the same over TLS (RFC 5425, the peer certificate
/// always verified) and udp:// one datagram per message (RFC 5426), best effort: only a refused
/// port shows, a datagram a busy collector drops does not.
///
/// Delivery is incremental and at least once. Each collector's cursor in sync_cursors (tenant
/// "*", feed cursorFeed()) holds the last entry it was sent and that entry's hash
/// (AuditLog::Anchor), so a later rewrite or truncation of what it holds shows, both here and in
/// AuditLog::verify(). The cursor moves only after a connection's entries are confirmed: for a
/// stream, we close our side and the collector closes its own without a reset; for UDP, no ICMP
/// "port unreachable" came back. Anything less leaves the cursor, and the next run sends those
/// entries again (the seq parameter tells duplicates apart): over a stream, never a gap.
///
/// One run per collector at a time: a lease row in sync_cursors ("audit-forward-lease:...",
/// renewed every batch, expiring 2 minutes after a run died) makes a second run fail at once
/// instead of sending everything again.
///
/// It does not verify the hash chain: callers run AuditLog::verify() first.
class AuditForwarder
{
public:
    /// Where and how to deliver.
    struct Config
    {
        QUrl collector;        ///< tcp://host:port, tls://host:port or udp://host:port
        QString caFile;        ///< tls only: PEM with extra CAs; verification stays on
        QString hostname;      ///< HOSTNAME field of every message
        QString appName;       ///< APP-NAME field of every message
        int timeoutMs = 15000; ///< for connecting, the TLS handshake and each drain
        int confirmMs = 5000;  ///< how long a stream collector may take to close after us
    };

    /// What one run did.
    struct Outcome
    {
        qint64 forwarded = 0; ///< messages sent by this run
        qint64 lastSeq = 0;   ///< the collector's cursor afterwards; 0 when nothing was ever sent
    };

    /// Checks that \p url names a collector: scheme tcp, tls or udp, a host and a port, nothing
    /// else. The message says what is wrong.
    static Result<void> checkCollector(const QUrl& url);

    /// The cursor's feed name: "audit-forward:" + scheme://host:port.
    static QString cursorFeed(const QUrl& collector);

    /// Works on \p db, which must outlive this object.
    AuditForwarder(store::Database& db, Config config);

    /// Sends every entry after the collector's cursor, in order, moving the cursor as each
    /// connection's entries are confirmed.
    /// Blocks on the network (waitFor...), so run it off the GUI thread. Connects only when
    /// there is something to send. Errors name the collector.
    Result<Outcome> forward();

private:
    store::Database& m_db;
    Config m_config;
};

} // namespace mtr::workflow
