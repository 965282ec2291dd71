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
/// always verified) and udp:// one datagram per message (RFC 5426).
///
/// Delivery is incremental and at least once: the last forwarded sequence number of each
/// collector is kept in sync_cursors (tenant "*", feed cursorFeed()) and only moves past an entry
/// once its bytes left the process (a stream drained to the kernel, a datagram written). A
/// failure stops the run with the cursor on the last entry known sent, so the next run resumes
/// there; syslog has no acknowledgement, so a collector that drops a connection may see the
/// last batch twice (the seq parameter tells duplicates apart), never a gap.
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

    /// Sends every entry after the collector's cursor, in order, moving the cursor as it goes.
    /// Blocks on the network (waitFor...), so run it off the GUI thread. Connects only when
    /// there is something to send. Errors name the collector.
    Result<Outcome> forward();

private:
    store::Database& m_db;
    Config m_config;
};

} // namespace mtr::workflow
