// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// Shared by the enrichment and outbox integration tests: the real central-sim executable, a
/// real SMTP server on loopback (python3-aiosmtpd, tests/support/smtp/smtp_sink.py) with a
/// test certificate made by the openssl CLI, a SQLite workspace and one sync of the demo data.

#include "central/CentralClient.h"
#include "store/Database.h"
#include "workflow/SyncService.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace mtr::workflow::test {

inline const QString TenantA = QStringLiteral("6513270e-269e-4d37-b2a7-4de452e6b438");

/// Reads lines from a child's stdout until one starts with \p prefix (or 20 s pass).
inline QString waitForLine(QProcess& process, const QString& prefix)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20000) {
        while (process.canReadLine()) {
            const QString line = QString::fromUtf8(process.readLine()).trimmed();
            if (line.startsWith(prefix))
                return line;
        }
        if (process.state() == QProcess::NotRunning)
            return {};
        process.waitForReadyRead(200);
    }
    return {};
}

/// Stops a child: SIGTERM, then SIGKILL.
inline void stopProcess(QProcess& process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

/// A running central-sim (HTTPS with its own CA) and its control API.
class Simulator
{
public:
    ~Simulator()
    {
        stopProcess(m_process);
    }

    /// Starts central-sim; false when it did not print its URL and CA file.
    bool start(const QStringList& extra = {})
    {
        m_process.setProgram(QStringLiteral(CENTRAL_SIM_PATH));
        m_process.setArguments(extra);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        baseUrl = waitForLine(m_process, QStringLiteral("http"));
        caFile =
            waitForLine(m_process, QStringLiteral("ca-file: ")).section(QStringLiteral(": "), 1);
        return !baseUrl.isEmpty() && !caFile.isEmpty();
    }

    /// The client configuration for the demo credentials.
    central::CentralConfig config() const
    {
        central::CentralConfig c;
        c.identityBase = baseUrl;
        c.globalBase = baseUrl;
        c.clientId = QStringLiteral("demo-client");
        c.clientSecret = Secret(QStringLiteral("demo-secret"));
        c.caFile = caFile;
        return c;
    }

    /// One control call; the JSON answer.
    QJsonObject control(const QByteArray& method, const QString& path, const QJsonObject& body = {})
    {
        QNetworkRequest request(QUrl(baseUrl + path));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(caFile));
        request.setSslConfiguration(ssl);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        const QByteArray data =
            body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        QNetworkReply* reply = m_manager.sendCustomRequest(request, method, data);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }

    /// Requests the simulator logged whose method is \p method and path starts with \p path.
    int count(const QString& method, const QString& path)
    {
        int n = 0;
        const QJsonArray items = control("GET", QStringLiteral("/_sim/requests"))
                                     .value(QLatin1String("items"))
                                     .toArray();
        for (const QJsonValue& v : items) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("method")).toString() == method
                && o.value(QLatin1String("path")).toString().startsWith(path))
                ++n;
        }
        return n;
    }

    /// Every logged write (POST/PATCH/DELETE) outside the token endpoint.
    int writes()
    {
        int n = 0;
        const QJsonArray items = control("GET", QStringLiteral("/_sim/requests"))
                                     .value(QLatin1String("items"))
                                     .toArray();
        for (const QJsonValue& v : items) {
            const QJsonObject o = v.toObject();
            const QString method = o.value(QLatin1String("method")).toString();
            if (method != QLatin1String("GET")
                && !o.value(QLatin1String("path")).toString().contains(QLatin1String("token")))
                ++n;
        }
        return n;
    }

    /// Adds a fault rule, e.g. {"kind":"dropAfterApply","method":"POST","path":"/x","count":1}.
    QJsonObject addFault(const QJsonObject& rule)
    {
        return control("POST",
                       QStringLiteral("/_sim/faults"),
                       {{QStringLiteral("rules"), QJsonArray{rule}}});
    }

    QString baseUrl;
    QString caFile;

private:
    QProcess m_process;
    QNetworkAccessManager m_manager;
};

/// A loopback SMTP server that writes each accepted message as <n>.json into a folder.
class SmtpSink
{
public:
    ~SmtpSink()
    {
        stopProcess(m_process);
    }

    /// Starts the sink; with \p tls a certificate for 127.0.0.1 is made with the openssl CLI
    /// and STARTTLS is required.
    bool start(bool tls)
    {
        if (!m_dir.isValid())
            return false;
        QDir(m_dir.path()).mkdir(QStringLiteral("mail"));
        QStringList args{QStringLiteral(MTR_SOURCE_DIR "/tests/support/smtp/smtp_sink.py"),
                         QStringLiteral("--dir"),
                         m_dir.filePath(QStringLiteral("mail"))};
        if (tls) {
            certFile = m_dir.filePath(QStringLiteral("cert.pem"));
            const QString key = m_dir.filePath(QStringLiteral("key.pem"));
            QProcess openssl;
            openssl.setProcessChannelMode(QProcess::MergedChannels);
            openssl.start(QStringLiteral("openssl"),
                          {QStringLiteral("req"),
                           QStringLiteral("-x509"),
                           QStringLiteral("-newkey"),
                           QStringLiteral("rsa:2048"),
                           QStringLiteral("-nodes"),
                           QStringLiteral("-keyout"),
                           key,
                           QStringLiteral("-out"),
                           certFile,
                           QStringLiteral("-days"),
                           QStringLiteral("1"),
                           QStringLiteral("-subj"),
                           QStringLiteral("/CN=127.0.0.1"),
                           QStringLiteral("-addext"),
                           QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
            if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
                return false;
            args << QStringLiteral("--cert") << certFile << QStringLiteral("--key") << key;
        }
        m_process.setProgram(QStringLiteral("/usr/bin/python3"));
        m_process.setArguments(args);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        port = waitForLine(m_process, QStringLiteral("port: "))
                   .section(QStringLiteral(": "), 1)
                   .toInt();
        return port > 0;
    }

    /// smtp://127.0.0.1:<port>
    QString url() const
    {
        return QStringLiteral("smtp://127.0.0.1:%1").arg(port);
    }

    /// Every message accepted so far, in order.
    QList<QJsonObject> messages() const
    {
        QList<QJsonObject> out;
        QDir mail(m_dir.filePath(QStringLiteral("mail")));
        const auto files = mail.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString& name : files) {
            QFile f(mail.filePath(name));
            if (f.open(QIODevice::ReadOnly))
                out.append(QJsonDocument::fromJson(f.readAll()).object());
        }
        return out;
    }

    int port = 0;
    QString certFile;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

/// Opens a SQLite workspace in \p dir.
inline std::unique_ptr<store::Database> openWorkspace(const QTemporaryDir& dir)
{
    auto db = store::Database::open(
        store::DatabaseConfig::sqlite(dir.filePath(QStringLiteral("workspace.sqlite"))));
    if (!db)
        return nullptr;
    return std::move(db.value());
}

/// One sync of every tenant into \p db; true when it finished.
inline bool syncOnce(central::CentralClient& client, store::Database& db)
{
    workflow::SyncService sync(&client, &db);
    QSignalSpy finished(&sync, &workflow::SyncService::finished);
    if (!sync.syncOnce())
        return false;
    return finished.wait(60000);
}

} // namespace mtr::workflow::test
