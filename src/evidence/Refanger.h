// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QList>
#include <QString>

namespace mtr::evidence {

/// Text with defanging undone, plus a map back to the original text so every indicator found in
/// the refanged copy keeps its exact offset and length in the evidence.
struct RefangedText
{
    QString text;
    /// For each QChar of `text` the offset of the original text it came from; one extra entry at
    /// the end holds the original length. So an indicator [s, e) maps to [map[s], map[e]).
    QList<qsizetype> map;
};

/// Undoes the defanging conventions analysts and vendors use: `[.]`, `(.)`, `{.}`, `[dot]`,
/// `(dot)`, `[:]`, `[://]`, `[/]`, `[@]`, `[at]`, `hxxp`/`hxxps` (any case), and `fxp`. The
/// scheme is preserved (hxxps becomes https, not http: known fault K2), brackets around a colon
/// are understood (K3), and nothing else is changed. One pass, linear in the text's length.
class Refanger
{
public:
    /// The refanged copy of `text` with its offset map.
    static RefangedText refang(const QString& text);
};

} // namespace mtr::evidence
