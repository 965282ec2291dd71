// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// Live Discover and XDR Data Lake query runs (central-api.md sections 4 and 7). A run is
/// pending when created and finishes after --run-duration ms or on the third poll.
#include "simulator/CentralApi.h"
#include "simulator/Paging.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <algorithm>
#include <numeric>

namespace mtr::simulator {
namespace {

constexpr int FinishAfterPolls = 3;

struct Process
{
    const char* name;
    const char* path;
    const char* cmdline;
    const char* user;
};

constexpr Process WindowsProcesses[] = {
    {"System", "", "", "NT AUTHORITY\\SYSTEM"},
    {"smss.exe",
     "C:\\Windows\\System32\\smss.exe",
     "\\SystemRoot\\System32\\smss.exe",
     "NT AUTHORITY\\SYSTEM"},
    {"csrss.exe",
     "C:\\Windows\\System32\\csrss.exe",
     "%SystemRoot%\\system32\\csrss.exe ObjectDirectory=\\Windows",
     "NT AUTHORITY\\SYSTEM"},
    {"wininit.exe", "C:\\Windows\\System32\\wininit.exe", "wininit.exe", "NT AUTHORITY\\SYSTEM"},
    {"services.exe",
     "C:\\Windows\\System32\\services.exe",
     "C:\\Windows\\system32\\services.exe",
     "NT AUTHORITY\\SYSTEM"},
    {"lsass.exe",
     "C:\\Windows\\System32\\lsass.exe",
     "C:\\Windows\\system32\\lsass.exe",
     "NT AUTHORITY\\SYSTEM"},
    {"svchost.exe",
     "C:\\Windows\\System32\\svchost.exe",
     "C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p",
     "NT AUTHORITY\\SYSTEM"},
    {"svchost.exe",
     "C:\\Windows\\System32\\svchost.exe",
     "C:\\Windows\\System32\\svchost.exe -k NetworkService -p",
     "NT AUTHORITY\\NETWORK SERVICE"},
    {"SophosFileScanner.exe",
     "C:\\Program Files\\Sophos\\Sophos File Scanner\\SophosFileScanner.exe",
     "\"C:\\Program Files\\Sophos\\Sophos File Scanner\\SophosFileScanner.exe\"",
     "NT AUTHORITY\\SYSTEM"},
    {"SEDService.exe",
     "C:\\Program Files\\Sophos\\Endpoint Defense\\SEDService.exe",
     "\"C:\\Program Files\\Sophos\\Endpoint Defense\\SEDService.exe\"",
     "NT AUTHORITY\\SYSTEM"},
    {"explorer.exe", "C:\\Windows\\explorer.exe", "C:\\Windows\\Explorer.EXE", "@user"},
    {"msedge.exe",
     "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
     "\"msedge.exe\" --type=renderer --lang=de",
     "@user"},
};
constexpr Process LinuxProcesses[] = {
    {"systemd", "/usr/lib/systemd/systemd", "/sbin/init splash", "root"},
    {"sshd", "/usr/sbin/sshd", "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", "root"},
    {"cron", "/usr/sbin/cron", "/usr/sbin/cron -f -P", "root"},
    {"sophos_managementagent",
     "/opt/sophos-spl/base/bin/sophos_managementagent",
     "/opt/sophos-spl/base/bin/sophos_managementagent",
     "sophos-spl-user"},
    {"bash", "/usr/bin/bash", "-bash", "@user"},
    {"python3", "/usr/bin/python3.10", "python3 /srv/build/agent.py --queue main", "@user"},
};
constexpr Process MacProcesses[] = {
    {"launchd", "/sbin/launchd", "/sbin/launchd", "root"},
    {"WindowServer",
     "/System/Library/PrivateFrameworks/SkyLight.framework/Resources/WindowServer",
     "WindowServer -daemon",
     "_windowserver"},
    {"Finder", "/System/Library/CoreServices/Finder.app/Contents/MacOS/Finder", "Finder", "@user"},
    {"SophosScanD",
     "/Library/Sophos Anti-Virus/SophosScanD.bundle/Contents/MacOS/SophosScanD",
     "SophosScanD",
     "root"},
};

QString sha256(const QString& text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

/// What each endpoint runs, plus the demo story's tell-tale processes.
QList<QJsonObject>
processRows(const TenantData& tenant, const QList<int>& endpoints, bool xdr, qint64 nowMs)
{
    QList<QJsonObject> rows;
    for (const int index : endpoints) {
        const EndpointRef& ref = tenant.gen.endpoints.at(index);
        QList<Process> processes;
        if (ref.platform == QLatin1String("linux"))
            processes = {std::begin(LinuxProcesses), std::end(LinuxProcesses)};
        else if (ref.platform == QLatin1String("macOS"))
            processes = {std::begin(MacProcesses), std::end(MacProcesses)};
        else
            processes = {std::begin(WindowsProcesses), std::end(WindowsProcesses)};
        if (ref.hostname.startsWith(QLatin1String("dc01")))
            processes.append({"rundll32.exe",
                              "C:\\Windows\\System32\\rundll32.exe",
                              "rundll32.exe C:\\ProgramData\\x\\a.dll,Start",
                              "NT AUTHORITY\\SYSTEM"});
        if (ref.hostname.endsWith(QLatin1String("-WKS-0042")))
            processes.append({"Rechnung_März.pdf.exe",
                              "@downloads\\Rechnung_März.pdf.exe",
                              "\"@downloads\\Rechnung_März.pdf.exe\"",
                              "@user"});
        const QString downloads =
            QStringLiteral("C:\\Users\\%1\\Downloads").arg(ref.user.section(QLatin1Char('\\'), -1));
        int pid = 4;
        for (const Process& p : std::as_const(processes)) {
            const auto fill = [&](const char* text) {
                return QString::fromUtf8(text)
                    .replace(QLatin1String("@downloads"), downloads)
                    .replace(QLatin1String("@user"), ref.user);
            };
            QJsonObject row{{QStringLiteral("name"), fill(p.name)},
                            {QStringLiteral("pid"), pid},
                            {QStringLiteral("path"), fill(p.path)},
                            {QStringLiteral("cmdline"), fill(p.cmdline)},
                            {QStringLiteral("username"), fill(p.user)},
                            {QStringLiteral("sha256"), sha256(fill(p.path))}};
            if (xdr) {
                row.insert(QStringLiteral("meta_hostname"), ref.hostname);
                row.insert(QStringLiteral("meta_endpoint_id"), ref.id);
                row.insert(QStringLiteral("time"), (nowMs - 3600000 + pid * 1000) / 1000);
            } else {
                row.insert(QStringLiteral("endpointId"), ref.id);
                row.insert(QStringLiteral("hostname"), ref.hostname);
            }
            rows.append(row);
            pid += 4 + (pid % 7) * 52;
        }
    }
    return rows;
}

QJsonArray columnsOf(bool xdr)
{
    QJsonArray columns;
    const QList<QPair<const char*, const char*>> names =
        xdr ? QList<QPair<const char*, const char*>>{{"meta_hostname", "text"},
                                                     {"meta_endpoint_id", "text"},
                                                     {"time", "bigint"},
                                                     {"name", "text"},
                                                     {"pid", "bigint"},
                                                     {"path", "text"},
                                                     {"cmdline", "text"},
                                                     {"username", "text"},
                                                     {"sha256", "text"}}
            : QList<QPair<const char*, const char*>>{{"endpointId", "text"},
                                                     {"hostname", "text"},
                                                     {"name", "text"},
                                                     {"pid", "integer"},
                                                     {"path", "text"},
                                                     {"cmdline", "text"},
                                                     {"username", "text"},
                                                     {"sha256", "text"}};
    for (const auto& [name, type] : names)
        columns.append(QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                                   {QStringLiteral("type"), QLatin1String(type)}});
    return columns;
}

QString runKey(const TenantData& tenant, const QString& id)
{
    return QString::number(tenant.index) + QLatin1Char('/') + id;
}

} // namespace

void CentralApi::advance(QueryRun& run, bool poll)
{
    if (poll)
        ++run.polls;
    QJsonObject& object = run.run;
    if (object.value(QLatin1String("status")).toString() == QLatin1String("finished"))
        return;
    const qint64 elapsed = now() - run.createdMs;
    if (run.polls < FinishAfterPolls && elapsed < m_options.runDurationMs) {
        if (run.xdr && run.polls > 0)
            object.insert(QStringLiteral("status"), QStringLiteral("started"));
        if (!run.xdr)
            object.insert(QStringLiteral("timeRemainingInSeconds"), qint64(900 - elapsed / 1000));
        return;
    }
    object.insert(QStringLiteral("status"), QStringLiteral("finished"));
    object.insert(QStringLiteral("result"), QStringLiteral("succeeded"));
    object.insert(QStringLiteral("finishedAt"), isoMs(now()));
    object.insert(QStringLiteral("resultCount"), qint64(run.rows.size()));
    if (!run.xdr) {
        object.insert(QStringLiteral("timeRemainingInSeconds"), 0);
        QJsonObject counts = object.value(QLatin1String("endpointCounts")).toObject();
        const int total = counts.value(QLatin1String("total")).toInt();
        counts.insert(QStringLiteral("sent"), total);
        counts.insert(QStringLiteral("received"), total);
        counts.insert(QStringLiteral("finished"), total);
        object.insert(QStringLiteral("endpointCounts"), counts);
    }
}

ApiResponse CentralApi::ldRunCreate(ApiRequest& request, TenantData& tenant)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonObject adHoc = body.value(QLatin1String("adHocQuery")).toObject();
    const QJsonObject saved = body.value(QLatin1String("savedQuery")).toObject();
    if (adHoc.value(QLatin1String("template")).toString().isEmpty() && saved.isEmpty())
        return apiError(400,
                        QStringLiteral("badRequest"),
                        QStringLiteral("Body needs adHocQuery{name,template} or savedQuery"));
    QList<int> endpoints;
    QStringList wanted;
    for (const QJsonValue& filter :
         body.value(QLatin1String("matchEndpoints"))[QLatin1String("filters")].toArray()) {
        for (const QJsonValue& id : filter[QLatin1String("ids")].toArray())
            wanted.append(id.toString());
    }
    for (int n = 0; n < tenant.endpoints.size(); ++n) {
        if (wanted.isEmpty() || wanted.contains(tenant.gen.endpoints.at(n).id))
            endpoints.append(n);
    }
    QueryRun run;
    run.createdMs = now();
    run.columns = columnsOf(false);
    run.rows = processRows(tenant, endpoints, false, run.createdMs);
    const QString id = newUuid();
    run.run = {{QStringLiteral("id"), id},
               {QStringLiteral("name"),
                adHoc.value(QLatin1String("name")).toString(QStringLiteral("Saved query"))},
               {QStringLiteral("status"), QStringLiteral("pending")},
               {QStringLiteral("result"), QStringLiteral("notAvailable")},
               {QStringLiteral("createdAt"), isoMs(run.createdMs)},
               {QStringLiteral("createdBy"), callerRef()},
               {QStringLiteral("finishedAt"), QJsonValue::Null},
               {QStringLiteral("maxDurationInSeconds"), 900},
               {QStringLiteral("timeRemainingInSeconds"), 900},
               {QStringLiteral("resultCount"), 0},
               {QStringLiteral("performance"),
                QJsonObject{{QStringLiteral("cpuTime"), 0}, {QStringLiteral("memoryPeak"), 0}}},
               {QStringLiteral("endpointCounts"),
                QJsonObject{{QStringLiteral("total"), qint64(endpoints.size())},
                            {QStringLiteral("sent"), 0},
                            {QStringLiteral("received"), 0},
                            {QStringLiteral("finished"), 0}}}};
    if (!adHoc.isEmpty())
        run.run.insert(QStringLiteral("template"), adHoc.value(QLatin1String("template")));
    run.run.insert(QStringLiteral("seq"), ++m_runSeq); // internal order, removed on output
    m_runs.insert(runKey(tenant, id), run);
    QJsonObject out = run.run;
    out.remove(QStringLiteral("seq"));
    return jsonResponse(201, out);
}

ApiResponse CentralApi::xdrRunCreate(ApiRequest& request, TenantData& tenant)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonObject adHoc = body.value(QLatin1String("adHocQuery")).toObject();
    const QJsonObject saved = body.value(QLatin1String("savedQuery")).toObject();
    if (adHoc.value(QLatin1String("template")).toString().isEmpty() && saved.isEmpty())
        return apiError(400,
                        QStringLiteral("badRequest"),
                        QStringLiteral("Body needs adHocQuery{template} or savedQuery"));
    QList<int> endpoints;
    for (int n = 0; n < tenant.endpoints.size(); ++n)
        endpoints.append(n);
    QueryRun run;
    run.xdr = true;
    run.createdMs = now();
    run.columns = columnsOf(true);
    run.rows = processRows(tenant, endpoints, true, run.createdMs);
    const QString id = newUuid();
    run.run = {{QStringLiteral("id"), id},
               {QStringLiteral("status"), QStringLiteral("pending")},
               {QStringLiteral("result"), QStringLiteral("notAvailable")},
               {QStringLiteral("createdAt"), isoMs(run.createdMs)},
               {QStringLiteral("createdBy"), callerRef()},
               {QStringLiteral("expiresAt"), isoMs(run.createdMs + 24 * 3600 * 1000)},
               {QStringLiteral("finishedAt"), QJsonValue::Null},
               {QStringLiteral("template"), adHoc.value(QLatin1String("template"))},
               {QStringLiteral("variables"), body.value(QLatin1String("variables")).toArray()},
               {QStringLiteral("from"), body.value(QLatin1String("from"))},
               {QStringLiteral("to"), body.value(QLatin1String("to"))}};
    if (!saved.isEmpty())
        run.run.insert(QStringLiteral("query"), saved);
    run.run.insert(QStringLiteral("seq"), ++m_runSeq);
    m_runs.insert(runKey(tenant, id), run);
    QJsonObject out = run.run;
    out.remove(QStringLiteral("seq"));
    return jsonResponse(201, out);
}

CentralApi::QueryRun* CentralApi::findRun(const ApiRequest& request, const TenantData& tenant)
{
    auto it = m_runs.find(runKey(tenant, request.args.value(0)));
    if (it == m_runs.end() || it->xdr != request.path.startsWith(QLatin1String("/xdr-query/")))
        return nullptr;
    return &*it;
}

ApiResponse CentralApi::runList(ApiRequest& request, TenantData& tenant)
{
    const bool xdr = request.path.startsWith(QLatin1String("/xdr-query/"));
    const QString prefix = QString::number(tenant.index) + QLatin1Char('/');
    QHash<qint64, QueryRun*> bySeq;
    std::vector<qint64> ordered;
    for (auto it = m_runs.begin(); it != m_runs.end(); ++it) {
        if (!it.key().startsWith(prefix) || it->xdr != xdr)
            continue;
        advance(*it, false);
        const qint64 seq = it->run.value(QLatin1String("seq")).toInteger();
        bySeq.insert(seq, &*it);
        ordered.push_back(seq);
    }
    std::sort(ordered.begin(), ordered.end(), std::greater<qint64>());
    const KeyPage page = keyPage(request, ordered, false, {50, 100});
    if (page.error)
        return *page.error;
    QJsonArray items;
    for (const qint64 seq : page.entries) {
        QJsonObject run = bySeq.value(seq)->run;
        run.remove(QStringLiteral("seq"));
        items.append(run);
    }
    return jsonResponse(200,
                        {{QStringLiteral("items"), items}, {QStringLiteral("pages"), page.pages}});
}

ApiResponse CentralApi::runGet(ApiRequest& request, TenantData& tenant)
{
    QueryRun* run = findRun(request, tenant);
    if (!run)
        return apiError(404,
                        QStringLiteral("resourceNotFound"),
                        QStringLiteral("Query run not found"));
    advance(*run, true);
    QJsonObject out = run->run;
    out.remove(QStringLiteral("seq"));
    return jsonResponse(200, out);
}

ApiResponse CentralApi::runEndpoints(ApiRequest& request, TenantData& tenant)
{
    QueryRun* run = findRun(request, tenant);
    if (!run)
        return apiError(404,
                        QStringLiteral("resourceNotFound"),
                        QStringLiteral("Query run not found"));
    advance(*run, false);
    const bool finished =
        run->run.value(QLatin1String("status")).toString() == QLatin1String("finished");
    QJsonArray items;
    QStringList seen;
    for (const QJsonObject& row : std::as_const(run->rows)) {
        const QString id = row.value(QLatin1String("endpointId")).toString();
        if (seen.contains(id))
            continue;
        seen.append(id);
        items.append(
            QJsonObject{{QStringLiteral("id"), id},
                        {QStringLiteral("hostname"), row.value(QLatin1String("hostname"))},
                        {QStringLiteral("status"),
                         finished ? QStringLiteral("finished") : QStringLiteral("pending")}});
    }
    return jsonResponse(200, {{QStringLiteral("items"), items}});
}

ApiResponse CentralApi::runCancel(ApiRequest& request, TenantData& tenant)
{
    QueryRun* run = findRun(request, tenant);
    if (!run)
        return apiError(404,
                        QStringLiteral("resourceNotFound"),
                        QStringLiteral("Query run not found"));
    advance(*run, false);
    if (run->run.value(QLatin1String("status")).toString() != QLatin1String("finished")) {
        run->run.insert(QStringLiteral("status"), QStringLiteral("finished"));
        run->run.insert(QStringLiteral("result"), QStringLiteral("cancelled"));
        run->run.insert(QStringLiteral("finishedAt"), isoMs(now()));
        run->rows.clear();
    }
    QJsonObject out = run->run;
    out.remove(QStringLiteral("seq"));
    return jsonResponse(200, out);
}

ApiResponse CentralApi::runResults(ApiRequest& request, TenantData& tenant)
{
    QueryRun* run = findRun(request, tenant);
    if (!run)
        return apiError(404,
                        QStringLiteral("resourceNotFound"),
                        QStringLiteral("Query run not found"));
    advance(*run, false);
    if (run->run.value(QLatin1String("status")).toString() != QLatin1String("finished"))
        return apiError(400,
                        QStringLiteral("badRequest"),
                        QStringLiteral("Query run has not finished"));
    std::vector<qint64> ordered(size_t(run->rows.size()));
    std::iota(ordered.begin(), ordered.end(), 0);
    const KeyPage page =
        keyPage(request, ordered, true, run->xdr ? PageLimits{100, 1000} : PageLimits{1000, 1000});
    if (page.error)
        return *page.error;
    QJsonArray items;
    for (const qint64 n : page.entries)
        items.append(run->rows.at(n));
    return jsonResponse(
        200,
        {{QStringLiteral("items"), items},
         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("columns"), run->columns}}},
         {QStringLiteral("pages"), page.pages}});
}

} // namespace mtr::simulator
