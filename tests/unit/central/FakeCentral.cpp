// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "FakeCentral.h"

#include <QTcpSocket>
#include <QUrl>

namespace mtr::central::test {

FakeCentral::FakeCentral(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            serve(socket);
        }
    });
}

bool FakeCentral::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString FakeCentral::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

QList<FakeRequest> FakeCentral::requestsTo(const QString& prefix) const
{
    QList<FakeRequest> out;
    for (const FakeRequest& r : m_requests) {
        if (r.path.startsWith(prefix)) {
            out.append(r);
        }
    }
    return out;
}

void FakeCentral::serve(QTcpSocket* socket)
{
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        FakeRequest request;
        while (takeRequest(*buffer, request)) {
            m_requests.append(request);
            const FakeReply reply = answer(request);
            if (reply.drop) {
                socket->abort();
                return;
            }
            QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Fake\r\n";
            for (const auto& [name, value] : reply.headers) {
                out += name + ": " + value + "\r\n";
            }
            if (!reply.body.isEmpty()) {
                out += "Content-Type: application/json\r\n";
            }
            out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
            out += "Connection: keep-alive\r\n\r\n" + reply.body;
            socket->write(out);
        }
    });
}

bool FakeCentral::takeRequest(QByteArray& buffer, FakeRequest& out)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        return false;
    }
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    FakeRequest request;
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    const QUrl url(QString::fromLatin1(first.value(1)));
    request.path = url.path();
    request.query = QUrlQuery(url);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0) {
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
        }
    }
    const qsizetype length = request.header("content-length").toLongLong();
    if (buffer.size() < end + 4 + length) {
        return false;
    }
    request.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    out = request;
    return true;
}

FakeReply FakeCentral::answer(const FakeRequest& request)
{
    if (request.path == QLatin1String("/api/v2/oauth2/token")) {
        if (m_tokenHandler) {
            return m_tokenHandler(request);
        }
        ++m_tokensIssued;
        return FakeReply::json(
            QByteArrayLiteral("{\"access_token\":\"tok-") + QByteArray::number(m_tokensIssued)
            + QByteArrayLiteral("\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                                "\"errorCode\":\"success\"}"));
    }
    if (!m_handler) {
        return FakeReply::json(QByteArrayLiteral("{\"error\":\"NotFound\"}"), 404);
    }
    return m_handler(request);
}

} // namespace mtr::central::test
