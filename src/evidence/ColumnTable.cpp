// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/ColumnTable.h"

namespace mtr::evidence {

bool ColumnTable::setHeader(const QString& header, const QStringList& columns)
{
    m_starts.clear();
    m_ends.clear();
    qsizetype from = 0;
    for (const QString& column : columns) {
        const qsizetype at = header.indexOf(column, from);
        if (at < 0) {
            m_starts.clear();
            m_ends.clear();
            return false;
        }
        m_starts.append(at);
        m_ends.append(at + column.size());
        from = at + column.size();
    }
    return true;
}

void ColumnTable::setStarts(const QList<qsizetype>& starts)
{
    m_starts = starts;
    m_ends.clear();
    for (qsizetype i = 0; i < starts.size(); ++i) {
        m_ends.append(i + 1 < starts.size() ? starts.at(i + 1) - 1 : starts.at(i) + 1);
    }
}

QList<qsizetype> ColumnTable::rulerStarts(const QString& ruler)
{
    QList<qsizetype> starts;
    for (qsizetype i = 0; i < ruler.size(); ++i) {
        if (ruler.at(i) == QLatin1Char('=') && (i == 0 || ruler.at(i - 1) == QLatin1Char(' '))) {
            starts.append(i);
        }
    }
    return starts;
}

int ColumnTable::columnAt(qsizetype pos) const
{
    int column = 0;
    for (int i = 0; i < m_starts.size(); ++i) {
        if (m_starts.at(i) <= pos) {
            column = i;
        }
    }
    return column;
}

int ColumnTable::columnFor(qsizetype start, qsizetype end, int last) const
{
    // A token under a header label belongs to that label's column: this places right-aligned
    // values (lsof's USER, ps's PID) even when the column before them is empty.
    for (int i = last + 1; i < m_starts.size(); ++i) {
        if (start < m_ends.at(i) && end > m_starts.at(i)) {
            return i;
        }
    }

    // Otherwise the first column it touches (by its start or, for right-aligned numbers wider
    // than their label, its end) that comes after the previous token's column.
    const int byStart = columnAt(start);
    const int byEnd = columnAt(end - 1);
    if (byStart > last) {
        return byStart;
    }
    return byEnd > last ? last + 1 : qMax(last, 0);
}

QStringList ColumnTable::split(const QString& row, bool* extra) const
{
    const int count = static_cast<int>(m_starts.size());
    QStringList cells(count);
    int last = -1;
    qsizetype pos = 0;
    if (extra) {
        *extra = false;
    }
    while (pos < row.size() && count > 0) {
        while (pos < row.size() && row.at(pos).isSpace()) {
            ++pos;
        }
        if (pos >= row.size()) {
            break;
        }
        qsizetype end = pos;
        while (end < row.size() && !row.at(end).isSpace()) {
            ++end;
        }

        const int column = qMin(columnFor(pos, end, last), count - 1);
        if (column == count - 1) {
            cells[column] = row.mid(pos).trimmed();
            break;
        }
        if (column == last) {
            if (extra) {
                *extra = true;
            }
            cells[column] += QLatin1Char(' ') + row.mid(pos, end - pos);
        } else {
            cells[column] = row.mid(pos, end - pos);
        }
        last = column;
        pos = end;
    }
    return cells;
}

} // namespace mtr::evidence
