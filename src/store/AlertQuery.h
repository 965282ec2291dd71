// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/AlertSummary.h"
#include "domain/Severity.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mtr::store {

/// Filter, sort and page of the alert queue. Empty lists mean "any".
struct AlertQuery
{
    /// Sortable queue columns; ties are broken by raised time, then id and tenant, so the order
    /// is total and pages never overlap.
    enum class Sort
    {
        RaisedAt,
        Severity,
        Tenant,
        Status,
        AiScore,
        Type
    };

    QString text; ///< case-insensitive substring of description, type, id or tenant name
    QList<domain::Severity> severities;
    QStringList tenantIds;
    QStringList statuses;
    Sort sort = Sort::RaisedAt;
    bool descending = true;
    int offset = 0; ///< ignored when `after` is set
    int limit = 200;
    /// Keyset paging: only rows after this one (the last row of the previous page) in the
    /// query's order. Cheaper than a growing offset when the queue scrolls deep.
    std::optional<domain::AlertSummary> after;
};

} // namespace mtr::store
