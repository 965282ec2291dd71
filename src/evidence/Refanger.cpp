// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/Refanger.h"

namespace mtr::evidence {

namespace {

struct Rule
{
    QLatin1String from;
    QLatin1String to;
};

/// Bracketed forms, tried in order at every '[', '(' and '{'. Matched case-insensitively.
const Rule s_bracketRules[] = {
    {QLatin1String("[.]"), QLatin1String(".")},
    {QLatin1String("(.)"), QLatin1String(".")},
    {QLatin1String("{.}"), QLatin1String(".")},
    {QLatin1String("[dot]"), QLatin1String(".")},
    {QLatin1String("(dot)"), QLatin1String(".")},
    {QLatin1String("{dot}"), QLatin1String(".")},
    {QLatin1String("[://]"), QLatin1String("://")},
    {QLatin1String("[:]"), QLatin1String(":")},
    {QLatin1String("[/]"), QLatin1String("/")},
    {QLatin1String("[@]"), QLatin1String("@")},
    {QLatin1String("[at]"), QLatin1String("@")},
    {QLatin1String("(at)"), QLatin1String("@")},
};

bool startsWithAt(const QString& text, qsizetype pos, QLatin1String needle)
{
    return QStringView(text).mid(pos, needle.size()).compare(needle, Qt::CaseInsensitive) == 0;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

/// "hxxp", "hxxps", "fxp" at a word start and followed by a colon or a defanged colon.
qsizetype schemeLength(const QString& text, qsizetype pos, QString& replacement)
{
    if (pos > 0 && isWordChar(text.at(pos - 1))) {
        return 0;
    }
    for (const auto& [from, to] : {std::pair{QLatin1String("hxxps"), QLatin1String("https")},
                                   std::pair{QLatin1String("hxxp"), QLatin1String("http")},
                                   std::pair{QLatin1String("fxp"), QLatin1String("ftp")}}) {
        const qsizetype next = pos + from.size();
        if (startsWithAt(text, pos, from) && next < text.size()
            && (text.at(next) == QLatin1Char(':') || text.at(next) == QLatin1Char('['))) {
            // Keep the writer's case so "HXXPS" reads back as "HTTPS"; URLs lower it later.
            replacement.clear();
            for (qsizetype i = 0; i < from.size(); ++i) {
                const QChar c = QLatin1Char(to.at(i));
                replacement.append(text.at(pos + i).isUpper() ? c.toUpper() : c);
            }
            return from.size();
        }
    }
    return 0;
}

} // namespace

RefangedText Refanger::refang(const QString& text)
{
    RefangedText out;
    out.text.reserve(text.size());
    out.map.reserve(text.size() + 1);
    qsizetype pos = 0;
    QString scheme;
    while (pos < text.size()) {
        const QChar c = text.at(pos);
        qsizetype consumed = 0;
        QString replacement;
        if (c == QLatin1Char('[') || c == QLatin1Char('(') || c == QLatin1Char('{')) {
            for (const Rule& rule : s_bracketRules) {
                if (startsWithAt(text, pos, rule.from)) {
                    consumed = rule.from.size();
                    replacement = rule.to;
                    break;
                }
            }
        } else if (c == QLatin1Char('h') || c == QLatin1Char('H') || c == QLatin1Char('f')
                   || c == QLatin1Char('F')) {
            consumed = schemeLength(text, pos, scheme);
            replacement = scheme;
        }
        if (consumed == 0) {
            out.text.append(c);
            out.map.append(pos);
            ++pos;
            continue;
        }
        for (qsizetype i = 0; i < replacement.size(); ++i) {
            out.text.append(replacement.at(i));
            // Same-length replacements (hxxp) map char by char; the rest map to their start.
            out.map.append(replacement.size() == consumed ? pos + i : pos);
        }
        pos += consumed;
    }
    out.map.append(text.size());
    return out;
}

} // namespace mtr::evidence
