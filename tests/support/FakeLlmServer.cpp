// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "support/FakeLlmServer.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace mtr::test {

namespace {

QByteArray chunked(const QByteArray& data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray sseEvent(const QJsonObject& delta, const QJsonValue& finishReason)
{
    const QJsonObject event{{u"id"_s, u"chatcmpl-fake"_s},
                            {u"object"_s, u"chat.completion.chunk"_s},
                            {u"model"_s, u"fake"_s},
                            {u"choices"_s,
                             QJsonArray{QJsonObject{{u"index"_s, 0},
                                                    {u"delta"_s, delta},
                                                    {u"finish_reason"_s, finishReason}}}}};
    return "data: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

FakeLlmServer::FakeLlmServer(QObject* parent)
    : QObject(parent)
{}

FakeLlmServer::~FakeLlmServer()
{
    // Sockets are children of m_server and die after our members; stop their callbacks first.
    if (m_server) {
        for (auto* socket : m_server->findChildren<QTcpSocket*>()) {
            socket->disconnect(this);
        }
    }
}

void FakeLlmServer::serve(std::unique_ptr<QTcpServer> server)
{
    m_server = std::move(server);
    connect(m_server.get(),
            &QTcpServer::pendingConnectionAvailable,
            this,
            &FakeLlmServer::onNewConnection);
}

bool FakeLlmServer::listen()
{
    serve(std::make_unique<QTcpServer>());
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool FakeLlmServer::listenTls(const QSslCertificate& certificate, const QSslKey& key)
{
    auto server = std::make_unique<QSslServer>();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    server->setSslConfiguration(tls);
    m_tls = true;
    serve(std::move(server));
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl FakeLlmServer::baseUrl() const
{
    return QUrl(
        u"%1://127.0.0.1:%2/v1"_s.arg(m_tls ? u"https"_s : u"http"_s).arg(m_server->serverPort()));
}

void FakeLlmServer::enqueue(const Reply& reply)
{
    m_queue.append(reply);
}

void FakeLlmServer::setDefaultReply(const Reply& reply)
{
    m_default = reply;
}

FakeLlmServer::Reply FakeLlmServer::answer(const QString& text, int pieces)
{
    Reply r;
    const qsizetype step = std::max<qsizetype>(1, (text.size() + pieces - 1) / std::max(1, pieces));
    for (qsizetype i = 0; i < text.size(); i += step) {
        r.chunks.append(text.mid(i, step));
    }
    return r;
}

FakeLlmServer::Reply FakeLlmServer::failure(int status, const QByteArray& retryAfter)
{
    Reply r;
    r.status = status;
    r.retryAfter = retryAfter;
    r.errorBody = R"({"error":{"message":"scripted failure","type":"server_error"}})";
    return r;
}

void FakeLlmServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            onReadyRead(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeLlmServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        return;
    }
    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.target = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0) {
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                   lines.at(i).mid(colon + 1).trimmed());
        }
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (buffer.size() < headerEnd + 4 + length) {
        return; // body not complete yet
    }
    request.body = buffer.mid(headerEnd + 4, length);
    buffer.clear();
    m_requests.append(request);
    emit requestReceived(int(m_requests.size() - 1));
    respond(socket, request);
}

void FakeLlmServer::respond(QTcpSocket* socket, const Request& request)
{
    const Reply reply = m_queue.isEmpty() ? m_default : m_queue.takeFirst();
    const bool wantsStream =
        QJsonDocument::fromJson(request.body).object().value(u"stream"_s).toBool();
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(reply.firstByteDelayMs, socket, [guard, reply, wantsStream] {
        if (!guard) {
            return;
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' '
                          + reason(reply.status) + "\r\nConnection: close\r\n";
        if (!reply.retryAfter.isEmpty()) {
            head += "Retry-After: " + reply.retryAfter + "\r\n";
        }
        if (reply.status >= 300 || !wantsStream) {
            QByteArray body = reply.errorBody;
            if (reply.status < 300) {
                const QJsonObject message{{u"role"_s, u"assistant"_s},
                                          {u"content"_s, reply.chunks.join(QString())}};
                body = QJsonDocument(
                           QJsonObject{{u"choices"_s,
                                        QJsonArray{QJsonObject{{u"index"_s, 0},
                                                               {u"message"_s, message},
                                                               {u"finish_reason"_s, u"stop"_s}}}}})
                           .toJson(QJsonDocument::Compact);
            }
            guard->write(head + "Content-Type: application/json\r\nContent-Length: "
                         + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            guard->disconnectFromHost();
            return;
        }
        guard->write(head
                     + "Content-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n");
        stream(guard, reply, 0);
    });
}

void FakeLlmServer::stream(QTcpSocket* socket, const Reply& reply, int next)
{
    if (reply.dropAfterChunks >= 0 && next >= reply.dropAfterChunks) {
        socket->flush();
        socket->abort(); // mid-stream drop: no terminating chunk, no [DONE]
        return;
    }
    if (next >= reply.chunks.size()) {
        socket->write(chunked(sseEvent(QJsonObject{}, u"stop"_s)));
        socket->write(chunked("data: [DONE]\n\n"));
        socket->write("0\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    socket->write(
        chunked(sseEvent(QJsonObject{{u"content"_s, reply.chunks.at(next)}}, QJsonValue::Null)));
    socket->flush();
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(reply.chunkDelayMs, socket, [guard, reply, next] {
        if (guard) {
            stream(guard, reply, next + 1);
        }
    });
}

} // namespace mtr::test
