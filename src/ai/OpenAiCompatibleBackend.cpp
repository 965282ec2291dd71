// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/OpenAiCompatibleBackend.h"

#include "log/Log.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mtr::ai {

namespace {

bool isLoopback(const QString& host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0) {
        return true;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Error httpError(int status, const QString& detail)
{
    Error::Code code = Error::Code::Http;
    if (status == 401) {
        code = Error::Code::Unauthorized;
    } else if (status == 403) {
        code = Error::Code::Forbidden;
    } else if (status == 404) {
        code = Error::Code::NotFound;
    } else if (status == 429) {
        code = Error::Code::RateLimited;
    } else if (status >= 500) {
        code = Error::Code::Server;
    }
    Error e = Error::make(code, u"model server: "_s + detail, status == 429 || status >= 500);
    e.httpStatus = status;
    return e;
}

} // namespace

OpenAiCompatibleBackend::OpenAiCompatibleBackend(OpenAiConfig config, QObject* parent)
    : LlmBackend(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
{
    m_idleTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        m_abort = Abort::Timeout;
        if (m_reply) {
            m_reply->abort();
        }
    });
    connect(&m_retryTimer, &QTimer::timeout, this, &OpenAiCompatibleBackend::send);
}

OpenAiCompatibleBackend::~OpenAiCompatibleBackend()
{
    dropReply();
}

QString OpenAiCompatibleBackend::name() const
{
    return u"openai-compatible:"_s
           + (m_config.flavor == OpenAiConfig::Flavor::Azure ? m_config.azureDeployment
                                                             : m_config.model);
}

Result<QUrl> OpenAiCompatibleBackend::endpointUrl(const OpenAiConfig& config)
{
    QUrl url = config.baseUrl;
    if (!url.isValid() || url.host().isEmpty()) {
        return Error::make(Error::Code::InvalidInput, u"model server URL is not valid"_s);
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https"_s && scheme != u"http"_s) {
        return Error::make(Error::Code::InvalidInput, u"model server URL must be http(s)"_s);
    }
    if (scheme == u"http"_s && !isLoopback(url.host()) && !config.onPremises) {
        // Prompts carry case evidence: clear text only on this machine or a server the
        // caller explicitly declared to be on its own premises.
        return Error::make(Error::Code::NotAllowed,
                           u"plain http to a remote model server refused"_s);
    }
    QString path = url.path();
    while (path.endsWith(u'/')) {
        path.chop(1);
    }
    if (config.flavor == OpenAiConfig::Flavor::Azure) {
        if (config.azureDeployment.isEmpty()) {
            return Error::make(Error::Code::InvalidInput, u"Azure deployment missing"_s);
        }
        url.setPath(path + u"/openai/deployments/"_s + config.azureDeployment
                    + u"/chat/completions"_s);
        url.setQuery(QUrlQuery{{u"api-version"_s, config.azureApiVersion}});
        return url;
    }
    if (!path.endsWith(u"/chat/completions"_s)) {
        path += path.endsWith(u"/v1"_s) ? u"/chat/completions"_s : u"/v1/chat/completions"_s;
    }
    url.setPath(path);
    return url;
}

QByteArray OpenAiCompatibleBackend::requestBody(const LlmRequest& request) const
{
    QJsonArray messages;
    for (const auto& m : request.messages) {
        messages.append(QJsonObject{{u"role"_s, m.role}, {u"content"_s, m.content}});
    }
    QJsonObject body{{u"messages"_s, messages},
                     {u"stream"_s, m_config.stream},
                     {u"temperature"_s, request.temperature}};
    if (!m_config.model.isEmpty()) {
        body.insert(u"model"_s, m_config.model);
    }
    if (!request.jsonSchema.isEmpty() && m_config.jsonSchema) {
        body.insert(u"response_format"_s,
                    QJsonObject{{u"type"_s, u"json_schema"_s},
                                {u"json_schema"_s,
                                 QJsonObject{{u"name"_s, request.schemaName},
                                             {u"strict"_s, true},
                                             {u"schema"_s, request.jsonSchema}}}});
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void OpenAiCompatibleBackend::start(const LlmRequest& request)
{
    if (m_running) {
        cancel();
    }
    m_text.clear();
    m_attempt = 0;
    m_running = true;
    auto url = endpointUrl(m_config);
    if (!url) {
        const Error error = url.error();
        QTimer::singleShot(0, this, [this, error] {
            finish(false, error);
        });
        return;
    }
    m_url = url.value();
    m_body = requestBody(request);
    send();
}

void OpenAiCompatibleBackend::send()
{
    dropReply();
    ++m_attempt;
    m_buffer.clear();
    m_streamed = false;
    m_sawDone = false;
    m_abort = Abort::None;

    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Accept", m_config.stream ? "text/event-stream" : "application/json");
    if (!m_config.apiKey.isEmpty()) {
        if (m_config.flavor == OpenAiConfig::Flavor::Azure) {
            request.setRawHeader("api-key", m_config.apiKey.toUtf8());
        } else {
            request.setRawHeader("Authorization", "Bearer " + m_config.apiKey.toUtf8());
        }
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_config.extraCaCertificates.isEmpty()) {
        tls.addCaCertificates(m_config.extraCaCertificates);
    }
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);

    mtr::log::get("ai")->info("model request backend={} attempt={} bytes={}",
                              name(),
                              m_attempt,
                              m_body.size());
    m_reply = m_network->post(request, m_body);
    connect(m_reply, &QNetworkReply::readyRead, this, &OpenAiCompatibleBackend::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &OpenAiCompatibleBackend::onFinished);
    m_idleTimer.start(m_config.firstByteTimeoutMs);
}

void OpenAiCompatibleBackend::onReadyRead()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_idleTimer.start(m_config.idleTimeoutMs);
    if (status >= 300) {
        return; // error body is read in onFinished
    }
    m_streamed = m_reply->header(QNetworkRequest::ContentTypeHeader)
                     .toString()
                     .contains(u"text/event-stream"_s, Qt::CaseInsensitive);
    if (!m_streamed) {
        return; // a plain JSON answer arrives whole
    }
    m_buffer += m_reply->readAll();
    consumeEvents(false);
}

void OpenAiCompatibleBackend::consumeEvents(bool flush)
{
    qsizetype newline = 0;
    while ((newline = m_buffer.indexOf('\n')) >= 0 || (flush && !m_buffer.isEmpty())) {
        const qsizetype end = newline >= 0 ? newline : m_buffer.size();
        const QByteArray line = m_buffer.left(end).trimmed();
        m_buffer.remove(0, std::min(end + 1, m_buffer.size()));
        if (!line.startsWith("data:")) {
            continue; // comments, "event:" lines and blank separators
        }
        const QByteArray data = line.mid(5).trimmed();
        if (data == "[DONE]") {
            m_sawDone = true;
            continue;
        }
        const QJsonObject event = QJsonDocument::fromJson(data).object();
        const QJsonObject choice = event.value(u"choices"_s).toArray().at(0).toObject();
        const QString piece = choice.value(u"delta"_s).toObject().value(u"content"_s).toString();
        if (!choice.value(u"finish_reason"_s).toString().isEmpty()) {
            m_sawDone = true;
        }
        if (!piece.isEmpty()) {
            m_text += piece;
            emit chunkReceived(piece);
        }
    }
}

bool OpenAiCompatibleBackend::scheduleRetry(int status)
{
    if (!(status == 429 || status >= 500) || !m_text.isEmpty() || m_attempt > m_config.maxRetries) {
        return false;
    }
    int delay = std::min(m_config.maxBackoffMs, m_config.backoffBaseMs << (m_attempt - 1));
    delay += int(QRandomGenerator::global()->bounded(std::max(1, m_config.backoffBaseMs / 2)));
    bool hasRetryAfter = false;
    const int retryAfter = m_reply->rawHeader("Retry-After").toInt(&hasRetryAfter);
    if (hasRetryAfter && retryAfter >= 0) {
        delay = std::min(m_config.maxBackoffMs, retryAfter * 1000);
    }
    mtr::log::get("ai")->warn("model server status={} attempt={} retry_in_ms={}",
                              status,
                              m_attempt,
                              delay);
    emit retryScheduled(m_attempt, delay);
    m_retryTimer.start(delay);
    return true;
}

void OpenAiCompatibleBackend::onFinished()
{
    m_idleTimer.stop();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto networkError = m_reply->error();
    if (m_abort == Abort::Cancelled) {
        return; // cancel() already reported
    }
    if (m_abort == Abort::Timeout) {
        finish(false, Error::make(Error::Code::Timeout, u"model server timed out"_s, true));
        return;
    }
    if (status >= 300) {
        if (!scheduleRetry(status)) {
            finish(false, httpError(status, u"HTTP status "_s + QString::number(status)));
        }
        return;
    }
    if (networkError != QNetworkReply::NoError) {
        const bool tls = networkError == QNetworkReply::SslHandshakeFailedError;
        finish(false,
               Error::make(tls ? Error::Code::Tls : Error::Code::Network,
                           m_text.isEmpty() ? u"model server unreachable"_s
                                            : u"model stream dropped"_s,
                           true));
        return;
    }
    m_streamed = m_streamed
                 || m_reply->header(QNetworkRequest::ContentTypeHeader)
                        .toString()
                        .contains(u"text/event-stream"_s, Qt::CaseInsensitive);
    if (m_streamed) {
        m_buffer += m_reply->readAll();
        consumeEvents(true);
    } else {
        const QJsonObject doc = QJsonDocument::fromJson(m_reply->readAll()).object();
        m_text = doc.value(u"choices"_s)
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"message"_s)
                     .toObject()
                     .value(u"content"_s)
                     .toString();
        if (!m_text.isEmpty()) {
            emit chunkReceived(m_text);
        }
    }
    if (m_streamed && !m_sawDone) {
        finish(false, Error::make(Error::Code::Network, u"model stream ended early"_s, true));
        return;
    }
    finish(true);
}

void OpenAiCompatibleBackend::finish(bool ok, Error error)
{
    if (!m_running) {
        return;
    }
    m_running = false;
    m_retryTimer.stop();
    m_idleTimer.stop();
    LlmAnswer answer;
    answer.ok = ok;
    answer.text = m_text;
    answer.error = std::move(error);
    answer.requestBody = m_body;
    answer.attempts = m_attempt;
    answer.streamed = m_streamed;
    mtr::log::get("ai")->info("model answer backend={} ok={} attempts={} chars={}",
                              name(),
                              ok,
                              m_attempt,
                              m_text.size());
    dropReply();
    emit finished(answer);
}

void OpenAiCompatibleBackend::cancel()
{
    if (!m_running) {
        return;
    }
    m_abort = Abort::Cancelled;
    if (m_reply) {
        m_reply->abort();
    }
    finish(false, Error::make(Error::Code::Cancelled, u"cancelled"_s));
}

void OpenAiCompatibleBackend::dropReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_reply = nullptr;
}

} // namespace mtr::ai
