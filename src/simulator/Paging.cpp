// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "simulator/Paging.h"

#include <QJsonDocument>

#include <algorithm>

namespace mtr::simulator {

bool wantsTotal(const ApiRequest& request)
{
    return request.param(QStringLiteral("pageTotal"))
               .compare(QLatin1String("true"), Qt::CaseInsensitive)
           == 0;
}

std::optional<int>
readPageSize(const ApiRequest& request, const QString& name, PageLimits limits, ApiResponse& error)
{
    if (!request.hasParam(name))
        return limits.defaultSize;
    bool ok = false;
    const int size = request.param(name).toInt(&ok);
    if (!ok || size < 1) {
        error = apiError(400,
                         QStringLiteral("badRequest"),
                         QStringLiteral("%1 must be a positive integer").arg(name));
        return std::nullopt;
    }
    if (size > limits.maxSize) {
        error = apiError(
            400,
            QStringLiteral("badRequest"),
            QStringLiteral("%1 must be less than or equal to %2").arg(name).arg(limits.maxSize));
        return std::nullopt;
    }
    return size;
}

QString encodeKey(qint64 slot)
{
    const QByteArray json = "{\"i\":" + QByteArray::number(slot) + "}";
    return QString::fromLatin1(
        json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qint64> decodeKey(const QString& key)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        key.toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(*decoded).object();
    const QJsonValue slot = object.value(QLatin1String("i"));
    if (!slot.isDouble() || slot.toDouble() < 0)
        return std::nullopt;
    return static_cast<qint64>(slot.toDouble());
}

KeyPage keyPage(const ApiRequest& request,
                const std::vector<qint64>& ordered,
                bool ascending,
                PageLimits limits)
{
    KeyPage page;
    ApiResponse error;
    const auto size = readPageSize(request, QStringLiteral("pageSize"), limits, error);
    if (!size) {
        page.error = error;
        return page;
    }

    auto start = ordered.begin();
    const QString fromKey = request.param(QStringLiteral("pageFromKey"));
    if (!fromKey.isEmpty()) {
        const auto slot = decodeKey(fromKey);
        if (!slot) {
            page.error = apiError(400,
                                  QStringLiteral("badRequest"),
                                  QStringLiteral("pageFromKey is not a valid key"));
            return page;
        }
        start =
            ascending
                ? std::lower_bound(ordered.begin(), ordered.end(), *slot)
                : std::lower_bound(ordered.begin(), ordered.end(), *slot, std::greater<qint64>());
    }
    const auto available = std::distance(start, ordered.end());
    const auto end = start + std::min<qint64>(available, *size);
    page.entries.assign(start, end);

    page.pages.insert(QStringLiteral("fromKey"),
                      fromKey.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(fromKey));
    if (end != ordered.end())
        page.pages.insert(QStringLiteral("nextKey"), encodeKey(*end));
    page.pages.insert(QStringLiteral("size"), *size);
    page.pages.insert(QStringLiteral("maxSize"), limits.maxSize);
    if (wantsTotal(request)) {
        const auto items = static_cast<qint64>(ordered.size());
        page.pages.insert(QStringLiteral("total"), (items + *size - 1) / *size);
        page.pages.insert(QStringLiteral("items"), items);
    }
    return page;
}

NumberPage numberPage(const ApiRequest& request, qsizetype total, PageLimits limits)
{
    NumberPage page;
    ApiResponse error;
    const auto size = readPageSize(request, QStringLiteral("pageSize"), limits, error);
    if (!size) {
        page.error = error;
        return page;
    }
    int current = 1;
    if (request.hasParam(QStringLiteral("page"))) {
        bool ok = false;
        current = request.param(QStringLiteral("page")).toInt(&ok);
        if (!ok || current < 1) {
            page.error = apiError(400,
                                  QStringLiteral("badRequest"),
                                  QStringLiteral("page must be a positive integer"));
            return page;
        }
    }
    page.first = std::min<qsizetype>(total, qsizetype(current - 1) * *size);
    page.count = std::min<qsizetype>(total - page.first, *size);
    page.pages.insert(QStringLiteral("current"), current);
    page.pages.insert(QStringLiteral("size"), *size);
    page.pages.insert(QStringLiteral("maxSize"), limits.maxSize);
    if (wantsTotal(request)) {
        page.pages.insert(QStringLiteral("total"), qint64((total + *size - 1) / *size));
        page.pages.insert(QStringLiteral("items"), qint64(total));
    }
    return page;
}

} // namespace mtr::simulator
