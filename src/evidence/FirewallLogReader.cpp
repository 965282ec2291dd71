// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/FirewallLogReader.h"

#include "evidence/TimestampParser.h"
#include "log/Log.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace mtr::evidence {

namespace {

bool isKeyChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-')
           || c == QLatin1Char('.');
}

/// Length of an identifier followed by '=' at `pos`, or 0.
qsizetype keyAt(const QString& line, qsizetype pos)
{
    qsizetype end = pos;
    while (end < line.size() && isKeyChar(line.at(end))) {
        ++end;
    }
    return (end > pos && end < line.size() && line.at(end) == QLatin1Char('=')) ? end - pos : 0;
}

/// Position of the next " key=" after `from` (the space), or the line's end.
qsizetype nextFieldStart(const QString& line, qsizetype from)
{
    for (qsizetype i = from; i < line.size(); ++i) {
        if (line.at(i) == QLatin1Char(' ') && i + 1 < line.size() && keyAt(line, i + 1) > 0) {
            return i;
        }
    }
    return line.size();
}

/// A quoted value ends at a quote followed by a space and a key, or at the end of the line. When
/// no quote qualifies, the first quote followed by a space will do (stray text after it is then
/// reported by the caller); -1 when the quote is never closed.
qsizetype closingQuote(const QString& line, qsizetype from)
{
    qsizetype fallback = -1;
    for (qsizetype i = from; i < line.size(); ++i) {
        if (line.at(i) != QLatin1Char('"')) {
            continue;
        }
        qsizetype after = i + 1;
        while (after < line.size() && line.at(after) == QLatin1Char(' ')) {
            ++after;
        }
        if (after >= line.size() || keyAt(line, after) > 0) {
            return i;
        }
        if (fallback < 0 && after > i + 1) {
            fallback = i;
        }
    }
    return fallback;
}

void resolveTime(FirewallRecord& record, ReadDiagnostics& diagnostics)
{
    const QString date = record.value(QStringLiteral("date"));
    const QString time = record.value(QStringLiteral("time"));
    const QString zone = record.value(QStringLiteral("timezone"));
    if (date.isEmpty() || time.isEmpty()) {
        return;
    }
    record.originalTime = zone.isEmpty() ? date + QLatin1Char(' ') + time
                                         : date + QLatin1Char(' ') + time + QLatin1Char(' ') + zone;
    QString error;
    const auto local = TimestampParser::parseIso(date + QLatin1Char('T') + time, &error);
    if (!local) {
        diagnostics.append({ReadDiagnostic::Level::Warning, record.line, -1, error});
        return;
    }
    const auto offset = TimestampParser::zoneOffsetSeconds(zone, *local);
    if (!offset) {
        diagnostics.append(
            {ReadDiagnostic::Level::Warning,
             record.line,
             -1,
             QCoreApplication::translate("mtr::evidence",
                                         "unknown time zone '%1': time left unplaced")
                 .arg(zone)});
        return;
    }
    record.timeUtc = local->addSecs(-*offset);
}

} // namespace

QString FirewallRecord::rawValue(const QString& key) const
{
    for (const auto& field : fields) {
        if (field.first == key) {
            return field.second;
        }
    }
    return {};
}

QString FirewallRecord::value(const QString& key) const
{
    return rawValue(key).trimmed();
}

bool FirewallRecord::has(const QString& key) const
{
    for (const auto& field : fields) {
        if (field.first == key) {
            return true;
        }
    }
    return false;
}

FirewallRecord
FirewallLogReader::parseLine(const QString& line, qint64 lineNo, ReadDiagnostics& diagnostics)
{
    FirewallRecord record;
    record.line = lineNo;
    record.text = line;
    qsizetype pos = 0;
    while (pos < line.size()) {
        while (pos < line.size() && line.at(pos).isSpace()) {
            ++pos;
        }
        const qsizetype keyLength = pos < line.size() ? keyAt(line, pos) : 0;
        if (keyLength == 0) {
            if (pos < line.size()) {
                const qsizetype next = nextFieldStart(line, pos);
                diagnostics.append(
                    {ReadDiagnostic::Level::Warning,
                     lineNo,
                     pos,
                     QCoreApplication::translate("mtr::evidence", "text without a key at column %1")
                         .arg(pos + 1)});
                pos = next;
            }
            continue;
        }

        const QString key = line.mid(pos, keyLength);
        qsizetype valueStart = pos + keyLength + 1;
        qsizetype valueEnd = 0;
        if (valueStart < line.size() && line.at(valueStart) == QLatin1Char('"')) {
            const qsizetype close = closingQuote(line, valueStart + 1);
            if (close < 0) {
                valueEnd = nextFieldStart(line, valueStart);
                diagnostics.append(
                    {ReadDiagnostic::Level::Warning,
                     lineNo,
                     valueStart,
                     QCoreApplication::translate("mtr::evidence",
                                                 "unterminated quote in '%1' at column %2")
                         .arg(key, QString::number(valueStart + 1))});
                record.fields.append({key, line.mid(valueStart + 1, valueEnd - valueStart - 1)});
                pos = valueEnd;
                continue;
            }
            record.fields.append({key, line.mid(valueStart + 1, close - valueStart - 1)});
            pos = close + 1;
            continue;
        }
        valueEnd = nextFieldStart(line, valueStart);
        record.fields.append({key, line.mid(valueStart, valueEnd - valueStart)});
        pos = valueEnd;
    }
    resolveTime(record, diagnostics);
    return record;
}

FirewallReadResult FirewallLogReader::read(const QString& text)
{
    FirewallReadResult result;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r'))) {
            line.chop(1);
        }
        if (line.trimmed().isEmpty()) {
            continue;
        }
        FirewallRecord record = parseLine(line, i + 1, result.diagnostics);
        if (record.fields.isEmpty()) {
            result.diagnostics.append(
                {ReadDiagnostic::Level::Error,
                 i + 1,
                 -1,
                 QCoreApplication::translate("mtr::evidence",
                                             "line has no key=value fields: skipped")});
            continue;
        }
        result.records.append(record);
    }
    mtr::log::get("evidence")
        ->info("firewall log read records={} diagnostics={}",
               result.records.size(),
               result.diagnostics.size());
    return result;
}

} // namespace mtr::evidence
