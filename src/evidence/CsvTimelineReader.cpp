// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/CsvTimelineReader.h"

#include "evidence/TimestampParser.h"
#include "log/Log.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace mtr::evidence {

namespace {

const QStringList s_isoColumns = {QStringLiteral("datetime"),
                                  QStringLiteral("date_time"),
                                  QStringLiteral("time"),
                                  QStringLiteral("timestamp_iso")};
const QStringList s_epochColumns = {
    QStringLiteral("timestamp"), QStringLiteral("epoch"), QStringLiteral("ts")};
const QStringList s_messageColumns = {
    QStringLiteral("message"), QStringLiteral("msg"), QStringLiteral("description")};

QString firstPresent(const QHash<QString, QString>& fields, const QStringList& names)
{
    for (const QString& name : names) {
        if (fields.contains(name)) {
            return name;
        }
    }
    return {};
}

/// Microseconds since the epoch from a decimal value, by magnitude (s, ms or us).
std::optional<qint64> epochMicros(const QString& text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok) {
        return std::nullopt;
    }
    const qint64 magnitude = value < 0 ? -value : value;
    if (magnitude < 100'000'000'000LL) {
        return value * 1'000'000;
    }
    return magnitude < 100'000'000'000'000LL ? value * 1000 : value;
}

ReadDiagnostic warn(qint64 line, const QString& message)
{
    return {ReadDiagnostic::Level::Warning, line, -1, message};
}

/// Places one row on the clock; false when neither column gives a time.
bool placeRow(CsvTimelineRow& row, ReadDiagnostics& diagnostics)
{
    const QString isoName = firstPresent(row.fields, s_isoColumns);
    const QString epochName = firstPresent(row.fields, s_epochColumns);
    row.originalTime = row.fields.value(isoName);
    QString isoError;
    const auto iso =
        isoName.isEmpty() ? std::nullopt : TimestampParser::parseIso(row.originalTime, &isoError);
    const auto epoch =
        epochName.isEmpty() ? std::nullopt : epochMicros(row.fields.value(epochName));

    if (!iso && !isoName.isEmpty() && epoch) {
        diagnostics.append(
            warn(row.line,
                 QCoreApplication::translate("mtr::evidence",
                                             "datetime column malformed (%1); used the %2 column")
                     .arg(isoError, epochName)));
    }
    if (!iso && !epoch) {
        diagnostics.append(
            {ReadDiagnostic::Level::Error,
             row.line,
             -1,
             QCoreApplication::translate("mtr::evidence", "row %1 has no usable time (%2): skipped")
                 .arg(row.line)
                 .arg(isoError.isEmpty()
                          ? QCoreApplication::translate("mtr::evidence", "no time column")
                          : isoError)});
        return false;
    }
    if (iso && epoch && qAbs(iso->toMSecsSinceEpoch() * 1000 - *epoch) > 1'000'000) {
        diagnostics.append(warn(
            row.line,
            QCoreApplication::translate("mtr::evidence",
                                        "time columns disagree: %1 says %2, %3 says %4; used %3")
                .arg(isoName,
                     iso->toString(Qt::ISODateWithMs),
                     epochName,
                     CsvTimelineReader::isoMicros(*epoch))));
    }
    row.epochMicros = epoch ? *epoch : iso->toMSecsSinceEpoch() * 1000;
    row.timeUtc = QDateTime::fromMSecsSinceEpoch(row.epochMicros / 1000, QTimeZone::utc()).toUTC();
    return true;
}

} // namespace

QString CsvTimelineReader::isoMicros(qint64 epochMicros)
{
    const qint64 seconds =
        epochMicros >= 0 ? epochMicros / 1'000'000 : (epochMicros - 999'999) / 1'000'000;
    const qint64 micros = epochMicros - seconds * 1'000'000;
    const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
    QString text = time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (micros != 0) {
        text += QStringLiteral(".%1").arg(micros, 6, 10, QLatin1Char('0'));
    }
    return text + QLatin1Char('Z');
}

QStringList CsvTimelineReader::splitRecord(const QString& text, qsizetype& pos)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    while (pos < text.size()) {
        const QChar c = text.at(pos++);
        if (quoted) {
            if (c == QLatin1Char('"') && pos < text.size() && text.at(pos) == QLatin1Char('"')) {
                cell.append(c);
                ++pos;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell.append(c);
            }
        } else if (c == QLatin1Char('"') && cell.isEmpty()) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells.append(cell);
            cell.clear();
        } else if (c == QLatin1Char('\n')) {
            break;
        } else if (c != QLatin1Char('\r')) {
            cell.append(c);
        }
    }
    cells.append(cell);
    return cells;
}

CsvTimelineResult CsvTimelineReader::read(const QString& text)
{
    CsvTimelineResult result;
    qsizetype pos = 0;
    qint64 line = 1;
    const QStringList header = splitRecord(text, pos);
    while (pos < text.size()) {
        const qsizetype start = pos;
        ++line;
        const QStringList cells = splitRecord(text, pos);
        const qint64 rowLine = line;
        line += QStringView(text).mid(start, pos - start).count(QLatin1Char('\n')) - 1;
        if (cells.size() == 1 && cells.first().trimmed().isEmpty()) {
            continue;
        }
        if (cells.size() != header.size()) {
            result.diagnostics.append(
                {ReadDiagnostic::Level::Error,
                 rowLine,
                 start,
                 QCoreApplication::translate("mtr::evidence",
                                             "row has %1 cells, header has %2: skipped")
                     .arg(cells.size())
                     .arg(header.size())});
            continue;
        }
        CsvTimelineRow row;
        row.line = rowLine;
        for (qsizetype i = 0; i < header.size(); ++i) {
            row.fields.insert(header.at(i).trimmed(), cells.at(i));
        }
        row.message = row.fields.value(firstPresent(row.fields, s_messageColumns));
        if (placeRow(row, result.diagnostics)) {
            result.rows.append(row);
        }
    }
    mtr::log::get("evidence")
        ->info("csv timeline read rows={} diagnostics={}",
               result.rows.size(),
               result.diagnostics.size());
    return result;
}

} // namespace mtr::evidence
