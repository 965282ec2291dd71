// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/SiemApi.h"

#include "central/HostUrl.h"

namespace mtr::central {

namespace {
constexpr int MaxLimit = 1000; // documented maximum of `limit`
} // namespace

SiemApi::SiemApi(ApiTransport* transport, domain::Tenant tenant)
    : m_transport(transport)
    , m_tenant(std::move(tenant))
{}

ApiRequest SiemApi::request(const char* path,
                            const SiemPosition& position,
                            int limit,
                            const QStringList& excludeTypes) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(limit, 1, MaxLimit)));
    if (!position.cursor.isEmpty()) {
        query.addQueryItem(QStringLiteral("cursor"), position.cursor);
    } else if (position.fromDate.isValid()) {
        query.addQueryItem(QStringLiteral("from_date"),
                           QString::number(position.fromDate.toSecsSinceEpoch()));
    }
    if (!excludeTypes.isEmpty()) {
        query.addQueryItem(QStringLiteral("exclude_types"), excludeTypes.join(QLatin1Char(',')));
    }
    const QString p = QLatin1String(path);
    return ApiRequest::get(HostUrl::join(m_tenant.apiHost, p, query),
                           QStringLiteral("siem") + p.mid(p.lastIndexOf(u'/')).replace(u'/', u'.'),
                           m_tenant.id);
}

void SiemApi::eventsPage(const SiemPosition& position,
                         int limit,
                         const QStringList& excludeTypes,
                         QObject* context,
                         ResultCallback<Page<domain::SiemEvent>> done) const
{
    Requests::page<domain::SiemEvent>(
        m_transport,
        request("/siem/v1/events", position, limit, excludeTypes),
        context,
        Requests::forTenant<domain::SiemEvent>(&Parsers::siemEvent, m_tenant.id),
        std::move(done));
}

void SiemApi::alertsPage(const SiemPosition& position,
                         int limit,
                         QObject* context,
                         ResultCallback<Page<domain::Alert>> done) const
{
    Requests::page<domain::Alert>(
        m_transport,
        request("/siem/v1/alerts", position, limit, {}),
        context,
        Requests::forTenant<domain::Alert>(&Parsers::siemAlert, m_tenant.id),
        std::move(done));
}

void SiemApi::drainEvents(const SiemPosition& position,
                          int limit,
                          QObject* context,
                          std::function<void(const Page<domain::SiemEvent>&)> onPage,
                          ResultCallback<int> done) const
{
    drain<domain::SiemEvent>(
        "/siem/v1/events",
        position,
        limit,
        context,
        Requests::forTenant<domain::SiemEvent>(&Parsers::siemEvent, m_tenant.id),
        std::move(onPage),
        std::move(done));
}

void SiemApi::drainAlerts(const SiemPosition& position,
                          int limit,
                          QObject* context,
                          std::function<void(const Page<domain::Alert>&)> onPage,
                          ResultCallback<int> done) const
{
    drain<domain::Alert>("/siem/v1/alerts",
                         position,
                         limit,
                         context,
                         Requests::forTenant<domain::Alert>(&Parsers::siemAlert, m_tenant.id),
                         std::move(onPage),
                         std::move(done));
}

template <typename T>
void SiemApi::drain(const char* path,
                    const SiemPosition& position,
                    int limit,
                    QObject* context,
                    ItemParser<T> parse,
                    std::function<void(const Page<T>&)> onPage,
                    ResultCallback<int> done) const
{
    // State held by every in-flight callback; the loop ends when has_more is false.
    auto step = std::make_shared<std::function<void(const SiemPosition&, int)>>();
    std::weak_ptr<std::function<void(const SiemPosition&, int)>> weak = step;
    *step = [api = *this, path, limit, context, parse, onPage, done, weak](const SiemPosition& at,
                                                                           int count) {
        auto self = weak.lock();
        Requests::page<T>(api.m_transport,
                          api.request(path, at, limit, {}),
                          context,
                          parse,
                          [self, onPage, done, count, at](Result<Page<T>> page) {
                              if (!page) {
                                  done(page.error());
                                  return;
                              }
                              onPage(page.value());
                              const int total = count + int(page->items.size());
                              const QString next = page->info.nextCursor;
                              if (!page->info.hasMore || next.isEmpty() || next == at.cursor) {
                                  done(total);
                                  return;
                              }
                              (*self)(SiemPosition{next, {}}, total);
                          });
    };
    (*step)(position, 0);
}

} // namespace mtr::central
