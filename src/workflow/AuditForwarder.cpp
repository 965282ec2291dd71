// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/AuditForwarder.h"

#include "log/Log.h"
#include "store/AuditExport.h"
#include "store/AuditLog.h"
#include "store/SyncCursorRepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QSysInfo>
#include <QTcpSocket>
#include <QUdpSocket>

#include <cerrno>
#include <cstring>
#include <memory>

// The delivery check reads the socket's own state (SO_ERROR, a peer's close), which Qt does not
// expose; the console targets Linux, where these are POSIX calls.
#include <sys/socket.h>

#include <poll.h>

namespace mtr::workflow {

using store::AuditExport;
using store::AuditLog;
using store::Database;
using store::SyncCursorRepository;

namespace {

/// The cursors' tenant column: the audit log spans tenants. Not empty, which Qt Sql might bind
/// as NULL.
const QString CursorTenant = QStringLiteral("*");

/// Entries read and framed per write.
constexpr int BatchSize = 100;

/// Entries per connection: the cursor moves once a connection's entries are confirmed, so a
/// long backlog is confirmed piecewise instead of all at the end.
constexpr int EntriesPerConnection = 5000;

/// How long a UDP run waits after its last datagram for an ICMP "port unreachable".
constexpr int DatagramSettleMs = 300;

/// The largest UDP payload over IPv4; a longer message cannot travel as one datagram.
constexpr qsizetype MaxDatagram = 65507;

QString collectorName(const QUrl& url)
{
    return url
        .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
                  | QUrl::RemoveFragment)
        .toString();
}

/// "<what> collector tcp://host:port: <detail>"; network trouble is worth a retry.
Error collectorError(Error::Code code,
                     const QString& what,
                     const QUrl& collector,
                     const QString& detail)
{
    return Error::make(
        code,
        QStringLiteral("%1 collector %2: %3").arg(what, collectorName(collector), detail),
        code == Error::Code::Network);
}

/// How long a run's claim on a collector lasts unless renewed (each batch renews it): a run that
/// died holds up the next one at most this long.
constexpr qint64 LeaseMs = 120000;

/// One forward per collector at a time, across processes sharing the database: two would each
/// send everything. hold() claims or renews; the destructor releases.
class ForwardLease
{
public:
    ForwardLease(SyncCursorRepository& cursors, const QUrl& collector)
        : m_cursors(cursors)
        , m_collector(collector)
        , m_feed(QStringLiteral("audit-forward-lease:") + collectorName(collector))
        , m_owner(QStringLiteral("%1:%2")
                      .arg(QSysInfo::machineHostName())
                      .arg(QCoreApplication::applicationPid()))
    {}

    ~ForwardLease()
    {
        // A release that fails only means the next run waits for the lease to expire.
        if (m_held && !m_cursors.releaseLease(CursorTenant, m_feed, m_owner))
            log::get("store")->warn("audit forward lease not released collector={}",
                                    log::fingerprint(collectorName(m_collector)));
    }

    ForwardLease(const ForwardLease&) = delete;
    ForwardLease& operator=(const ForwardLease&) = delete;

    /// Claims or renews; an error when another run holds the collector.
    Result<void> hold()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const Result<bool> claimed =
            m_cursors.claimLease(CursorTenant, m_feed, m_owner, now, now + LeaseMs);
        if (!claimed)
            return claimed.error();
        m_held = claimed.value();
        if (!m_held) {
            return collectorError(Error::Code::NotAllowed,
                                  QStringLiteral("another forward is running to"),
                                  m_collector,
                                  QStringLiteral("try again once it ends"));
        }
        return {};
    }

private:
    SyncCursorRepository& m_cursors;
    const QUrl& m_collector;
    const QString m_feed;
    const QString m_owner;
    bool m_held = false;
};

/// Why a run failed when a UDP collector answered "port unreachable".
const QString PortUnreachable =
    QStringLiteral("nothing listens on that port (the collector refused a datagram)");

/// Why a run failed when a stream collector sent bytes back.
const QString Answered =
    QStringLiteral("it answered, which a syslog receiver does not (a TLS port?)");

/// The error the kernel recorded on \p fd (a reset, an ICMP unreachable), cleared by reading
/// it; 0 when none.
int pendingSocketError(int fd)
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        return errno;
    return error;
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

/// One connection to the collector.
class Channel
{
public:
    virtual ~Channel() = default;

    virtual Result<void> open() = 0;

    /// Sends \p messages in order; success means they left the process, not that they arrived.
    virtual Result<void> send(const QList<QByteArray>& messages) = 0;

    /// After the last send: success only when nothing says the collector missed any of it.
    virtual Result<void> confirm() = 0;

    virtual void close() = 0;
};

/// tcp:// and tls://: RFC 6587 octet counting ("<length> <message>") on one stream.
class StreamChannel final : public Channel
{
public:
    explicit StreamChannel(const AuditForwarder::Config& config)
        : m_config(config)
    {}

    Result<void> open() override;
    Result<void> send(const QList<QByteArray>& messages) override;
    Result<void> confirm() override;
    void close() override;

private:
    Result<void> openTls();

    bool drained() const;

    const AuditForwarder::Config& m_config;
    std::unique_ptr<QTcpSocket> m_socket;
};

Result<void> StreamChannel::open()
{
    if (m_config.collector.scheme() == QLatin1String("tls"))
        return openTls();
    m_socket = std::make_unique<QTcpSocket>();
    m_socket->connectToHost(m_config.collector.host(), quint16(m_config.collector.port()));
    if (!m_socket->waitForConnected(m_config.timeoutMs)) {
        return collectorError(Error::Code::Network,
                              QStringLiteral("cannot connect to"),
                              m_config.collector,
                              m_socket->errorString());
    }
    return {};
}

Result<void> StreamChannel::openTls()
{
    const QUrl& url = m_config.collector;
    if (!QSslSocket::supportsSsl()) {
        return collectorError(Error::Code::Tls,
                              QStringLiteral("no TLS library for"),
                              url,
                              QSslSocket::sslLibraryBuildVersionString());
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    // RFC 5425 makes the collector's certificate the only thing standing between the audit
    // trail and whoever answers on that port: never relaxed, extra CAs only add trust anchors.
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_config.caFile.isEmpty()) {
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(m_config.caFile);
        if (certs.isEmpty()) {
            return Error::make(Error::Code::InvalidInput,
                               QStringLiteral("the CA file holds no readable PEM certificate"));
        }
        tls.addCaCertificates(certs);
    }
    auto socket = std::make_unique<QSslSocket>();
    socket->setSslConfiguration(tls);
    socket->connectToHostEncrypted(url.host(), quint16(url.port()));
    const bool encrypted = socket->waitForEncrypted(m_config.timeoutMs);
    QStringList reasons;
    for (const QSslError& e : socket->sslHandshakeErrors())
        reasons << e.errorString();
    m_socket = std::move(socket);
    if (!reasons.isEmpty()) {
        return collectorError(Error::Code::Tls,
                              QStringLiteral("cannot verify"),
                              url,
                              reasons.join(QStringLiteral("; ")));
    }
    if (!encrypted) {
        return collectorError(Error::Code::Network,
                              QStringLiteral("cannot connect over TLS to"),
                              url,
                              m_socket->errorString());
    }
    return {};
}

bool StreamChannel::drained() const
{
    const auto* tls = qobject_cast<const QSslSocket*>(m_socket.get());
    return m_socket->bytesToWrite() == 0 && (!tls || tls->encryptedBytesToWrite() == 0);
}

Result<void> StreamChannel::send(const QList<QByteArray>& messages)
{
    QByteArray frames;
    for (const QByteArray& message : messages)
        frames += QByteArray::number(message.size()) + ' ' + message;
    if (m_socket->state() != QAbstractSocket::ConnectedState
        || m_socket->write(frames) != frames.size()) {
        return collectorError(Error::Code::Network,
                              QStringLiteral("cannot write to"),
                              m_config.collector,
                              m_socket->errorString());
    }
    while (!drained()) {
        if (!m_socket->waitForBytesWritten(m_config.timeoutMs)) {
            return collectorError(Error::Code::Network,
                                  QStringLiteral("lost the connection to"),
                                  m_config.collector,
                                  m_socket->errorString());
        }
    }
    return {};
}

Result<void> StreamChannel::confirm()
{
    // Syslog over TCP has no acknowledgement, and bytes the kernel took may still be thrown
    // away by a collector that stops reading or resets. So close our sending side and wait for
    // the collector to close its own: a clean close means it read to the end; a reset, or a
    // plain-TCP collector that talks back (a TLS port, say), means it did not take everything.
    const bool tls = m_config.collector.scheme() == QLatin1String("tls");
    const auto failed = [this](const QString& detail) {
        return collectorError(Error::Code::Network,
                              QStringLiteral("unconfirmed delivery to"),
                              m_config.collector,
                              detail);
    };
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return failed(
            QStringLiteral("it closed the connection early: %1").arg(m_socket->errorString()));
    if (!tls && m_socket->bytesAvailable() > 0)
        return failed(Answered);
    const int fd = int(m_socket->socketDescriptor());
    if (::shutdown(fd, SHUT_WR) != 0)
        return failed(errnoText(errno));
    QDeadlineTimer deadline(m_config.confirmMs);
    forever {
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, int(deadline.remainingTime()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0) {
            // Still open: it may be slow to read, but nothing says it lost anything.
            log::get("store")->warn("audit forward collector={} did not close within {} ms",
                                    log::fingerprint(collectorName(m_config.collector)),
                                    m_config.confirmMs);
            return {};
        }
        if (const int error = pendingSocketError(fd); error != 0)
            return failed(errnoText(error));
        char buffer[4096];
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n == 0)
            return {};
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            return failed(errnoText(errno));
        if (n > 0 && !tls)
            return failed(Answered);
        // TLS: the collector's close_notify; read on to its close.
    }
}

void StreamChannel::close()
{
    // confirm() already ended the conversation; abort() also covers a failed run.
    if (m_socket)
        m_socket->abort();
}

/// udp://: one message per datagram (RFC 5426).
class DatagramChannel final : public Channel
{
public:
    explicit DatagramChannel(const AuditForwarder::Config& config)
        : m_config(config)
    {}

    Result<void> open() override
    {
        // Connected, so that an ICMP "port unreachable" fails the next write instead of
        // vanishing.
        m_socket.connectToHost(m_config.collector.host(), quint16(m_config.collector.port()));
        if (!m_socket.waitForConnected(m_config.timeoutMs)) {
            return collectorError(Error::Code::Network,
                                  QStringLiteral("cannot reach"),
                                  m_config.collector,
                                  m_socket.errorString());
        }
        return {};
    }

    Result<void> send(const QList<QByteArray>& messages) override
    {
        for (const QByteArray& message : messages) {
            if (m_socket.write(message) != message.size()) {
                // An ICMP "port unreachable" for an earlier datagram fails this write.
                return collectorError(Error::Code::Network,
                                      QStringLiteral("cannot send to"),
                                      m_config.collector,
                                      m_socket.error() == QAbstractSocket::ConnectionRefusedError
                                              || m_socket.error()
                                                     == QAbstractSocket::UnknownSocketError
                                          ? PortUnreachable
                                          : m_socket.errorString());
            }
        }
        return {};
    }

    Result<void> confirm() override
    {
        // UDP has no delivery at all; the one sign of loss is an ICMP "port unreachable" for
        // the last datagrams, which comes back within a moment.
        const int fd = int(m_socket.socketDescriptor());
        pollfd p{fd, 0, 0};
        ::poll(&p, 1, DatagramSettleMs);
        if (pendingSocketError(fd) != 0) {
            return collectorError(Error::Code::Network,
                                  QStringLiteral("cannot send to"),
                                  m_config.collector,
                                  PortUnreachable);
        }
        return {};
    }

    void close() override
    {
        m_socket.disconnectFromHost();
    }

private:
    const AuditForwarder::Config& m_config;
    QUdpSocket m_socket;
};

/// Where this collector's next run starts: the last entry it was sent, still as it was then.
Result<AuditLog::Anchor> startAnchor(Database& db, const QString& feed)
{
    const Result<QString> stored = SyncCursorRepository(db).cursor(CursorTenant, feed);
    if (!stored)
        return stored.error();
    if (stored->isEmpty())
        return AuditLog::Anchor{};
    const std::optional<AuditLog::Anchor> anchor = AuditLog::parseAnchor(stored.value());
    if (!anchor) {
        return Error::make(Error::Code::Storage,
                           QStringLiteral("the stored forward cursor is not a sequence number"));
    }

    // Starting past an entry that is gone or changed would skip or contradict what the
    // collector holds: stop and say so.
    if (anchor->seq > 0) {
        const Result<QList<domain::AuditEntry>> at = AuditLog(db).entries(anchor->seq, 1);
        if (!at)
            return at.error();
        if (at->isEmpty() || at->first().seq != anchor->seq) {
            return Error::make(Error::Code::Storage,
                               QStringLiteral("the audit log has no entry %1, where the forward "
                                              "cursor stands: truncated or replaced workspace")
                                   .arg(anchor->seq));
        }
        if (!anchor->hash.isEmpty() && at->first().hash != anchor->hash) {
            return Error::make(Error::Code::Storage,
                               QStringLiteral("entry %1 differs from what this collector was "
                                              "sent: the log was rewritten")
                                   .arg(anchor->seq));
        }
    }
    return anchor.value();
}

/// The syslog messages of \p batch; an entry too large for one datagram ends the list there
/// and is reported in \p tooLarge.
QList<QByteArray> messagesOf(const AuditForwarder::Config& config,
                             const QList<domain::AuditEntry>& batch,
                             Result<void>& tooLarge)
{
    const bool udp = config.collector.scheme() == QLatin1String("udp");
    QList<QByteArray> messages;
    for (const domain::AuditEntry& entry : batch) {
        QByteArray message = AuditExport::syslogLine(entry, config.hostname, config.appName);
        if (udp && message.size() > MaxDatagram) {
            tooLarge = collectorError(Error::Code::NotAllowed,
                                      QStringLiteral("cannot send to"),
                                      config.collector,
                                      QStringLiteral("entry %1 is %2 bytes, too large for one "
                                                     "UDP datagram; use tcp:// or tls://")
                                          .arg(entry.seq)
                                          .arg(message.size()));
            break;
        }
        messages.append(std::move(message));
    }
    return messages;
}

std::unique_ptr<Channel> makeChannel(const AuditForwarder::Config& config)
{
    if (config.collector.scheme() == QLatin1String("udp"))
        return std::make_unique<DatagramChannel>(config);
    return std::make_unique<StreamChannel>(config);
}

} // namespace

Result<void> AuditForwarder::checkCollector(const QUrl& url)
{
    const QString scheme = url.scheme();
    if (!url.isValid()
        || (scheme != QLatin1String("tcp") && scheme != QLatin1String("tls")
            && scheme != QLatin1String("udp"))) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("a collector is tcp://, tls:// or udp://host:port"));
    }
    if (url.host().isEmpty() || url.port() < 1) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("a collector URL needs a host and a port"));
    }
    if (!url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        || url.hasQuery() || url.hasFragment()) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("a collector URL has no user, path or query"));
    }
    return {};
}

QString AuditForwarder::cursorFeed(const QUrl& collector)
{
    return AuditLog::forwardFeedPrefix() + collectorName(collector);
}

AuditForwarder::AuditForwarder(Database& db, Config config)
    : m_db(db)
    , m_config(std::move(config))
{}

Result<AuditForwarder::Outcome> AuditForwarder::forward()
{
    if (auto r = checkCollector(m_config.collector); !r)
        return r.error();
    SyncCursorRepository cursors(m_db);
    ForwardLease lease(cursors, m_config.collector);
    if (auto r = lease.hold(); !r)
        return r.error();
    const QString feed = cursorFeed(m_config.collector);
    const Result<AuditLog::Anchor> start = startAnchor(m_db, feed);
    if (!start)
        return start.error();
    Outcome outcome;
    outcome.lastSeq = start->seq;
    AuditLog auditLog(m_db);

    // One connection per EntriesPerConnection entries; the cursor moves to a connection's last
    // entry only once confirm() found nothing lost, so a failure resends that connection's
    // entries on the next run (at least once: the seq parameter tells duplicates apart).
    Result<void> result;
    forever {
        Result<QList<domain::AuditEntry>> batch = auditLog.entries(outcome.lastSeq + 1, BatchSize);
        if (!batch) {
            result = batch.error();
            break;
        }
        if (batch->isEmpty())
            break;
        const std::unique_ptr<Channel> channel = makeChannel(m_config);
        result = channel->open();
        AuditLog::Anchor sent;
        qint64 count = 0;
        while (result && !batch->isEmpty() && count < EntriesPerConnection) {
            Result<void> tooLarge;
            const QList<QByteArray> messages = messagesOf(m_config, batch.value(), tooLarge);
            result = lease.hold();
            if (result && !messages.isEmpty())
                result = channel->send(messages);
            if (result && !messages.isEmpty()) {
                const domain::AuditEntry& last = batch->at(messages.size() - 1);
                sent = {last.seq, last.hash};
                count += messages.size();
            }
            if (result && !tooLarge)
                result = tooLarge;
            if (result)
                batch = auditLog.entries(sent.seq + 1, BatchSize);
            if (result && !batch)
                result = batch.error();
        }
        // What went out before a failure is confirmed too: an oversized entry stops the run
        // but must not make the collector receive the entries before it again.
        if (count > 0) {
            if (const Result<void> confirmed = channel->confirm(); !confirmed) {
                result = confirmed;
                count = 0;
            }
        }
        channel->close();
        if (count > 0) {
            if (auto r = cursors.setCursor(CursorTenant, feed, AuditLog::anchorText(sent)); !r)
                return r.error();
            outcome.forwarded += count;
            outcome.lastSeq = sent.seq;
        }
        if (!result)
            break;
    }

    const auto logger = log::get("store");
    const QString who = log::fingerprint(collectorName(m_config.collector));
    if (!result) {
        logger->error("audit forward stopped collector={} transport={} code={} forwarded={} "
                      "last_seq={}",
                      who,
                      m_config.collector.scheme(),
                      int(result.error().code),
                      outcome.forwarded,
                      outcome.lastSeq);
        return result.error();
    }
    logger->info("audit forwarded collector={} transport={} forwarded={} last_seq={}",
                 who,
                 m_config.collector.scheme(),
                 outcome.forwarded,
                 outcome.lastSeq);
    return outcome;
}

} // namespace mtr::workflow
