// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Error.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace mtr::workflow {

/// The outcome of one sync run over every tenant: how many records were stored or updated this
/// run, and the feeds that failed. A failed feed never stops the other feeds or tenants.
struct SyncSummary
{
    /// One feed of one tenant that could not be read or stored.
    struct Failure
    {
        QString tenantId; ///< empty when the tenant list itself failed
        QString feed;     ///< "tenants", "alerts", "cases", "endpoints", "siem-events"
        Error error;
    };

    int tenants = 0;   ///< tenants visited
    int alerts = 0;    ///< alerts upserted
    int events = 0;    ///< SIEM events stored for the first time
    int endpoints = 0; ///< endpoints upserted
    int cases = 0;     ///< cases upserted
    QList<Failure> failures;
    qint64 elapsedMs = 0;

    /// True when every feed of every tenant succeeded.
    bool ok() const
    {
        return failures.isEmpty();
    }
};

} // namespace mtr::workflow

Q_DECLARE_METATYPE(mtr::workflow::SyncSummary)
