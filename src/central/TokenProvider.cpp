// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/TokenProvider.h"

#include "central/ApiTransport.h"
#include "central/ErrorMapper.h"
#include "central/HostUrl.h"
#include "log/Log.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace mtr::central {

namespace {
constexpr qint64 RenewMarginS = 120;
constexpr qint64 DefaultLifetimeS = 3600;
} // namespace

TokenProvider::TokenProvider(ApiTransport* transport, QObject* parent)
    : QObject(parent)
    , m_transport(transport)
    , m_clock([] {
        return QDateTime::currentDateTimeUtc();
    })
{}

void TokenProvider::token(QObject* context, Callback done)
{
    if (!m_token.isEmpty() && m_clock() < m_expiresAt) {
        done(m_token);
        return;
    }
    m_waiters.append({QPointer<QObject>(context), std::move(done)});
    if (!m_inFlight) {
        fetch();
    }
}

void TokenProvider::invalidate(const QByteArray& rejected)
{
    if (m_token == rejected) {
        m_token.clear();
        log::get("central")->warn("token rejected by an API call, fetching a new one");
    }
}

void TokenProvider::fetch()
{
    const CentralConfig& config = m_transport->config();
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("client_id"), config.clientId);
    form.addQueryItem(QStringLiteral("client_secret"), config.clientSecret.reveal());
    form.addQueryItem(QStringLiteral("scope"), QStringLiteral("token"));

    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = HostUrl::join(config.identityBase, QStringLiteral("/api/v2/oauth2/token"));
    request.operation = QStringLiteral("token");
    request.body = form.toString(QUrl::FullyEncoded).toUtf8();
    request.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    request.authenticated = false;
    request.idempotent = true; // asking for another token changes nothing on Central's side

    m_inFlight = true;
    ++m_fetchCount;
    m_transport->send(std::move(request), this, [this](Result<ApiResponse> response) {
        if (!response) {
            finish(response.error());
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(response->body).object();
        const QString token = o.value(QLatin1String("access_token")).toString();
        const QString code = o.value(QLatin1String("errorCode")).toString();
        if (token.isEmpty() || (!code.isEmpty() && code != QLatin1String("success"))) {
            Error e = ErrorMapper::badPayload(QStringLiteral("token"),
                                              QStringLiteral("no access_token in the answer"));
            e.code = Error::Code::Unauthorized;
            e.apiCode = code;
            e.requestId = o.value(QLatin1String("trackingId")).toString();
            finish(e);
            return;
        }
        const qint64 lifetime = o.value(QLatin1String("expires_in")).toInteger(DefaultLifetimeS);
        m_expiresAt = m_clock().addSecs(std::max<qint64>(0, lifetime - RenewMarginS));
        m_token = token.toUtf8();
        finish(m_token);
    });
}

void TokenProvider::finish(const Result<QByteArray>& result)
{
    m_inFlight = false;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter& waiter : waiters) {
        if (waiter.context) {
            waiter.done(result);
        }
    }
}

} // namespace mtr::central
