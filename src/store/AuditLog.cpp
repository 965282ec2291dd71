// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/AuditLog.h"

#include "log/Log.h"
#include "store/Database.h"
#include "store/SqlSupport.h"
#include "store/SyncCursorRepository.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace mtr::store {

namespace {

/// Advisory lock key for audit appends ("mtraudit" in ASCII).
constexpr qint64 AuditLockKey = 0x6d74726175646974LL;
constexpr int BatchSize = 1000;

/// Checks entries handed to it in order and keeps the first broken link.
class ChainCheck
{
public:
    /// False once the chain is broken.
    bool add(const domain::AuditEntry& e)
    {
        if (!m_result.ok)
            return false;
        const qint64 expectedSeq = m_result.entries + 1;
        if (e.seq != expectedSeq)
            m_result.reason = QStringLiteral("sequence gap");
        else if (e.prevHash != m_prevHash)
            m_result.reason = QStringLiteral("prev hash mismatch");
        else if (AuditLog::hashOf(e) != e.hash)
            m_result.reason = QStringLiteral("hash mismatch");
        if (!m_result.reason.isEmpty()) {
            m_result.ok = false;
            m_result.firstBrokenSeq = expectedSeq;
            return false;
        }
        m_prevHash = e.hash;
        ++m_result.entries;
        return true;
    }

    const AuditLog::Verification& result() const
    {
        return m_result;
    }

private:
    AuditLog::Verification m_result;
    QString m_prevHash = AuditLog::genesisHash();
};

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
    if (auto done = rowsDone(q, "read audit log"); !done)
        return done.error();
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

QString AuditLog::forwardFeedPrefix()
{
    return QStringLiteral("audit-forward:");
}

QString AuditLog::anchorText(const Anchor& anchor)
{
    return QString::number(anchor.seq) + QLatin1Char(':') + anchor.hash;
}

std::optional<AuditLog::Anchor> AuditLog::parseAnchor(const QString& text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    Anchor anchor;
    bool ok = false;
    anchor.seq = text.left(colon).toLongLong(&ok);
    if (!ok || anchor.seq < 0)
        return std::nullopt;
    if (colon >= 0)
        anchor.hash = text.mid(colon + 1);
    return anchor;
}

Result<AuditLog::Verification> AuditLog::verify()
{
    // Each forward cursor records the last entry a collector holds a copy of, so deleting or
    // rewriting entries up to there shows. Entries written since the last forward have no such
    // witness yet; neither does a log whose cursors were rewritten too (the collector's copy
    // still tells).
    const Result<QStringList> cursors =
        SyncCursorRepository(m_db).cursorsWithFeedPrefix(forwardFeedPrefix());
    if (!cursors)
        return cursors.error();
    QHash<qint64, QString> anchors;
    bool damagedCursor = false;
    for (const QString& text : cursors.value()) {
        const auto anchor = parseAnchor(text);
        damagedCursor = damagedCursor || !anchor;
        if (anchor && anchor->seq > 0)
            anchors.insert(anchor->seq, anchor->hash);
    }

    ChainCheck check;
    Verification anchorBroken;
    auto walked = forEach([&](const domain::AuditEntry& e) {
        if (!check.add(e))
            return false;
        const auto anchor = anchors.constFind(e.seq);
        if (anchor != anchors.constEnd() && !anchor->isEmpty() && *anchor != e.hash) {
            anchorBroken = {false,
                            e.seq,
                            e.seq,
                            QStringLiteral("differs from the copy forwarded to a collector")};
            return false;
        }
        return true;
    });
    if (!walked)
        return walked.error();
    Verification v = anchorBroken.ok ? check.result() : anchorBroken;
    if (v.ok && !anchors.isEmpty()) {
        const qint64 newestForwarded = *std::max_element(anchors.keyBegin(), anchors.keyEnd());
        if (newestForwarded > v.entries) {
            v.ok = false;
            v.firstBrokenSeq = v.entries + 1;
            v.reason = QStringLiteral("missing, though forwarded to a collector up to entry %1")
                           .arg(newestForwarded);
        }
    }
    if (v.ok && damagedCursor) {
        // Only someone editing the file writes anything but "<seq>:<hash>" there.
        v.ok = false;
        v.reason = QStringLiteral("a forward cursor is damaged (not \"<seq>:<hash>\")");
    }
    if (v.ok) {
        // Rows without a usable seq are skipped by the ordered walk; count them in.
        QSqlQuery total(m_db.connection());
        if (!total.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")) || !total.next())
            return sqlError(total, "count audit log");
        if (const qint64 rows = total.value(0).toLongLong(); rows != v.entries) {
            v.ok = false;
            v.reason = QStringLiteral("%1 stored entries stand outside the chain (no sequence "
                                      "number or one below 1)")
                           .arg(rows - v.entries);
        }
    }
    if (!v.ok)
        mtr::log::get("store")->error("audit chain broken seq={} reason={}",
                                      v.firstBrokenSeq,
                                      v.reason);
    return v;
}

} // namespace mtr::store
