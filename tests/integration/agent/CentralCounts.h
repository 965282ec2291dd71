// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QSet>
#include <QString>

namespace mtr::testing {

/// What the simulator holds, read independently of the sync code: every tenant's alerts and
/// every SIEM event id from the start of the 24-hour window, through the Central client.
struct CentralCounts
{
    int tenants = 0;
    int alerts = 0;
    QSet<QString> eventIds;
    QString error; ///< empty on success

    /// Reads the counts from the simulator at \p baseUrl (trusting \p caFile when set).
    static CentralCounts read(const QString& baseUrl, const QString& caFile);
};

} // namespace mtr::testing
