// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QDateTime>
#include <QString>

namespace mtr::domain {

/// An analyst's approval of exactly one content: who, when, and the SHA-256 (hex) of the content
/// they saw. An approval whose digest no longer matches its proposal's content is void.
struct Approval
{
    qint64 id = 0;
    QString proposalId;
    QString analyst;
    QDateTime approvedAt;  ///< UTC
    QString contentDigest; ///< lower-case hex SHA-256 of the UTF-8 content
};

} // namespace mtr::domain
