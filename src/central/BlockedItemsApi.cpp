// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/BlockedItemsApi.h"

#include "central/HostUrl.h"

#include <QJsonObject>

namespace mtr::central {

namespace {

const QString Path = QStringLiteral("/endpoint/v1/settings/blocked-items");

} // namespace

BlockedItemsApi::BlockedItemsApi(ApiTransport* transport, domain::Tenant tenant)
    : m_transport(transport)
    , m_tenant(std::move(tenant))
{}

void BlockedItemsApi::list(QObject* context,
                           std::function<void(const Page<domain::BlockedItem>&)> onPage,
                           ResultCallback<int> done,
                           int pageSize) const
{
    // Blocked items carry no tenant member, so there is nothing for forTenant() to check; the
    // X-Tenant-ID header alone scopes the list.
    Requests::walk<domain::BlockedItem>(m_transport,
                                        ApiRequest::get(HostUrl::join(m_tenant.apiHost, Path),
                                                        QStringLiteral("blockedItems.list"),
                                                        m_tenant.id),
                                        Requests::Paging::Number,
                                        pageSize,
                                        context,
                                        &Parsers::blockedItem,
                                        std::move(onPage),
                                        std::move(done));
}

void BlockedItemsApi::add(const QString& sha256,
                          const QString& comment,
                          QObject* context,
                          ResultCallback<domain::BlockedItem> done) const
{
    const QJsonObject body{
        {QStringLiteral("type"), QStringLiteral("sha256")},
        {QStringLiteral("properties"), QJsonObject{{QStringLiteral("sha256"), sha256}}},
        {QStringLiteral("comment"), comment}};
    Requests::one<domain::BlockedItem>(m_transport,
                                       ApiRequest::write(QByteArrayLiteral("POST"),
                                                         HostUrl::join(m_tenant.apiHost, Path),
                                                         QStringLiteral("blockedItems.add"),
                                                         m_tenant.id,
                                                         QJsonDocument(body)),
                                       context,
                                       &Parsers::blockedItem,
                                       std::move(done));
}

} // namespace mtr::central
