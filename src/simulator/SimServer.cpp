// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "simulator/SimServer.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace mtr::simulator {
namespace {

constexpr size_t MaxLoggedRequests = 100000;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

ApiRequest toApiRequest(const QHttpServerRequest& request)
{
    ApiRequest api;
    api.method = methodName(request.method());
    api.path = request.url().path(QUrl::FullyDecoded);
    api.query = request.query();
    api.body = request.body();
    api.headers = request.headers();
    return api;
}

/// The error a status fault answers with, in the shape of the host it imitates.
ApiResponse faultResponse(const FaultRule& rule, const QString& path)
{
    const QString error = rule.status == 429   ? QStringLiteral("tooManyRequests")
                          : rule.status == 503 ? QStringLiteral("serviceUnavailable")
                          : rule.status >= 500 ? QStringLiteral("internalServerError")
                          : rule.status == 401 ? QStringLiteral("Unauthorized")
                          : rule.status == 403 ? QStringLiteral("Forbidden")
                          : rule.status == 404 ? QStringLiteral("resourceNotFound")
                                               : QStringLiteral("badRequest");
    const QString message = QStringLiteral("Injected fault: HTTP %1").arg(rule.status);
    ApiResponse response = path == QLatin1String(CentralApi::TokenPath)
                               ? tokenError(rule.status, QStringLiteral("oauth.") + error, message)
                               : apiError(rule.status, error, message);
    if (rule.emptyBody) {
        response.body.clear();
        response.contentType.clear();
    }
    if (rule.retryAfter >= 0)
        response.headers.append({"Retry-After", QByteArray::number(rule.retryAfter)});
    return response;
}

void stripZ(QByteArray& body)
{
    static const QRegularExpression stamp(
        QStringLiteral("\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?)Z\""));
    body = QString::fromUtf8(body).replace(stamp, QStringLiteral("\"\\1\"")).toUtf8();
}

bool isWrite(const QString& method)
{
    return method == QLatin1String("POST") || method == QLatin1String("PUT")
           || method == QLatin1String("PATCH") || method == QLatin1String("DELETE");
}

ApiResponse controlError(int status, const QString& message)
{
    return jsonResponse(status,
                        {{QStringLiteral("error"), QStringLiteral("badRequest")},
                         {QStringLiteral("message"), message}});
}

} // namespace

QJsonObject LoggedRequest::toJson() const
{
    QJsonObject object{{QStringLiteral("seq"), seq},
                       {QStringLiteral("method"), method},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("query"), query},
                       {QStringLiteral("tenant"), tenant},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("bodyDigest"), bodyDigest}};
    if (isWrite(method))
        object.insert(QStringLiteral("body"), body);
    return object;
}

SimServer::SimServer(CentralApi& api, int latencyMs, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_api(api)
    , m_latencyMs(latencyMs)
{}

bool SimServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    ApiRequest api = toApiRequest(request);
    if (api.path.startsWith(QLatin1String("/_sim/"))) {
        respond(request, socket, control(api, request.remoteAddress().isLoopback()), 0);
        return true;
    }

    int delayMs = m_latencyMs;
    bool dropConnection = false;
    bool removeZ = false;
    bool expire = false;
    std::optional<FaultRule> statusRule;
    for (const FaultRule& rule : m_faults.fire(QString::fromLatin1(api.method), api.path)) {
        switch (rule.kind) {
        case FaultKind::Latency:
            delayMs += rule.ms;
            break;
        case FaultKind::Status:
            if (!statusRule)
                statusRule = rule;
            break;
        case FaultKind::ExpireToken:
            expire = true;
            break;
        case FaultKind::DropAfterApply:
            dropConnection = true;
            break;
        case FaultKind::NoZ:
            removeZ = true;
            break;
        }
    }

    ApiResponse response;
    if (expire) {
        m_api.invalidateTokens();
        response =
            apiError(401, QStringLiteral("Unauthorized"), QStringLiteral("Token has expired"));
    } else if (statusRule) {
        response = faultResponse(*statusRule, api.path);
    } else {
        response = m_api.handle(api);
    }
    if (removeZ)
        stripZ(response.body);
    log(api, dropConnection ? 0 : response.status);
    if (dropConnection)
        drop(socket, delayMs);
    else
        respond(request, socket, std::move(response), delayMs);
    return true;
}

void SimServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    respond(request, socket, apiError(404, QStringLiteral("resourceNotFound")), 0);
}

void SimServer::respond(const QHttpServerRequest& request,
                        QTcpSocket* socket,
                        ApiResponse response,
                        int delayMs)
{
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    const auto write = [responder, response = std::move(response)]() {
        responder->writeStatusLine(QHttpServerResponder::StatusCode(response.status));
        if (!response.contentType.isEmpty())
            responder->writeHeader("Content-Type", response.contentType);
        responder->writeHeader("Content-Length", QByteArray::number(response.body.size()));
        for (const auto& [key, value] : response.headers)
            responder->writeHeader(key, value);
        responder->writeBody(response.body);
    };
    if (delayMs <= 0) {
        write();
        return;
    }
    QTimer::singleShot(delayMs, this, [socket = QPointer<QTcpSocket>(socket), write]() {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            write();
    });
}

void SimServer::drop(QTcpSocket* socket, int delayMs)
{
    // The model has already applied the request; the client only loses the answer.
    QTimer::singleShot(std::max(delayMs, 0), this, [socket = QPointer<QTcpSocket>(socket)]() {
        if (socket)
            socket->abort();
    });
}

void SimServer::log(const ApiRequest& request, int status)
{
    LoggedRequest entry;
    entry.seq = ++m_seq;
    entry.method = QString::fromLatin1(request.method);
    entry.path = request.path;
    entry.query = request.query.toString(QUrl::FullyEncoded);
    entry.tenant = QString::fromUtf8(request.header("X-Tenant-ID"));
    entry.status = status;
    entry.bodyDigest = QString::fromLatin1(
        QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex());
    if (isWrite(entry.method)) {
        static const QRegularExpression secret(
            QStringLiteral("(client_secret(?:=|\"\\s*:\\s*\"))[^&\"]*"));
        entry.body = QString::fromUtf8(request.body).replace(secret, QStringLiteral("\\1REDACTED"));
    }
    m_log.push_back(entry);
    if (m_log.size() > MaxLoggedRequests)
        m_log.pop_front();
}

ApiResponse SimServer::control(const ApiRequest& request, bool loopback)
{
    if (!loopback)
        return jsonResponse(
            403,
            {{QStringLiteral("error"), QStringLiteral("Forbidden")},
             {QStringLiteral("message"), QStringLiteral("/_sim/ answers loopback clients only")}});
    const QString& method = QString::fromLatin1(request.method);
    if (request.path == QLatin1String("/_sim/faults")) {
        if (method == QLatin1String("POST")) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
            if (!document.isObject())
                return controlError(400, QStringLiteral("body must be {\"rules\":[...]}"));
            QList<FaultRule> rules;
            for (const QJsonValue& value :
                 document.object().value(QLatin1String("rules")).toArray()) {
                QString error;
                const auto rule = faultFromJson(value.toObject(), error);
                if (!rule)
                    return controlError(400, error);
                rules.append(*rule);
            }
            for (const FaultRule& rule : std::as_const(rules))
                m_faults.add(rule);
        } else if (method == QLatin1String("DELETE")) {
            m_faults.clear();
        } else if (method != QLatin1String("GET")) {
            return controlError(405, QStringLiteral("use GET, POST or DELETE"));
        }
        return jsonResponse(200, {{QStringLiteral("rules"), m_faults.toJson()}});
    }
    if (request.path == QLatin1String("/_sim/requests")) {
        if (method == QLatin1String("DELETE"))
            m_log.clear();
        else if (method != QLatin1String("GET"))
            return controlError(405, QStringLiteral("use GET or DELETE"));
        QJsonArray items;
        for (const LoggedRequest& entry : m_log)
            items.append(entry.toJson());
        return jsonResponse(200, {{QStringLiteral("items"), items}});
    }
    return controlError(404, QStringLiteral("control paths: /_sim/faults, /_sim/requests"));
}

} // namespace mtr::simulator
