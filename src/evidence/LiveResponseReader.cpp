// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/LiveResponseReader.h"

#include "evidence/LinuxOutputParser.h"
#include "evidence/WindowsOutputParser.h"
#include "log/Log.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mtr::evidence {

namespace {

/// The first `count` non-empty lines, trimmed on the right.
QStringList headLines(const QStringList& lines, int count)
{
    QStringList head;
    for (const QString& line : lines) {
        if (!line.trimmed().isEmpty()) {
            head.append(line);
            if (head.size() >= count) {
                break;
            }
        }
    }
    return head;
}

bool anyLine(const QStringList& lines, const QRegularExpression& re)
{
    for (const QString& line : lines) {
        if (re.match(line).hasMatch()) {
            return true;
        }
    }
    return false;
}

QString detectWindows(const QStringList& head, const QString& joined, QString& language)
{
    static const QRegularExpression tasklistEn(QStringLiteral("^Image Name\\s+PID\\b"));
    static const QRegularExpression tasklistDe(QStringLiteral("^Abbildname\\s+PID\\b"));
    const QString first = head.value(0).trimmed();
    language = QStringLiteral("en");
    if (first == QLatin1String("Active Connections")) {
        return QStringLiteral("netstat-windows");
    }
    if (anyLine(head, tasklistEn)) {
        return QStringLiteral("tasklist");
    }
    if (first == QLatin1String("Windows IP Configuration")) {
        return QStringLiteral("ipconfig");
    }
    if (joined.contains(QLatin1String("\nOS Name:"))
        || first.startsWith(QLatin1String("Host Name:"))) {
        return QStringLiteral("systeminfo");
    }
    if (joined.contains(QLatin1String("TaskName:"))) {
        return QStringLiteral("schtasks");
    }
    language = QStringLiteral("de");
    if (first == QLatin1String("Aktive Verbindungen")) {
        return QStringLiteral("netstat-windows");
    }
    if (anyLine(head, tasklistDe)) {
        return QStringLiteral("tasklist");
    }
    if (first == QLatin1String("Windows-IP-Konfiguration")) {
        return QStringLiteral("ipconfig");
    }
    if (joined.contains(QLatin1String("Betriebssystemname:"))) {
        return QStringLiteral("systeminfo");
    }
    if (joined.contains(QLatin1String("Aufgabenname:"))) {
        return QStringLiteral("schtasks");
    }
    language.clear();
    return first.startsWith(QLatin1String("HKEY_")) ? QStringLiteral("reg-query") : QString();
}

QString detectLinux(const QStringList& head, const QStringList& lines)
{
    static const QRegularExpression psAux(QStringLiteral("^USER\\s+PID\\s+%CPU"));
    static const QRegularExpression psEf(QStringLiteral("^UID\\s+PID\\s+PPID\\b"));
    static const QRegularExpression lsof(QStringLiteral("^COMMAND\\s+PID\\b.*\\bFD\\b.*\\bNAME$"));
    static const QRegularExpression lastRow(QStringLiteral(
        "\\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
        "[ \\d]\\d \\d\\d:\\d\\d"));
    static const QRegularExpression whoRow(QStringLiteral("\\s\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"));
    const QString first = head.value(0).trimmed();
    if (first.startsWith(QLatin1String("Active Internet connections"))
        || first.startsWith(QLatin1String("Active UNIX domain sockets"))
        || first.startsWith(QLatin1String("Proto Recv-Q Send-Q"))) {
        return QStringLiteral("netstat-linux");
    }
    if ((first.startsWith(QLatin1String("Netid")) || first.startsWith(QLatin1String("State")))
        && first.contains(QLatin1String("Recv-Q"))) {
        return QStringLiteral("ss");
    }
    if (psAux.match(first).hasMatch()) {
        return QStringLiteral("ps-aux");
    }
    if (psEf.match(first).hasMatch()) {
        return QStringLiteral("ps-ef");
    }
    if (lsof.match(first.trimmed()).hasMatch()) {
        return QStringLiteral("lsof");
    }
    if (anyLine(head, lastRow) || first.startsWith(QLatin1String("wtmp begins"))) {
        return QStringLiteral("last");
    }
    if (anyLine(head, whoRow)) {
        return QStringLiteral("who");
    }
    static const QRegularExpression cronLine(
        QStringLiteral("^\\s*(#.*|[A-Za-z_][A-Za-z0-9_]*\\s*=.*|@\\w+\\s+\\S.*|"
                       "([0-9*/,\\-A-Za-z]+\\s+){5}\\S.*)?$"));
    static const QRegularExpression cronEntry(
        QStringLiteral("^\\s*(@\\w+|([0-9*/,\\-]+\\s+){4}[0-9*/,\\-A-Za-z]+)\\s+\\S"));
    for (const QString& line : lines) {
        if (!cronLine.match(line).hasMatch()) {
            return {};
        }
    }
    return anyLine(lines, cronEntry) ? QStringLiteral("crontab") : QString();
}

void dispatch(const QString& command, const QStringList& lines, CommandOutput& out)
{
    using Parser = void (*)(const QStringList&, CommandOutput&);
    static const QList<QPair<QString, Parser>> parsers = {
        {QStringLiteral("netstat-windows"), &WindowsOutputParser::netstat},
        {QStringLiteral("tasklist"), &WindowsOutputParser::tasklist},
        {QStringLiteral("systeminfo"), &WindowsOutputParser::keyValueList},
        {QStringLiteral("schtasks"), &WindowsOutputParser::keyValueList},
        {QStringLiteral("ipconfig"), &WindowsOutputParser::ipconfig},
        {QStringLiteral("reg-query"), &WindowsOutputParser::regQuery},
        {QStringLiteral("netstat-linux"), &LinuxOutputParser::netstat},
        {QStringLiteral("ss"), &LinuxOutputParser::ss},
        {QStringLiteral("ps-aux"), &LinuxOutputParser::ps},
        {QStringLiteral("ps-ef"), &LinuxOutputParser::ps},
        {QStringLiteral("lsof"), &LinuxOutputParser::lsof},
        {QStringLiteral("last"), &LinuxOutputParser::logins},
        {QStringLiteral("who"), &LinuxOutputParser::logins},
        {QStringLiteral("crontab"), &LinuxOutputParser::crontab},
    };
    for (const auto& parser : parsers) {
        if (parser.first == command) {
            parser.second(lines, out);
            return;
        }
    }
}

} // namespace

QStringList LiveResponseReader::commands()
{
    return {QStringLiteral("netstat-windows"),
            QStringLiteral("tasklist"),
            QStringLiteral("systeminfo"),
            QStringLiteral("schtasks"),
            QStringLiteral("ipconfig"),
            QStringLiteral("reg-query"),
            QStringLiteral("netstat-linux"),
            QStringLiteral("ss"),
            QStringLiteral("ps-aux"),
            QStringLiteral("ps-ef"),
            QStringLiteral("lsof"),
            QStringLiteral("last"),
            QStringLiteral("who"),
            QStringLiteral("crontab")};
}

QString LiveResponseReader::detect(const QString& text, QString* language)
{
    QString normalised = text;
    normalised.remove(QLatin1Char('\r'));
    const QStringList lines = normalised.split(QLatin1Char('\n'));
    const QStringList head = headLines(lines, 8);
    QString lang;
    QString command = detectWindows(head, QLatin1Char('\n') + head.join(QLatin1Char('\n')), lang);
    if (command.isEmpty()) {
        command = detectLinux(head, lines);
    }
    if (language) {
        *language = lang;
    }
    return command;
}

CommandOutput LiveResponseReader::read(const QString& text, const QString& hint)
{
    CommandOutput out;
    QString normalised = text;
    normalised.remove(QLatin1Char('\r'));
    const QStringList lines = normalised.split(QLatin1Char('\n'));
    const QString detected = detect(normalised, &out.language);

    if (!hint.isEmpty() && !commands().contains(hint)) {
        out.diagnostics.append(
            {ReadDiagnostic::Level::Error,
             -1,
             -1,
             QCoreApplication::translate("mtr::evidence", "unknown command hint '%1'").arg(hint)});
        return out;
    }
    const QString command = hint.isEmpty() ? detected : hint;
    if (command.isEmpty()) {
        out.diagnostics.append({ReadDiagnostic::Level::Error,
                                1,
                                0,
                                QCoreApplication::translate(
                                    "mtr::evidence",
                                    "unrecognised command output (unknown command or language): "
                                    "nothing was parsed")});
        return out;
    }
    if (!hint.isEmpty() && !detected.isEmpty() && detected != hint) {
        out.diagnostics.append(
            {ReadDiagnostic::Level::Warning,
             1,
             0,
             QCoreApplication::translate("mtr::evidence",
                                         "hint '%1' given but the text looks like '%2'")
                 .arg(hint, detected)});
    }
    out.command = command;
    out.recognised = true;
    dispatch(command, lines, out);
    mtr::log::get("evidence")
        ->info("command output read command={} language={} rows={} diagnostics={}",
               out.command,
               out.language,
               out.rows.size(),
               out.diagnostics.size());
    return out;
}

void LiveResponseReader::splitEndpoint(const QString& endpoint, QString& address, QString& port)
{
    if (endpoint.startsWith(QLatin1Char('['))) {
        const qsizetype close = endpoint.indexOf(QLatin1Char(']'));
        address = endpoint.mid(1, close - 1);
        port =
            close >= 0 && close + 1 < endpoint.size() && endpoint.at(close + 1) == QLatin1Char(':')
                ? endpoint.mid(close + 2)
                : QString();
        return;
    }
    const qsizetype colon = endpoint.lastIndexOf(QLatin1Char(':'));
    if (colon < 0) {
        address = endpoint;
        port.clear();
        return;
    }
    address = endpoint.left(colon);
    port = endpoint.mid(colon + 1);
}

} // namespace mtr::evidence
