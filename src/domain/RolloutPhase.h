// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QString>

namespace mtr::domain {

/// Per-tenant rollout of the assistant: what it may propose and what may run without a click.
enum class RolloutPhase
{
    ReadOnly,              ///< summaries and drafts only
    Assisted,              ///< proposals; the analyst approves each
    ConditionalAutomation, ///< named low-risk playbooks run without a click, audited and shown
};

QString rolloutPhaseToString(RolloutPhase phase);
RolloutPhase rolloutPhaseFromString(const QString& text); ///< unknown text is ReadOnly (safest)

} // namespace mtr::domain
