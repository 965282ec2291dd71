// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/SmtpSender.h"

#include "log/Log.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QPointer>
#include <QThread>
#include <QUrl>

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace mtr::workflow {

namespace {

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readBody(char* buffer, size_t size, size_t count, void* user)
{
    auto* upload = static_cast<Upload*>(user);
    const qsizetype room = qsizetype(size * count);
    const qsizetype left = upload->data.size() - upload->offset;
    const qsizetype n = std::min(room, left);
    if (n > 0) {
        std::memcpy(buffer, upload->data.constData() + upload->offset, size_t(n));
        upload->offset += n;
    }
    return size_t(n);
}

QByteArray encodedHeader(const QString& text)
{
    bool ascii = true;
    for (QChar c : text) {
        if (c.unicode() > 126 || c.unicode() < 32)
            ascii = false;
    }
    if (ascii)
        return text.toLatin1();
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

bool isLoopback(const QString& host)
{
    const QHostAddress address(host);
    return host == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
}

/// Whether a libcurl failure may have come after the server took the message.
bool mayHaveBeenAccepted(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_LOGIN_DENIED:
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return false;
    default:
        return true;
    }
}

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        curl_global_init(CURL_GLOBAL_DEFAULT);
    });
}

} // namespace

SmtpSender::SmtpSender(SmtpConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{}

Result<void> SmtpSender::validate(const SmtpConfig& config)
{
    const QUrl url(config.url);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("smtp") && scheme != QLatin1String("smtps")))
        return Error::make(
            Error::Code::InvalidInput,
            QStringLiteral("SMTP URL must be smtp://host:port or smtps://host:port"));
    if (config.from.isEmpty())
        return Error::make(Error::Code::InvalidInput, QStringLiteral("no sender address"));
    if (!config.requireTls && !isLoopback(url.host()))
        return Error::make(Error::Code::NotAllowed,
                           QStringLiteral("SMTP without TLS is allowed on loopback only"));
    return {};
}

QString SmtpSender::messageIdFor(qint64 outboxId, const QString& idempotencyKey)
{
    const QByteArray hash =
        QCryptographicHash::hash(idempotencyKey.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("<outbox-%1-%2@mtr-review-console.invalid>")
        .arg(outboxId)
        .arg(QString::fromLatin1(hash.left(16)));
}

QByteArray SmtpSender::format(const MailMessage& m)
{
    QByteArray out;
    const QDateTime date = m.date.isValid() ? m.date : QDateTime::currentDateTimeUtc();
    out += "Date: " + date.toUTC().toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    out += "From: " + m.from.toUtf8() + "\r\n";
    out += "To: " + m.to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    out += "Subject: " + encodedHeader(m.subject) + "\r\n";
    out += "Message-ID: " + m.messageId.toUtf8() + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Transfer-Encoding: 8bit\r\n\r\n";
    QString body = m.body;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    body.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    out += body.toUtf8();
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

Result<QString> SmtpSender::sendBlocking(const SmtpConfig& config, const MailMessage& message)
{
    if (auto r = validate(config); !r)
        return r.error();
    if (message.to.isEmpty())
        return Error::make(Error::Code::InvalidInput, QStringLiteral("no recipients"));
    initCurlOnce();
    CURL* curl = curl_easy_init();
    if (!curl)
        return Error::make(Error::Code::Internal, QStringLiteral("curl_easy_init failed"));
    Upload upload{format(message), 0};
    curl_slist* recipients = nullptr;
    for (const QString& to : message.to)
        recipients = curl_slist_append(recipients, to.toUtf8().constData());
    const QByteArray url = config.url.toUtf8();
    const QByteArray from = QByteArray("<") + config.from.toUtf8() + ">";
    const QByteArray user = config.username.toUtf8();
    const QByteArray password = config.password.reveal().toUtf8();
    const QByteArray caFile = config.caFile.toUtf8();
    char errorText[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, &readBody);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl,
                     CURLOPT_USE_SSL,
                     long(config.requireTls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!caFile.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, caFile.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(config.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorText);
    const CURLcode code = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code == CURLE_OK)
        return QStringLiteral("smtp %1").arg(reply);
    const QString detail = QString::fromUtf8(errorText[0] ? errorText : curl_easy_strerror(code));
    mtr::log::get("workflow")->warn("smtp send failed code={} reply={}", int(code), reply);
    const bool unknown = mayHaveBeenAccepted(code) && upload.offset > 0;
    Error e = Error::make(unknown ? Error::Code::OutcomeUnknown : Error::Code::Network,
                          QStringLiteral("smtp: ") + detail,
                          !unknown);
    if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE)
        e.code = Error::Code::Tls;
    if (code == CURLE_LOGIN_DENIED)
        e.code = Error::Code::Unauthorized;
    return e;
}

void SmtpSender::send(const MailMessage& message,
                      QObject* context,
                      std::function<void(const Result<QString>&)> done)
{
    const SmtpConfig config = m_config;
    QPointer<QObject> guard(context);
    QThread* thread = QThread::create([config, message, guard, done] {
        const Result<QString> result = sendBlocking(config, message);
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [done, result] {
                done(result);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace mtr::workflow
