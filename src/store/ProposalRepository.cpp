// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/ProposalRepository.h"

#include "log/Log.h"
#include "store/Database.h"
#include "store/Digest.h"
#include "store/SqlSupport.h"

namespace mtr::store {

namespace {

const char* const Columns = "id, tenant_id, case_id, kind, title, reason, expected_impact, "
                            "evidence, content, high_impact, status, created_at";

domain::Proposal proposalFrom(const QSqlQuery& q)
{
    domain::Proposal p;
    p.id = q.value(0).toString();
    p.tenantId = q.value(1).toString();
    p.caseId = q.value(2).toString();
    p.kind = q.value(3).toString();
    p.title = q.value(4).toString();
    p.reason = q.value(5).toString();
    p.expectedImpact = q.value(6).toString();
    p.evidence = q.value(7).toString();
    p.content = q.value(8).toString();
    p.highImpact = q.value(9).toInt() != 0;
    p.status = q.value(10).toString();
    p.createdAt = timeFrom(q.value(11));
    return p;
}

} // namespace

Result<void> ProposalRepository::upsert(const domain::Proposal& p)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r;
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("INSERT INTO proposals (%1, content_digest, updated_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON "
                                        "CONFLICT (id) DO UPDATE SET title = excluded.title, "
                                        "reason = excluded.reason, expected_impact = "
                                        "excluded.expected_impact, evidence = excluded.evidence, "
                                        "content = excluded.content, content_digest = "
                                        "excluded.content_digest, high_impact = "
                                        "excluded.high_impact, status = excluded.status, "
                                        "updated_at = excluded.updated_at")
                             .arg(QLatin1String(Columns)));
        !r) {
        return r;
    }
    const QString status = p.status.isEmpty() ? QStringLiteral("open") : p.status;
    for (const QVariant& v : QVariantList{p.id,
                                          p.tenantId,
                                          p.caseId,
                                          p.kind,
                                          p.title,
                                          p.reason,
                                          p.expectedImpact,
                                          p.evidence,
                                          p.content,
                                          int(p.highImpact),
                                          status,
                                          timeValue(p.createdAt),
                                          contentDigest(p.content),
                                          QDateTime::currentMSecsSinceEpoch()}) {
        q.addBindValue(v);
    }
    if (auto r = exec(q, "upsert proposal"); !r)
        return r;
    return tx.commit();
}

Result<std::optional<domain::Proposal>> ProposalRepository::get(const QString& id)
{
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(
            q,
            QStringLiteral("SELECT %1 FROM proposals WHERE id = ?").arg(QLatin1String(Columns)));
        !r) {
        return r.error();
    }
    q.addBindValue(id);
    if (auto r = exec(q, "get proposal"); !r)
        return r.error();
    if (!q.next())
        return std::optional<domain::Proposal>();
    return std::optional<domain::Proposal>(proposalFrom(q));
}

Result<QList<domain::Proposal>> ProposalRepository::openForCase(const QString& caseId)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(q,
                         QStringLiteral("SELECT %1 FROM proposals WHERE case_id = ? AND status = "
                                        "'open' ORDER BY COALESCE(created_at, 0), id")
                             .arg(QLatin1String(Columns)));
        !r) {
        return r.error();
    }
    q.addBindValue(caseId);
    if (auto r = exec(q, "list proposals"); !r)
        return r.error();
    QList<domain::Proposal> out;
    while (q.next())
        out << proposalFrom(q);
    if (auto done = rowsDone(q, "read proposals"); !done)
        return done.error();
    return out;
}

Result<void> ProposalRepository::setStatus(const QString& id, const QString& status)
{
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q, QStringLiteral("UPDATE proposals SET status = ? WHERE id = ?")); !r)
        return r;
    q.addBindValue(status);
    q.addBindValue(id);
    if (auto r = exec(q, "set proposal status"); !r)
        return r;
    if (q.numRowsAffected() == 0)
        return Error::make(Error::Code::NotFound, QStringLiteral("no such proposal"));
    return {};
}

Result<QString> ProposalRepository::lockedDigest(const QString& proposalId)
{
    QSqlQuery q(m_db.connection());
    const QString lock = m_db.isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
    if (auto r = prepare(q,
                         QStringLiteral("SELECT content_digest, status FROM proposals WHERE id = ?")
                             + lock);
        !r) {
        return r.error();
    }
    q.addBindValue(proposalId);
    if (auto r = exec(q, "read proposal digest"); !r)
        return r.error();
    if (!q.next())
        return Error::make(Error::Code::NotFound, QStringLiteral("no such proposal"));
    if (q.value(1).toString() != QLatin1String("open"))
        return Error::make(Error::Code::NotAllowed, QStringLiteral("proposal is not open"));
    return q.value(0).toString();
}

Result<domain::Approval> ProposalRepository::approve(const QString& proposalId,
                                                     const QString& analyst,
                                                     const QString& contentSeen,
                                                     const QDateTime& at)
{
    if (analyst.trimmed().isEmpty())
        return Error::make(Error::Code::InvalidInput, QStringLiteral("approval needs an analyst"));
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r.error();
    auto current = lockedDigest(proposalId);
    if (!current)
        return current.error();
    const QString digest = contentDigest(contentSeen);
    if (digest != current.value()) {
        return Error::make(Error::Code::NotAllowed,
                           QStringLiteral("content changed since the analyst saw it"));
    }
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         QStringLiteral("INSERT INTO approvals (proposal_id, analyst, approved_at, "
                                        "content_digest) VALUES (?, ?, ?, ?) ON CONFLICT "
                                        "(proposal_id, analyst, content_digest) DO NOTHING"));
        !r) {
        return r.error();
    }
    for (const QVariant& v : QVariantList{proposalId, analyst, timeValue(at), digest})
        q.addBindValue(v);
    if (auto r = exec(q, "record approval"); !r)
        return r.error();
    auto rows = selectApprovals(QStringLiteral("proposal_id = ? AND analyst = ? AND "
                                               "content_digest = ?"),
                                {proposalId, analyst, digest});
    if (!rows || rows.value().isEmpty())
        return rows ? Error::make(Error::Code::Storage, QStringLiteral("approval vanished"))
                    : rows.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    mtr::log::get("store")->info("approval recorded proposal={} analyst={}",
                                 proposalId,
                                 mtr::log::fingerprint(analyst));
    return rows.value().first();
}

Result<QList<domain::Approval>> ProposalRepository::approvals(const QString& proposalId)
{
    return selectApprovals(QStringLiteral("proposal_id = ?"), {proposalId});
}

Result<QList<domain::Approval>> ProposalRepository::validApprovals(const QString& proposalId)
{
    return selectApprovals(QStringLiteral("proposal_id = ? AND content_digest = (SELECT "
                                          "content_digest FROM proposals WHERE id = ?)"),
                           {proposalId, proposalId});
}

Result<QList<domain::Approval>> ProposalRepository::selectApprovals(const QString& where,
                                                                    const QVariantList& binds)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(q,
                         QStringLiteral("SELECT id, proposal_id, analyst, approved_at, "
                                        "content_digest FROM approvals WHERE %1 ORDER BY id")
                             .arg(where));
        !r) {
        return r.error();
    }
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (auto r = exec(q, "select approvals"); !r)
        return r.error();
    QList<domain::Approval> out;
    while (q.next()) {
        domain::Approval a;
        a.id = q.value(0).toLongLong();
        a.proposalId = q.value(1).toString();
        a.analyst = q.value(2).toString();
        a.approvedAt = timeFrom(q.value(3));
        a.contentDigest = q.value(4).toString();
        out << a;
    }
    if (auto done = rowsDone(q, "read proposals"); !done)
        return done.error();
    return out;
}

} // namespace mtr::store
