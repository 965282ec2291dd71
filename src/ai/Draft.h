// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mtr::ai {

/// The documents the assistant drafts for a case.
enum class DraftKind
{
    CaseSummary,
    TimelineNarrative,
    CustomerNotification,
    ExecutiveSummary,
};

/// One sentence and the evidence item ids it rests on.
struct DraftSentence
{
    QString text;
    QStringList evidenceIds;
};

/// A draft: plain-language sentences, each tied to evidence. `origin` is "offline" or the
/// backend name, so the analyst sees who wrote it.
struct Draft
{
    DraftKind kind = DraftKind::CaseSummary;
    QList<DraftSentence> sentences;
    QString origin;

    /// The sentences joined as one paragraph, for display and export.
    QString plainText() const;
};

/// Stable machine name of a kind ("case-summary").
QString draftKindName(DraftKind kind);

/// The JSON schema a model answer must follow: {"sentences":[{"text":..,"evidenceIds":[..]}]}.
QJsonObject draftJsonSchema();

/// Reads a model answer against draftJsonSchema(). Tolerates a ```json fence around the object
/// (models add one even when told not to) but nothing else: unknown shapes are InvalidInput.
Result<Draft> draftFromModelAnswer(const QString& answer, DraftKind kind);

/// The draft as JSON in the schema's shape.
QJsonObject draftToJson(const Draft& draft);

} // namespace mtr::ai
