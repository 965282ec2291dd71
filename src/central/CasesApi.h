// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/Requests.h"
#include "domain/CentralTypes.h"
#include "domain/Types.h"

#include <QStringList>

#include <optional>

namespace mtr::central {

/// Filters of GET /cases/v1/cases; empty members are not sent.
struct CaseFilter
{
    QStringList statuses; ///< new, investigating, onHold, resolved, actionRequired, ...
    QStringList severities;
    QString assignee;     ///< admin e-mail or "Unassigned"
    QString managedBy;    ///< "self" or Sophos-managed
    QString createdAfter; ///< ISO time or duration
    QString sort;         ///< "createdAt:desc"
    int pageSize = 50;
};

/// The fields PATCH /cases/v1/cases/{id} may change; unset members are not sent.
struct CaseUpdate
{
    std::optional<QString> status;
    std::optional<QString> assignee; ///< e-mail
    std::optional<QString> overview;
};

/// Cases of one tenant (Cases API) and their detections, impacted entities and MITRE summary.
class CasesApi
{
public:
    /// Bound to `tenant` (X-Tenant-ID and apiHost).
    CasesApi(ApiTransport* transport, domain::Tenant tenant);

    /// Every page for `filter` (page-number paging).
    void list(const CaseFilter& filter,
              QObject* context,
              std::function<void(const Page<domain::Case>&)> onPage,
              ResultCallback<int> done) const;

    /// GET /cases/v1/cases/{id}.
    void get(const QString& caseId, QObject* context, ResultCallback<domain::Case> done) const;

    /// PATCH /cases/v1/cases/{id}; answers the updated case. An empty update is refused locally.
    void update(const QString& caseId,
                const CaseUpdate& update,
                QObject* context,
                ResultCallback<domain::Case> done) const;

    /// Every detection of a case (page-number paging).
    void detections(const QString& caseId,
                    QObject* context,
                    std::function<void(const Page<domain::Detection>&)> onPage,
                    ResultCallback<int> done) const;

    /// Every impacted entity of a case (page-number paging).
    void impactedEntities(const QString& caseId,
                          QObject* context,
                          std::function<void(const Page<domain::ImpactedEntity>&)> onPage,
                          ResultCallback<int> done) const;

    /// GET /cases/v1/cases/{id}/mitre-attack-summary.
    void mitreSummary(const QString& caseId,
                      QObject* context,
                      ResultCallback<domain::MitreSummary> done) const;

private:
    QUrl url(const QString& path, const QUrlQuery& query = {}) const;

    ApiTransport* m_transport;
    domain::Tenant m_tenant;
};

} // namespace mtr::central
