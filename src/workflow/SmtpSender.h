// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"
#include "domain/Secret.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace mtr::workflow {

/// Where customer e-mail goes out. TLS is required (STARTTLS on smtp://, implicit on smtps://)
/// and the server certificate is verified; only a loopback server may be used without TLS.
struct SmtpConfig
{
    QString url;      ///< "smtp://mail.example:587" (STARTTLS) or "smtps://mail.example:465"
    QString from;     ///< envelope and header sender
    QString username; ///< empty: no AUTH
    Secret password;  ///< from the keychain; never logged
    QString caFile;   ///< extra CA bundle (private CA); verification stays on
    bool requireTls = true;
    int timeoutMs = 30000;
};

/// One plain-text message.
struct MailMessage
{
    QString from;
    QStringList to;
    QString subject;
    QString body;      ///< sent exactly, as UTF-8
    QString messageId; ///< "<...@...>"; the same id for every attempt of one outbox item
    QDateTime date;
};

/// Sends e-mail over SMTP with libcurl on a worker thread (never on the caller's thread).
/// An error says whether the message may have been accepted anyway (Error::Code::
/// OutcomeUnknown: the connection failed after the message data went out) or surely was not.
class SmtpSender : public QObject
{
    Q_OBJECT

public:
    /// Uses \p config for every send.
    explicit SmtpSender(SmtpConfig config, QObject* parent = nullptr);

    /// Why a configuration may not be used: no URL or sender, an unknown scheme, or TLS turned
    /// off for a host that is not loopback.
    static Result<void> validate(const SmtpConfig& config);

    /// The message as RFC 5322 bytes (CRLF line ends, UTF-8 body, encoded subject).
    static QByteArray format(const MailMessage& message);

    /// A Message-ID that is the same for every attempt of one outbox item.
    static QString messageIdFor(qint64 outboxId, const QString& idempotencyKey);

    /// Sends on a worker thread; \p done runs on \p context's thread with the server's last
    /// reply on success.
    void send(const MailMessage& message,
              QObject* context,
              std::function<void(const Result<QString>&)> done);

    /// Sends on the calling thread (blocking); for workers and tests.
    static Result<QString> sendBlocking(const SmtpConfig& config, const MailMessage& message);

private:
    SmtpConfig m_config;
};

} // namespace mtr::workflow
