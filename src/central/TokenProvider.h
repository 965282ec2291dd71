// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace mtr::central {

class ApiTransport;

/// Client-credentials tokens from the identity host, cached until 120 s before expiry (the
/// official SIEM script's margin). Concurrent callers share one token request.
class TokenProvider : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(Result<QByteArray>)>;
    using Clock = std::function<QDateTime()>;

    /// Uses `transport` for the form POST; the clock is injectable for expiry tests.
    explicit TokenProvider(ApiTransport* transport, QObject* parent = nullptr);

    /// Calls `done` with a valid access token, fetching one when none is cached.
    void token(QObject* context, Callback done);

    /// Drops the cached token if it is still `rejected` (a 401 said it is no longer valid).
    void invalidate(const QByteArray& rejected);

    /// Replaces the clock (tests).
    void setClock(Clock clock)
    {
        m_clock = std::move(clock);
    }

    /// How many tokens were fetched so far (tests, metrics).
    int fetchCount() const
    {
        return m_fetchCount;
    }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };

    void fetch();
    void finish(const Result<QByteArray>& result);

    ApiTransport* m_transport;
    Clock m_clock;
    QByteArray m_token;
    QDateTime m_expiresAt;
    QList<Waiter> m_waiters;
    bool m_inFlight = false;
    int m_fetchCount = 0;
};

} // namespace mtr::central
