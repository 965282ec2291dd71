// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// The Sophos Central API model behind central-sim: routes, authentication, paging and the
/// demo tenants' state for the life of the process. It knows nothing of sockets; SimServer
/// feeds it ApiRequests and writes (or drops) the ApiResponses. Written from
/// shared/central-api.md only, never from the console's client code.

#include "simulator/DemoData.h"
#include "simulator/SimTypes.h"

#include <QHash>
#include <QJsonArray>

#include <vector>

namespace mtr::simulator {

enum class CallerType
{
    Partner,
    Organization,
    Tenant
};

/// Settings of the model.
struct ApiOptions
{
    QString clientId = QStringLiteral("demo-client");
    QString clientSecret = QStringLiteral("demo-secret");
    CallerType caller = CallerType::Partner;
    int actionDelayMs = 1000; ///< an alert action completes this long after it was requested
    int runDurationMs = 2000; ///< a query run finishes after this long (or after 3 polls)
    qint64 clockOffsetMs = 0; ///< added to the system clock (--clock)
};

/// The API model.
class CentralApi
{
public:
    CentralApi(const ApiOptions& options, DemoData data);

    /// The URL clients reach this server at; whoami and tenants point back at it.
    void setBaseUrl(const QString& baseUrl);

    /// Answers one API request (everything outside /_sim/).
    ApiResponse handle(ApiRequest& request);

    /// Makes every token issued so far invalid (fault kind expireToken).
    void invalidateTokens();

    /// The model's clock (system time plus --clock offset), epoch ms.
    qint64 now() const;

    static constexpr const char* TokenPath = "/api/v2/oauth2/token";

private:
    enum class Scope
    {
        Open,
        Global,
        Partner,
        Organization,
        Tenant
    };
    using Handler = ApiResponse (CentralApi::*)(ApiRequest&, TenantData&);

    struct Route
    {
        const char* method;
        const char* pattern; ///< segments; {} captures one segment into ApiRequest::args
        Scope scope;
        Handler handler;
    };

    struct PendingAction
    {
        int tenant;
        qint64 slot;
        qint64 dueMs;
        bool removes;
    };

    struct QueryRun
    {
        QJsonObject run;
        qint64 createdMs = 0;
        int polls = 0;
        bool xdr = false;
        QJsonArray columns;
        QList<QJsonObject> rows;
    };

    static const std::vector<Route>& routes();
    std::optional<ApiResponse> authorize(const ApiRequest& request, Scope scope, int& tenant) const;
    void applyDue();
    QJsonObject callerRef() const;

    // CentralApi.cpp: token, whoami, tenants
    ApiResponse token(ApiRequest& request, TenantData&);
    ApiResponse whoami(ApiRequest& request, TenantData&);
    ApiResponse tenantList(ApiRequest& request, TenantData&);
    ApiResponse tenantGet(ApiRequest& request, TenantData&);
    QJsonObject tenantView(const TenantData& tenant, bool organization) const;

    // ApiAlerts.cpp
    ApiResponse alertList(ApiRequest& request, TenantData& tenant);
    ApiResponse alertSearch(ApiRequest& request, TenantData& tenant);
    ApiResponse alertGet(ApiRequest& request, TenantData& tenant);
    ApiResponse alertAction(ApiRequest& request, TenantData& tenant);

    // ApiEndpoints.cpp
    ApiResponse endpointList(ApiRequest& request, TenantData& tenant);
    ApiResponse endpointGet(ApiRequest& request, TenantData& tenant);
    ApiResponse isolationBulk(ApiRequest& request, TenantData& tenant);
    ApiResponse isolationGet(ApiRequest& request, TenantData& tenant);
    ApiResponse isolationPatch(ApiRequest& request, TenantData& tenant);
    ApiResponse scanStart(ApiRequest& request, TenantData& tenant);
    QJsonObject setIsolation(TenantData& tenant, int index, bool enabled, const QString& comment);

    // ApiBlockedItems.cpp: Endpoint API settings/blocked-items
    ApiResponse blockedItemList(ApiRequest& request, TenantData& tenant);
    ApiResponse blockedItemAdd(ApiRequest& request, TenantData& tenant);
    ApiResponse blockedItemGet(ApiRequest& request, TenantData& tenant);
    ApiResponse blockedItemDelete(ApiRequest& request, TenantData& tenant);

    // ApiCases.cpp
    ApiResponse caseList(ApiRequest& request, TenantData& tenant);
    ApiResponse caseCreate(ApiRequest& request, TenantData& tenant);
    ApiResponse caseGet(ApiRequest& request, TenantData& tenant);
    ApiResponse casePatch(ApiRequest& request, TenantData& tenant);
    ApiResponse caseDelete(ApiRequest& request, TenantData& tenant);
    ApiResponse caseDetections(ApiRequest& request, TenantData& tenant);
    ApiResponse caseDetection(ApiRequest& request, TenantData& tenant);
    ApiResponse caseEntities(ApiRequest& request, TenantData& tenant);
    ApiResponse caseMitre(ApiRequest& request, TenantData& tenant);

    // ApiQueries.cpp: Live Discover and XDR Data Lake runs
    ApiResponse ldRunCreate(ApiRequest& request, TenantData& tenant);
    ApiResponse xdrRunCreate(ApiRequest& request, TenantData& tenant);
    ApiResponse runList(ApiRequest& request, TenantData& tenant);
    ApiResponse runGet(ApiRequest& request, TenantData& tenant);
    ApiResponse runEndpoints(ApiRequest& request, TenantData& tenant);
    ApiResponse runCancel(ApiRequest& request, TenantData& tenant);
    ApiResponse runResults(ApiRequest& request, TenantData& tenant);
    QueryRun* findRun(const ApiRequest& request, const TenantData& tenant);
    void advance(QueryRun& run, bool poll);

    // ApiSiem.cpp
    ApiResponse siemEvents(ApiRequest& request, TenantData& tenant);
    ApiResponse siemAlerts(ApiRequest& request, TenantData& tenant);

    ApiOptions m_options;
    DemoData m_data;
    QString m_baseUrl;
    QHash<QString, qint64> m_tokens; ///< access token -> expiry (epoch ms)
    QHash<QString, qint64> m_refreshTokens;
    std::vector<PendingAction> m_pending;
    QHash<QString, QueryRun> m_runs; ///< "<tenant index>/<run id>" -> run
    qint64 m_runSeq = 0;
};

} // namespace mtr::simulator
