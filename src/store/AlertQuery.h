// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Severity.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mtr::store {

/// Filter, sort and page of the alert queue. Empty lists mean "any".
struct AlertQuery
{
    /// Sortable queue columns; ties are always broken by id so pages never overlap.
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
    int offset = 0;
    int limit = 200;
};

} // namespace mtr::store
