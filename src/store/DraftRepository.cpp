// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/DraftRepository.h"

#include "store/Database.h"
#include "store/SqlSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mtr::store {

namespace {

// Stored as compact JSON in the shape of the assistant's answers:
// [{"text": "...", "evidenceIds": ["..."]}].
QString sentencesToJson(const QList<domain::DraftSentenceLink>& sentences)
{
    QJsonArray array;
    for (const domain::DraftSentenceLink& s : sentences) {
        array.append(QJsonObject{
            {QStringLiteral("text"), s.text},
            {QStringLiteral("evidenceIds"), QJsonArray::fromStringList(s.evidenceIds)}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// A NULL column (a draft stored before links existed) or anything unreadable gives no links:
// the editor then shows the text without them rather than refusing the draft.
QList<domain::DraftSentenceLink> sentencesFromJson(const QVariant& value)
{
    QList<domain::DraftSentenceLink> out;
    if (value.isNull())
        return out;
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
    for (const QJsonValue& v : doc.array()) {
        const QJsonObject o = v.toObject();
        domain::DraftSentenceLink link;
        link.text = o.value(QLatin1String("text")).toString();
        for (const QJsonValue& id : o.value(QLatin1String("evidenceIds")).toArray()) {
            if (id.isString())
                link.evidenceIds.append(id.toString());
        }
        out << link;
    }
    return out;
}

} // namespace

Result<void> DraftRepository::saveAiVersion(const QString& caseId,
                                            const QString& tenantId,
                                            domain::Draft::Kind kind,
                                            const QString& text,
                                            const QDateTime& at)
{
    domain::Draft draft;
    draft.caseId = caseId;
    draft.tenantId = tenantId;
    draft.kind = kind;
    draft.aiText = text;
    draft.aiUpdatedAt = at;
    return saveAiVersion(draft);
}

Result<void> DraftRepository::saveAiVersion(const domain::Draft& draft)
{
    return saveSide(
        QStringLiteral("INSERT INTO drafts (case_id, kind, tenant_id, ai_text, ai_sentences, "
                       "ai_updated_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON "
                       "CONFLICT (case_id, kind) DO UPDATE SET ai_text = "
                       "excluded.ai_text, ai_sentences = excluded.ai_sentences, "
                       "ai_updated_at = excluded.ai_updated_at, "
                       "updated_at = excluded.updated_at"),
        {draft.caseId,
         domain::Draft::kindToString(draft.kind),
         draft.tenantId,
         draft.aiText,
         sentencesToJson(draft.aiSentences),
         timeValue(draft.aiUpdatedAt),
         timeValue(draft.aiUpdatedAt)});
}

Result<void> DraftRepository::autosave(const QString& caseId,
                                       const QString& tenantId,
                                       domain::Draft::Kind kind,
                                       const QString& text,
                                       const QDateTime& at)
{
    return saveSide(
        QStringLiteral("INSERT INTO drafts (case_id, kind, tenant_id, analyst_text, "
                       "analyst_updated_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON "
                       "CONFLICT (case_id, kind) DO UPDATE SET analyst_text = "
                       "excluded.analyst_text, analyst_updated_at = "
                       "excluded.analyst_updated_at, updated_at = excluded.updated_at "
                       "WHERE drafts.analyst_updated_at IS NULL OR "
                       "drafts.analyst_updated_at <= excluded.analyst_updated_at"),
        {caseId, domain::Draft::kindToString(kind), tenantId, text, timeValue(at), timeValue(at)});
}

Result<void> DraftRepository::saveSide(const QString& sql, const QVariantList& values)
{
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r;
    QSqlQuery q(m_db.connection());
    if (auto r = prepare(q, sql); !r)
        return r;
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (auto r = exec(q, "save draft"); !r)
        return r;
    return tx.commit();
}

Result<std::optional<domain::Draft>> DraftRepository::get(const QString& caseId,
                                                          domain::Draft::Kind kind)
{
    auto rows = select(QStringLiteral("case_id = ? AND kind = ?"),
                       {caseId, domain::Draft::kindToString(kind)});
    if (!rows)
        return rows.error();
    if (rows.value().isEmpty())
        return std::optional<domain::Draft>();
    return std::optional<domain::Draft>(rows.value().first());
}

Result<QList<domain::Draft>> DraftRepository::listForCase(const QString& caseId)
{
    return select(QStringLiteral("case_id = ? ORDER BY kind"), {caseId});
}

Result<QList<domain::Draft>> DraftRepository::select(const QString& where,
                                                     const QVariantList& binds)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (auto r = prepare(q,
                         QStringLiteral("SELECT case_id, kind, tenant_id, ai_text, analyst_text, "
                                        "ai_updated_at, analyst_updated_at, updated_at, "
                                        "ai_sentences FROM drafts WHERE %1")
                             .arg(where));
        !r) {
        return r.error();
    }
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (auto r = exec(q, "select drafts"); !r)
        return r.error();
    QList<domain::Draft> out;
    while (q.next()) {
        domain::Draft d;
        d.caseId = q.value(0).toString();
        if (!domain::Draft::kindFromString(q.value(1).toString(), &d.kind))
            continue; // a kind written by a newer build: not ours to show
        d.tenantId = q.value(2).toString();
        d.aiText = q.value(3).toString();
        d.analystText = q.value(4).toString();
        d.aiUpdatedAt = timeFrom(q.value(5));
        d.analystUpdatedAt = timeFrom(q.value(6));
        d.updatedAt = timeFrom(q.value(7));
        d.aiSentences = sentencesFromJson(q.value(8));
        out << d;
    }
    if (auto done = rowsDone(q, "read drafts"); !done)
        return done.error();
    return out;
}

} // namespace mtr::store
