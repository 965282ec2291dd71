// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/OfflineDrafter.h"

#include "ai/InjectionDetector.h"
#include "domain/Severity.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mtr::ai {

namespace {

QString when(const QDateTime& t)
{
    return t.isValid() ? QLocale::c().toString(t.toUTC(), u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s
                       : OfflineDrafter::tr("an unknown time");
}

// Alert text is attacker-influenced: quote it, but never quote text that reads like orders.
QString quoted(const QString& text)
{
    if (InjectionDetector::containsInstructions(text)) {
        return OfflineDrafter::tr("(text withheld because it reads like instructions)");
    }
    return u"“"_s + text.simplified() + u"”"_s;
}

QString joined(const QStringList& items)
{
    if (items.size() <= 1) {
        return items.value(0);
    }
    return QStringList(items.mid(0, items.size() - 1)).join(u", "_s) + OfflineDrafter::tr(" and ")
           + items.last();
}

void add(Draft& draft, const QString& text, QStringList ids)
{
    ids.removeDuplicates();
    ids.removeAll(QString());
    draft.sentences.append({text, ids});
}

} // namespace

OfflineDrafter::OfflineDrafter(CaseFile caseFile)
    : m_case(std::move(caseFile))
{
    std::stable_sort(m_case.alerts.begin(), m_case.alerts.end(), [](const auto& a, const auto& b) {
        return a.raisedAt < b.raisedAt;
    });
    std::stable_sort(m_case.timeline.begin(),
                     m_case.timeline.end(),
                     [](const auto& a, const auto& b) {
                         return a.timeUtc < b.timeUtc;
                     });
}

Draft OfflineDrafter::draft(DraftKind kind) const
{
    switch (kind) {
    case DraftKind::CaseSummary:
        return caseSummary();
    case DraftKind::TimelineNarrative:
        return timelineNarrative();
    case DraftKind::CustomerNotification:
        return customerNotification();
    case DraftKind::ExecutiveSummary:
        return executiveSummary();
    }
    return caseSummary();
}

QString OfflineDrafter::hostOf(const domain::Alert& alert) const
{
    const auto* endpoint = m_case.endpoint(alert.endpointId);
    return endpoint != nullptr && !endpoint->hostname.isEmpty() ? endpoint->hostname
                                                                : tr("an unidentified endpoint");
}

QStringList OfflineDrafter::hostIds(QStringList* hosts) const
{
    QStringList ids;
    for (const auto& e : m_case.endpoints) {
        ids.append(CaseFile::endpointEvidenceId(e));
        if (hosts != nullptr && !e.hostname.isEmpty()) {
            hosts->append(e.hostname);
        }
    }
    return ids;
}

QStringList OfflineDrafter::alertIds() const
{
    QStringList ids;
    for (const auto& a : m_case.alerts) {
        ids.append(CaseFile::alertEvidenceId(a));
    }
    return ids;
}

QStringList OfflineDrafter::indicatorIds(QStringList* values) const
{
    QStringList ids;
    for (const auto& i : m_case.indicators) {
        ids.append(i.sourceId);
        if (values != nullptr && !values->contains(i.value)) {
            values->append(i.value);
        }
    }
    return ids;
}

QString OfflineDrafter::personOf(const domain::Alert& alert) const
{
    for (const auto& p : m_case.persons) {
        if (!alert.personId.isEmpty() && p.id == alert.personId) {
            return p.name.isEmpty() ? p.userName : p.name;
        }
    }
    const auto* endpoint = m_case.endpoint(alert.endpointId);
    return endpoint != nullptr ? endpoint->associatedPerson : QString();
}

const domain::Alert* OfflineDrafter::worstAlert() const
{
    const auto it = std::max_element(m_case.alerts.cbegin(),
                                     m_case.alerts.cend(),
                                     [](const auto& a, const auto& b) {
                                         return a.severity < b.severity;
                                     });
    return it == m_case.alerts.cend() ? nullptr : &*it;
}

OfflineDrafter::Confidence OfflineDrafter::confidence() const
{
    Confidence c;
    int score = 0;
    const auto* worst = worstAlert();
    if (worst != nullptr && worst->severity >= domain::Severity::High) {
        score += 2;
        c.reasons.append(tr("Central rated the most serious alert %1")
                             .arg(domain::severityToString(worst->severity)));
        c.evidenceIds.append(CaseFile::alertEvidenceId(*worst));
    }
    if (!m_case.indicators.isEmpty()) {
        ++score;
        c.reasons.append(
            tr("the evidence holds %n indicator(s)", "", int(m_case.indicators.size())));
        c.evidenceIds += indicatorIds(nullptr);
    }
    QSet<QString> sources;
    for (const auto& t : m_case.timeline) {
        sources.insert(t.source);
    }
    if (sources.size() >= 2) {
        ++score;
        c.reasons.append(tr("%n independent source(s) show the activity", "", int(sources.size())));
        for (const auto& t : m_case.timeline) {
            c.evidenceIds.append(t.id);
        }
    }
    if (m_case.alerts.size() >= 2) {
        ++score;
        c.reasons.append(tr("%n alerts belong to this case", "", int(m_case.alerts.size())));
        c.evidenceIds += alertIds();
    }
    c.level = score >= 4 ? tr("high") : score >= 2 ? tr("medium") : tr("low");
    if (c.reasons.isEmpty()) {
        c.reasons.append(tr("little evidence has been collected so far"));
        c.evidenceIds += alertIds();
    }
    c.evidenceIds.removeDuplicates();
    return c;
}

void OfflineDrafter::addWhoSentences(Draft& draft) const
{
    for (const auto& e : m_case.endpoints) {
        if (e.hostname.isEmpty()) {
            continue;
        }
        QString text = tr("The endpoint %1 is a %2 running %3")
                           .arg(e.hostname,
                                e.isServer ? tr("server") : tr("computer"),
                                e.osName.isEmpty() ? tr("an unknown operating system") : e.osName);
        if (!e.associatedPerson.isEmpty()) {
            text += tr(", associated with %1").arg(e.associatedPerson);
        }
        if (!e.isolationStatus.isEmpty()) {
            text += tr("; Central shows its isolation status as %1").arg(quoted(e.isolationStatus));
        }
        add(draft, text + u'.', {CaseFile::endpointEvidenceId(e)});
    }
}

void OfflineDrafter::addIndicatorAndTechniqueSentences(Draft& draft) const
{
    QStringList values;
    const QStringList ids = indicatorIds(&values);
    if (!values.isEmpty()) {
        const int shown = std::min<int>(int(values.size()), 8);
        QString text =
            tr("Indicators found in the evidence: %1").arg(values.mid(0, shown).join(u", "_s));
        if (values.size() > shown) {
            text += tr(" and %n more", "", int(values.size() - shown));
        }
        add(draft, text + u'.', ids);
    }
    QStringList techniques;
    for (const auto& t : m_case.techniques) {
        techniques.append(t.name.isEmpty() ? t.id : t.id + u" ("_s + t.name + u')');
    }
    if (!techniques.isEmpty()) {
        add(draft,
            tr("The activity matches the MITRE ATT&CK technique(s) %1.").arg(joined(techniques)),
            alertIds());
    }
}

Draft OfflineDrafter::caseSummary() const
{
    Draft d{DraftKind::CaseSummary, {}, u"offline"_s};
    if (m_case.alerts.isEmpty()) {
        add(d,
            tr("No alerts are attached to this case yet."),
            hostIds(nullptr) + indicatorIds(nullptr));
        return d;
    }
    add(d,
        tr("Sophos Central raised %n alert(s) for this case between %1 and %2.",
           "",
           int(m_case.alerts.size()))
            .arg(when(m_case.alerts.first().raisedAt), when(m_case.alerts.last().raisedAt)),
        alertIds());
    for (const auto& a : m_case.alerts) {
        QString text = tr("At %1 Central reported %2 severity on %3: %4")
                           .arg(when(a.raisedAt),
                                domain::severityToString(a.severity),
                                hostOf(a),
                                quoted(a.description));
        const QString person = personOf(a);
        if (!person.isEmpty()) {
            text += tr(" (user: %1)").arg(person);
        }
        const auto* endpoint = m_case.endpoint(a.endpointId);
        add(d,
            text + u'.',
            {CaseFile::alertEvidenceId(a),
             endpoint != nullptr ? CaseFile::endpointEvidenceId(*endpoint) : QString()});
    }
    addWhoSentences(d);
    addIndicatorAndTechniqueSentences(d);
    const Confidence c = confidence();
    add(d, tr("Confidence is %1 because %2.").arg(c.level, joined(c.reasons)), c.evidenceIds);
    return d;
}

Draft OfflineDrafter::timelineNarrative() const
{
    Draft d{DraftKind::TimelineNarrative, {}, u"offline"_s};
    for (const auto& t : m_case.timeline) {
        const QString where = t.host.isEmpty() ? QString() : tr(" on %1").arg(t.host);
        add(d,
            tr("At %1%2, %3 recorded: %4.")
                .arg(when(t.timeUtc), where, t.source, quoted(t.summary)),
            {t.id, t.sourceId});
    }
    if (d.sentences.isEmpty()) {
        for (const auto& a : m_case.alerts) {
            add(d,
                tr("At %1 Central raised an alert on %2: %3.")
                    .arg(when(a.raisedAt), hostOf(a), quoted(a.description)),
                {CaseFile::alertEvidenceId(a)});
        }
    }
    return d;
}

Draft OfflineDrafter::customerNotification() const
{
    Draft d{DraftKind::CustomerNotification, {}, u"offline"_s};
    QStringList hosts;
    const QStringList endpointIds = hostIds(&hosts);
    const auto* worst = worstAlert();
    if (worst == nullptr) {
        add(d, tr("We are reviewing activity on your systems and will report back."), endpointIds);
        return d;
    }
    add(d,
        tr("Our managed threat response team detected suspicious activity on %n device(s) in "
           "your environment: %1.",
           "",
           int(std::max<qsizetype>(hosts.size(), 1)))
            .arg(hosts.isEmpty() ? hostOf(*worst) : joined(hosts)),
        alertIds() + endpointIds);
    add(d,
        tr("The first alert was raised at %1 and the most serious one reads %2.")
            .arg(when(m_case.alerts.first().raisedAt), quoted(worst->description)),
        {CaseFile::alertEvidenceId(m_case.alerts.first()), CaseFile::alertEvidenceId(*worst)});
    QStringList values;
    const QStringList ids = indicatorIds(&values);
    if (!values.isEmpty()) {
        add(d,
            tr("Please check your own systems for these indicators: %1.")
                .arg(values.mid(0, 8).join(u", "_s)),
            ids);
    }
    add(d,
        tr("We are investigating and will contact you before any change is made to your systems."),
        alertIds());
    return d;
}

Draft OfflineDrafter::executiveSummary() const
{
    Draft d{DraftKind::ExecutiveSummary, {}, u"offline"_s};
    const auto* worst = worstAlert();
    if (worst == nullptr) {
        add(d, tr("No security alerts are attached to this case yet."), indicatorIds(nullptr));
        return d;
    }
    add(d,
        tr("A %1-severity security incident affecting %n device(s) was detected on %2.",
           "",
           int(std::max<qsizetype>(m_case.endpoints.size(), 1)))
            .arg(domain::severityToString(worst->severity), when(m_case.alerts.first().raisedAt)),
        alertIds() + hostIds(nullptr));
    QStringList tactics;
    for (const auto& t : m_case.techniques) {
        for (const auto& tactic : t.tactics) {
            if (!tactics.contains(tactic)) {
                tactics.append(tactic);
            }
        }
    }
    if (!tactics.isEmpty()) {
        add(d,
            tr("The activity falls under the attack stages %1.").arg(joined(tactics)),
            alertIds());
    }
    const Confidence c = confidence();
    add(d,
        tr("Our confidence that this is real malicious activity is %1.").arg(c.level),
        c.evidenceIds);
    add(d,
        tr("The analyst team is collecting further evidence and will propose containment for "
           "approval."),
        alertIds());
    return d;
}

} // namespace mtr::ai
