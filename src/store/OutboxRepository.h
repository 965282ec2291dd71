// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/OutboxItem.h"
#include "domain/Result.h"

#include <QList>

#include <optional>

namespace mtr::store {

class Database;

/// The outbox: approved items recorded before they are sent, claimed by one dispatcher at a
/// time with a lease (row lock with SKIP LOCKED on PostgreSQL, the write lock on SQLite), and
/// finished as sent, failed or outcome-unknown. Only the lease holder may finish an item.
class OutboxRepository
{
public:
    /// Works on \p db, which must outlive this object.
    explicit OutboxRepository(Database& db)
        : m_db(db)
    {}

    /// Records \p item (idempotencyKey, proposalId, kind, payload required). Refused with
    /// NotAllowed unless the proposal is open, its content is exactly \p item.payload, and at
    /// least \p requiredApprovals different analysts approved that digest. The same key twice
    /// returns the item stored first (InvalidInput if its content differs).
    Result<domain::OutboxItem>
    enqueue(const domain::OutboxItem& item, const QDateTime& now, int requiredApprovals = 1);

    /// Claims the next due item for \p owner until now + leaseMs, or nullopt when none is due.
    /// An item whose earlier lease ran out comes back with inDoubt set.
    Result<std::optional<domain::OutboxItem>>
    claim(const QString& owner, const QDateTime& now, qint64 leaseMs);

    /// Finishes a claimed item as sent, keeping Central's answer in \p result.
    Result<void> markSent(qint64 id, const QString& owner, const QString& result);

    /// Finishes a claimed item as failed for good.
    Result<void> markFailed(qint64 id, const QString& owner, const QString& error);

    /// Finishes a claimed item as "outcome unknown — check": never retried automatically.
    Result<void> markOutcomeUnknown(qint64 id, const QString& owner, const QString& error);

    /// Gives a claimed item back to the queue, due again at \p nextAttemptAt.
    Result<void> retryLater(qint64 id,
                            const QString& owner,
                            const QString& error,
                            const QDateTime& nextAttemptAt);

    /// Extends \p owner's lease to now + leaseMs, for a send that takes long. NotAllowed when
    /// the lease is no longer \p owner's.
    Result<void> renewLease(qint64 id, const QString& owner, const QDateTime& now, qint64 leaseMs);

    /// An analyst's decision on an item that ended outcome-unknown or failed, after checking
    /// Central: Sent (it did arrive) or Pending (send it again, due at once). The note is kept
    /// as the last error. NotAllowed from any other state.
    Result<void> resolve(qint64 id, domain::OutboxItem::State to, const QString& note);

    /// The item, or nullopt.
    Result<std::optional<domain::OutboxItem>> get(qint64 id);

    /// Items in \p state, oldest first.
    Result<QList<domain::OutboxItem>> list(domain::OutboxItem::State state);

    /// Every item of one case, oldest first.
    Result<QList<domain::OutboxItem>> forCase(const QString& caseId);

private:
    Result<void> finish(qint64 id,
                        const QString& owner,
                        domain::OutboxItem::State state,
                        const QString& column,
                        const QString& text,
                        const QVariant& nextAttemptAt = {});
    Result<int> countApprovals(const QString& proposalId, const QString& digest);
    Result<QList<domain::OutboxItem>> select(const QString& where, const QVariantList& binds);

    Database& m_db;
};

} // namespace mtr::store
