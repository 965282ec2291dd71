// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QList>
#include <QString>

namespace mtr::domain {

/// Word-level differences between the AI's draft and the analyst's version, as spans in each
/// text, for the side-by-side editor. Words are runs of non-space characters; white space
/// changes alone are not differences.
struct WordDiff
{
    struct Span
    {
        qsizetype offset = 0;
        qsizetype length = 0;
    };

    QList<Span> removed;  ///< spans of `before` that are not in `after`
    QList<Span> inserted; ///< spans of `after` that are not in `before`

    /// Longest-common-subsequence over words. Above `maxWords` words on either side the
    /// common prefix and suffix are kept and the middle is reported as changed, so a huge
    /// paste never stalls the editor.
    static WordDiff compute(const QString& before, const QString& after, int maxWords = 4000);

    bool isEmpty() const
    {
        return removed.isEmpty() && inserted.isEmpty();
    }
};

} // namespace mtr::domain
