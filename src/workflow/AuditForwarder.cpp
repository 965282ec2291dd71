// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/AuditForwarder.h"

#include "log/Log.h"
#include "store/AuditExport.h"
#include "store/AuditLog.h"
#include "store/SyncCursorRepository.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUdpSocket>

#include <memory>

namespace mtr::workflow {

using store::AuditExport;
using store::AuditLog;
using store::Database;
using store::SyncCursorRepository;

namespace {

/// The cursors' tenant column: the audit log spans tenants. Not empty, which Qt Sql might bind
/// as NULL.
const QString CursorTenant = QStringLiteral("*");

/// Entries read, framed and sent per round; the cursor moves once per round.
constexpr int BatchSize = 100;

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

/// One connection to the collector.
class Channel
{
public:
    virtual ~Channel() = default;

    virtual Result<void> open() = 0;

    /// Sends \p messages in order. \p sent says how many have left the process, also on error.
    virtual Result<void> send(const QList<QByteArray>& messages, qsizetype& sent) = 0;

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
    Result<void> send(const QList<QByteArray>& messages, qsizetype& sent) override;
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

Result<void> StreamChannel::send(const QList<QByteArray>& messages, qsizetype& sent)
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

    // Written means handed to the kernel: syslog over TCP has no acknowledgement to wait for.
    while (!drained()) {
        if (!m_socket->waitForBytesWritten(m_config.timeoutMs)) {
            return collectorError(Error::Code::Network,
                                  QStringLiteral("lost the connection to"),
                                  m_config.collector,
                                  m_socket->errorString());
        }
    }
    sent = messages.size();
    return {};
}

void StreamChannel::close()
{
    if (!m_socket)
        return;
    m_socket->disconnectFromHost();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->waitForDisconnected(m_config.timeoutMs);
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

    Result<void> send(const QList<QByteArray>& messages, qsizetype& sent) override
    {
        for (const QByteArray& message : messages) {
            if (m_socket.write(message) != message.size()) {
                return collectorError(Error::Code::Network,
                                      QStringLiteral("cannot send to"),
                                      m_config.collector,
                                      m_socket.errorString());
            }
            ++sent;
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

/// The sequence number after which this collector's next run starts.
Result<qint64> startSeq(Database& db, const QString& feed)
{
    const Result<QString> stored = SyncCursorRepository(db).cursor(CursorTenant, feed);
    if (!stored)
        return stored.error();
    if (stored->isEmpty())
        return qint64(0);
    bool ok = false;
    const qint64 seq = stored->toLongLong(&ok);
    if (!ok || seq < 0) {
        return Error::make(Error::Code::Storage,
                           QStringLiteral("the stored forward cursor is not a sequence number"));
    }

    // A cursor past the end means the log was truncated or the workspace replaced; starting
    // there would skip the entries written since, so stop and say so.
    if (seq > 0) {
        const Result<QList<domain::AuditEntry>> at = AuditLog(db).entries(seq, 1);
        if (!at)
            return at.error();
        if (at->isEmpty() || at->first().seq != seq) {
            return Error::make(Error::Code::Storage,
                               QStringLiteral("the audit log has no entry %1, where the forward "
                                              "cursor stands: truncated or replaced workspace")
                                   .arg(seq));
        }
    }
    return seq;
}

/// Sends one batch and moves the cursor past every entry that left the process, also when the
/// send failed half-way.
Result<void> sendBatch(Channel& channel,
                       SyncCursorRepository& cursors,
                       const AuditForwarder::Config& config,
                       const QList<domain::AuditEntry>& batch,
                       AuditForwarder::Outcome& outcome)
{
    const bool udp = config.collector.scheme() == QLatin1String("udp");
    QList<QByteArray> messages;
    Result<void> tooLarge;
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

    qsizetype sent = 0;
    const Result<void> result = messages.isEmpty() ? Result<void>() : channel.send(messages, sent);
    if (sent > 0) {
        const qint64 seq = batch.at(sent - 1).seq;
        const QString feed = AuditForwarder::cursorFeed(config.collector);
        if (auto r = cursors.setCursor(CursorTenant, feed, QString::number(seq)); !r)
            return r;
        outcome.forwarded += sent;
        outcome.lastSeq = seq;
    }
    return result ? tooLarge : result;
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
    return QStringLiteral("audit-forward:") + collectorName(collector);
}

AuditForwarder::AuditForwarder(Database& db, Config config)
    : m_db(db)
    , m_config(std::move(config))
{}

Result<AuditForwarder::Outcome> AuditForwarder::forward()
{
    if (auto r = checkCollector(m_config.collector); !r)
        return r.error();
    const Result<qint64> start = startSeq(m_db, cursorFeed(m_config.collector));
    if (!start)
        return start.error();
    Outcome outcome;
    outcome.lastSeq = start.value();
    AuditLog auditLog(m_db);
    Result<QList<domain::AuditEntry>> batch = auditLog.entries(outcome.lastSeq + 1, BatchSize);
    if (!batch)
        return batch.error();
    if (batch->isEmpty())
        return outcome;

    SyncCursorRepository cursors(m_db);
    const std::unique_ptr<Channel> channel = makeChannel(m_config);
    Result<void> result = channel->open();
    while (result && !batch->isEmpty()) {
        result = sendBatch(*channel, cursors, m_config, batch.value(), outcome);
        if (result) {
            batch = auditLog.entries(outcome.lastSeq + 1, BatchSize);
            if (!batch)
                result = batch.error();
        }
    }
    channel->close();

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
