// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/LinuxOutputParser.h"

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

/// The labels of `candidates` present in `header`, in order.
QStringList presentColumns(const QString& header, const QStringList& candidates)
{
    QStringList present;
    for (const QString& column : candidates) {
        if (header.contains(column)) {
            present.append(column);
        }
    }
    return present;
}

/// "812/sshd: /usr/sbin" to pid 812 and the program title exactly as netstat truncated it;
/// "-" means unknown, so both stay null.
void insertPidProgram(QJsonObject& row, const QString& cell)
{
    const qsizetype slash = cell.indexOf(QLatin1Char('/'));
    bool ok = false;
    const qint64 pid = slash > 0 ? cell.left(slash).toLongLong(&ok) : 0;
    row.insert(QStringLiteral("pid"), ok ? QJsonValue(pid) : QJsonValue());
    row.insert(QStringLiteral("program_name"), ok ? QJsonValue(cell.mid(slash + 1)) : QJsonValue());
}

void insertEndpoints(QJsonObject& row, const QString& local, const QString& foreign)
{
    QString address;
    QString port;
    LiveResponseReader::splitEndpoint(local, address, port);
    row.insert(QStringLiteral("local_address"), address);
    row.insert(QStringLiteral("local_port"), port);
    LiveResponseReader::splitEndpoint(foreign, address, port);
    row.insert(QStringLiteral("foreign_address"), address);
    row.insert(QStringLiteral("foreign_port"), port);
}

QJsonObject netstatRow(const QStringList& labels, const QStringList& cells, bool unixSection)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("Proto"), QStringLiteral("proto")},
        {QStringLiteral("Recv-Q"), QStringLiteral("recv_q")},
        {QStringLiteral("Send-Q"), QStringLiteral("send_q")},
        {QStringLiteral("State"), QStringLiteral("state")},
        {QStringLiteral("User"), QStringLiteral("user")},
        {QStringLiteral("Inode"), QStringLiteral("inode")},
        {QStringLiteral("RefCnt"), QStringLiteral("refcnt")},
        {QStringLiteral("Flags"), QStringLiteral("flags")},
        {QStringLiteral("Type"), QStringLiteral("type")},
        {QStringLiteral("I-Node"), QStringLiteral("inode")},
        {QStringLiteral("Path"), QStringLiteral("path")},
    };
    QJsonObject row{{QStringLiteral("kind"),
                     unixSection ? QStringLiteral("socket") : QStringLiteral("network")}};
    for (qsizetype c = 0; c < labels.size(); ++c) {
        const QString& label = labels.at(c);
        if (label == QLatin1String("PID/Program name")) {
            insertPidProgram(row, cells.value(c));
        } else if (names.contains(label)) {
            QString value = cells.value(c);
            if (label == QLatin1String("Flags")) {
                value.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
                value = value.simplified();
            }
            row.insert(names.value(label), value);
        }
    }
    if (!unixSection) {
        insertEndpoints(row,
                        cells.value(labels.indexOf(QStringLiteral("Local Address"))),
                        cells.value(labels.indexOf(QStringLiteral("Foreign Address"))));
    }
    return row;
}

/// ss writes "127.0.0.53%lo:53": the interface goes to its own field, as jc does.
void splitInterface(QJsonObject& row)
{
    const QString address = row.value(QStringLiteral("local_address")).toString();
    const qsizetype percent = address.indexOf(QLatin1Char('%'));
    if (percent > 0 && !address.contains(QLatin1Char(':'))) {
        row.insert(QStringLiteral("local_address"), address.left(percent));
        row.insert(QStringLiteral("interface"), address.mid(percent + 1));
    }
}

/// The text after the first `count` whitespace-separated tokens, inner spacing kept.
QString tailAfterTokens(const QString& line, qsizetype count)
{
    qsizetype pos = 0;
    for (qsizetype t = 0; t <= count; ++t) {
        while (pos < line.size() && line.at(pos).isSpace()) {
            ++pos;
        }
        if (t == count) {
            break;
        }
        while (pos < line.size() && !line.at(pos).isSpace()) {
            ++pos;
        }
    }
    return line.mid(pos).trimmed();
}

/// users:(("avahi-daemon",pid=1510,fd=12),("x",pid=2,fd=3)) to program_name, pid, processes.
void insertSsProcesses(QJsonObject& row, const QString& rest)
{
    static const QRegularExpression user(QStringLiteral("\\(\"([^\"]*)\",pid=(\\d+),fd=(\\d+)\\)"));
    QJsonArray processes;
    auto it = user.globalMatch(rest);
    while (it.hasNext()) {
        const auto m = it.next();
        processes.append(QJsonObject{{QStringLiteral("name"), m.captured(1)},
                                     {QStringLiteral("pid"), m.captured(2).toLongLong()},
                                     {QStringLiteral("fd"), m.captured(3).toLongLong()}});
    }
    if (!processes.isEmpty()) {
        row.insert(QStringLiteral("program_name"),
                   processes.first().toObject().value(QStringLiteral("name")));
        row.insert(QStringLiteral("pid"),
                   processes.first().toObject().value(QStringLiteral("pid")));
        row.insert(QStringLiteral("processes"), processes);
    }
    row.insert(QStringLiteral("details"), rest);
}

/// One ps row with jc's field names and types (numbers as numbers, "?" tty as null).
QJsonObject psRow(const QStringList& labels, const QStringList& cells)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("USER"), QStringLiteral("user")},
        {QStringLiteral("UID"), QStringLiteral("uid")},
        {QStringLiteral("PID"), QStringLiteral("pid")},
        {QStringLiteral("PPID"), QStringLiteral("ppid")},
        {QStringLiteral("%CPU"), QStringLiteral("cpu_percent")},
        {QStringLiteral("%MEM"), QStringLiteral("mem_percent")},
        {QStringLiteral("VSZ"), QStringLiteral("vsz")},
        {QStringLiteral("RSS"), QStringLiteral("rss")},
        {QStringLiteral("TTY"), QStringLiteral("tty")},
        {QStringLiteral("STAT"), QStringLiteral("stat")},
        {QStringLiteral("START"), QStringLiteral("start")},
        {QStringLiteral("STIME"), QStringLiteral("stime")},
        {QStringLiteral("TIME"), QStringLiteral("time")},
        {QStringLiteral("C"), QStringLiteral("c")},
        {QStringLiteral("COMMAND"), QStringLiteral("command")},
        {QStringLiteral("CMD"), QStringLiteral("command")},
    };
    QJsonObject row;
    for (qsizetype c = 0; c < labels.size(); ++c) {
        const QString key = names.value(labels.at(c), labels.at(c).toLower());
        const QString& cell = cells.at(c);
        if (key == QLatin1String("pid") || key == QLatin1String("ppid")
            || key == QLatin1String("vsz") || key == QLatin1String("rss")) {
            row.insert(key, cell.toLongLong());
        } else if (key == QLatin1String("cpu_percent") || key == QLatin1String("mem_percent")) {
            row.insert(key, cell.toDouble());
        } else {
            const bool unknownTty = key == QLatin1String("tty") && cell == QLatin1String("?");
            row.insert(key, unknownTty ? QJsonValue() : QJsonValue(cell));
        }
    }
    return row;
}

} // namespace

void LinuxOutputParser::netstat(const QStringList& lines, CommandOutput& out)
{
    static const QStringList inet = {QStringLiteral("Proto"),
                                     QStringLiteral("Recv-Q"),
                                     QStringLiteral("Send-Q"),
                                     QStringLiteral("Local Address"),
                                     QStringLiteral("Foreign Address"),
                                     QStringLiteral("State"),
                                     QStringLiteral("User"),
                                     QStringLiteral("Inode"),
                                     QStringLiteral("PID/Program name")};
    static const QStringList unixColumns = {QStringLiteral("Proto"),
                                            QStringLiteral("RefCnt"),
                                            QStringLiteral("Flags"),
                                            QStringLiteral("Type"),
                                            QStringLiteral("State"),
                                            QStringLiteral("I-Node"),
                                            QStringLiteral("PID/Program name"),
                                            QStringLiteral("Path")};
    ColumnTable table;
    QStringList labels;
    bool unixSection = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1String("Active "))) {
            unixSection = line.startsWith(QLatin1String("Active UNIX"))
                          || (unixSection && line.trimmed().isEmpty());
            continue;
        }
        if (line.startsWith(QLatin1String("Proto "))) {
            labels = presentColumns(line, unixSection ? unixColumns : inet);
            if (!table.setHeader(line, labels)) {
                refuse(
                    out,
                    i + 1,
                    QCoreApplication::translate("mtr::evidence", "netstat header not understood"));
                return;
            }
            continue;
        }
        if (labels.isEmpty()) {
            refuse(out,
                   i + 1,
                   QCoreApplication::translate("mtr::evidence", "netstat data before any header"));
            return;
        }
        out.rows.append(netstatRow(labels, table.split(line), unixSection));
    }
}

void LinuxOutputParser::ss(const QStringList& lines, CommandOutput& out)
{
    const QString header = lines.value(0);
    const bool hasNetid = header.startsWith(QLatin1String("Netid"));
    const int fixed = hasNetid ? 6 : 5;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty()) {
            continue;
        }
        static const QRegularExpression space(QStringLiteral("\\s+"));
        const QStringList tokens = line.split(space);
        if (tokens.size() < fixed) {
            out.diagnostics.append(
                {ReadDiagnostic::Level::Error,
                 i + 1,
                 -1,
                 QCoreApplication::translate("mtr::evidence", "ss row with %1 fields: skipped")
                     .arg(tokens.size())});
            continue;
        }
        const int base = hasNetid ? 1 : 0;
        QJsonObject row;
        row.insert(QStringLiteral("netid"), hasNetid ? tokens.at(0) : QString());
        row.insert(QStringLiteral("state"), tokens.at(base));
        row.insert(QStringLiteral("recv_q"), tokens.at(base + 1).toLongLong());
        row.insert(QStringLiteral("send_q"), tokens.at(base + 2).toLongLong());
        if (hasNetid && tokens.at(0).startsWith(QLatin1String("u_")) && tokens.size() >= 8) {
            // UNIX sockets: "path inode" on each side instead of address:port.
            row.insert(QStringLiteral("kind"), QStringLiteral("socket"));
            row.insert(QStringLiteral("path"), tokens.at(4));
            row.insert(QStringLiteral("inode"), tokens.at(5));
            row.insert(QStringLiteral("peer_path"), tokens.at(6));
            row.insert(QStringLiteral("peer_inode"), tokens.at(7));
            insertSsProcesses(row, tokens.mid(8).join(QLatin1Char(' ')));
            out.rows.append(row);
            continue;
        }
        row.insert(QStringLiteral("kind"), QStringLiteral("network"));
        insertEndpoints(row, tokens.at(base + 3), tokens.at(base + 4));
        splitInterface(row);
        insertSsProcesses(row, tokens.mid(fixed).join(QLatin1Char(' ')));
        out.rows.append(row);
    }
}

void LinuxOutputParser::ps(const QStringList& lines, CommandOutput& out)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList labels = lines.value(0).trimmed().split(space);
    if (!labels.contains(QLatin1String("PID")) || labels.size() < 2) {
        refuse(out, 1, QCoreApplication::translate("mtr::evidence", "ps header not understood"));
        return;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty()) {
            continue;
        }
        // Only the last column (the command) holds spaces in ps's default formats, so tokens are
        // safer than positions here: a long user name shifts the whole row.
        QStringList cells = lines.at(i).trimmed().split(space);
        const QString command = tailAfterTokens(lines.at(i), labels.size() - 1);
        cells = cells.mid(0, labels.size() - 1) << command;
        if (cells.size() < labels.size()) {
            out.diagnostics.append(
                {ReadDiagnostic::Level::Error,
                 i + 1,
                 -1,
                 QCoreApplication::translate("mtr::evidence",
                                             "ps row with too few fields: skipped")});
            continue;
        }
        const QJsonObject row = psRow(labels, cells);
        bool ok = false;
        cells.at(labels.indexOf(QStringLiteral("PID"))).toLongLong(&ok);
        if (!ok) {
            out.diagnostics.append(
                {ReadDiagnostic::Level::Error,
                 i + 1,
                 -1,
                 QCoreApplication::translate("mtr::evidence",
                                             "ps row without a numeric PID: skipped")});
            continue;
        }
        out.rows.append(row);
    }
}

void LinuxOutputParser::lsof(const QStringList& lines, CommandOutput& out)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList labels = lines.value(0).trimmed().split(space);
    ColumnTable table;
    if (!table.setHeader(lines.value(0), labels)) {
        refuse(out, 1, QCoreApplication::translate("mtr::evidence", "lsof header not understood"));
        return;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty()) {
            continue;
        }
        const QStringList cells = table.split(lines.at(i));
        QJsonObject row;
        for (qsizetype c = 0; c < labels.size(); ++c) {
            QString key = labels.at(c).toLower();
            key.replace(QLatin1Char('/'), QLatin1Char('_'));
            row.insert(key, cells.at(c));
        }
        row.insert(QStringLiteral("pid"), row.value(QStringLiteral("pid")).toString().toLongLong());
        out.rows.append(row);
    }
}

void LinuxOutputParser::logins(const QStringList& lines, CommandOutput& out)
{
    static const QRegularExpression when(QStringLiteral(
        "((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
        "[ \\d]\\d \\d\\d:\\d\\d(?::\\d\\d)?(?: \\d{4})?|\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d)"));
    static const QRegularExpression space(QStringLiteral("\\s+"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1String("wtmp begins"))) {
            continue;
        }
        const auto m = when.match(line);
        if (!m.hasMatch()) {
            out.diagnostics.append(
                {ReadDiagnostic::Level::Warning,
                 i + 1,
                 -1,
                 QCoreApplication::translate("mtr::evidence",
                                             "login line without a time: skipped")});
            continue;
        }
        const QString before = line.left(m.capturedStart(1));
        QStringList tokens = before.trimmed().split(space, Qt::SkipEmptyParts);
        QJsonObject row;
        const bool noUser = before.startsWith(QLatin1Char(' '));
        row.insert(QStringLiteral("user"), noUser ? QJsonValue() : QJsonValue(tokens.value(0)));
        if (!noUser) {
            tokens.removeFirst();
        }
        if (!tokens.isEmpty()
            && (tokens.first() == QLatin1String("+") || tokens.first() == QLatin1String("-"))) {
            row.insert(QStringLiteral("writeable_tty"), tokens.takeFirst());
        }
        row.insert(QStringLiteral("tty"), tokens.value(0));
        row.insert(QStringLiteral("hostname"), tokens.mid(1).join(QLatin1Char(' ')));
        row.insert(QStringLiteral("login"), m.captured(1));
        row.insert(QStringLiteral("rest"), line.mid(m.capturedEnd(1)).trimmed());
        out.rows.append(row);
    }
}

void LinuxOutputParser::crontab(const QStringList& lines, CommandOutput& out)
{
    static const QRegularExpression entry(QStringLiteral(
        "^\\s*(?:(@\\w+)|(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+))\\s+(\\S.*)$"));
    static const QRegularExpression variable(
        QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)$"));
    static const QStringList fields = {QStringLiteral("minute"),
                                       QStringLiteral("hour"),
                                       QStringLiteral("day_of_month"),
                                       QStringLiteral("month"),
                                       QStringLiteral("day_of_week")};
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        if (const auto v = variable.match(line); v.hasMatch()) {
            out.rows.append(QJsonObject{{QStringLiteral("variable"), v.captured(1)},
                                        {QStringLiteral("value"), v.captured(2)}});
            continue;
        }
        const auto m = entry.match(line);
        if (!m.hasMatch()) {
            out.diagnostics.append(
                {ReadDiagnostic::Level::Warning,
                 i + 1,
                 -1,
                 QCoreApplication::translate("mtr::evidence",
                                             "crontab line not understood: skipped")});
            continue;
        }
        QJsonObject row{{QStringLiteral("command"), m.captured(7)}};
        if (!m.captured(1).isEmpty()) {
            row.insert(QStringLiteral("occurrence"), m.captured(1).mid(1));
        }
        for (int f = 0; f < 5 && m.captured(1).isEmpty(); ++f) {
            row.insert(fields.at(f), m.captured(2 + f));
        }
        out.rows.append(row);
    }
}

} // namespace mtr::evidence
