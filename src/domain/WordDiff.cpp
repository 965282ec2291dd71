// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "domain/WordDiff.h"

#include <QStringView>

#include <vector>

namespace mtr::domain {
namespace {

struct Word
{
    qsizetype offset;
    qsizetype length;
    QStringView text;
};

QList<Word> words(const QString& text)
{
    QList<Word> out;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && text.at(i).isSpace())
            ++i;
        const qsizetype start = i;
        while (i < text.size() && !text.at(i).isSpace())
            ++i;
        if (i > start)
            out.append({start, i - start, QStringView(text).mid(start, i - start)});
    }
    return out;
}

// Adds a span, merging it with the previous one when only white space separates them, so a
// rewritten sentence shows as one highlight rather than a word salad.
void addSpan(QList<WordDiff::Span>& spans, const Word& w, const QString& text)
{
    if (!spans.isEmpty()) {
        WordDiff::Span& last = spans.last();
        const qsizetype gapStart = last.offset + last.length;
        if (QStringView(text).mid(gapStart, w.offset - gapStart).trimmed().isEmpty()) {
            last.length = w.offset + w.length - last.offset;
            return;
        }
    }
    spans.append({w.offset, w.length});
}

} // namespace

WordDiff WordDiff::compute(const QString& before, const QString& after, int maxWords)
{
    const QList<Word> a = words(before);
    const QList<Word> b = words(after);
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix].text == b[prefix].text)
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
           && a[a.size() - 1 - suffix].text == b[b.size() - 1 - suffix].text)
        ++suffix;
    const qsizetype n = a.size() - prefix - suffix;
    const qsizetype m = b.size() - prefix - suffix;

    WordDiff diff;
    if (n > maxWords || m > maxWords) {
        for (qsizetype i = 0; i < n; ++i)
            addSpan(diff.removed, a[prefix + i], before);
        for (qsizetype j = 0; j < m; ++j)
            addSpan(diff.inserted, b[prefix + j], after);
        return diff;
    }
    // lcs[i][j]: length of the LCS of a[prefix+i..] and b[prefix+j..].
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] =
                a[prefix + i].text == b[prefix + j].text
                    ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                    : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[prefix + i].text == b[prefix + j].text) {
            ++i;
            ++j;
        } else if (j < m
                   && (i == n || lcs[size_t(i)][size_t(j + 1)] >= lcs[size_t(i + 1)][size_t(j)])) {
            addSpan(diff.inserted, b[prefix + j++], after);
        } else {
            addSpan(diff.removed, a[prefix + i++], before);
        }
    }
    return diff;
}

} // namespace mtr::domain
