// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/ErrorMapper.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mtr::central {

namespace {

QString firstString(const QJsonObject& o, std::initializer_list<const char*> keys)
{
    for (const char* key : keys) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString() && !v.toString().isEmpty()) {
            return v.toString();
        }
    }
    return {};
}

Error::Code codeForStatus(int status)
{
    switch (status) {
    case 400:
        return Error::Code::InvalidInput;
    case 401:
        return Error::Code::Unauthorized;
    case 403:
        return Error::Code::Forbidden;
    case 404:
        return Error::Code::NotFound;
    case 429:
        return Error::Code::RateLimited;
    default:
        return status >= 500 ? Error::Code::Server : Error::Code::Http;
    }
}

QString adviceForStatus(int status, bool write)
{
    switch (status) {
    case 400:
        return QStringLiteral("Central refused the request parameters; check the filters or input");
    case 401:
        return QStringLiteral("Central refused the credentials even after a new token; check the "
                              "client ID and secret, and that the tenant ID belongs to them");
    case 403:
        return QStringLiteral("Central denied access; check the API role, Partner Assistance for "
                              "this tenant, or whether the tenant is a trial");
    case 404:
        return QStringLiteral("Central does not know this object; it may have been removed or "
                              "belong to another tenant");
    case 409:
        return QStringLiteral("Central already holds this object (for example the same blocked "
                              "hash); nothing was changed");
    case 429:
        return QStringLiteral("Central kept rate-limiting after several retries; try again in a "
                              "few minutes");
    default:
        break;
    }
    if (status >= 500 && write) {
        return QStringLiteral("Central failed while handling a change; check the object's state "
                              "in Central before trying again");
    }
    if (status >= 500) {
        return QStringLiteral("Central had a server error after several retries; try again later");
    }
    return QStringLiteral("Central answered with an unexpected HTTP status");
}

} // namespace

Error ErrorMapper::fromHttp(int status,
                            const QByteArray& body,
                            const QString& operation,
                            bool write)
{
    Error e;
    e.code = codeForStatus(status);
    e.httpStatus = status;
    e.retryable = status == 429 || (status >= 500 && !write);

    QString apiMessage;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        e.apiCode = firstString(o, {"error", "errorCode", "code"});
        e.requestId = firstString(o, {"requestId", "correlationId", "trackingId"});
        apiMessage = firstString(o, {"message"}).left(200);
    }
    e.message = QStringLiteral("%1: HTTP %2: %3")
                    .arg(operation, QString::number(status), adviceForStatus(status, write));
    if (!apiMessage.isEmpty()) {
        e.message += QStringLiteral(" (Central said: %1)").arg(apiMessage);
    }
    if (!e.requestId.isEmpty()) {
        e.message += QStringLiteral(" [request id %1]").arg(e.requestId);
    }
    return e;
}

Error ErrorMapper::fromNetwork(QNetworkReply::NetworkError error, const QString& operation)
{
    if (error == QNetworkReply::SslHandshakeFailedError) {
        return Error::make(Error::Code::Tls,
                           QStringLiteral("%1: the server's TLS certificate could not be verified; "
                                          "check the CA file setting or the host name")
                               .arg(operation));
    }
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        return Error::make(Error::Code::Timeout,
                           QStringLiteral("%1: Central did not answer in time; check the network "
                                          "and try again")
                               .arg(operation),
                           true);
    }
    return Error::make(Error::Code::Network,
                       QStringLiteral("%1: could not reach Central (network error %2); check the "
                                      "connection, proxy and host name")
                           .arg(operation, QString::number(int(error))),
                       true);
}

Error ErrorMapper::outcomeUnknown(const QString& operation)
{
    return Error::make(Error::Code::OutcomeUnknown,
                       QStringLiteral("%1: the connection was lost after the change was sent; "
                                      "Central may have applied it. Check its state in Central "
                                      "before sending it again")
                           .arg(operation));
}

Error ErrorMapper::badPayload(const QString& operation, const QString& detail)
{
    return Error::make(Error::Code::InvalidInput,
                       QStringLiteral("%1: Central sent data in an unexpected shape (%2); nothing "
                                      "from this answer was used")
                           .arg(operation, detail));
}

bool ErrorMapper::certainlyNotSent(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return true;
    default:
        return false;
    }
}

} // namespace mtr::central
