// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/CentralConfig.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslConfiguration>
#include <QStringList>

namespace mtr::central::test {

/// Runs the separately written simulator `central-sim` as a child process for one test class,
/// reads its base URL (and CA file) from standard output, drives its control endpoints, and
/// kills it at teardown. Only the command line and HTTP contract are shared, never code.
class SimProcess
{
public:
    /// Extra command-line arguments, e.g. {"--alerts", "120"}.
    explicit SimProcess(QStringList arguments = {});
    ~SimProcess();

    /// Starts the simulator and waits (up to 20 s) for its first line(s); empty on success.
    QString start();

    QString baseUrl() const
    {
        return m_baseUrl;
    }

    QString caFile() const
    {
        return m_caFile;
    }

    /// Client configuration for the simulator's defaults (demo-client / demo-secret, its CA),
    /// with retry delays scaled down so fault tests do not really wait.
    CentralConfig config() const;

    /// POST /_sim/faults with these rules; true on 2xx.
    bool setFaults(const QJsonArray& rules);
    /// DELETE /_sim/faults.
    bool clearFaults();
    /// GET /_sim/requests items (seq, method, path, query, tenant, status, bodyDigest, body).
    QJsonArray requests();
    /// DELETE /_sim/requests.
    bool clearRequests();

private:
    QByteArray
    control(const QByteArray& method, const QString& path, const QByteArray& body, int* status);

    QStringList m_arguments;
    QProcess m_process;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    QString m_baseUrl;
    QString m_caFile;
};

} // namespace mtr::central::test
