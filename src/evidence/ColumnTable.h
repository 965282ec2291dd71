// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace mtr::evidence {

/// Splits whitespace-aligned command output by the header's column positions instead of by a
/// fixed field count (known fault K1). Middle columns may be empty (UDP rows have no State) and
/// the last column may hold spaces (`sshd: /usr/sbin`); right-aligned numbers wider than their
/// header still land in their own column.
class ColumnTable
{
public:
    /// Finds each of `columns` (in order, matched case-sensitively) in `header`. Returns false when
    /// one is missing, so a header in another language is never misread.
    bool setHeader(const QString& header, const QStringList& columns);

    /// Column starts found by setHeader().
    QList<qsizetype> starts() const
    {
        return m_starts;
    }

    /// Sets the column starts directly (from a "=== ====" ruler, as tasklist writes).
    void setStarts(const QList<qsizetype>& starts);

    /// One data row: one string per column, empty for an empty cell; the last column keeps its
    /// inner spaces. `extra` is set when a row had more tokens than the layout explains.
    QStringList split(const QString& row, bool* extra = nullptr) const;

    /// Column starts from a ruler line of '=' runs separated by spaces.
    static QList<qsizetype> rulerStarts(const QString& ruler);

private:
    QList<qsizetype> m_starts;
    QList<qsizetype> m_ends; ///< one past each header label

    int columnAt(qsizetype pos) const;
    int columnFor(qsizetype start, qsizetype end, int last) const;
};

} // namespace mtr::evidence
