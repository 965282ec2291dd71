// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace mtr::domain {

/// One sentence of an AI draft and the evidence ids it rests on, so the editor can show the
/// analyst what each sentence claims to be based on.
struct DraftSentenceLink
{
    QString text; ///< as it appears in Draft::aiText
    QStringList evidenceIds;

    friend bool operator==(const DraftSentenceLink&, const DraftSentenceLink&) = default;
};

/// A draft text of one kind for one case: the AI's version (read-only to the analyst) and the
/// analyst's edited version, autosaved so that a crash loses at most a few seconds of typing.
struct Draft
{
    /// The kinds of draft the console writes; stored as their kindToString() words.
    enum class Kind
    {
        Summary,
        CustomerNotification,
        ExecutiveSummary
    };

    QString caseId;
    QString tenantId;
    Kind kind = Kind::Summary;
    QString aiText;
    QList<DraftSentenceLink> aiSentences; ///< the sentences of aiText in order; may be empty
    QString analystText;
    QDateTime aiUpdatedAt;      ///< UTC; invalid when the AI has not written one yet
    QDateTime analystUpdatedAt; ///< UTC; invalid when the analyst has not edited yet
    QDateTime updatedAt;        ///< UTC; last write of either side

    /// "summary", "customer-notification", "executive-summary".
    static QString kindToString(Kind kind)
    {
        switch (kind) {
        case Kind::CustomerNotification:
            return QStringLiteral("customer-notification");
        case Kind::ExecutiveSummary:
            return QStringLiteral("executive-summary");
        case Kind::Summary:
            break;
        }
        return QStringLiteral("summary");
    }

    /// Inverse of kindToString(); false when the word is unknown.
    static bool kindFromString(const QString& text, Kind* kind)
    {
        for (Kind k : {Kind::Summary, Kind::CustomerNotification, Kind::ExecutiveSummary}) {
            if (kindToString(k) == text) {
                *kind = k;
                return true;
            }
        }
        return false;
    }
};

} // namespace mtr::domain
