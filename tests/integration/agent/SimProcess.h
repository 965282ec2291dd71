// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace mtr::testing {

/// A central-sim child process for one test: started with the given arguments, its base URL
/// and CA file read from its first stdout lines, stopped (SIGTERM) when this object goes.
class SimProcess
{
public:
    /// Starts `program` with `arguments`; check started() before use.
    SimProcess(const QString& program, const QStringList& arguments);
    ~SimProcess();

    /// True when the simulator printed its base URL.
    bool started() const
    {
        return !m_baseUrl.isEmpty();
    }

    /// "https://127.0.0.1:PORT" or "http://...".
    QString baseUrl() const
    {
        return m_baseUrl;
    }

    /// The CA file the simulator made (empty with --http).
    QString caFile() const
    {
        return m_caFile;
    }

    /// What went wrong when started() is false.
    QString error() const
    {
        return m_error;
    }

    /// POST /_sim/faults with one rule; true on success.
    bool addFault(const QJsonObject& rule);

    /// DELETE /_sim/faults.
    bool clearFaults();

    /// GET /_sim/requests: the items of the request log.
    QList<QJsonObject> requests();

private:
    QByteArray
    call(const QByteArray& method, const QString& path, const QByteArray& body, bool* ok);

    QProcess m_process;
    QString m_baseUrl;
    QString m_caFile;
    QString m_error;
};

} // namespace mtr::testing
