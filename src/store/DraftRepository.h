// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Draft.h"
#include "domain/Result.h"

#include <QList>

#include <optional>

namespace mtr::store {

class Database;

/// Drafts per case and kind: the AI's version and the analyst's autosaved version side by side.
/// Each side is written on its own, so a new AI draft never overwrites the analyst's text, and
/// an older autosave (a slow peer) never overwrites a newer one.
class DraftRepository
{
public:
    /// Works on \p db, which must outlive this object.
    explicit DraftRepository(Database& db)
        : m_db(db)
    {}

    /// Stores the AI's version of the draft, without sentence links (any stored ones are
    /// dropped: they belonged to the previous text).
    Result<void> saveAiVersion(const QString& caseId,
                               const QString& tenantId,
                               domain::Draft::Kind kind,
                               const QString& text,
                               const QDateTime& at);

    /// Stores the AI's version of \p draft: caseId, tenantId, kind, aiText, aiSentences and
    /// aiUpdatedAt; the analyst's side stays as it is.
    Result<void> saveAiVersion(const domain::Draft& draft);

    /// Autosaves the analyst's version; ignored when a newer autosave is already stored.
    Result<void> autosave(const QString& caseId,
                          const QString& tenantId,
                          domain::Draft::Kind kind,
                          const QString& text,
                          const QDateTime& at);

    /// The draft, or nullopt when neither side was ever written.
    Result<std::optional<domain::Draft>> get(const QString& caseId, domain::Draft::Kind kind);

    /// Every draft of a case (for restore after a crash).
    Result<QList<domain::Draft>> listForCase(const QString& caseId);

private:
    Result<void> saveSide(const QString& sql, const QVariantList& values);
    Result<QList<domain::Draft>> select(const QString& where, const QVariantList& binds);

    Database& m_db;
};

} // namespace mtr::store
