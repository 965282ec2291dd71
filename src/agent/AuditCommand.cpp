// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "AuditCommand.h"

#include "AgentCommand.h"
#include "DatabaseOptions.h"
#include "store/AuditExport.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>

#include <cstdio>

namespace mtr::agent {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtr::agent::AuditCommand", text);
}

int verify(store::Database& db)
{
    store::AuditLog log(db);
    const Result<store::AuditLog::Verification> result = log.verify();
    if (!result) {
        printError(tr("cannot read the audit log: %1").arg(result.error().message));
        return ExitSetup;
    }
    if (!result->ok) {
        printLine(QStringLiteral("audit: broken at entry %1: %2")
                      .arg(result->firstBrokenSeq)
                      .arg(result->reason));
        return ExitFailed;
    }
    printLine(QStringLiteral("audit: ok (%1 entries)").arg(result->entries));
    return ExitOk;
}

int exportLog(store::Database& db, const QCommandLineParser& parser)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("jsonl") && format != QLatin1String("syslog")) {
        printError(tr("--format must be jsonl or syslog"));
        return ExitUsage;
    }
    QFile out;
    const QString output = parser.value(QStringLiteral("output"));
    const bool opened = output.isEmpty() || output == QLatin1String("-")
                            ? out.open(stdout, QIODevice::WriteOnly)
                            : (out.setFileName(output), out.open(QIODevice::WriteOnly));
    if (!opened) {
        printError(tr("cannot write %1: %2").arg(output, out.errorString()));
        return ExitSetup;
    }
    store::AuditLog log(db);
    const Result<qint64> written =
        format == QLatin1String("jsonl")
            ? store::AuditExport::writeJsonLines(log, out)
            : store::AuditExport::writeSyslog(log,
                                              out,
                                              QSysInfo::machineHostName(),
                                              QStringLiteral("mtr-agent"));
    out.close();
    if (!written) {
        printError(tr("audit export failed: %1").arg(written.error().message));
        return ExitFailed;
    }
    if (!output.isEmpty() && output != QLatin1String("-")) {
        printLine(QStringLiteral("exported: %1").arg(written.value()));
    }
    return ExitOk;
}

} // namespace

int runAuditCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("verify: checks the audit log's hash chain. export: writes it as JSON lines or "
           "RFC 5424 syslog."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("verify or export"));
    parser.addOptions({
        {QStringLiteral("format"), tr("export: jsonl or syslog."), QStringLiteral("FORMAT")},
        {QStringLiteral("output"),
         tr("export: file to write (default standard output)."),
         QStringLiteral("FILE")},
    });
    DatabaseOptions dbOptions;
    dbOptions.addTo(parser);
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printLine(parser.helpText());
        return ExitOk;
    }
    const QStringList actions = parser.positionalArguments();
    const QString action = actions.value(0);
    if (actions.size() != 1
        || (action != QLatin1String("verify") && action != QLatin1String("export"))) {
        printError(tr("audit needs one action: verify or export"));
        return ExitUsage;
    }
    Result<store::DatabaseConfig> config = dbOptions.config(parser);
    if (!config) {
        printError(config.error().message);
        return ExitUsage;
    }
    Result<std::unique_ptr<store::Database>> db = store::Database::open(config.value());
    if (!db) {
        printError(tr("cannot open the workspace: %1").arg(db.error().message));
        return ExitSetup;
    }
    return action == QLatin1String("verify") ? verify(*db.value()) : exportLog(*db.value(), parser);
}

} // namespace mtr::agent
