// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/OutboxRepository.h"

#include "log/Log.h"
#include "store/Database.h"
#include "store/Digest.h"
#include "store/ProposalRepository.h"
#include "store/SqlSupport.h"

namespace mtr::store {

using State = domain::OutboxItem::State;

namespace {

const char* const Columns = "id, idempotency_key, tenant_id, case_id, proposal_id, kind, payload, "
                            "content_digest, state, attempts, last_error, lease_owner, "
                            "lease_until, next_attempt_at, created_at, updated_at, result";

domain::OutboxItem itemFrom(const QSqlQuery& q)
{
    domain::OutboxItem i;
    i.id = q.value(0).toLongLong();
    i.idempotencyKey = q.value(1).toString();
    i.tenantId = q.value(2).toString();
    i.caseId = q.value(3).toString();
    i.proposalId = q.value(4).toString();
    i.kind = q.value(5).toString();
    i.payload = q.value(6).toString();
    i.contentDigest = q.value(7).toString();
    i.state = domain::OutboxItem::stateFromString(q.value(8).toString());
    i.attempts = q.value(9).toInt();
    i.lastError = q.value(10).toString();
    i.leaseOwner = q.value(11).toString();
    i.leaseUntil = timeFrom(q.value(12));
    i.nextAttemptAt = timeFrom(q.value(13));
    i.createdAt = timeFrom(q.value(14));
    i.updatedAt = timeFrom(q.value(15));
    i.result = q.value(16).toString();
    return i;
}

Error notAllowed(const char* why)
{
    return Error::make(Error::Code::NotAllowed, QString::fromLatin1(why));
}

} // namespace

Result<int> OutboxRepository::countApprovals(const QString& proposalId, const QString& digest)
{
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("SELECT COUNT(DISTINCT analyst) FROM approvals WHERE "
                                        "proposal_id = ? AND content_digest = ?"));
        !r) {
        return r.error();
    }
    q.addBindValue(proposalId);
    q.addBindValue(digest);
    if (auto r = exec(q, "count approvals"); !r)
        return r.error();
    if (!q.next())
        return sqlError(q, "count approvals");
    return q.value(0).toInt();
}

Result<domain::OutboxItem> OutboxRepository::enqueue(const domain::OutboxItem& item,
                                                     const QDateTime& now,
                                                     int requiredApprovals)
{
    if (item.idempotencyKey.isEmpty() || item.proposalId.isEmpty() || item.kind.isEmpty())
        return Error::make(Error::Code::InvalidInput, QStringLiteral("incomplete outbox item"));
    const QString digest = contentDigest(item.payload);
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r.error();

    // The proposal row stays locked until commit, so its content cannot change under us.
    auto current = ProposalRepository(m_db).lockedDigest(item.proposalId);
    if (!current)
        return current.error();
    if (current.value() != digest)
        return notAllowed("outbox content differs from the approved proposal content");
    auto approvals = countApprovals(item.proposalId, digest);
    if (!approvals)
        return approvals.error();
    if (approvals.value() < qMax(1, requiredApprovals))
        return notAllowed("no valid approval for exactly this content");

    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("INSERT INTO outbox (idempotency_key, tenant_id, case_id, "
                                        "proposal_id, kind, payload, content_digest, state, "
                                        "attempts, next_attempt_at, created_at, updated_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON "
                                        "CONFLICT (idempotency_key) DO NOTHING"));
        !r) {
        return r.error();
    }
    for (const QVariant& v : QVariantList{item.idempotencyKey,
                                          item.tenantId,
                                          item.caseId,
                                          item.proposalId,
                                          item.kind,
                                          item.payload,
                                          digest,
                                          timeValue(now),
                                          timeValue(now),
                                          timeValue(now)}) {
        q.addBindValue(v);
    }
    if (auto r = exec(q, "enqueue"); !r)
        return r.error();
    auto stored = select(QStringLiteral("idempotency_key = ?"), {item.idempotencyKey});
    if (!stored || stored.value().isEmpty())
        return stored ? Error::make(Error::Code::Storage, QStringLiteral("enqueued item vanished"))
                      : stored.error();
    if (stored.value().first().contentDigest != digest)
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("idempotency key reused for different content"));
    if (auto r = tx.commit(); !r)
        return r.error();
    mtr::log::get("store")->info("outbox item recorded id={} kind={}",
                                 stored.value().first().id,
                                 item.kind);
    return stored.value().first();
}

Result<std::optional<domain::OutboxItem>>
OutboxRepository::claim(const QString& owner, const QDateTime& now, qint64 leaseMs)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r.error();
    QSqlQuery pick(m_db.connection());
    const QString lock = m_db.isPostgres() ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString();
    if (auto r = prepare(pick,
                         QStringLiteral("SELECT id, state FROM outbox WHERE (state = 'pending' AND "
                                        "next_attempt_at <= ?) OR (state = 'sending' AND "
                                        "lease_until < ?) ORDER BY next_attempt_at, id LIMIT 1")
                             + lock);
        !r) {
        return r.error();
    }
    pick.addBindValue(timeValue(now));
    pick.addBindValue(timeValue(now));
    if (auto r = exec(pick, "pick outbox item"); !r)
        return r.error();
    if (!pick.next()) {
        if (auto r = tx.commit(); !r)
            return r.error();
        return std::optional<domain::OutboxItem>();
    }
    const qint64 id = pick.value(0).toLongLong();
    const bool inDoubt = pick.value(1).toString() == QLatin1String("sending");
    pick.finish();

    QSqlQuery take(m_db.connection());
    if (auto r = prepare(take,
                         QStringLiteral("UPDATE outbox SET state = 'sending', lease_owner = ?, "
                                        "lease_until = ?, attempts = attempts + 1, updated_at = ? "
                                        "WHERE id = ?"));
        !r) {
        return r.error();
    }
    for (const QVariant& v :
         QVariantList{owner, timeValue(now.addMSecs(leaseMs)), timeValue(now), id}) {
        take.addBindValue(v);
    }
    if (auto r = exec(take, "claim outbox item"); !r)
        return r.error();
    auto rows = select(QStringLiteral("id = ?"), {id});
    if (!rows || rows.value().isEmpty())
        return rows ? Error::make(Error::Code::Storage, QStringLiteral("claimed item vanished"))
                    : rows.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    domain::OutboxItem item = rows.value().first();
    item.inDoubt = inDoubt;
    return std::optional<domain::OutboxItem>(item);
}

Result<void> OutboxRepository::markSent(qint64 id, const QString& owner, const QString& result)
{
    return finish(id, owner, State::Sent, QStringLiteral("result"), result);
}

Result<void> OutboxRepository::markFailed(qint64 id, const QString& owner, const QString& error)
{
    return finish(id, owner, State::Failed, QStringLiteral("last_error"), error);
}

Result<void>
OutboxRepository::markOutcomeUnknown(qint64 id, const QString& owner, const QString& error)
{
    return finish(id, owner, State::OutcomeUnknown, QStringLiteral("last_error"), error);
}

Result<void> OutboxRepository::retryLater(qint64 id,
                                          const QString& owner,
                                          const QString& error,
                                          const QDateTime& nextAttemptAt)
{
    return finish(id,
                  owner,
                  State::Pending,
                  QStringLiteral("last_error"),
                  error,
                  timeValue(nextAttemptAt));
}

Result<void> OutboxRepository::finish(qint64 id,
                                      const QString& owner,
                                      State state,
                                      const QString& column,
                                      const QString& text,
                                      const QVariant& nextAttemptAt)
{
    QSqlQuery q(m_db.connection());
    const QString next =
        nextAttemptAt.isValid() ? QStringLiteral(", next_attempt_at = ?") : QString();
    if (auto r = prepare(q,
                         QStringLiteral("UPDATE outbox SET state = ?, %1 = ?, lease_owner = NULL, "
                                        "lease_until = NULL, updated_at = ?%2 WHERE id = ? AND "
                                        "state = 'sending' AND lease_owner = ?")
                             .arg(column, next));
        !r) {
        return r;
    }
    q.addBindValue(domain::OutboxItem::stateToString(state));
    q.addBindValue(text);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (nextAttemptAt.isValid())
        q.addBindValue(nextAttemptAt);
    q.addBindValue(id);
    q.addBindValue(owner);
    if (auto r = exec(q, "finish outbox item"); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return notAllowed("outbox item is not leased by this dispatcher");
    mtr::log::get("store")->info("outbox item id={} state={}",
                                 id,
                                 domain::OutboxItem::stateToString(state));
    return {};
}

Result<void>
OutboxRepository::renewLease(qint64 id, const QString& owner, const QDateTime& now, qint64 leaseMs)
{
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("UPDATE outbox SET lease_until = ?, updated_at = ? WHERE "
                                        "id = ? AND state = 'sending' AND lease_owner = ?"));
        !r) {
        return r;
    }
    for (const QVariant& v :
         QVariantList{timeValue(now.addMSecs(leaseMs)), timeValue(now), id, owner})
        q.addBindValue(v);
    if (auto r = exec(q, "renew lease"); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return notAllowed("outbox item is not leased by this dispatcher");
    return {};
}

Result<void> OutboxRepository::resolve(qint64 id, State to, const QString& note)
{
    if (to != State::Sent && to != State::Pending)
        return Error::make(Error::Code::InvalidInput, QStringLiteral("resolve to sent or pending"));
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("UPDATE outbox SET state = ?, last_error = ?, "
                                        "next_attempt_at = ?, updated_at = ? WHERE id = ? AND "
                                        "state IN ('outcome-unknown', 'failed')"));
        !r) {
        return r;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QVariant& v :
         QVariantList{domain::OutboxItem::stateToString(to), note, now, now, id}) {
        q.addBindValue(v);
    }
    if (auto r = exec(q, "resolve outbox item"); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return notAllowed("only failed or outcome-unknown items can be resolved");
    mtr::log::get("store")->info("outbox item id={} resolved to state={}",
                                 id,
                                 domain::OutboxItem::stateToString(to));
    return {};
}

Result<std::optional<domain::OutboxItem>> OutboxRepository::get(qint64 id)
{
    auto rows = select(QStringLiteral("id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows.value().isEmpty())
        return std::optional<domain::OutboxItem>();
    return std::optional<domain::OutboxItem>(rows.value().first());
}

Result<QList<domain::OutboxItem>> OutboxRepository::list(State state)
{
    return select(QStringLiteral("state = ? ORDER BY id"),
                  {domain::OutboxItem::stateToString(state)});
}

Result<QList<domain::OutboxItem>> OutboxRepository::forCase(const QString& caseId)
{
    return select(QStringLiteral("case_id = ? ORDER BY id"), {caseId});
}

Result<QList<domain::OutboxItem>> OutboxRepository::select(const QString& where,
                                                           const QVariantList& binds)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(
            q,
            QStringLiteral("SELECT %1 FROM outbox WHERE %2").arg(QLatin1String(Columns), where));
        !r) {
        return r.error();
    }
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (auto r = exec(q, "select outbox"); !r)
        return r.error();
    QList<domain::OutboxItem> out;
    while (q.next())
        out << itemFrom(q);
    if (auto done = rowsDone(q, "read outbox"); !done)
        return done.error();
    return out;
}

} // namespace mtr::store
