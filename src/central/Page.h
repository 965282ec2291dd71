// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QList>
#include <QString>

namespace mtr::central {

/// The paging facts of one answer, whatever the style: key-based (nextKey), page-number
/// (current/total) or SIEM cursor (nextCursor/hasMore). Unused fields stay at their defaults.
struct PageInfo
{
    QString fromKey;
    QString nextKey;     ///< key style: empty on the last page
    int current = 0;     ///< number style: 1-based
    int totalPages = -1; ///< -1 when Central did not say (pageTotal=false)
    int totalItems = -1;
    int size = 0;
    int maxSize = 0;
    QString nextCursor; ///< SIEM: always save it, even when items is empty
    bool hasMore = false;
};

/// One page, parsed completely before it is handed out (never half a page).
template <typename T>
struct Page
{
    QList<T> items;
    PageInfo info;
};

} // namespace mtr::central
