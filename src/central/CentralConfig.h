// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/RetryPolicy.h"
#include "domain/Secret.h"

#include <QString>

namespace mtr::central {

/// Everything the client needs to reach one Sophos Central account. The token host and the
/// global API host stay separate (the reference insists), even when a simulator serves both.
struct CentralConfig
{
    QString identityBase = QStringLiteral("https://id.sophos.com"); ///< token host
    QString globalBase = QStringLiteral("https://api.central.sophos.com");
    QString clientId;
    Secret clientSecret;
    QString caFile; ///< optional PEM with extra CAs (private CA); verification stays on
    int transferTimeoutMs = 60000;
    int maxPageSize = 1000;   ///< upper bound; pages.maxSize from Central lowers it further
    int tenantPageSize = 100; ///< page size of partner/organization tenant lists
    RetryPolicy retry;
};

} // namespace mtr::central
