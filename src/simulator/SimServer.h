// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// The HTTP side of central-sim. It subclasses QAbstractHttpServer rather than using
/// QHttpServer's router because fault injection needs the raw socket: handleRequest() gets
/// the QTcpSocket, so dropAfterApply can close the connection after the model applied the
/// write, and a delayed answer can check that the socket still exists before writing.
/// It also serves the unauthenticated, loopback-only control API under /_sim/.

#include "simulator/CentralApi.h"
#include "simulator/FaultRules.h"

#include <QAbstractHttpServer>
#include <QJsonArray>

#include <deque>

namespace mtr::simulator {

/// One line of the request log (GET /_sim/requests).
struct LoggedRequest
{
    qint64 seq = 0;
    QString method;
    QString path;
    QString query;
    QString tenant;
    int status = 0; ///< 0 = connection dropped without an answer
    QString bodyDigest;
    QString body; ///< writes only; client_secret redacted

    QJsonObject toJson() const;
};

/// The server: transport, faults and request log around a CentralApi.
class SimServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    SimServer(CentralApi& api, int latencyMs, QObject* parent = nullptr);

    FaultSet& faults()
    {
        return m_faults;
    }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    ApiResponse control(const ApiRequest& request, bool loopback);
    void log(const ApiRequest& request, int status);
    void respond(const QHttpServerRequest& request,
                 QTcpSocket* socket,
                 ApiResponse response,
                 int delayMs);
    void drop(QTcpSocket* socket, int delayMs);

    CentralApi& m_api;
    int m_latencyMs = 0;
    FaultSet m_faults;
    std::deque<LoggedRequest> m_log;
    qint64 m_seq = 0;
};

} // namespace mtr::simulator
