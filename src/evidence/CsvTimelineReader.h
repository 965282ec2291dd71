// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "evidence/ReadDiagnostic.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace mtr::evidence {

/// One row of a CSV timeline (plaso/log2timeline style) placed on the UTC clock.
struct CsvTimelineRow
{
    qint64 line = 0;        ///< 1-based line of the row in the file
    QDateTime timeUtc;      ///< millisecond precision
    qint64 epochMicros = 0; ///< full precision, microseconds since the epoch
    QString originalTime;   ///< the datetime cell exactly as written
    QString message;
    QHash<QString, QString> fields; ///< every cell by its header name
};

/// Rows and diagnostics from a CSV timeline.
struct CsvTimelineResult
{
    QList<CsvTimelineRow> rows;
    ReadDiagnostics diagnostics;
};

/// Reads CSV timelines with an ISO `datetime` column and/or an epoch `timestamp` column (seconds,
/// milliseconds or microseconds by magnitude). Known fault K7: a malformed datetime is never read
/// leniently; the epoch column is used with a warning naming the row and the bad value, a row
/// with no usable time is rejected with its line, and two columns that disagree by more than a
/// second are flagged.
class CsvTimelineReader
{
public:
    /// Reads a whole CSV file (RFC 4180 quoting, LF or CRLF).
    static CsvTimelineResult read(const QString& text);

    /// Splits one CSV record; `pos` advances past it (quoted fields may span lines).
    static QStringList splitRecord(const QString& text, qsizetype& pos);

    /// "2024-02-11T05:07:28.119860Z": UTC with microseconds.
    static QString isoMicros(qint64 epochMicros);
};

} // namespace mtr::evidence
