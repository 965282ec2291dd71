// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/CaseFile.h"
#include "ai/Draft.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mtr::ai {

/// The default drafter: writes the case summary, timeline narrative, customer notification
/// and executive summary from the case's structured facts alone, without a model. Every
/// sentence cites the evidence ids it rests on, and alert text that reads like instructions
/// is not quoted, so its drafts pass the GroundingValidator unchanged.
class OfflineDrafter
{
    Q_DECLARE_TR_FUNCTIONS(mtr::ai::OfflineDrafter)

public:
    /// How sure the case is, and why, with the evidence behind it.
    struct Confidence
    {
        QString level; ///< translated "high", "medium", "low"
        QStringList reasons;
        QStringList evidenceIds;
    };

    /// Drafts for this case; the case is copied.
    explicit OfflineDrafter(CaseFile caseFile);

    /// The draft of one kind.
    Draft draft(DraftKind kind) const;

    /// What, where, when, who, indicators, techniques, confidence and why.
    Draft caseSummary() const;

    /// The timeline in time order, one sentence per event.
    Draft timelineNarrative() const;

    /// A plain-language message for the customer's contact.
    Draft customerNotification() const;

    /// Three or four sentences for management.
    Draft executiveSummary() const;

    /// The confidence rating the summaries state.
    Confidence confidence() const;

private:
    QString hostOf(const domain::Alert& alert) const;
    QStringList hostIds(QStringList* hosts) const;
    QStringList alertIds() const;
    QStringList indicatorIds(QStringList* values) const;
    QString personOf(const domain::Alert& alert) const;
    void addWhoSentences(Draft& draft) const;
    void addIndicatorAndTechniqueSentences(Draft& draft) const;
    const domain::Alert* worstAlert() const;

    CaseFile m_case;
};

} // namespace mtr::ai
