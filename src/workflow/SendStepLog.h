// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/OutboxItem.h"
#include "domain/Result.h"

#include <QSet>
#include <QString>

namespace mtr::store {
class Database;
}

namespace mtr::workflow {

/// The durable record of the steps of one outbox item that has more than one side effect (a
/// customer message: case update, then e-mail). Steps are audit log entries of kind
/// "send-step", written before and after each side effect, so after a crash the dispatcher
/// knows which effects surely happened, which surely did not, and which may have.
class SendStepLog
{
public:
    /// Steps of a customer message.
    static constexpr const char* CaseUpdated = "case-updated";
    static constexpr const char* SmtpAttempt = "smtp-attempt";
    static constexpr const char* SmtpNotSent = "smtp-not-sent";
    static constexpr const char* SmtpAccepted = "smtp-accepted";

    /// Works on \p db, which must outlive this object.
    explicit SendStepLog(store::Database& db)
        : m_db(db)
    {}

    /// Appends step \p step of \p item (with an optional technical detail).
    Result<void>
    record(const domain::OutboxItem& item, const char* step, const QString& detail = {});

    /// Counts of each step recorded for \p item, e.g. {"smtp-attempt": 2}.
    Result<QHash<QString, int>> steps(const domain::OutboxItem& item);

private:
    store::Database& m_db;
};

} // namespace mtr::workflow
