// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"

#include <QString>

namespace mtr::store {

class Database;

/// Where each feed (SIEM events, SIEM alerts, alert polling, ...) of each tenant stopped, so a
/// restart resumes there. Write it in the same transaction as the data it covers.
class SyncCursorRepository
{
public:
    /// Works on \p db, which must outlive this object.
    explicit SyncCursorRepository(Database& db)
        : m_db(db)
    {}

    /// The stored cursor; a null QString when the feed never ran.
    Result<QString> cursor(const QString& tenantId, const QString& feed);

    /// Stores the cursor (joins the caller's transaction, if any).
    Result<void> setCursor(const QString& tenantId, const QString& feed, const QString& cursor);

private:
    Database& m_db;
};

} // namespace mtr::store
