// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/CentralClient.h"

#include "central/ApiTransport.h"
#include "central/HostUrl.h"
#include "central/TokenProvider.h"

namespace mtr::central {

using domain::CallerIdentity;
using domain::Tenant;

CentralClient::CentralClient(CentralConfig config, QObject* parent)
    : QObject(parent)
    , m_transport(new ApiTransport(std::move(config), this))
    , m_tokens(new TokenProvider(m_transport, this))
{
    m_transport->setTokenProvider(m_tokens);
}

CentralClient::~CentralClient() = default;

void CentralClient::whoami(QObject* context, ResultCallback<CallerIdentity> done)
{
    const QUrl url = HostUrl::join(m_transport->config().globalBase, QStringLiteral("/whoami/v1"));
    QPointer<CentralClient> self(this);
    Requests::one<CallerIdentity>(m_transport,
                                  ApiRequest::get(url, QStringLiteral("whoami")),
                                  context,
                                  &Parsers::whoami,
                                  [self, done](Result<CallerIdentity> who) {
                                      if (who && self) {
                                          self->m_identity = who.value();
                                      }
                                      done(std::move(who));
                                  });
}

void CentralClient::tenants(QObject* context, ResultCallback<QList<Tenant>> done)
{
    if (m_identity) {
        listTenants(*m_identity, context, std::move(done));
        return;
    }
    QPointer<CentralClient> self(this);
    whoami(this, [self, context, done](Result<CallerIdentity> who) {
        if (!who) {
            done(who.error());
            return;
        }
        if (self && context) {
            self->listTenants(who.value(), context, done);
        }
    });
}

void CentralClient::listTenants(const CallerIdentity& who,
                                QObject* context,
                                ResultCallback<QList<Tenant>> done)
{
    if (who.kind == CallerIdentity::Kind::Tenant) {
        Tenant own;
        own.id = who.id;
        own.apiHost = who.dataRegionHost;
        QMetaObject::invokeMethod(
            context,
            [done, own] {
                done(QList<Tenant>{own});
            },
            Qt::QueuedConnection);
        return;
    }
    const bool partner = who.kind == CallerIdentity::Kind::Partner;
    // whoami names the global host to use from now on; fall back to the configured one.
    const QString global =
        who.globalHost.isEmpty() ? m_transport->config().globalBase : who.globalHost;
    ApiRequest request =
        ApiRequest::get(HostUrl::join(global,
                                      partner ? QStringLiteral("/partner/v1/tenants")
                                              : QStringLiteral("/organization/v1/tenants")),
                        QStringLiteral("tenants.list"));
    request.headers.append(
        {partner ? QByteArrayLiteral("X-Partner-ID") : QByteArrayLiteral("X-Organization-ID"),
         who.id.toUtf8()});

    auto collected = std::make_shared<QList<Tenant>>();
    Requests::walk<Tenant>(
        m_transport,
        request,
        Requests::Paging::Number,
        m_transport->config().tenantPageSize,
        context,
        &Parsers::tenant,
        [collected](const Page<Tenant>& page) {
            collected->append(page.items);
        },
        [collected, done](Result<int> count) {
            if (!count) {
                done(count.error());
                return;
            }
            done(*collected);
        });
}

AlertsApi CentralClient::alerts(const Tenant& tenant) const
{
    return AlertsApi(m_transport, tenant);
}

EndpointsApi CentralClient::endpoints(const Tenant& tenant) const
{
    return EndpointsApi(m_transport, tenant);
}

BlockedItemsApi CentralClient::blockedItems(const Tenant& tenant) const
{
    return BlockedItemsApi(m_transport, tenant);
}

CasesApi CentralClient::cases(const Tenant& tenant) const
{
    return CasesApi(m_transport, tenant);
}

SiemApi CentralClient::siem(const Tenant& tenant) const
{
    return SiemApi(m_transport, tenant);
}

QueryRunsApi CentralClient::liveDiscover(const Tenant& tenant) const
{
    return QueryRunsApi(m_transport, tenant, QueryRunsApi::Kind::LiveDiscover);
}

QueryRunsApi CentralClient::dataLake(const Tenant& tenant) const
{
    return QueryRunsApi(m_transport, tenant, QueryRunsApi::Kind::DataLake);
}

} // namespace mtr::central
