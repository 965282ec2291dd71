// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Error.h"
#include "domain/Types.h"
#include "workflow/SyncSummary.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

namespace mtr::central {
class CentralClient;
}

namespace mtr::store {
class Database;
}

namespace mtr::workflow {

/// Pulls alerts, cases, endpoints and SIEM events of every tenant the credentials can see and
/// stores them. Everything runs on the caller's thread through Central's asynchronous
/// callbacks; each page is written in its own short transaction, and a SIEM page together with
/// the cursor after it, so a restart resumes with no gap and no duplicate. A failing feed is
/// reported and the run goes on with the next feed and tenant.
class SyncService : public QObject
{
    Q_OBJECT

public:
    /// The feed names used in progress(), feedFailed() and the stored cursors.
    static constexpr const char* AlertsFeed = "alerts";
    static constexpr const char* CasesFeed = "cases";
    static constexpr const char* EndpointsFeed = "endpoints";
    static constexpr const char* SiemEventsFeed = "siem-events";
    static constexpr const char* TenantsFeed = "tenants";

    /// Uses \p client and \p db (same thread as this object), which must outlive it.
    SyncService(central::CentralClient* client, store::Database* db, QObject* parent = nullptr);
    ~SyncService() override;

    /// SIEM page size (1..1000, default 1000).
    void setSiemPageSize(int size);

    /// Alert and endpoint page size (default 100; Central may lower it).
    void setPageSize(int size);

    /// Starts one run now; finished() follows. Ignored (returns false) while a run is going.
    bool syncOnce();

    /// Runs now and then every \p intervalMs after the previous run finished, until stop().
    void start(int intervalMs);

    /// Stops the polling; a run in progress still finishes and reports.
    void stop();

    /// True while a run is in progress.
    bool isRunning() const
    {
        return m_running;
    }

    /// True between start() and stop().
    bool isPolling() const
    {
        return m_polling;
    }

signals:
    /// \p count records of \p feed stored so far for \p tenantId in this run.
    void progressed(const QString& tenantId, const QString& feed, int count);

    /// One feed of one tenant failed; the run goes on.
    void feedFailed(const QString& tenantId, const QString& feed, const mtr::Error& error);

    /// One run is over.
    void finished(const mtr::workflow::SyncSummary& summary);

private:
    using Next = std::function<void()>;

    void syncTenants(const QList<domain::Tenant>& tenants, int index);
    void syncAlerts(const domain::Tenant& tenant, Next next);
    void syncCases(const domain::Tenant& tenant, Next next);
    void syncEndpoints(const domain::Tenant& tenant, Next next);
    void syncEvents(const domain::Tenant& tenant, Next next);
    void nextEventPage(const domain::Tenant& tenant, const QString& cursor, Next next);
    void feedDone(const domain::Tenant& tenant,
                  const char* feed,
                  int count,
                  const Error* error,
                  const QElapsedTimer& clock);
    void fail(const QString& tenantId, const char* feed, const Error& error);
    void finishRun();

    central::CentralClient* m_client;
    store::Database* m_db;
    QTimer m_timer;
    SyncSummary m_summary;
    QElapsedTimer m_runClock;
    int m_siemPageSize = 1000;
    int m_pageSize = 100;
    int m_feedCount = 0;       ///< records of the feed in progress
    QElapsedTimer m_feedClock; ///< since the feed in progress started
    bool m_running = false;
    bool m_polling = false;
};

} // namespace mtr::workflow
