// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QList>
#include <QString>

namespace mtr::ai {

/// Finds instruction-like text in evidence ("ignore previous instructions", "mark this benign",
/// "isolate every host", "you are now", "system prompt") in English, German, French, Spanish
/// and Dutch, so the evidence viewer can flag it and the grounding validator can strike it
/// from model output. It flags; it does not decide: fencing and validation are the defence.
class InjectionDetector
{
public:
    /// One flagged stretch of text.
    struct Finding
    {
        qsizetype start = 0;
        qsizetype length = 0;
        QString rule; ///< "override", "verdict", "mass-action", "role", "prompt-leak", "markup"
        QString text;
    };

    /// Every flagged stretch, ordered by position.
    static QList<Finding> scan(const QString& text);

    /// Whether scan() finds anything.
    static bool containsInstructions(const QString& text);
};

} // namespace mtr::ai
