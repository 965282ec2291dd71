// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/AuditExport.h"

#include "store/AuditLog.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace mtr::store {

namespace {

/// RFC 5424 PRI for facility 13 (log audit), severity 6 (informational).
constexpr int SyslogPri = 13 * 8 + 6;

/// PRINTUSASCII (33..126) only, at most \p max characters; "-" (NILVALUE) when empty.
QByteArray headerField(const QString& value, int max)
{
    QByteArray out;
    for (QChar c : value) {
        if (out.size() >= max)
            break;
        const char16_t u = c.unicode();
        out.append(u >= 33 && u <= 126 ? char(u) : '_');
    }
    return out.isEmpty() ? QByteArrayLiteral("-") : out;
}

/// SD-PARAM value: UTF-8 with '"', '\' and ']' escaped by a backslash (RFC 5424 6.3.3).
QByteArray paramValue(const QString& value)
{
    QByteArray out;
    for (char c : value.toUtf8()) {
        if (c == '"' || c == '\\' || c == ']')
            out.append('\\');
        out.append(c);
    }
    return out;
}

QString isoTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

/// Writes `lineOf(entry)` + LF for every entry; returns how many.
Result<qint64> writeLines(AuditLog& log,
                          QIODevice& out,
                          const std::function<QByteArray(const domain::AuditEntry&)>& lineOf)
{
    qint64 count = 0;
    bool writeFailed = false;
    auto r = log.forEach([&](const domain::AuditEntry& e) {
        writeFailed = out.write(lineOf(e) + '\n') < 0;
        count += writeFailed ? 0 : 1;
        return !writeFailed;
    });
    if (!r)
        return r.error();
    if (writeFailed)
        return Error::make(Error::Code::Storage, QStringLiteral("audit export write failed"));
    return count;
}

} // namespace

QByteArray AuditExport::jsonLine(const domain::AuditEntry& e)
{
    QJsonParseError parseError;
    const QJsonDocument payload = QJsonDocument::fromJson(e.payload.toUtf8(), &parseError);
    const bool payloadIsObject = parseError.error == QJsonParseError::NoError && payload.isObject();
    const QJsonObject object{
        {QStringLiteral("seq"), double(e.seq)},
        {QStringLiteral("time"), isoTime(e.time)},
        {QStringLiteral("analyst"), e.analyst},
        {QStringLiteral("tenant"), e.tenantId},
        {QStringLiteral("case"), e.caseId},
        {QStringLiteral("kind"), e.kind},
        payloadIsObject ? qMakePair(QStringLiteral("payload"), QJsonValue(payload.object()))
                        : qMakePair(QStringLiteral("payloadText"), QJsonValue(e.payload)),
        {QStringLiteral("prevHash"), e.prevHash},
        {QStringLiteral("hash"), e.hash},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray AuditExport::syslogLine(const domain::AuditEntry& e,
                                   const QString& hostname,
                                   const QString& appName)
{
    QByteArray line = '<' + QByteArray::number(SyslogPri) + ">1 ";
    line += isoTime(e.time).toLatin1() + ' ';
    line += headerField(hostname, 255) + ' ';
    line += headerField(appName, 48) + " - ";
    line += headerField(e.kind, 32) + ' ';
    line += "[mtr@32473 seq=\"" + QByteArray::number(e.seq) + '"';
    line += " tenant=\"" + paramValue(e.tenantId) + '"';
    line += " case=\"" + paramValue(e.caseId) + '"';
    line += " analyst=\"" + paramValue(e.analyst) + '"';
    line += " prevHash=\"" + e.prevHash.toLatin1() + '"';
    line += " hash=\"" + e.hash.toLatin1() + "\"] ";
    // MSG is UTF-8, so RFC 5424 wants it to start with a BOM.
    line += "\xEF\xBB\xBF" + e.payload.toUtf8();
    // A newline would split the message at the collector; compact JSON has none, but be sure.
    line.replace('\n', ' ');
    return line;
}

Result<qint64> AuditExport::writeJsonLines(AuditLog& log, QIODevice& out)
{
    return writeLines(log, out, &AuditExport::jsonLine);
}

Result<qint64> AuditExport::writeSyslog(AuditLog& log,
                                        QIODevice& out,
                                        const QString& hostname,
                                        const QString& appName)
{
    return writeLines(log, out, [&](const domain::AuditEntry& e) {
        return syslogLine(e, hostname, appName);
    });
}

} // namespace mtr::store
