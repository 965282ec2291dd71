// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "domain/Severity.h"

namespace mtr::domain {

Severity severityFromString(const QString& text)
{
    const QString s = text.trimmed().toLower();
    if (s == QLatin1String("critical"))
        return Severity::Critical;
    if (s == QLatin1String("high"))
        return Severity::High;
    if (s == QLatin1String("medium"))
        return Severity::Medium;
    if (s == QLatin1String("low"))
        return Severity::Low;
    if (s == QLatin1String("info") || s == QLatin1String("informational"))
        return Severity::Info;
    return Severity::Unknown;
}

Severity severityFromScore(int score)
{
    if (score >= 9)
        return Severity::Critical;
    if (score >= 7)
        return Severity::High;
    if (score >= 4)
        return Severity::Medium;
    if (score >= 2)
        return Severity::Low;
    if (score == 1)
        return Severity::Info;
    return Severity::Unknown;
}

QString severityToString(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QStringLiteral("critical");
    case Severity::High:
        return QStringLiteral("high");
    case Severity::Medium:
        return QStringLiteral("medium");
    case Severity::Low:
        return QStringLiteral("low");
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace mtr::domain
