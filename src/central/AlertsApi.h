// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/Requests.h"
#include "domain/CentralTypes.h"
#include "domain/Types.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace mtr::central {

/// Filters of GET /common/v1/alerts; empty members are not sent.
struct AlertFilter
{
    QDateTime from;         ///< raised on or after
    QDateTime to;           ///< raised before
    QStringList categories; ///< malware, pua, runtimeDetections, ...
    QStringList severities; ///< high, medium, low
    QStringList products;   ///< endpoint, server, ...
    QString sort;           ///< "raisedAt:desc"
    int pageSize = 100;
};

/// Alerts of one tenant (Common API): list across key-based pages, get one, and act on one.
// TODO: POST /common/v1/alerts/search (same filters in a JSON body) is not wrapped; the GET list
// covers every filter the console uses so far.
class AlertsApi
{
public:
    /// Bound to `tenant`: every call sends its id as X-Tenant-ID and goes to its apiHost.
    AlertsApi(ApiTransport* transport, domain::Tenant tenant);

    /// Every page for `filter`, in order; `done` gets the number of alerts delivered.
    void list(const AlertFilter& filter,
              QObject* context,
              std::function<void(const Page<domain::Alert>&)> onPage,
              ResultCallback<int> done) const;

    /// One page starting at `fromKey` (empty for the first).
    void listPage(const AlertFilter& filter,
                  const QString& fromKey,
                  QObject* context,
                  ResultCallback<Page<domain::Alert>> done) const;

    /// GET /common/v1/alerts/{id}.
    void get(const QString& alertId, QObject* context, ResultCallback<domain::Alert> done) const;

    /// POST /common/v1/alerts/{id}/actions. Refused locally (NotAllowed) unless the alert lists
    /// the action in allowedActions. `message` is optional analyst text.
    void act(const domain::Alert& alert,
             domain::AlertAction action,
             const QString& message,
             QObject* context,
             ResultCallback<domain::AlertActionResult> done) const;

    /// The API's name of an action ("clearThreat").
    static QString actionName(domain::AlertAction action);

    /// The action for an API name, if it is one we know.
    static std::optional<domain::AlertAction> actionFromName(const QString& name);

private:
    ApiRequest listRequest(const AlertFilter& filter) const;

    ApiTransport* m_transport;
    domain::Tenant m_tenant;
};

} // namespace mtr::central
