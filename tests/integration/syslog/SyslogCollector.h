// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QHostAddress>
#include <QList>
#include <QNetworkDatagram>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>

#include <memory>

namespace mtr::testing {

/// A syslog collector on 127.0.0.1 for tests: tcp and tls keep each connection's bytes as they
/// came, udp keeps each datagram. It parses nothing itself, so the test sees the exact wire.
class SyslogCollector : public QObject
{
    Q_OBJECT

public:
    /// Listens for \p transport ("tcp", "tls" or "udp") on \p port (0: any); tls presents
    /// \p tls's certificate. False when the port cannot be had.
    bool listen(const QString& transport, quint16 port = 0, const QSslConfiguration& tls = {})
    {
        m_transport = transport;
        if (transport == QLatin1String("udp")) {
            m_udp = std::make_unique<QUdpSocket>();
            connect(m_udp.get(), &QUdpSocket::readyRead, this, &SyslogCollector::readDatagrams);
            return m_udp->bind(QHostAddress::LocalHost, port);
        }
        if (transport == QLatin1String("tls")) {
            auto server = std::make_unique<QSslServer>();
            server->setSslConfiguration(tls);
            m_server = std::move(server);
        } else {
            m_server = std::make_unique<QTcpServer>();
        }
        connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_server->nextPendingConnection())
                accept(socket);
        });
        return m_server->listen(QHostAddress::LocalHost, port);
    }

    quint16 port() const
    {
        return m_udp ? m_udp->localPort() : m_server->serverPort();
    }

    /// <transport>://127.0.0.1:<port>
    QString url() const
    {
        return QStringLiteral("%1://127.0.0.1:%2").arg(m_transport).arg(port());
    }

    /// Connections accepted (tcp, tls) so far.
    int connections() const
    {
        return int(m_streams.size());
    }

    /// True once every accepted connection was closed by the sender and fully read.
    bool settled()
    {
        for (qsizetype i = 0; i < m_sockets.size(); ++i) {
            if (m_sockets.at(i) && m_sockets.at(i)->state() != QAbstractSocket::UnconnectedState)
                return false;
            if (m_sockets.at(i))
                m_streams[i] += m_sockets.at(i)->readAll();
        }
        return true;
    }

    /// Each connection's bytes, in order of acceptance.
    const QList<QByteArray>& streams() const
    {
        return m_streams;
    }

    const QList<QByteArray>& datagrams() const
    {
        return m_datagrams;
    }

    /// From now on, resets each new connection after reading \p bytes of it, leaving the rest
    /// unread in the kernel, as a collector that crashes mid-stream does. 0: read everything.
    void resetAfter(qint64 bytes)
    {
        m_resetAfter = bytes;
    }

    /// From now on, writes \p bytes to each new connection as soon as it is accepted, as a
    /// TLS listener answers cleartext with an alert.
    void answerWith(const QByteArray& bytes)
    {
        m_answer = bytes;
    }

    /// Stops taking connections (tcp, tls): the kernel still completes them and buffers what is
    /// sent, but nobody reads or closes until resumeAccepting().
    void pauseAccepting()
    {
        m_server->pauseAccepting();
    }

    void resumeAccepting()
    {
        m_server->resumeAccepting();
    }

    /// Forgets what was received (the listener stays).
    void clear()
    {
        m_streams.clear();
        m_sockets.clear();
        m_datagrams.clear();
    }

    /// Stops listening; the port becomes free (a connection there is refused).
    void close()
    {
        if (m_server)
            m_server->close();
        if (m_udp)
            m_udp->close();
    }

private:
    void accept(QTcpSocket* socket)
    {
        const qsizetype index = m_streams.size();
        m_streams.append(QByteArray());
        m_sockets.append(socket);
        if (!m_answer.isEmpty())
            socket->write(m_answer);
        if (m_resetAfter > 0) {
            // Qt reads no more than this from the kernel, so closing leaves data unread there
            // and the kernel answers with a reset rather than a clean close.
            socket->setReadBufferSize(m_resetAfter);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, index] {
                m_streams[index] += socket->read(m_resetAfter - m_streams.at(index).size());
                if (m_streams.at(index).size() >= m_resetAfter)
                    socket->abort();
            });
            return;
        }
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, index] {
            m_streams[index] += socket->readAll();
        });
    }

    void readDatagrams()
    {
        while (m_udp->hasPendingDatagrams())
            m_datagrams.append(m_udp->receiveDatagram().data());
    }

    QString m_transport;
    qint64 m_resetAfter = 0;
    QByteArray m_answer;
    std::unique_ptr<QTcpServer> m_server;
    std::unique_ptr<QUdpSocket> m_udp;
    QList<QPointer<QTcpSocket>> m_sockets;
    QList<QByteArray> m_streams;
    QList<QByteArray> m_datagrams;
};

} // namespace mtr::testing
