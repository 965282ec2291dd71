// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/ApiTransport.h"

#include "central/ErrorMapper.h"
#include "central/HostUrl.h"
#include "central/OneShotBody.h"
#include "central/TokenProvider.h"
#include "log/Log.h"

#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

namespace mtr::central {

namespace {

/// Retry-After in seconds, -1 when absent or unreadable (HTTP-date form included).
int retryAfterSeconds(const QNetworkReply* reply)
{
    const QByteArray raw = reply->rawHeader(QByteArrayLiteral("Retry-After")).trimmed();
    if (raw.isEmpty()) {
        return -1;
    }
    bool ok = false;
    const int seconds = raw.toInt(&ok);
    if (ok) {
        return std::max(0, seconds);
    }
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(raw), Qt::RFC2822Date);
    return when.isValid() ? int(std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)))
                          : -1;
}

} // namespace

ApiTransport::ApiTransport(CentralConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_nam(new QNetworkAccessManager(this))
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_config.caFile.isEmpty()) {
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(m_config.caFile);
        if (certs.isEmpty()) {
            m_caError = QStringLiteral("the configured CA file holds no readable PEM certificate");
        }
        m_ssl.addCaCertificates(certs);
    }
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiTransport::~ApiTransport() = default;

void ApiTransport::setTokenProvider(TokenProvider* tokens)
{
    m_tokens = tokens;
}

Result<void> ApiTransport::checkUrl(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty()) {
        return Error::make(Error::Code::InvalidInput, QStringLiteral("not a valid Central URL"));
    }
    if (url.scheme() == QLatin1String("https")) {
        return {};
    }
    if (url.scheme() == QLatin1String("http") && HostUrl::isLoopbackHost(url.host())) {
        return {};
    }
    return Error::make(Error::Code::NotAllowed,
                       QStringLiteral("plain http is only allowed to this computer (loopback); "
                                      "use an https URL for Central"));
}

void ApiTransport::send(ApiRequest request, QObject* context, Callback done)
{
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->context = context;
    call->done = std::move(done);
    call->clock.start();

    // Failures found before sending are still reported asynchronously, like every other result.
    Result<void> allowed = checkUrl(call->request.url);
    if (!m_caError.isEmpty()) {
        allowed = Error::make(Error::Code::Tls, m_caError);
    }
    if (!allowed) {
        QMetaObject::invokeMethod(
            this,
            [this, call, e = allowed.error()] {
                complete(call, e, 0);
            },
            Qt::QueuedConnection);
        return;
    }
    start(call);
}

void ApiTransport::start(const CallPtr& call)
{
    ++call->attempt;
    if (!call->request.authenticated) {
        dispatch(call);
        return;
    }
    if (!m_tokens) {
        complete(call, Error::make(Error::Code::Internal, QStringLiteral("no token provider")), 0);
        return;
    }
    m_tokens->token(this, [this, call](Result<QByteArray> token) {
        if (!token) {
            complete(call, token.error(), token.error().httpStatus);
            return;
        }
        call->token = token.value();
        dispatch(call);
    });
}

void ApiTransport::dispatch(const CallPtr& call)
{
    const ApiRequest& r = call->request;
    QNetworkRequest nr(r.url);
    nr.setSslConfiguration(m_ssl);
    nr.setTransferTimeout(m_config.transferTimeoutMs);
    nr.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (r.authenticated) {
        nr.setRawHeader(QByteArrayLiteral("Authorization"),
                        QByteArrayLiteral("Bearer ") + call->token);
    }
    if (!r.tenantId.isEmpty()) {
        nr.setRawHeader(QByteArrayLiteral("X-Tenant-ID"), r.tenantId.toUtf8());
    }
    for (const auto& [name, value] : r.headers) {
        nr.setRawHeader(name, value);
    }

    QNetworkReply* reply = nullptr;
    if (r.method == "GET") {
        reply = m_nam->get(nr);
    } else if (r.idempotent) {
        nr.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(r.contentType));
        reply = m_nam->sendCustomRequest(nr, r.method, r.body);
    } else {
        // A body Qt cannot rewind: Qt then cannot resend a write behind our back.
        nr.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(r.contentType));
        nr.setHeader(QNetworkRequest::ContentLengthHeader, r.body.size());
        nr.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto* body = new OneShotBody(r.body);
        reply = m_nam->sendCustomRequest(nr, r.method, body);
        body->setParent(reply);
    }
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] {
        reply->deleteLater();
        handleReply(call, reply);
    });
}

void ApiTransport::handleReply(const CallPtr& call, QNetworkReply* reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        handleNoAnswer(call, reply);
        return;
    }
    const QByteArray body = reply->readAll();
    if (status >= 200 && status < 300) {
        complete(call, ApiResponse{status, body, call->attempt - 1}, status);
        return;
    }
    handleHttpError(call, status, reply, body);
}

void ApiTransport::handleNoAnswer(const CallPtr& call, QNetworkReply* reply)
{
    const QNetworkReply::NetworkError error = reply->error();
    const bool notSent = ErrorMapper::certainlyNotSent(error);
    if (!call->request.idempotent && !notSent) {
        complete(call, ErrorMapper::outcomeUnknown(call->request.operation), 0);
        return;
    }
    if (error != QNetworkReply::SslHandshakeFailedError && call->request.idempotent
        && retryLater(call, -1, "network")) {
        return;
    }
    complete(call, ErrorMapper::fromNetwork(error, call->request.operation), 0);
}

void ApiTransport::handleHttpError(const CallPtr& call,
                                   int status,
                                   QNetworkReply* reply,
                                   const QByteArray& body)
{
    const ApiRequest& r = call->request;
    if (status == 401 && r.authenticated && !call->refreshedToken && m_tokens) {
        // 401 means Central did not act on the request, so even a write may go again, once.
        call->refreshedToken = true;
        m_tokens->invalidate(call->token);
        --call->attempt;
        start(call);
        return;
    }
    if (status == 429) {
        const int after = retryAfterSeconds(reply);
        if (after <= m_config.retry.maxRetryAfterS && retryLater(call, after, "429")) {
            return;
        }
    } else if (status >= 500 && r.idempotent && retryLater(call, -1, "5xx")) {
        return;
    }
    complete(call, ErrorMapper::fromHttp(status, body, r.operation, !r.idempotent), status);
}

// TODO: each request backs off on its own; many parallel walks hitting 429 together would be
// better served by one shared pause per host, which needs the real quotas (unpublished).
bool ApiTransport::retryLater(const CallPtr& call, int retryAfterS, const char* why)
{
    if (call->attempt >= m_config.retry.maxAttempts) {
        return false;
    }
    const int delay = m_config.retry.delayMs(call->attempt, retryAfterS);
    log::get("central")->warn("retrying op={} tenant={} reason={} attempt={} delay_ms={}",
                              call->request.operation,
                              call->request.tenantId,
                              why,
                              call->attempt,
                              delay);
    QTimer::singleShot(delay, this, [this, call] {
        start(call);
    });
    return true;
}

void ApiTransport::complete(const CallPtr& call, Result<ApiResponse> result, int status)
{
    const auto elapsed = call->clock.elapsed();
    const int retries = std::max(0, call->attempt - 1);
    if (result) {
        log::get("central")->info("request op={} tenant={} status={} duration_ms={} retries={}",
                                  call->request.operation,
                                  call->request.tenantId,
                                  status,
                                  elapsed,
                                  retries);
    } else {
        log::get("central")->error(
            "request failed op={} tenant={} status={} code={} api_code={} request_id={} "
            "duration_ms={} retries={}",
            call->request.operation,
            call->request.tenantId,
            status,
            int(result.error().code),
            result.error().apiCode,
            result.error().requestId,
            elapsed,
            retries);
    }
    if (call->context) {
        call->done(std::move(result));
    }
}

} // namespace mtr::central
