// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// SIEM Integration API: events and alerts with cursor paging (central-api.md section 6).
/// Each feed is two time-ordered streams merged on the fly: the stored demo items and the
/// generated ones (computed from their number), so a cursor is a position in both.
#include "simulator/CentralApi.h"

#include <QJsonDocument>

#include <functional>

namespace mtr::simulator {
namespace {

constexpr qint64 WindowMs = 24 * 3600 * 1000;
constexpr int DefaultLimit = 200;
constexpr int MaxLimit = 1000;

struct Cursor
{
    qint64 base = 0;
    qint64 generated = 0;
    qint64 lastMs = 0;
};

QString encodeCursor(int tenant, const Cursor& cursor)
{
    const QByteArray text =
        "V2_CURSOR|" + QByteArray::number(tenant) + '|' + QByteArray::number(cursor.base) + '|'
        + QByteArray::number(cursor.generated) + '|' + QByteArray::number(cursor.lastMs);
    return QString::fromLatin1(text.toBase64());
}

std::optional<Cursor> decodeCursor(int tenant, const QString& text)
{
    const auto decoded =
        QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split('|');
    if (parts.size() != 5 || parts.at(0) != "V2_CURSOR" || parts.at(1).toInt() != tenant)
        return std::nullopt;
    Cursor cursor;
    bool ok[3] = {false, false, false};
    cursor.base = parts.at(2).toLongLong(&ok[0]);
    cursor.generated = parts.at(3).toLongLong(&ok[1]);
    cursor.lastMs = parts.at(4).toLongLong(&ok[2]);
    if (!ok[0] || !ok[1] || !ok[2] || cursor.base < 0 || cursor.generated < 0)
        return std::nullopt;
    return cursor;
}

/// One SIEM feed of a tenant: stored items plus `generated` computed ones.
struct Feed
{
    const std::vector<SiemItem>& base;
    qint64 generated;
    std::function<qint64(qint64)> timeOf;
    std::function<QString(qint64)> typeOf;
    std::function<QJsonObject(qint64)> itemOf;

    qint64 baseFrom(qint64 ms) const
    {
        return std::lower_bound(base.begin(),
                                base.end(),
                                ms,
                                [](const SiemItem& item, qint64 t) {
                                    return item.createdMs < t;
                                })
               - base.begin();
    }

    qint64 generatedFrom(qint64 ms) const
    {
        qint64 lo = 0;
        qint64 hi = generated;
        while (lo < hi) {
            const qint64 mid = (lo + hi) / 2;
            if (timeOf(mid) < ms)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
};

/// Where a page starts: the cursor, or from_date (default: the window's start); or a 400.
std::optional<Cursor>
startOf(const ApiRequest& request, const Feed& feed, int tenant, qint64 nowMs, ApiResponse& error)
{
    const qint64 windowStart = nowMs - WindowMs;
    const QString cursorText = request.param(QStringLiteral("cursor"));
    if (!cursorText.isEmpty()) {
        auto cursor = decodeCursor(tenant, cursorText);
        if (!cursor) {
            error = apiError(400, QStringLiteral("badRequest"), QStringLiteral("Invalid cursor"));
            return std::nullopt;
        }
        // A cursor older than the 24-hour window falls back to the window's start.
        if (cursor->lastMs < windowStart) {
            cursor->base = std::max(cursor->base, feed.baseFrom(windowStart));
            cursor->generated = std::max(cursor->generated, feed.generatedFrom(windowStart));
        }
        return cursor;
    }
    qint64 fromMs = windowStart;
    if (request.hasParam(QStringLiteral("from_date"))) {
        bool ok = false;
        fromMs = request.param(QStringLiteral("from_date")).toLongLong(&ok) * 1000;
        if (!ok || fromMs < windowStart - 60000) {
            error =
                apiError(400,
                         QStringLiteral("badRequest"),
                         QStringLiteral("from_date must be a Unix time within the last 24 hours"));
            return std::nullopt;
        }
    }
    return Cursor{feed.baseFrom(fromMs), feed.generatedFrom(fromMs), fromMs};
}

ApiResponse serveFeed(const ApiRequest& request, const Feed& feed, int tenant, qint64 nowMs)
{
    int limit = DefaultLimit;
    if (request.hasParam(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.param(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > MaxLimit)
            return apiError(400,
                            QStringLiteral("badRequest"),
                            QStringLiteral("limit must be between 1 and %1").arg(MaxLimit));
    }
    ApiResponse error;
    auto start = startOf(request, feed, tenant, nowMs, error);
    if (!start)
        return error;
    Cursor cursor = *start;
    const QStringList excluded =
        request.param(QStringLiteral("exclude_types")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    // from_date_offset_minutes (sent by Sophos's own SIEM script) is accepted and ignored.

    // Items are serialised one by one and joined: a page of 1000 then costs one JSON pass
    // instead of copying every item into a QJsonArray first.
    QByteArray items = "[";
    int count = 0;
    const auto add = [&items, &count](const QJsonObject& item) {
        if (count++ > 0)
            items += ',';
        items += QJsonDocument(item).toJson(QJsonDocument::Compact);
    };
    const qint64 baseCount = qint64(feed.base.size());
    qint64 scanned = 0;
    const qint64 scanLimit = qint64(limit) * 20 + 1000;
    while (count < limit && scanned < scanLimit
           && (cursor.base < baseCount || cursor.generated < feed.generated)) {
        ++scanned;
        const bool fromBase =
            cursor.generated >= feed.generated
            || (cursor.base < baseCount
                && feed.base[size_t(cursor.base)].createdMs <= feed.timeOf(cursor.generated));
        if (fromBase) {
            const SiemItem& item = feed.base[size_t(cursor.base++)];
            cursor.lastMs = item.createdMs;
            if (!excluded.contains(item.item.value(QLatin1String("type")).toString()))
                add(item.item);
        } else {
            const qint64 j = cursor.generated++;
            cursor.lastMs = feed.timeOf(j);
            if (!excluded.contains(feed.typeOf(j)))
                add(feed.itemOf(j));
        }
    }
    const bool more = cursor.base < baseCount || cursor.generated < feed.generated;
    ApiResponse response;
    response.body = "{\"has_more\":" + QByteArray(more ? "true" : "false") + ",\"items\":" + items
                    + "],\"next_cursor\":\"" + encodeCursor(tenant, cursor).toLatin1() + "\"}";
    return response;
}

} // namespace

ApiResponse CentralApi::siemEvents(ApiRequest& request, TenantData& tenant)
{
    const Feed feed{tenant.siemEvents,
                    tenant.generatedEvents,
                    [&tenant](qint64 j) {
                        return tenant.generatedEventMs(j);
                    },
                    [](qint64 j) {
                        return generatedSiemEventType(j);
                    },
                    [&tenant](qint64 j) {
                        return generatedSiemEvent(tenant.gen, j, tenant.generatedEventMs(j));
                    }};
    return serveFeed(request, feed, tenant.index, now());
}

ApiResponse CentralApi::siemAlerts(ApiRequest& request, TenantData& tenant)
{
    // Generated alert i is the (N-1-i)-th oldest; its SIEM copy is created with the alert.
    const qint64 n = tenant.generatedAlerts;
    const auto alertOf = [&tenant, n](qint64 j) {
        return n - 1 - j;
    };
    const auto raisedOf = [&tenant, alertOf](qint64 j) {
        return tenant.alertSlots[size_t(tenant.generatedAlertSlot[size_t(alertOf(j))])].raisedMs;
    };
    const Feed feed{tenant.siemAlerts,
                    n,
                    raisedOf,
                    [alertOf](qint64 j) {
                        return generatedAlertFacts(alertOf(j)).type;
                    },
                    [&tenant, alertOf, raisedOf](qint64 j) {
                        return generatedSiemAlert(tenant.gen, alertOf(j), raisedOf(j));
                    }};
    return serveFeed(request, feed, tenant.index, now());
}

} // namespace mtr::simulator
