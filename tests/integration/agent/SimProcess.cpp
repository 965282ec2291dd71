// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "SimProcess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

namespace mtr::testing {

SimProcess::SimProcess(const QString& program, const QStringList& arguments)
{
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("central-sim did not start: ") + m_process.errorString();
        return;
    }
    const bool https = !arguments.contains(QStringLiteral("--http"));
    const int wanted = https ? 2 : 1;
    QStringList lines;
    const QDeadlineTimer deadline(30000);
    while (lines.size() < wanted && !deadline.hasExpired()) {
        if (!m_process.canReadLine() && !m_process.waitForReadyRead(1000)) {
            if (m_process.state() != QProcess::Running) {
                break;
            }
            continue;
        }
        while (m_process.canReadLine() && lines.size() < wanted) {
            lines.append(QString::fromUtf8(m_process.readLine()).trimmed());
        }
    }
    if (lines.size() < wanted) {
        m_error = QStringLiteral("central-sim printed no base URL: ")
                  + QString::fromUtf8(m_process.readAllStandardError());
        return;
    }
    m_baseUrl = lines.at(0);
    if (https) {
        m_caFile = lines.at(1).section(QStringLiteral("ca-file: "), 1);
    }
}

SimProcess::~SimProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

QByteArray
SimProcess::call(const QByteArray& method, const QString& path, const QByteArray& body, bool* ok)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!m_caFile.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(m_caFile));
        request.setSslConfiguration(ssl);
    }
    QNetworkReply* reply = nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    *ok = reply->isFinished() && reply->error() == QNetworkReply::NoError;
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

bool SimProcess::addFault(const QJsonObject& rule)
{
    bool ok = false;
    const QJsonObject body{{QStringLiteral("rules"), QJsonArray{rule}}};
    call("POST", QStringLiteral("/_sim/faults"), QJsonDocument(body).toJson(), &ok);
    return ok;
}

bool SimProcess::clearFaults()
{
    bool ok = false;
    call("DELETE", QStringLiteral("/_sim/faults"), {}, &ok);
    return ok;
}

QList<QJsonObject> SimProcess::requests()
{
    bool ok = false;
    const QByteArray body = call("GET", QStringLiteral("/_sim/requests"), {}, &ok);
    QList<QJsonObject> items;
    for (const QJsonValue& item :
         QJsonDocument::fromJson(body).object().value(QStringLiteral("items")).toArray()) {
        items.append(item.toObject());
    }
    return items;
}

} // namespace mtr::testing
