// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/Page.h"
#include "domain/CentralTypes.h"
#include "domain/Result.h"
#include "domain/Types.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace mtr::central {

/// JSON to domain types. Tolerant where Central varies (timestamps without Z, managedAgent {}
/// or absent, SIEM `data` members that are strings in one version and objects in another,
/// numbers where strings were expected), strict where a value is unusable (no id, wrong
/// top-level shape). Error messages name fields and positions, never values.
class Parsers
{
public:
    /// ISO-8601 with or without Z/offset and milliseconds (no zone means UTC), or epoch
    /// milliseconds/seconds as a number; invalid QDateTime when unreadable.
    static QDateTime time(const QJsonValue& value);

    static Result<domain::CallerIdentity> whoami(const QJsonObject& o);
    static Result<domain::Tenant> tenant(const QJsonObject& o);
    static Result<domain::Alert> alert(const QJsonObject& o);
    static Result<domain::Alert> siemAlert(const QJsonObject& o);
    static Result<domain::SiemEvent> siemEvent(const QJsonObject& o);
    static Result<domain::Endpoint> endpoint(const QJsonObject& o);
    static Result<domain::Case> caseObject(const QJsonObject& o);
    static Result<domain::Detection> detection(const QJsonObject& o);
    static Result<domain::ImpactedEntity> impactedEntity(const QJsonObject& o);
    static Result<domain::MitreSummary> mitreSummary(const QJsonObject& o);
    static Result<domain::AlertActionResult> actionResult(const QJsonObject& o);
    static Result<domain::IsolationState> isolation(const QJsonObject& o);
    static Result<domain::ScanRequest> scan(const QJsonObject& o);
    static Result<domain::BlockedItem> blockedItem(const QJsonObject& o);
    static Result<domain::QueryRun> queryRun(const QJsonObject& o);
    static Result<domain::QueryRow> queryRow(const QJsonObject& o);

    /// The `pages` object of key-based and page-number answers.
    static PageInfo pageInfo(const QJsonObject& pages);

    /// The whole body as one JSON object, or a clear error (empty body, array, garbage).
    static Result<QJsonObject> object(const QByteArray& body, const QString& operation);

    /// A list answer: every item parsed, or an error and no items at all.
    template <typename T>
    static Result<Page<T>> page(const QByteArray& body,
                                const QString& operation,
                                const std::function<Result<T>(const QJsonObject&)>& parseItem);

    /// A single-object answer parsed with `parse`.
    template <typename T>
    static Result<T> single(const QByteArray& body,
                            const QString& operation,
                            const std::function<Result<T>(const QJsonObject&)>& parse);

private:
    static Error itemError(const QString& operation, int index, const QString& detail);
};

template <typename T>
Result<Page<T>> Parsers::page(const QByteArray& body,
                              const QString& operation,
                              const std::function<Result<T>(const QJsonObject&)>& parseItem)
{
    Result<QJsonObject> doc = object(body, operation);
    if (!doc) {
        return doc.error();
    }
    const QJsonValue items = doc->value(QLatin1String("items"));
    if (!items.isArray()) {
        return itemError(operation, -1, QStringLiteral("no items array"));
    }
    Page<T> page;
    const QJsonArray array = items.toArray();
    page.items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            return itemError(operation, int(i), QStringLiteral("item is not an object"));
        }
        Result<T> item = parseItem(array.at(i).toObject());
        if (!item) {
            return itemError(operation, int(i), item.error().message);
        }
        page.items.append(std::move(item).value());
    }
    page.info = pageInfo(doc->value(QLatin1String("pages")).toObject());
    page.info.nextCursor = doc->value(QLatin1String("next_cursor")).toString();
    page.info.hasMore = doc->value(QLatin1String("has_more")).toBool();
    return page;
}

template <typename T>
Result<T> Parsers::single(const QByteArray& body,
                          const QString& operation,
                          const std::function<Result<T>(const QJsonObject&)>& parse)
{
    Result<QJsonObject> doc = object(body, operation);
    if (!doc) {
        return doc.error();
    }
    Result<T> value = parse(doc.value());
    if (!value) {
        return itemError(operation, -1, value.error().message);
    }
    return value;
}

} // namespace mtr::central
