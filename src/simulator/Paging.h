// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// The two request/response paging styles of the Common, Endpoint, Cases and query APIs
/// (central-api.md section 0): key-based (pageFromKey/nextKey) and page-number (page/current).
/// The SIEM cursor style lives with the SIEM handler because its cursor spans two streams.

#include "simulator/SimTypes.h"

#include <optional>
#include <vector>

namespace mtr::simulator {

/// Limits of one list call.
struct PageLimits
{
    int defaultSize = 50;
    int maxSize = 1000;
};

/// A key-based page: the entries to return and the `pages` object, or an error (400).
struct KeyPage
{
    std::vector<qint64> entries;
    QJsonObject pages;
    std::optional<ApiResponse> error;
};

/// Pages through `ordered`, a list of stable slot ids in response order (ascending or
/// descending ids). The key names the first slot of a page, so removing an item between two
/// calls neither repeats nor skips the others. pageTotal=true adds `total` (pages) and `items`.
KeyPage keyPage(const ApiRequest& request,
                const std::vector<qint64>& ordered,
                bool ascending,
                PageLimits limits);

/// A page-number page: the index range [first, first+count) and the `pages` object, or an error.
struct NumberPage
{
    qsizetype first = 0;
    qsizetype count = 0;
    QJsonObject pages;
    std::optional<ApiResponse> error;
};

/// Pages `total` items by `page` (from 1) and `pageSize`.
NumberPage numberPage(const ApiRequest& request, qsizetype total, PageLimits limits);

/// Reads `pageSize` (or another name) against the limits; nullopt with `error` set on a
/// bad or too large value.
std::optional<int>
readPageSize(const ApiRequest& request, const QString& name, PageLimits limits, ApiResponse& error);

/// True when the query says pageTotal=true.
bool wantsTotal(const ApiRequest& request);

/// The opaque key for a slot, and back (nullopt for a key this simulator did not issue).
QString encodeKey(qint64 slot);
std::optional<qint64> decodeKey(const QString& key);

} // namespace mtr::simulator
