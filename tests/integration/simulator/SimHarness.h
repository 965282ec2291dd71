// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// Test harness for central-sim: starts the real executable with QProcess, reads its first
/// stdout lines (base URL, ca-file) and talks to it over real sockets with
/// QNetworkAccessManager. Shared by the simulator's integration tests.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace mtr::simulator::test {

inline const QString PartnerId = QStringLiteral("9531985d-5d9d-49f8-9818-e811892f902b");
inline const QString TenantA = QStringLiteral("6513270e-269e-4d37-b2a7-4de452e6b438");
inline const QString TenantB = QStringLiteral("d23f0824-128b-4f33-8c5c-7fd0a6a3a450");
inline const QString TenantC = QStringLiteral("ae97ba94-d0ed-482f-8f6d-05584ef8aa38");
inline const QString MdrCase = QStringLiteral("1a358ca0-0d75-485d-99c9-4309570dc195");

/// What one HTTP exchange returned.
struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QNetworkReply* raw = nullptr; ///< for headers; deleted with the harness' manager
    qint64 elapsedMs = 0;

    QJsonObject json() const
    {
        return QJsonDocument::fromJson(body).object();
    }

    QJsonArray items() const
    {
        return json().value(QLatin1String("items")).toArray();
    }

    QByteArray header(const char* name) const
    {
        return raw ? raw->rawHeader(name) : QByteArray();
    }
};

/// A running central-sim and a client for it.
class SimHarness
{
public:
    ~SimHarness()
    {
        stop();
    }

    /// Starts central-sim with `args`; false (with a QWARN) when it did not print its URL.
    bool start(const QStringList& args)
    {
        m_process.setProgram(QStringLiteral(CENTRAL_SIM_PATH));
        m_process.setArguments(args);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        const QString first = readLine();
        if (!first.startsWith(QLatin1String("http")))
            return false;
        baseUrl = first;
        if (first.startsWith(QLatin1String("https://"))) {
            const QString second = readLine();
            caFile = second.section(QLatin1String("ca-file: "), 1);
        }
        return true;
    }

    /// SIGTERM, then the exit code (-1 when it had to be killed).
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitCode();
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
            return -1;
        }
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QProcess& process()
    {
        return m_process;
    }

    /// One request; headers are name/value pairs.
    Reply call(const QByteArray& method,
               const QString& pathAndQuery,
               const QList<QPair<QByteArray, QByteArray>>& headers = {},
               const QByteArray& body = {},
               const QByteArray& contentType = "application/json")
    {
        QNetworkRequest request(QUrl(baseUrl + pathAndQuery));
        request.setSslConfiguration(sslConfiguration);
        for (const auto& [name, value] : headers)
            request.setRawHeader(name, value);
        if (!body.isEmpty() || method == "POST" || method == "PATCH")
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QElapsedTimer timer;
        timer.start();
        QNetworkReply* reply = manager->sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        Reply out;
        out.elapsedMs = timer.elapsed();
        out.raw = reply;
        out.error = reply->error();
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        return out;
    }

    /// Fetches a token for the credentials; empty on failure.
    QByteArray token(const QString& id = QStringLiteral("demo-client"),
                     const QString& secret = QStringLiteral("demo-secret"))
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        form.addQueryItem(QStringLiteral("client_id"), id);
        form.addQueryItem(QStringLiteral("client_secret"), secret);
        form.addQueryItem(QStringLiteral("scope"), QStringLiteral("token"));
        const Reply reply = call("POST",
                                 QStringLiteral("/api/v2/oauth2/token"),
                                 {},
                                 form.toString(QUrl::FullyEncoded).toUtf8(),
                                 "application/x-www-form-urlencoded");
        return reply.json().value(QLatin1String("access_token")).toString().toLatin1();
    }

    /// Headers for a tenant-scoped call.
    QList<QPair<QByteArray, QByteArray>> tenantHeaders(const QByteArray& bearer,
                                                       const QString& tenant) const
    {
        return {{"Authorization", "Bearer " + bearer}, {"X-Tenant-ID", tenant.toLatin1()}};
    }

    /// The ids of a tenant's endpoints.
    QStringList endpointIds(const QByteArray& bearer, const QString& tenant)
    {
        QStringList ids;
        const Reply reply =
            call("GET", QStringLiteral("/endpoint/v1/endpoints"), tenantHeaders(bearer, tenant));
        for (const QJsonValue& endpoint : reply.items())
            ids.append(endpoint[QLatin1String("id")].toString());
        return ids;
    }

    /// Every alert of a tenant, following nextKey with pages of 1000; empty on an error.
    QJsonArray allAlerts(const QByteArray& bearer, const QString& tenant, int* pages = nullptr)
    {
        QJsonArray all;
        QString key;
        int count = 0;
        do {
            QString path = QStringLiteral("/common/v1/alerts?pageSize=1000");
            if (!key.isEmpty())
                path += QStringLiteral("&pageFromKey=") + key;
            const Reply reply = call("GET", path, tenantHeaders(bearer, tenant));
            if (reply.status != 200)
                return {};
            for (const QJsonValue& alert : reply.items())
                all.append(alert);
            key = reply.json()[QLatin1String("pages")][QLatin1String("nextKey")].toString();
            ++count;
        } while (!key.isEmpty() && count < 100);
        if (pages)
            *pages = count;
        return all;
    }

    /// Adds one fault rule through the control API.
    bool addFault(const QJsonObject& rule)
    {
        const QJsonObject body{{QStringLiteral("rules"), QJsonArray{rule}}};
        return call("POST", QStringLiteral("/_sim/faults"), {}, QJsonDocument(body).toJson()).status
               == 200;
    }

    /// Removes every fault rule, so each test starts from a well-behaved simulator.
    bool clearFaults()
    {
        return call("DELETE", QStringLiteral("/_sim/faults")).status == 200;
    }

    /// Replaces the client (a new connection pool).
    void resetClient()
    {
        manager = std::make_unique<QNetworkAccessManager>();
    }

    QString baseUrl;
    QString caFile;
    QSslConfiguration sslConfiguration = QSslConfiguration::defaultConfiguration();
    std::unique_ptr<QNetworkAccessManager> manager = std::make_unique<QNetworkAccessManager>();

private:
    QString readLine()
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_process.canReadLine() && timer.elapsed() < 15000) {
            if (!m_process.waitForReadyRead(500) && m_process.state() == QProcess::NotRunning)
                break;
        }
        return QString::fromUtf8(m_process.readLine()).trimmed();
    }

    QProcess m_process;
};

} // namespace mtr::simulator::test
