// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/ApiRequest.h"
#include "central/CentralConfig.h"
#include "domain/Result.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <functional>
#include <memory>

class QNetworkReply;

namespace mtr::central {

class TokenProvider;

/// Sends ApiRequests asynchronously and owns every cross-cutting rule: Bearer token and
/// X-Tenant-ID headers, one token refresh on 401, 429 with Retry-After or jittered backoff,
/// retries of reads only on 5xx and network errors, OutcomeUnknown for a write cut off after it
/// was sent, verified TLS with an optional extra CA, plain http for loopback hosts only, and one
/// log line per request outcome. Callbacks run on the thread of this object, and only while
/// their context object is alive.
class ApiTransport : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(Result<ApiResponse>)>;

    /// Loads the CA file at once; a bad file makes every later send fail with a clear error.
    explicit ApiTransport(CentralConfig config, QObject* parent = nullptr);
    ~ApiTransport() override;

    /// The provider asked for a token before each authenticated request.
    void setTokenProvider(TokenProvider* tokens);

    /// Sends `request`; `done` gets exactly one result unless `context` is destroyed first.
    void send(ApiRequest request, QObject* context, Callback done);

    /// The configuration in use.
    const CentralConfig& config() const
    {
        return m_config;
    }

    /// Refuses URLs that are neither https nor http to a loopback host.
    static Result<void> checkUrl(const QUrl& url);

private:
    struct Call
    {
        ApiRequest request;
        QPointer<QObject> context;
        Callback done;
        int attempt = 0;
        bool refreshedToken = false;
        QByteArray token;
        QElapsedTimer clock;
    };

    using CallPtr = std::shared_ptr<Call>;

    void start(const CallPtr& call);
    void dispatch(const CallPtr& call);
    void handleReply(const CallPtr& call, QNetworkReply* reply);
    void handleNoAnswer(const CallPtr& call, QNetworkReply* reply);
    void
    handleHttpError(const CallPtr& call, int status, QNetworkReply* reply, const QByteArray& body);
    bool retryLater(const CallPtr& call, int retryAfterS, const char* why);
    void complete(const CallPtr& call, Result<ApiResponse> result, int status);

    CentralConfig m_config;
    QNetworkAccessManager* m_nam;
    QSslConfiguration m_ssl;
    QString m_caError;
    QPointer<TokenProvider> m_tokens;
};

} // namespace mtr::central
