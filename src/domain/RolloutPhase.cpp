// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "domain/RolloutPhase.h"

namespace mtr::domain {

QString rolloutPhaseToString(RolloutPhase phase)
{
    switch (phase) {
    case RolloutPhase::Assisted:
        return QStringLiteral("assisted");
    case RolloutPhase::ConditionalAutomation:
        return QStringLiteral("conditional-automation");
    case RolloutPhase::ReadOnly:
        break;
    }
    return QStringLiteral("read-only");
}

RolloutPhase rolloutPhaseFromString(const QString& text)
{
    const QString s = text.trimmed().toLower();
    if (s == QLatin1String("assisted"))
        return RolloutPhase::Assisted;
    if (s == QLatin1String("conditional-automation"))
        return RolloutPhase::ConditionalAutomation;
    return RolloutPhase::ReadOnly;
}

} // namespace mtr::domain
