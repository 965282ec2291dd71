// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QString>

namespace mtr::domain {

/// Alert and case severity on one ordered scale. Central sends lower-case words (some
/// integrations upper-case), cases may say "notSet" and detections use integers 1-10.
enum class Severity
{
    Unknown = 0,
    Info = 1,
    Low = 2,
    Medium = 3,
    High = 4,
    Critical = 5
};

/// Case-insensitive; "informational" and "info" are Info; anything unknown is Unknown.
Severity severityFromString(const QString& text);

/// Detections' integer scale 1..10 mapped onto ours.
Severity severityFromScore(int score);

/// The API's lower-case word ("high").
QString severityToString(Severity severity);

} // namespace mtr::domain
