// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "simulator/FaultRules.h"

#include <QHttpServerResponder>
#include <QMetaEnum>

namespace mtr::simulator {
namespace {

struct KindName
{
    FaultKind kind;
    const char* name;
};

constexpr KindName KindNames[] = {{FaultKind::Latency, "latency"},
                                  {FaultKind::Status, "status"},
                                  {FaultKind::ExpireToken, "expireToken"},
                                  {FaultKind::DropAfterApply, "dropAfterApply"},
                                  {FaultKind::NoZ, "noZ"}};

QString kindName(FaultKind kind)
{
    for (const auto& entry : KindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

bool isKnownStatus(int status)
{
    // QHttpServerResponder only writes status codes it has a reason phrase for.
    const auto meta = QMetaEnum::fromType<QHttpServerResponder::StatusCode>();
    return status >= 400 && meta.valueToKey(status) != nullptr;
}

bool readInt(const QJsonObject& object, const char* key, int minimum, int& out, QString& error)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    if (!value.isDouble() || value.toDouble() < minimum) {
        error = QStringLiteral("'%1' must be a number >= %2").arg(QLatin1String(key)).arg(minimum);
        return false;
    }
    out = value.toInt();
    return true;
}

} // namespace

QJsonObject FaultRule::toJson() const
{
    QJsonObject object{{QStringLiteral("method"), method},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("kind"), kindName(kind)},
                       {QStringLiteral("skip"), skip},
                       {QStringLiteral("count"), count},
                       {QStringLiteral("seen"), seen},
                       {QStringLiteral("fired"), fired}};
    if (kind == FaultKind::Latency)
        object.insert(QStringLiteral("ms"), ms);
    if (kind == FaultKind::Status) {
        object.insert(QStringLiteral("status"), status);
        object.insert(QStringLiteral("emptyBody"), emptyBody);
        if (retryAfter >= 0)
            object.insert(QStringLiteral("retryAfter"), retryAfter);
    }
    return object;
}

std::optional<FaultRule> faultFromJson(const QJsonObject& object, QString& error)
{
    FaultRule rule;
    const QString kind = object.value(QLatin1String("kind")).toString();
    bool known = false;
    for (const auto& entry : KindNames) {
        if (kind == QLatin1String(entry.name)) {
            rule.kind = entry.kind;
            known = true;
        }
    }
    if (!known) {
        error = QStringLiteral("unknown fault kind '%1'").arg(kind);
        return std::nullopt;
    }
    rule.method = object.value(QLatin1String("method")).toString().toUpper();
    if (rule.method == QLatin1String("*"))
        rule.method.clear();
    rule.path = object.value(QLatin1String("path")).toString();
    if (!rule.path.isEmpty() && !rule.path.startsWith(QLatin1Char('/'))) {
        error = QStringLiteral("'path' must start with /");
        return std::nullopt;
    }
    if (!readInt(object, "ms", 0, rule.ms, error)
        || !readInt(object, "status", 100, rule.status, error)
        || !readInt(object, "retryAfter", 0, rule.retryAfter, error)
        || !readInt(object, "skip", 0, rule.skip, error)
        || !readInt(object, "count", 0, rule.count, error))
        return std::nullopt;
    rule.emptyBody = object.value(QLatin1String("emptyBody")).toBool(false);
    if (rule.kind == FaultKind::Status && !isKnownStatus(rule.status)) {
        error = QStringLiteral("status %1 is not an error status this server can send")
                    .arg(rule.status);
        return std::nullopt;
    }
    return rule;
}

std::optional<FaultRule> faultFromSpec(const QString& spec, QString& error)
{
    static const QStringList NumericKeys{QStringLiteral("ms"),
                                         QStringLiteral("status"),
                                         QStringLiteral("retryAfter"),
                                         QStringLiteral("skip"),
                                         QStringLiteral("count")};
    QJsonObject object;
    for (const QString& part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            error = QStringLiteral("'%1' is not key=value").arg(part);
            return std::nullopt;
        }
        const QString key = part.left(eq).trimmed();
        const QString value = part.mid(eq + 1).trimmed();
        if (NumericKeys.contains(key)) {
            bool ok = false;
            const int number = value.toInt(&ok);
            if (!ok) {
                error = QStringLiteral("'%1' needs a number").arg(key);
                return std::nullopt;
            }
            object.insert(key, number);
        } else if (key == QLatin1String("emptyBody")) {
            object.insert(key, value == QLatin1String("true") || value == QLatin1String("1"));
        } else {
            object.insert(key, value);
        }
    }
    return faultFromJson(object, error);
}

QString faultSpecHelp()
{
    return QStringLiteral(
        "Fault SPEC (--fault, repeatable): comma-separated key=value pairs, the same keys as the\n"
        "JSON rules of POST /_sim/faults:\n"
        "  kind=latency|status|expireToken|dropAfterApply|noZ   (required)\n"
        "  method=GET|POST|PATCH|DELETE|*   path=/prefix        (default: any method, any path)\n"
        "  skip=N    let N matching requests pass first (default 0)\n"
        "  count=N   fire N times, 0 = forever (default 0)\n"
        "  ms=N                      latency: delay the response by N ms\n"
        "  status=N retryAfter=S emptyBody=true   status: answer N (error body unless emptyBody),\n"
        "                            with Retry-After: S when given\n"
        "  expireToken      every token issued so far becomes invalid; the request gets 401\n"
        "  dropAfterApply   the request is applied, then the TCP connection is closed unanswered\n"
        "  noZ              timestamps in the response lose their trailing Z\n"
        "Example: --fault kind=status,method=GET,path=/common/v1/alerts,status=429,retryAfter=2,"
        "skip=1,count=3");
}

void FaultSet::add(const FaultRule& rule)
{
    m_rules.append(rule);
}

void FaultSet::clear()
{
    m_rules.clear();
}

QJsonArray FaultSet::toJson() const
{
    QJsonArray rules;
    for (const FaultRule& rule : m_rules)
        rules.append(rule.toJson());
    return rules;
}

QList<FaultRule> FaultSet::fire(const QString& method, const QString& path)
{
    QList<FaultRule> firing;
    for (FaultRule& rule : m_rules) {
        if (!rule.method.isEmpty() && rule.method != method)
            continue;
        if (!path.startsWith(rule.path))
            continue;
        ++rule.seen;
        if (rule.seen <= rule.skip || (rule.count > 0 && rule.fired >= rule.count))
            continue;
        ++rule.fired;
        firing.append(rule);
    }
    return firing;
}

} // namespace mtr::simulator
