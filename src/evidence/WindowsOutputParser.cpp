// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/WindowsOutputParser.h"

#include "evidence/ColumnTable.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace mtr::evidence {

namespace {

void refuse(CommandOutput& out, qint64 line, const QString& message)
{
    out.recognised = false;
    out.diagnostics.append({ReadDiagnostic::Level::Error, line, -1, message});
}

/// German netstat states to the English words the rest of the console uses.
QString canonicalState(const QString& state)
{
    static const QHash<QString, QString> german = {
        {QStringLiteral("ABHÖREN"), QStringLiteral("LISTENING")},
        {QStringLiteral("HERGESTELLT"), QStringLiteral("ESTABLISHED")},
        {QStringLiteral("WARTEND"), QStringLiteral("TIME_WAIT")},
        {QStringLiteral("SCHLIESSEN_WARTEN"), QStringLiteral("CLOSE_WAIT")},
        {QStringLiteral("SYN_GESENDET"), QStringLiteral("SYN_SENT")},
        {QStringLiteral("SYN_EMPFANGEN"), QStringLiteral("SYN_RECEIVED")},
        {QStringLiteral("LAST_ACK"), QStringLiteral("LAST_ACK")},
        {QStringLiteral("GESCHLOSSEN"), QStringLiteral("CLOSED")},
    };
    return german.value(state, state);
}

QJsonObject netstatRow(const QStringList& cells, bool hasPid)
{
    QJsonObject row;
    QString address;
    QString port;
    row.insert(QStringLiteral("proto"), cells.value(0));
    LiveResponseReader::splitEndpoint(cells.value(1), address, port);
    row.insert(QStringLiteral("local_address"), address);
    row.insert(QStringLiteral("local_port"), port);
    LiveResponseReader::splitEndpoint(cells.value(2), address, port);
    row.insert(QStringLiteral("foreign_address"), address);
    row.insert(QStringLiteral("foreign_port"), port);
    row.insert(QStringLiteral("state"), canonicalState(cells.value(3)));
    if (canonicalState(cells.value(3)) != cells.value(3)) {
        row.insert(QStringLiteral("state_original"), cells.value(3));
    }
    if (hasPid) {
        row.insert(QStringLiteral("pid"), cells.value(4).toLongLong());
    }
    return row;
}

/// Windows netstat values never hold spaces, so tokens are safe; only UDP rows lack a state.
/// (Column positions are not: values wider than a column push the rest of the row right.)
QStringList connectionCells(const QString& line, bool hasPid)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList cells = line.trimmed().split(space);
    const bool udp = cells.value(0).startsWith(QLatin1String("UDP"));
    if (udp) {
        cells.insert(3, QString());
    }
    while (cells.size() < (hasPid ? 5 : 4)) {
        cells.append(QString());
    }
    return cells;
}

/// netstat -b puts the owning component and executable on the lines after a connection.
void attachOwner(QJsonObject& row, const QString& line)
{
    const QString text = line.trimmed();
    if (text.startsWith(QLatin1Char('[')) || !row.contains(QStringLiteral("program_name"))) {
        if (row.contains(QStringLiteral("program_name"))) {
            row.insert(QStringLiteral("service_name"), row.value(QStringLiteral("program_name")));
        }
        row.insert(QStringLiteral("program_name"), text);
    }
}

/// "Key:   value" with the key ending at a colon followed by two spaces or the line end.
bool splitKeyValue(const QString& line, QString& key, QString& value)
{
    static const QRegularExpression re(QStringLiteral("^([^\\s].*?):(?:\\s{2,}|\\s*$)(.*)$"));
    static const QRegularExpression loose(QStringLiteral("^([^\\s][^:]*):\\s(.*)$"));
    auto m = re.match(line);
    if (!m.hasMatch()) {
        m = loose.match(line);
    }
    if (!m.hasMatch()) {
        return false;
    }
    key = m.captured(1).trimmed();
    value = m.captured(2).trimmed();
    return true;
}

/// English and German labels to one field name, for the fields the timeline uses.
QString canonicalKey(const QString& key)
{
    static const QHash<QString, QString> keys = {
        {QStringLiteral("Host Name"), QStringLiteral("host_name")},
        {QStringLiteral("Hostname"), QStringLiteral("host_name")},
        {QStringLiteral("HostName"), QStringLiteral("host_name")},
        {QStringLiteral("OS Name"), QStringLiteral("os_name")},
        {QStringLiteral("Betriebssystemname"), QStringLiteral("os_name")},
        {QStringLiteral("OS Version"), QStringLiteral("os_version")},
        {QStringLiteral("Betriebssystemversion"), QStringLiteral("os_version")},
        {QStringLiteral("System Boot Time"), QStringLiteral("boot_time")},
        {QStringLiteral("Systemstartzeit"), QStringLiteral("boot_time")},
        {QStringLiteral("Time Zone"), QStringLiteral("time_zone")},
        {QStringLiteral("Zeitzone"), QStringLiteral("time_zone")},
        {QStringLiteral("Domain"), QStringLiteral("domain")},
        {QStringLiteral("Domäne"), QStringLiteral("domain")},
        {QStringLiteral("TaskName"), QStringLiteral("task_name")},
        {QStringLiteral("Aufgabenname"), QStringLiteral("task_name")},
        {QStringLiteral("Task To Run"), QStringLiteral("task_to_run")},
        {QStringLiteral("Auszuführende Aufgabe"), QStringLiteral("task_to_run")},
        {QStringLiteral("Run As User"), QStringLiteral("run_as_user")},
        {QStringLiteral("Als Benutzer ausführen"), QStringLiteral("run_as_user")},
        {QStringLiteral("Author"), QStringLiteral("author")},
        {QStringLiteral("Autor"), QStringLiteral("author")},
        {QStringLiteral("Next Run Time"), QStringLiteral("next_run_time")},
        {QStringLiteral("Nächste Laufzeit"), QStringLiteral("next_run_time")},
        {QStringLiteral("Last Run Time"), QStringLiteral("last_run_time")},
        {QStringLiteral("Letzte Laufzeit"), QStringLiteral("last_run_time")},
        {QStringLiteral("Status"), QStringLiteral("status")},
        {QStringLiteral("Physical Address"), QStringLiteral("physical_address")},
        {QStringLiteral("Physische Adresse"), QStringLiteral("physical_address")},
        {QStringLiteral("IPv4 Address"), QStringLiteral("ipv4_address")},
        {QStringLiteral("IPv4-Adresse"), QStringLiteral("ipv4_address")},
        {QStringLiteral("IPv6 Address"), QStringLiteral("ipv6_address")},
        {QStringLiteral("IPv6-Adresse"), QStringLiteral("ipv6_address")},
        {QStringLiteral("Description"), QStringLiteral("description")},
        {QStringLiteral("Beschreibung"), QStringLiteral("description")},
    };
    return keys.value(key);
}

void insertValue(QJsonObject& row, const QString& key, const QString& value)
{
    row.insert(key, value);
    const QString canonical = canonicalKey(key);
    if (!canonical.isEmpty()) {
        QString clean = value;
        clean.remove(QRegularExpression(QStringLiteral("\\((Preferred|Bevorzugt)\\)$")));
        row.insert(canonical, clean);
    }
}

void appendContinuation(QJsonObject& row, const QString& key, const QString& text)
{
    QString joined = row.value(key).toString();
    joined += (joined.isEmpty() ? QString() : QStringLiteral("\n")) + text;
    insertValue(row, key, joined);
}

/// Column labels above the ruler (English or German) to field names; unknown ones are kept as
/// written and reported.
QStringList tasklistKeys(const QString& header,
                         const QList<qsizetype>& starts,
                         qsizetype ruler,
                         CommandOutput& out)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("Image Name"), QStringLiteral("image_name")},
        {QStringLiteral("Abbildname"), QStringLiteral("image_name")},
        {QStringLiteral("PID"), QStringLiteral("pid")},
        {QStringLiteral("Session Name"), QStringLiteral("session_name")},
        {QStringLiteral("Sitzungsname"), QStringLiteral("session_name")},
        {QStringLiteral("Session#"), QStringLiteral("session_number")},
        {QStringLiteral("Sitz.-Nr."), QStringLiteral("session_number")},
        {QStringLiteral("Mem Usage"), QStringLiteral("mem_usage")},
        {QStringLiteral("Speichernutzung"), QStringLiteral("mem_usage")},
        {QStringLiteral("Status"), QStringLiteral("status")},
        {QStringLiteral("User Name"), QStringLiteral("user_name")},
        {QStringLiteral("Benutzername"), QStringLiteral("user_name")},
        {QStringLiteral("CPU Time"), QStringLiteral("cpu_time")},
        {QStringLiteral("CPU-Zeit"), QStringLiteral("cpu_time")},
        {QStringLiteral("Window Title"), QStringLiteral("window_title")},
        {QStringLiteral("Fenstertitel"), QStringLiteral("window_title")},
    };
    QStringList keys;
    for (qsizetype c = 0; c < starts.size(); ++c) {
        const qsizetype end = c + 1 < starts.size() ? starts.at(c + 1) : header.size();
        const QString label = header.mid(starts.at(c), end - starts.at(c)).trimmed();
        if (!names.contains(label)) {
            out.diagnostics.append(
                {ReadDiagnostic::Level::Warning,
                 ruler,
                 starts.at(c),
                 QCoreApplication::translate("mtr::evidence", "unknown tasklist column '%1'")
                     .arg(label)});
        }
        keys.append(names.value(label, label));
    }
    return keys;
}

} // namespace

void WindowsOutputParser::netstat(const QStringList& lines, CommandOutput& out)
{
    static const QStringList english = {QStringLiteral("Proto"),
                                        QStringLiteral("Local Address"),
                                        QStringLiteral("Foreign Address"),
                                        QStringLiteral("State")};
    static const QStringList german = {QStringLiteral("Proto"),
                                       QStringLiteral("Lokale Adresse"),
                                       QStringLiteral("Remoteadresse"),
                                       QStringLiteral("Status")};
    ColumnTable table;
    bool hasPid = false;
    qsizetype i = 0;
    for (; i < lines.size() && table.starts().isEmpty(); ++i) {
        for (const QStringList* header : {&english, &german}) {
            hasPid = lines.at(i).contains(QLatin1String("PID"));
            if (table.setHeader(lines.at(i),
                                hasPid ? *header + QStringList{QStringLiteral("PID")} : *header)) {
                break;
            }
        }
    }
    if (table.starts().isEmpty()) {
        refuse(out,
               -1,
               QCoreApplication::translate("mtr::evidence",
                                           "netstat header not found (unknown language?)"));
        return;
    }

    static const QRegularExpression dataRow(QStringLiteral("^\\s+(TCP|UDP|TCPv6|UDPv6)\\s"));
    for (; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.trimmed().isEmpty()) {
            continue;
        }
        if (dataRow.match(line).hasMatch()) {
            out.rows.append(netstatRow(connectionCells(line, hasPid), hasPid));
        } else if (!out.rows.isEmpty()) {
            attachOwner(out.rows.last(), line);
        } else {
            out.diagnostics.append(
                {ReadDiagnostic::Level::Warning,
                 i + 1,
                 -1,
                 QCoreApplication::translate("mtr::evidence",
                                             "line is not a connection: skipped")});
        }
    }
}

void WindowsOutputParser::tasklist(const QStringList& lines, CommandOutput& out)
{
    qsizetype ruler = 1;
    while (ruler < lines.size() && !lines.at(ruler).trimmed().startsWith(QLatin1String("====="))) {
        ++ruler;
    }
    if (ruler >= lines.size()) {
        refuse(
            out,
            -1,
            QCoreApplication::translate("mtr::evidence", "tasklist ruler line (=====) not found"));
        return;
    }

    const QList<qsizetype> starts = ColumnTable::rulerStarts(lines.at(ruler));
    const QStringList keys = tasklistKeys(lines.at(ruler - 1), starts, ruler, out);
    if (!keys.contains(QLatin1String("image_name")) || !keys.contains(QLatin1String("pid"))) {
        refuse(out,
               ruler,
               QCoreApplication::translate("mtr::evidence",
                                           "tasklist header lacks image name or PID"));
        return;
    }
    for (qsizetype i = ruler + 1; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.trimmed().isEmpty()) {
            continue;
        }
        QJsonObject row;
        for (qsizetype c = 0; c < starts.size(); ++c) {
            const qsizetype end = c + 1 < starts.size() ? starts.at(c + 1) : line.size();
            row.insert(keys.at(c), line.mid(starts.at(c), end - starts.at(c)).trimmed());
        }
        bool ok = false;
        row.insert(QStringLiteral("pid"),
                   row.value(QStringLiteral("pid")).toString().toLongLong(&ok));
        if (!ok) {
            out.diagnostics.append(
                {ReadDiagnostic::Level::Error,
                 i + 1,
                 -1,
                 QCoreApplication::translate("mtr::evidence",
                                             "tasklist row without a numeric PID: skipped")});
            continue;
        }
        out.rows.append(row);
    }
}

void WindowsOutputParser::keyValueList(const QStringList& lines, CommandOutput& out)
{
    QJsonObject row;
    QString lastKey;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.trimmed().isEmpty()) {
            // schtasks separates tasks by blank lines; systeminfo has none inside its block.
            if (!row.isEmpty() && out.command == QLatin1String("schtasks")) {
                out.rows.append(row);
                row = QJsonObject();
            }
            continue;
        }
        QString key;
        QString value;
        if (line.at(0).isSpace() && !lastKey.isEmpty()) {
            appendContinuation(row, lastKey, line.trimmed());
        } else if (splitKeyValue(line, key, value)) {
            insertValue(row, key, value);
            lastKey = key;
        } else if (!line.startsWith(QLatin1String("Folder:"))
                   && !line.startsWith(QLatin1String("Ordner:"))) {
            out.diagnostics.append(
                {ReadDiagnostic::Level::Warning,
                 i + 1,
                 -1,
                 QCoreApplication::translate("mtr::evidence",
                                             "line is not 'key: value': skipped")});
        }
    }
    if (!row.isEmpty()) {
        out.rows.append(row);
    }
    if (out.rows.isEmpty() || !out.rows.first().contains(QStringLiteral("host_name"))) {
        refuse(out,
               -1,
               QCoreApplication::translate("mtr::evidence", "%1 output without a host name field")
                   .arg(out.command));
    }
}

void WindowsOutputParser::ipconfig(const QStringList& lines, CommandOutput& out)
{
    static const QRegularExpression keyLine(QStringLiteral("^\\s+(\\S.*?)[ .]*:\\s?(.*)$"));
    QJsonObject row;
    QString lastKey;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.trimmed().isEmpty()) {
            continue;
        }
        if (!line.at(0).isSpace()) {
            if (!row.isEmpty()) {
                out.rows.append(row);
            }
            row = QJsonObject{
                {QStringLiteral("section"),
                 line.trimmed().chopped(line.trimmed().endsWith(QLatin1Char(':')) ? 1 : 0)}};
            lastKey.clear();
            continue;
        }
        const auto m = keyLine.match(line);
        const bool dotted =
            line.contains(QLatin1String(". :")) || line.contains(QLatin1String(" : "));
        if (m.hasMatch() && dotted) {
            lastKey = m.captured(1).trimmed();
            insertValue(row, lastKey, m.captured(2).trimmed());
        } else if (!lastKey.isEmpty()) {
            appendContinuation(row, lastKey, line.trimmed());
        }
    }
    if (!row.isEmpty()) {
        out.rows.append(row);
    }
}

void WindowsOutputParser::regQuery(const QStringList& lines, CommandOutput& out)
{
    static const QRegularExpression valueLine(
        QStringLiteral("^\\s+(.*?)\\s{2,}(REG_[A-Z_]+)(?:\\s{2,}(.*))?$"));
    QString key;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.trimmed().isEmpty()) {
            continue;
        }
        if (line.startsWith(QLatin1String("HKEY_"))) {
            key = line.trimmed();
            out.rows.append(QJsonObject{{QStringLiteral("key"), key}});
            continue;
        }
        const auto m = valueLine.match(line);
        if (!m.hasMatch() || key.isEmpty()) {
            out.diagnostics.append(
                {ReadDiagnostic::Level::Warning,
                 i + 1,
                 -1,
                 QCoreApplication::translate("mtr::evidence",
                                             "line is neither a key nor a value: skipped")});
            continue;
        }
        out.rows.append(QJsonObject{{QStringLiteral("key"), key},
                                    {QStringLiteral("name"), m.captured(1)},
                                    {QStringLiteral("type"), m.captured(2)},
                                    {QStringLiteral("data"), m.captured(3)}});
    }
}

} // namespace mtr::evidence
