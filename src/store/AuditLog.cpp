// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/AuditLog.h"

#include "log/Log.h"
#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace mtr::store {

namespace {

/// Advisory lock key for audit appends ("mtraudit" in ASCII).
constexpr qint64 AuditLockKey = 0x6d74726175646974LL;
constexpr int BatchSize = 1000;

} // namespace

QString AuditLog::genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QByteArray AuditLog::canonical(const domain::AuditEntry& e)
{
    // Integers travel as JSON numbers; every value below 2^53 is exact in a double.
    const QJsonArray array{double(e.seq),
                           double(e.time.toMSecsSinceEpoch()),
                           e.analyst,
                           e.tenantId,
                           e.caseId,
                           e.kind,
                           e.payload,
                           e.prevHash};
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QString AuditLog::hashOf(const domain::AuditEntry& entry)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical(entry), QCryptographicHash::Sha256).toHex());
}

Result<domain::AuditEntry> AuditLog::append(const domain::AuditEntry& input)
{
    QJsonParseError parseError;
    const QJsonDocument payload = QJsonDocument::fromJson(input.payload.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !payload.isObject())
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("audit payload is not a JSON object"));
    domain::AuditEntry e = input;
    e.payload = QString::fromUtf8(payload.toJson(QJsonDocument::Compact));
    const QDateTime at = input.time.isValid() ? input.time : QDateTime::currentDateTimeUtc();
    e.time = QDateTime::fromMSecsSinceEpoch(at.toMSecsSinceEpoch(), Qt::UTC);

    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r.error();
    if (auto r = m_db.lockForTransaction(AuditLockKey); !r)
        return r.error();
    QSqlQuery last(m_db.connection());
    if (!last.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")))
        return sqlError(last, "read audit head");
    e.seq = last.next() ? last.value(0).toLongLong() + 1 : 1;
    e.prevHash = e.seq == 1 ? genesisHash() : last.value(1).toString();
    last.finish();
    e.hash = hashOf(e);

    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q,
                         // An empty QString may reach the driver as NULL ("" is how the
                         // system signs); the hash already treats both as "".
                         QStringLiteral("INSERT INTO audit_log (seq, at, analyst, tenant_id, "
                                        "case_id, kind, payload, prev_hash, hash) VALUES (?, ?, "
                                        "COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?, "
                                        "?, ?)"));
        !r) {
        return r.error();
    }
    for (const QVariant& v : QVariantList{e.seq,
                                          e.time.toMSecsSinceEpoch(),
                                          e.analyst,
                                          e.tenantId,
                                          e.caseId,
                                          e.kind,
                                          e.payload,
                                          e.prevHash,
                                          e.hash}) {
        q.addBindValue(v);
    }
    if (auto r = exec(q, "append audit entry"); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return e;
}

Result<QList<domain::AuditEntry>> AuditLog::entries(qint64 fromSeq, int limit)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(q,
                         QStringLiteral("SELECT seq, at, analyst, tenant_id, case_id, kind, "
                                        "payload, prev_hash, hash FROM audit_log WHERE seq >= ? "
                                        "ORDER BY seq LIMIT ?"));
        !r) {
        return r.error();
    }
    q.addBindValue(fromSeq);
    q.addBindValue(limit);
    if (auto r = exec(q, "read audit log"); !r)
        return r.error();
    QList<domain::AuditEntry> out;
    while (q.next()) {
        domain::AuditEntry e;
        e.seq = q.value(0).toLongLong();
        e.time = timeFrom(q.value(1));
        e.analyst = q.value(2).toString();
        e.tenantId = q.value(3).toString();
        e.caseId = q.value(4).toString();
        e.kind = q.value(5).toString();
        e.payload = q.value(6).toString();
        e.prevHash = q.value(7).toString();
        e.hash = q.value(8).toString();
        out << e;
    }
    return out;
}

Result<void> AuditLog::forEach(const std::function<bool(const domain::AuditEntry&)>& visit)
{
    qint64 next = 0;
    forever {
        auto batch = entries(next, BatchSize);
        if (!batch)
            return batch.error();
        for (const domain::AuditEntry& e : batch.value()) {
            if (!visit(e))
                return {};
            next = e.seq + 1;
        }
        if (batch.value().size() < BatchSize)
            return {};
    }
}

Result<AuditLog::Verification> AuditLog::verify()
{
    // TODO: deleting the newest entries leaves a valid shorter chain; anchoring the head hash
    // outside the database (syslog export, a signed checkpoint) is what would reveal that.
    Verification v;
    QString prevHash = genesisHash();
    qint64 expectedSeq = 1;
    auto walked = forEach([&](const domain::AuditEntry& e) {
        if (e.seq != expectedSeq)
            v.reason = QStringLiteral("sequence gap");
        else if (e.prevHash != prevHash)
            v.reason = QStringLiteral("prev hash mismatch");
        else if (hashOf(e) != e.hash)
            v.reason = QStringLiteral("hash mismatch");
        if (!v.reason.isEmpty()) {
            v.ok = false;
            v.firstBrokenSeq = expectedSeq == e.seq ? e.seq : expectedSeq;
            return false;
        }
        ++v.entries;
        prevHash = e.hash;
        ++expectedSeq;
        return true;
    });
    if (!walked)
        return walked.error();
    if (!v.ok)
        mtr::log::get("store")->error("audit chain broken seq={} reason={}",
                                      v.firstBrokenSeq,
                                      v.reason);
    return v;
}

} // namespace mtr::store
