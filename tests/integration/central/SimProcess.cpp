// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "SimProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTest>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>

#include <csignal>
#endif

namespace mtr::central::test {

SimProcess::SimProcess(QStringList arguments)
    : m_arguments(std::move(arguments))
{}

SimProcess::~SimProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString SimProcess::start()
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // A test that crashes never runs its destructors: let the kernel end the simulator too.
    m_process.setChildProcessModifier([] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
#endif
    m_process.start(QStringLiteral(CENTRAL_SIM_PATH), m_arguments);
    if (!m_process.waitForStarted(10000)) {
        return QStringLiteral("central-sim did not start: %1").arg(m_process.errorString());
    }
    const bool https = !m_arguments.contains(QStringLiteral("--http"));
    const int linesNeeded = https ? 2 : 1;
    QByteArray out;
    const bool ready = QTest::qWaitFor(
        [&] {
            out += m_process.readAllStandardOutput();
            return out.count('\n') >= linesNeeded || m_process.state() == QProcess::NotRunning;
        },
        20000);
    const QList<QByteArray> lines = out.split('\n');
    if (!ready || lines.size() <= linesNeeded - 1 || m_process.state() == QProcess::NotRunning) {
        return QStringLiteral("central-sim printed no base URL: %1")
            .arg(QString::fromUtf8(m_process.readAllStandardError()));
    }
    m_baseUrl = QString::fromUtf8(lines.at(0).trimmed());
    if (https) {
        const QByteArray second = lines.at(1).trimmed();
        if (!second.startsWith("ca-file:")) {
            return QStringLiteral("second line is not 'ca-file:'");
        }
        m_caFile = QString::fromUtf8(second.mid(8).trimmed());
    }
    m_ssl = QSslConfiguration::defaultConfiguration();
    if (!m_caFile.isEmpty()) {
        m_ssl.addCaCertificates(QSslCertificate::fromPath(m_caFile));
    }
    return {};
}

CentralConfig SimProcess::config() const
{
    CentralConfig c;
    c.identityBase = m_baseUrl;
    c.globalBase = m_baseUrl;
    c.clientId = QStringLiteral("demo-client");
    c.clientSecret = Secret(QStringLiteral("demo-secret"));
    c.caFile = m_caFile;
    c.retry.scale = 0.01;
    c.retry.maxAttempts = 6;
    return c;
}

QByteArray SimProcess::control(const QByteArray& method,
                               const QString& path,
                               const QByteArray& body,
                               int* status)
{
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setSslConfiguration(m_ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = m_nam.sendCustomRequest(request, method, body);
    if (!QTest::qWaitFor(
            [reply] {
                return reply->isFinished();
            },
            10000)) {
        reply->abort();
    }
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

bool SimProcess::setFaults(const QJsonArray& rules)
{
    int status = 0;
    control(
        "POST",
        QStringLiteral("/_sim/faults"),
        QJsonDocument(QJsonObject{{QStringLiteral("rules"), rules}}).toJson(QJsonDocument::Compact),
        &status);
    return status >= 200 && status < 300;
}

bool SimProcess::clearFaults()
{
    int status = 0;
    control("DELETE", QStringLiteral("/_sim/faults"), {}, &status);
    return status >= 200 && status < 300;
}

QJsonArray SimProcess::requests()
{
    int status = 0;
    const QByteArray body = control("GET", QStringLiteral("/_sim/requests"), {}, &status);
    return QJsonDocument::fromJson(body).object().value(QLatin1String("items")).toArray();
}

bool SimProcess::clearRequests()
{
    int status = 0;
    control("DELETE", QStringLiteral("/_sim/requests"), {}, &status);
    return status >= 200 && status < 300;
}

} // namespace mtr::central::test
