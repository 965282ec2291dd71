// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Types.h"

#include <QList>

namespace mtr::workflow {

/// Which of a tenant's Sophos Central cases a customer notification about an alert belongs on.
/// Central's alerts carry no case id, so the console suggests and the analyst picks: cases that
/// name the alert's device (its endpoint id anywhere in the case, or its host name in the case's
/// name or overview) come first, then unresolved before resolved cases, newest first.
class CentralCaseLink
{
public:
    /// \p cases in suggestion order; \p endpointId and \p hostname may be empty.
    static QList<domain::Case>
    rank(QList<domain::Case> cases, const QString& endpointId, const QString& hostname);

    /// "name (status)" for a picker; the id when the case has no name.
    static QString label(const domain::Case& c);
};

} // namespace mtr::workflow
