// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <memory>

namespace mtr::test {

/// An OpenAI-compatible chat completions server on loopback for tests: real HTTP/1.1, answers
/// streamed as server-sent events in chunked transfer encoding, scripted replies and faults
/// (status codes with Retry-After, slow first byte, slow chunks, connection dropped mid-stream),
/// and every request captured byte for byte.
class FakeLlmServer : public QObject
{
    Q_OBJECT

public:
    /// One scripted reply.
    struct Reply
    {
        int status = 200;
        QStringList chunks;       ///< content pieces; one SSE event each
        int firstByteDelayMs = 0; ///< wait before sending anything ("slow")
        int chunkDelayMs = 0;     ///< wait between chunks
        int dropAfterChunks = -1; ///< close the connection after this many chunks, no [DONE]
        QByteArray errorBody;     ///< body for a status >= 300
        QByteArray retryAfter;    ///< Retry-After header value
    };

    /// A captured request.
    struct Request
    {
        QByteArray method;
        QByteArray target;                     ///< path and query
        QHash<QByteArray, QByteArray> headers; ///< names in lower case
        QByteArray body;
    };

    /// An idle server; call listen().
    explicit FakeLlmServer(QObject* parent = nullptr);
    ~FakeLlmServer() override;

    /// Listens on 127.0.0.1 on a free port.
    bool listen();

    /// Listens on 127.0.0.1 on a free port with TLS, presenting `certificate`.
    bool listenTls(const QSslCertificate& certificate, const QSslKey& key);

    /// "http://127.0.0.1:<port>/v1", or https after listenTls().
    QUrl baseUrl() const;

    /// Queues a reply for the next request; when the queue is empty defaultReply() is used.
    void enqueue(const Reply& reply);

    /// The reply used when nothing is queued.
    void setDefaultReply(const Reply& reply);

    /// Every request received so far.
    QList<Request> requests() const
    {
        return m_requests;
    }

    /// A successful answer of `text` cut into `pieces` chunks.
    static Reply answer(const QString& text, int pieces = 4);

    /// A failure with `status` and an OpenAI-style error body.
    static Reply failure(int status, const QByteArray& retryAfter = {});

signals:
    /// A request was read completely; `index` into requests().
    void requestReceived(int index);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const Request& request);
    static void stream(QTcpSocket* socket, const Reply& reply, int next);

    void serve(std::unique_ptr<QTcpServer> server);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    QList<Reply> m_queue;
    Reply m_default;
    QList<Request> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace mtr::test
