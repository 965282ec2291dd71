// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/SyncService.h"

#include "central/CentralClient.h"
#include "log/Log.h"
#include "store/AlertRepository.h"
#include "store/CaseRepository.h"
#include "store/Database.h"
#include "store/EndpointRepository.h"
#include "store/SiemEventRepository.h"
#include "store/SyncCursorRepository.h"
#include "store/TenantRepository.h"

#include <algorithm>
#include <memory>
#include <optional>

namespace mtr::workflow {
namespace {

/// What a paged feed collects while its pages arrive: the count stored and the first store
/// failure (later pages are still offered, so the count says how far storing got).
struct FeedState
{
    int stored = 0;
    std::optional<Error> storeError;
    QElapsedTimer clock;
};

std::shared_ptr<FeedState> newFeed()
{
    auto state = std::make_shared<FeedState>();
    state->clock.start();
    return state;
}

} // namespace

SyncService::SyncService(central::CentralClient* client, store::Database* db, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_db(db)
{
    qRegisterMetaType<mtr::workflow::SyncSummary>();
    qRegisterMetaType<mtr::Error>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        syncOnce();
    });
}

SyncService::~SyncService() = default;

void SyncService::setSiemPageSize(int size)
{
    m_siemPageSize = std::clamp(size, 1, 1000);
}

void SyncService::setPageSize(int size)
{
    m_pageSize = std::max(1, size);
}

bool SyncService::syncOnce()
{
    if (m_running) {
        return false;
    }
    m_running = true;
    m_summary = SyncSummary{};
    m_runClock.start();
    m_client->tenants(this, [this](Result<QList<domain::Tenant>> tenants) {
        if (!tenants) {
            fail({}, TenantsFeed, tenants.error());
            finishRun();
            return;
        }
        store::TenantRepository repo(*m_db);
        if (auto stored = repo.upsert(tenants.value()); !stored) {
            fail({}, TenantsFeed, stored.error());
        }
        syncTenants(tenants.value(), 0);
    });
    return true;
}

void SyncService::start(int intervalMs)
{
    m_timer.setInterval(std::max(0, intervalMs));
    m_polling = true;
    if (!m_running) {
        syncOnce();
    }
}

void SyncService::stop()
{
    m_polling = false;
    m_timer.stop();
}

void SyncService::syncTenants(const QList<domain::Tenant>& tenants, int index)
{
    if (index >= tenants.size()) {
        finishRun();
        return;
    }
    const domain::Tenant tenant = tenants.at(index);
    ++m_summary.tenants;
    Next nextTenant = [this, tenants, index]() {
        syncTenants(tenants, index + 1);
    };
    syncAlerts(tenant, [this, tenant, nextTenant]() {
        syncCases(tenant, [this, tenant, nextTenant]() {
            syncEndpoints(tenant, [this, tenant, nextTenant]() {
                syncEvents(tenant, nextTenant);
            });
        });
    });
}

void SyncService::syncAlerts(const domain::Tenant& tenant, Next next)
{
    // TODO: every run re-reads the tenant's open alerts (Central keeps them few, and their
    // allowedActions change after raising); a raisedAt watermark would cut this down.
    auto state = newFeed();
    central::AlertFilter filter;
    filter.pageSize = m_pageSize;
    auto onPage = [this, tenant, state](const central::Page<domain::Alert>& page) {
        store::AlertRepository repo(*m_db);
        if (auto stored = repo.upsert(page.items); !stored) {
            state->storeError = state->storeError.value_or(stored.error());
            return;
        }
        state->stored += int(page.items.size());
        emit progressed(tenant.id, QLatin1String(AlertsFeed), state->stored);
    };
    m_client->alerts(tenant)
        .list(filter, this, onPage, [this, tenant, state, next](Result<int> done) {
            m_summary.alerts += state->stored;
            const Error* error = !done ? &done.error() : nullptr;
            if (!error && state->storeError) {
                error = &*state->storeError;
            }
            feedDone(tenant, AlertsFeed, state->stored, error, state->clock);
            next();
        });
}

void SyncService::syncCases(const domain::Tenant& tenant, Next next)
{
    auto state = newFeed();
    auto onPage = [this, tenant, state](const central::Page<domain::Case>& page) {
        store::CaseRepository repo(*m_db);
        if (auto stored = repo.upsert(page.items); !stored) {
            state->storeError = state->storeError.value_or(stored.error());
            return;
        }
        state->stored += int(page.items.size());
        emit progressed(tenant.id, QLatin1String(CasesFeed), state->stored);
    };
    m_client->cases(tenant)
        .list(central::CaseFilter{}, this, onPage, [this, tenant, state, next](Result<int> done) {
            m_summary.cases += state->stored;
            const Error* error = !done ? &done.error() : nullptr;
            if (!error && state->storeError) {
                error = &*state->storeError;
            }
            feedDone(tenant, CasesFeed, state->stored, error, state->clock);
            next();
        });
}

void SyncService::syncEndpoints(const domain::Tenant& tenant, Next next)
{
    auto state = newFeed();
    central::EndpointFilter filter;
    filter.pageSize = m_pageSize;
    auto onPage = [this, tenant, state](const central::Page<domain::Endpoint>& page) {
        store::EndpointRepository repo(*m_db);
        if (auto stored = repo.upsert(page.items); !stored) {
            state->storeError = state->storeError.value_or(stored.error());
            return;
        }
        state->stored += int(page.items.size());
        emit progressed(tenant.id, QLatin1String(EndpointsFeed), state->stored);
    };
    m_client->endpoints(tenant)
        .list(filter, this, onPage, [this, tenant, state, next](Result<int> done) {
            m_summary.endpoints += state->stored;
            const Error* error = !done ? &done.error() : nullptr;
            if (!error && state->storeError) {
                error = &*state->storeError;
            }
            feedDone(tenant, EndpointsFeed, state->stored, error, state->clock);
            next();
        });
}

void SyncService::syncEvents(const domain::Tenant& tenant, Next next)
{
    m_feedCount = 0;
    m_feedClock.start();
    store::SyncCursorRepository cursors(*m_db);
    const Result<QString> cursor = cursors.cursor(tenant.id, QLatin1String(SiemEventsFeed));
    if (!cursor) {
        feedDone(tenant, SiemEventsFeed, 0, &cursor.error(), m_feedClock);
        next();
        return;
    }
    nextEventPage(tenant, cursor.value(), std::move(next));
}

void SyncService::nextEventPage(const domain::Tenant& tenant, const QString& cursor, Next next)
{
    central::SiemPosition position;
    position.cursor = cursor; // empty on the first run: Central's default 24-hour window
    auto done = [this, tenant, cursor, next](Result<central::Page<domain::SiemEvent>> page) {
        if (!page) {
            feedDone(tenant, SiemEventsFeed, m_feedCount, &page.error(), m_feedClock);
            next();
            return;
        }
        // The page's events and the cursor after them: one transaction, all or nothing.
        store::SiemEventRepository repo(*m_db);
        const QString feed = QLatin1String(SiemEventsFeed);
        const Result<int> added =
            repo.storePage(tenant.id, feed, page->items, page->info.nextCursor);
        if (!added) {
            feedDone(tenant, SiemEventsFeed, m_feedCount, &added.error(), m_feedClock);
            next();
            return;
        }
        m_feedCount += added.value();
        m_summary.events += added.value();
        emit progressed(tenant.id, feed, m_feedCount);
        const QString& following = page->info.nextCursor;
        const bool stuck = following.isEmpty() || (following == cursor && page->items.isEmpty());
        if (page->info.hasMore && !stuck) {
            nextEventPage(tenant, following, next);
            return;
        }
        feedDone(tenant, SiemEventsFeed, m_feedCount, nullptr, m_feedClock);
        next();
    };
    m_client->siem(tenant).eventsPage(position, m_siemPageSize, {}, this, done);
}

void SyncService::feedDone(const domain::Tenant& tenant,
                           const char* feed,
                           int count,
                           const Error* error,
                           const QElapsedTimer& clock)
{
    auto log = mtr::log::get("workflow");
    if (error) {
        log->warn("sync feed={} tenant={} stored={} ms={} failed code={} status={}",
                  feed,
                  tenant.id,
                  count,
                  clock.elapsed(),
                  int(error->code),
                  error->httpStatus);
        fail(tenant.id, feed, *error);
        return;
    }
    log->info("sync feed={} tenant={} stored={} ms={}", feed, tenant.id, count, clock.elapsed());
}

void SyncService::fail(const QString& tenantId, const char* feed, const Error& error)
{
    const QString feedName = QLatin1String(feed);
    m_summary.failures.append({tenantId, feedName, error});
    emit feedFailed(tenantId, feedName, error);
}

void SyncService::finishRun()
{
    m_summary.elapsedMs = m_runClock.elapsed();
    m_running = false;
    mtr::log::get("workflow")
        ->info("sync run tenants={} alerts={} events={} endpoints={} cases={} failures={} ms={}",
               m_summary.tenants,
               m_summary.alerts,
               m_summary.events,
               m_summary.endpoints,
               m_summary.cases,
               m_summary.failures.size(),
               m_summary.elapsedMs);
    if (m_polling) {
        m_timer.start();
    }
    emit finished(m_summary);
}

} // namespace mtr::workflow
