// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrlQuery>

#include <functional>

class QTcpSocket;

namespace mtr::central::test {

/// A request as the fake saw it on the wire.
struct FakeRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< names lower-cased
    QByteArray body;

    QByteArray header(const char* name) const
    {
        return headers.value(QByteArray(name));
    }
};

/// What the fake answers; `drop` closes the connection without any answer (after "applying").
struct FakeReply
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool drop = false;

    static FakeReply json(const QByteArray& body, int status = 200)
    {
        return {status, body, {}, false};
    }
};

/// A scripted HTTP/1.1 server on a real loopback socket, with keep-alive, so the client's whole
/// network stack (including Qt's own resend behaviour) is exercised. A raw QTcpServer rather
/// than QHttpServer because tests need byte-level control: dropped connections, empty bodies,
/// arbitrary status lines. Token requests are answered automatically unless a handler for
/// them is set.
class FakeCentral : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<FakeReply(const FakeRequest&)>;

    explicit FakeCentral(QObject* parent = nullptr);

    /// Listens on 127.0.0.1 with a free port; returns false on failure.
    bool start();

    /// "http://127.0.0.1:PORT".
    QString baseUrl() const;

    /// Handles every API request (not /api/v2/oauth2/token unless setTokenHandler is used).
    void setHandler(Handler handler)
    {
        m_handler = std::move(handler);
    }

    /// Replaces the automatic token answer.
    void setTokenHandler(Handler handler)
    {
        m_tokenHandler = std::move(handler);
    }

    /// Every request received, token requests included, in order.
    const QList<FakeRequest>& requests() const
    {
        return m_requests;
    }

    /// Requests whose path starts with `prefix`.
    QList<FakeRequest> requestsTo(const QString& prefix) const;

    /// Number of tokens handed out by the automatic token handler.
    int tokensIssued() const
    {
        return m_tokensIssued;
    }

private:
    void serve(QTcpSocket* socket);
    bool takeRequest(QByteArray& buffer, FakeRequest& out);
    FakeReply answer(const FakeRequest& request);

    QTcpServer m_server;
    Handler m_handler;
    Handler m_tokenHandler;
    QList<FakeRequest> m_requests;
    int m_tokensIssued = 0;
};

} // namespace mtr::central::test
