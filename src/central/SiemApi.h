// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/Requests.h"
#include "domain/Types.h"

#include <QDateTime>
#include <QStringList>

namespace mtr::central {

/// Where a SIEM read starts: a saved cursor, or (first run only) a time within the last 24 h.
/// The caller owns persistence: save Page::info.nextCursor after every page, even an empty
/// one, and a restart resumes with no gap and no duplicate.
struct SiemPosition
{
    QString cursor;     ///< wins over fromDate when set
    QDateTime fromDate; ///< sent as Unix seconds; invalid means Central's default window
};

/// The SIEM Integration API of one tenant: events and alerts with cursor paging.
class SiemApi
{
public:
    /// Bound to `tenant` (X-Tenant-ID and apiHost).
    SiemApi(ApiTransport* transport, domain::Tenant tenant);

    /// One page of GET /siem/v1/events. Items of another tenant fail the page.
    void eventsPage(const SiemPosition& position,
                    int limit,
                    const QStringList& excludeTypes,
                    QObject* context,
                    ResultCallback<Page<domain::SiemEvent>> done) const;

    /// One page of GET /siem/v1/alerts.
    void alertsPage(const SiemPosition& position,
                    int limit,
                    QObject* context,
                    ResultCallback<Page<domain::Alert>> done) const;

    /// Reads events page after page while has_more; `onPage` must persist the page's cursor.
    void drainEvents(const SiemPosition& position,
                     int limit,
                     QObject* context,
                     std::function<void(const Page<domain::SiemEvent>&)> onPage,
                     ResultCallback<int> done) const;

    /// Reads alerts page after page while has_more; `onPage` must persist the page's cursor.
    void drainAlerts(const SiemPosition& position,
                     int limit,
                     QObject* context,
                     std::function<void(const Page<domain::Alert>&)> onPage,
                     ResultCallback<int> done) const;

private:
    ApiRequest request(const char* path,
                       const SiemPosition& position,
                       int limit,
                       const QStringList& excludeTypes) const;

    template <typename T>
    void drain(const char* path,
               const SiemPosition& position,
               int limit,
               QObject* context,
               ItemParser<T> parse,
               std::function<void(const Page<T>&)> onPage,
               ResultCallback<int> done) const;

    ApiTransport* m_transport;
    domain::Tenant m_tenant;
};

} // namespace mtr::central
