// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/CaseAssembler.h"

#include "ai/PlaybookCatalog.h"
#include "evidence/IndicatorExtractor.h"
#include "evidence/TimelineBuilder.h"
#include "log/Log.h"
#include "store/AlertRepository.h"
#include "store/Database.h"
#include "store/EndpointRepository.h"
#include "store/EvidenceRepository.h"
#include "store/SiemEventRepository.h"
#include "store/TenantRepository.h"

#include <QJsonDocument>

namespace mtr::workflow {

namespace {

const QLatin1String CasePrefix("alert:");

QString jsonText(const QJsonObject& raw)
{
    return QString::fromUtf8(QJsonDocument(raw).toJson(QJsonDocument::Indented));
}

domain::EvidenceItem item(const QString& id,
                          const QString& caseId,
                          const QString& tenantId,
                          const QString& kind,
                          const QString& origin,
                          const QString& text)
{
    domain::EvidenceItem e;
    e.id = id;
    e.caseId = caseId;
    e.tenantId = tenantId;
    e.kind = kind;
    e.origin = origin;
    e.text = text;
    e.receivedAt = QDateTime::currentDateTimeUtc();
    return e;
}

void appendUnique(QStringList& list, const QString& value)
{
    if (!value.trimmed().isEmpty() && !list.contains(value))
        list.append(value);
}

} // namespace

CaseAssembler::CaseAssembler(store::Database& db)
    : m_db(db)
    , m_attack(evidence::AttackCatalog::loadEmbedded())
{}

QString CaseAssembler::caseIdFor(const QString& alertId)
{
    return CasePrefix + alertId;
}

QString CaseAssembler::alertIdOf(const QString& caseId)
{
    return caseId.startsWith(CasePrefix) ? caseId.mid(CasePrefix.size()) : QString();
}

Result<QList<domain::SiemEvent>> CaseAssembler::siemEventsNear(const domain::Alert& alert)
{
    QList<domain::SiemEvent> out;
    if (alert.endpointId.isEmpty())
        return out;
    const QDateTime from = alert.raisedAt.addSecs(-SiemWindowSeconds);
    const QDateTime to = alert.raisedAt.addSecs(SiemWindowSeconds);
    store::SiemEventRepository repo(m_db);
    constexpr int PageSize = 1000;
    // TODO: the store has no query by endpoint and time; this pages through the tenant's events.
    for (int offset = 0;; offset += PageSize) {
        auto page = repo.listForTenant(alert.tenantId, PageSize, offset);
        if (!page)
            return page.error();
        for (const auto& ev : page.value()) {
            const QDateTime at = ev.when.isValid() ? ev.when : ev.createdAt;
            if (ev.endpointId == alert.endpointId && at >= from && at <= to)
                out.append(ev);
        }
        if (page.value().size() < PageSize)
            break;
    }
    return out;
}

Result<AssemblyReport> CaseAssembler::assemble(const QString& alertId, const QString& tenantId)
{
    store::AlertRepository alerts(m_db);
    auto found = alerts.get(alertId, tenantId);
    if (!found)
        return found.error();
    if (!found.value())
        return Error::make(Error::Code::NotFound, QStringLiteral("alert not stored"));
    const domain::Alert alert = *found.value();
    AssemblyReport report;
    report.caseId = caseIdFor(alertId);
    const QString alertItemId = ai::CaseFile::alertEvidenceId(alert);
    QList<domain::EvidenceItem> items{item(alertItemId,
                                           report.caseId,
                                           tenantId,
                                           QStringLiteral("central-alert"),
                                           QStringLiteral("/common/v1/alerts"),
                                           jsonText(alert.raw))};
    if (!alert.endpointId.isEmpty()) {
        auto endpoint = store::EndpointRepository(m_db).get(alert.endpointId, tenantId);
        if (!endpoint)
            return endpoint.error();
        if (endpoint.value())
            items.append(item(report.caseId + QStringLiteral("|endpoint:") + alert.endpointId,
                              report.caseId,
                              tenantId,
                              QStringLiteral("central-endpoint"),
                              QStringLiteral("/endpoint/v1/endpoints"),
                              jsonText(endpoint.value()->raw)));
    }
    auto events = siemEventsNear(alert);
    if (!events)
        return events.error();
    evidence::TimelineBuilder timeline;
    timeline.addAlert(alert, alertItemId);
    for (const auto& ev : events.value()) {
        const QString id = report.caseId + QStringLiteral("|siem:") + ev.id;
        items.append(item(id,
                          report.caseId,
                          tenantId,
                          QStringLiteral("siem-event"),
                          QStringLiteral("/siem/v1/events"),
                          jsonText(ev.raw)));
        timeline.addSiemEvent(ev, id);
    }
    report.siemEvents = int(events.value().size());

    QList<domain::Indicator> indicators;
    for (const auto& it : items)
        indicators.append(evidence::IndicatorExtractor::extract(it.text, it.id));
    QList<domain::TimelineEvent> timelineEvents = timeline.events();
    for (auto& ev : timelineEvents) {
        ev.id = report.caseId + QLatin1Char('|') + ev.id;
        ev.caseId = report.caseId;
        ev.tenantId = tenantId;
    }
    if (auto r = m_db.beginTransaction(); !r)
        return r.error();
    store::EvidenceRepository evidenceRepo(m_db);
    auto r1 = evidenceRepo.upsertItems(items);
    auto added = evidenceRepo.addIndicators(report.caseId, indicators);
    auto r2 = evidenceRepo.upsertTimeline(timelineEvents);
    if (!r1 || !added || !r2) {
        m_db.rollbackTransaction();
        return !r1 ? r1.error() : (!added ? added.error() : r2.error());
    }
    if (auto r = m_db.commitTransaction(); !r)
        return r.error();
    report.evidenceItems = int(items.size());
    report.newIndicators = added.value();
    report.timelineEvents = int(timelineEvents.size());
    mtr::log::get("workflow")
        ->info("case assembled case={} items={} indicators+={} events={}",
               mtr::log::fingerprint(report.caseId),
               report.evidenceItems,
               report.newIndicators,
               report.timelineEvents);
    return report;
}

Result<ai::CaseFile> CaseAssembler::load(const QString& caseId, const QString& tenantId)
{
    ai::CaseFile file;
    file.caseId = caseId;
    auto tenants = store::TenantRepository(m_db).list();
    if (!tenants)
        return tenants.error();
    for (const auto& t : tenants.value()) {
        if (t.id == tenantId)
            file.tenant = t;
    }
    if (file.tenant.id.isEmpty())
        file.tenant.id = tenantId;
    const QString alertId = alertIdOf(caseId);
    if (!alertId.isEmpty()) {
        auto alert = store::AlertRepository(m_db).get(alertId, tenantId);
        if (!alert)
            return alert.error();
        if (alert.value()) {
            file.alerts.append(*alert.value());
            if (file.tenant.name.isEmpty())
                file.tenant.name = alert.value()->tenantName;
        }
    }
    for (const auto& a : std::as_const(file.alerts)) {
        if (a.endpointId.isEmpty() || file.endpoint(a.endpointId))
            continue;
        auto endpoint = store::EndpointRepository(m_db).get(a.endpointId, tenantId);
        if (!endpoint)
            return endpoint.error();
        if (endpoint.value())
            file.endpoints.append(*endpoint.value());
    }
    store::EvidenceRepository evidenceRepo(m_db);
    auto items = evidenceRepo.items(caseId);
    auto indicators = evidenceRepo.indicators(caseId);
    auto timeline = evidenceRepo.timeline(caseId);
    if (!items || !indicators || !timeline)
        return !items ? items.error() : (!indicators ? indicators.error() : timeline.error());
    file.evidence = items.value();
    file.indicators = indicators.value();
    file.timeline = timeline.value();
    addPeopleAndNames(file);
    addTechniques(file);
    return file;
}

void CaseAssembler::addPeopleAndNames(ai::CaseFile& file) const
{
    auto addPerson = [&file](const QJsonObject& person) {
        const QString id = person.value(QLatin1String("id")).toString();
        const QString name = person.value(QLatin1String("name")).toString();
        const QString login = person.value(QLatin1String("viaLogin")).toString();
        if (name.isEmpty() && login.isEmpty())
            return;
        for (const auto& p : std::as_const(file.persons)) {
            if (!id.isEmpty() && p.id == id)
                return;
        }
        file.persons.append({id, name, person.value(QLatin1String("email")).toString(), login});
    };
    for (const auto& a : std::as_const(file.alerts))
        addPerson(a.raw.value(QLatin1String("person")).toObject());
    for (const auto& e : std::as_const(file.endpoints))
        addPerson(e.raw.value(QLatin1String("associatedPerson")).toObject());
    for (const auto& ev : std::as_const(file.timeline)) {
        if (!file.endpoints.isEmpty() && ev.host == file.endpoints.first().hostname)
            continue;
        appendUnique(file.knownHosts, ev.host);
        appendUnique(file.knownUsers, ev.attributes.value(QLatin1String("user")).toString());
    }
}

void CaseAssembler::addTechniques(ai::CaseFile& file) const
{
    QStringList ids;
    static const auto catalog = ai::PlaybookCatalog::builtIn();
    if (catalog) {
        for (const auto& a : std::as_const(file.alerts)) {
            for (const auto& t : catalog.value().techniquesFor(a, {}))
                appendUnique(ids, t.id);
        }
    }
    for (const auto& e : std::as_const(file.evidence)) {
        for (const auto& mention : m_attack.extractIds(e.text)) {
            if (mention.known)
                appendUnique(ids, mention.id);
        }
    }
    for (const QString& id : std::as_const(ids)) {
        auto t = m_attack.technique(id);
        file.techniques.append(t ? *t : domain::Technique{id, {}, {}});
    }
}

} // namespace mtr::workflow
