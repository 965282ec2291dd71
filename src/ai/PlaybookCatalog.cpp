// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/PlaybookCatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace mtr::ai {

namespace {

Error invalid(const QString& why)
{
    return Error::make(Error::Code::InvalidInput, u"playbooks: "_s + why);
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const auto& item : v.toArray()) {
        out.append(item.toString());
    }
    return out;
}

Result<QList<QRegularExpression>> patterns(const QJsonValue& v)
{
    QList<QRegularExpression> out;
    for (const auto& s : strings(v)) {
        QRegularExpression re(s, QRegularExpression::CaseInsensitiveOption);
        if (!re.isValid()) {
            return invalid(u"bad pattern "_s + s);
        }
        out.append(re);
    }
    return out;
}

Result<PlaybookCatalog::Match> parseMatch(const QJsonObject& o)
{
    PlaybookCatalog::Match m;
    m.types = strings(o.value(u"types"_s));
    m.categories = strings(o.value(u"categories"_s));
    auto names = patterns(o.value(u"detectionNames"_s));
    auto descriptions = patterns(o.value(u"descriptionPatterns"_s));
    if (!names) {
        return names.error();
    }
    if (!descriptions) {
        return descriptions.error();
    }
    m.detectionNames = names.value();
    m.descriptionPatterns = descriptions.value();
    return m;
}

Proposal step(const QJsonObject& o, Proposal::Kind kind, const QString& playbookId)
{
    Proposal p;
    p.kind = kind;
    p.playbookId = playbookId;
    p.id = o.value(u"id"_s).toString();
    p.title = o.value(u"title"_s).toString();
    p.action = o.value(u"action"_s).toString();
    p.detail = kind == Proposal::Kind::LiveDiscoverQuery ? o.value(u"sql"_s).toString()
                                                         : o.value(u"command"_s).toString();
    p.reads = o.value(u"reads"_s).toString();
    p.reason = o.value(u"reason"_s).toString();
    p.impact = o.value(u"impact"_s).toString();
    p.risk = o.value(u"risk"_s).toString(u"high"_s); // unknown risk is treated as high
    p.automatic = o.value(u"autoEligible"_s).toBool(false);
    return p;
}

Result<PlaybookCatalog::Playbook> parsePlaybook(const QJsonObject& o)
{
    PlaybookCatalog::Playbook pb;
    pb.id = o.value(u"id"_s).toString();
    pb.title = o.value(u"title"_s).toString();
    if (pb.id.isEmpty()) {
        return invalid(u"playbook without id"_s);
    }
    auto match = parseMatch(o.value(u"match"_s).toObject());
    if (!match) {
        return match.error();
    }
    pb.match = match.value();
    const std::pair<const char16_t*, Proposal::Kind> sections[] = {
        {u"liveDiscover", Proposal::Kind::LiveDiscoverQuery},
        {u"liveResponse", Proposal::Kind::LiveResponseCommand},
        {u"containment", Proposal::Kind::Containment}};
    for (const auto& [key, kind] : sections) {
        for (const auto& item : o.value(QString::fromUtf16(key)).toArray()) {
            Proposal p = step(item.toObject(), kind, pb.id);
            if (p.id.isEmpty() || (kind == Proposal::Kind::Containment && p.action.isEmpty())
                || (kind != Proposal::Kind::Containment && p.detail.isEmpty())) {
                return invalid(u"incomplete step in "_s + pb.id);
            }
            // The approval queue shows each of these to the analyst who decides: none may be
            // blank.
            if (p.title.trimmed().isEmpty() || p.reason.trimmed().isEmpty()
                || p.impact.trimmed().isEmpty()) {
                return invalid(
                    u"step %1 in %2 needs a title, a reason and an impact"_s.arg(p.id, pb.id));
            }
            pb.steps.append(p);
        }
    }
    return pb;
}

} // namespace

Result<PlaybookCatalog> PlaybookCatalog::builtIn()
{
    QFile file(u":/playbooks/playbooks.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Internal, u"playbooks resource missing"_s);
    }
    return fromJson(file.readAll());
}

Result<PlaybookCatalog> PlaybookCatalog::fromJson(const QByteArray& json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return invalid(u"not a JSON object: "_s + parseError.errorString());
    }
    PlaybookCatalog catalog;
    for (const auto& item : doc.object().value(u"playbooks"_s).toArray()) {
        auto pb = parsePlaybook(item.toObject());
        if (!pb) {
            return pb.error();
        }
        catalog.m_playbooks.append(pb.value());
    }
    for (const auto& item : doc.object().value(u"techniqueMap"_s).toArray()) {
        const QJsonObject o = item.toObject();
        auto match = parseMatch(o.value(u"match"_s).toObject());
        if (!match) {
            return match.error();
        }
        catalog.m_mappings.append({match.value(), strings(o.value(u"techniques"_s))});
    }
    if (catalog.m_playbooks.isEmpty()) {
        return invalid(u"no playbooks"_s);
    }
    return catalog;
}

bool PlaybookCatalog::matches(const Match& match, const domain::Alert& alert)
{
    if (match.types.contains(alert.type) || match.categories.contains(alert.category)) {
        return true;
    }
    const QString name = detectionName(alert);
    for (const auto& re : match.detectionNames) {
        if (!name.isEmpty() && re.match(name).hasMatch()) {
            return true;
        }
    }
    for (const auto& re : match.descriptionPatterns) {
        if (re.match(alert.description).hasMatch()) {
            return true;
        }
    }
    return false;
}

QList<PlaybookCatalog::Playbook> PlaybookCatalog::playbooksFor(const domain::Alert& alert) const
{
    QList<Playbook> out;
    for (const auto& pb : m_playbooks) {
        if (matches(pb.match, alert)) {
            out.append(pb);
        }
    }
    return out;
}

QList<domain::Technique> PlaybookCatalog::techniquesFor(const domain::Alert& alert,
                                                        const QList<domain::Technique>& table) const
{
    QList<domain::Technique> out;
    QStringList seen;
    for (const auto& mapping : m_mappings) {
        if (!matches(mapping.match, alert)) {
            continue;
        }
        for (const auto& id : mapping.techniqueIds) {
            if (seen.contains(id)) {
                continue;
            }
            seen.append(id);
            domain::Technique t{id, {}, {}};
            for (const auto& known : table) {
                if (known.id == id) {
                    t = known;
                    break;
                }
            }
            out.append(t);
        }
    }
    return out;
}

QString PlaybookCatalog::detectionName(const domain::Alert& alert)
{
    // Central puts the name in the description: "Malware detected: 'Troj/Agent-BFXY' at '...'",
    // "Malicious behavior detected in '...' (Mal/Behav-238)", "PUA detected: 'PsExec' at ...".
    static const QRegularExpression inParens(u"\\(([A-Za-z]+/[A-Za-z0-9_.-]+)\\)"_s);
    static const QRegularExpression quoted(u"detected:\\s*'([^']+)'"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    const QString fromRaw = alert.raw.value(u"data"_s).toObject().value(u"threatName"_s).toString();
    if (!fromRaw.isEmpty()) {
        return fromRaw;
    }
    if (const auto m = inParens.match(alert.description); m.hasMatch()) {
        return m.captured(1);
    }
    if (const auto m = quoted.match(alert.description); m.hasMatch()) {
        return m.captured(1);
    }
    return {};
}

QString PlaybookCatalog::ruleKey(const domain::Alert& alert)
{
    return alert.type + u'|' + detectionName(alert);
}

} // namespace mtr::ai
