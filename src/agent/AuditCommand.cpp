// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "AuditCommand.h"

#include "AgentCommand.h"
#include "DatabaseOptions.h"
#include "store/AuditExport.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "workflow/AuditForwarder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSysInfo>
#include <QUrl>

#include <cstdio>

namespace mtr::agent {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtr::agent::AuditCommand", text);
}

/// "broken at entry N (reason)", or "broken: reason" when no single entry is at fault.
QString brokenText(const store::AuditLog::Verification& v)
{
    return v.firstBrokenSeq > 0 ? QStringLiteral("broken at entry %1: %2")
                                      .arg(QString::number(v.firstBrokenSeq), v.reason)
                                : QStringLiteral("broken: %1").arg(v.reason);
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
        printLine(QStringLiteral("audit: ") + brokenText(result.value()));
        return ExitFailed;
    }
    printLine(QStringLiteral("audit: ok (%1 entries)").arg(result->entries));
    return ExitOk;
}

/// \p path with symbolic links resolved, also when the file itself does not exist yet.
QString resolvedPath(const QString& path)
{
    const QFileInfo file(path);
    if (file.exists())
        return file.canonicalFilePath();
    const QString folder = QFileInfo(file.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? file.absoluteFilePath() : folder + QLatin1Char('/') + file.fileName();
}

/// True when \p output is the workspace file or one of SQLite's companions beside it (SQLite
/// puts them beside the file a link points to): writing there would destroy the log.
bool isWorkspaceFile(const QString& output, const QString& workspace)
{
    const QString target = resolvedPath(output);
    const QString base = resolvedPath(workspace);
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        if (target == base + suffix)
            return true;
    }
    return false;
}

int exportLog(store::Database& db, const QCommandLineParser& parser, const QString& workspace)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("jsonl") && format != QLatin1String("syslog")) {
        printError(tr("--format must be jsonl or syslog"));
        return ExitUsage;
    }
    const QString output = parser.value(QStringLiteral("output"));
    const bool toStdout = output.isEmpty() || output == QLatin1String("-");
    if (!toStdout && !workspace.isEmpty() && isWorkspaceFile(output, workspace)) {
        printError(tr("--output %1 is the workspace itself: choose another file").arg(output));
        return ExitUsage;
    }
    // A regular file is replaced only once the whole export is written, so a failed run leaves
    // the previous export as it was; standard output, a pipe or a device is written directly.
    const QFileInfo target(output);
    const bool atomic = !toStdout && (!target.exists() || target.isFile());
    QFile direct(toStdout ? QString() : output);
    QSaveFile file(output);
    QIODevice& out = atomic ? static_cast<QIODevice&>(file) : direct;
    const bool opened =
        toStdout ? direct.open(stdout, QIODevice::WriteOnly) : out.open(QIODevice::WriteOnly);
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
    if (!written || (!atomic && !direct.flush())) {
        printError(tr("audit export failed: %1")
                       .arg(written ? direct.errorString() : written.error().message));
        return ExitFailed;
    }
    if (atomic && !file.commit()) {
        printError(tr("cannot write %1: %2").arg(output, file.errorString()));
        return ExitFailed;
    }
    if (!toStdout)
        printLine(QStringLiteral("exported: %1").arg(written.value()));
    // The export shows the log as it is, breaks included; the exit code says whether it is
    // intact, by the same checks as verify (a second read: exports are rare, verdicts must agree).
    const Result<store::AuditLog::Verification> chain = log.verify();
    if (!chain) {
        printError(tr("exported, but cannot check the audit chain: %1").arg(chain.error().message));
        return ExitFailed;
    }
    if (!chain->ok) {
        printError(tr("exported, but the audit chain is %1").arg(brokenText(chain.value())));
        return ExitFailed;
    }
    return ExitOk;
}

/// Checks --collector and --ca-file; on a usage error prints it and sets \p exitCode.
bool forwardConfig(const QCommandLineParser& parser,
                   workflow::AuditForwarder::Config& config,
                   int& exitCode)
{
    const QString collector = parser.value(QStringLiteral("collector"));
    config.collector = QUrl(collector, QUrl::StrictMode);
    config.caFile = parser.value(QStringLiteral("ca-file"));
    config.hostname = QSysInfo::machineHostName();
    config.appName = QStringLiteral("mtr-agent");
    exitCode = ExitUsage;
    if (collector.isEmpty()) {
        printError(tr("forward needs --collector tcp://, tls:// or udp://host:port"));
        return false;
    }
    if (!workflow::AuditForwarder::checkCollector(config.collector)) {
        // toDisplayString() leaves out a password someone put in the URL.
        printError(tr("--collector %1 is not tcp://, tls:// or udp://host:port (no path, no "
                      "user)")
                       .arg(config.collector.toDisplayString()));
        return false;
    }
    if (!config.caFile.isEmpty() && config.collector.scheme() != QLatin1String("tls")) {
        printError(tr("--ca-file applies to tls:// collectors only"));
        return false;
    }
    if (!config.caFile.isEmpty() && !QFile::exists(config.caFile)) {
        printError(tr("cannot read the CA file %1").arg(config.caFile));
        exitCode = ExitSetup;
        return false;
    }
    return true;
}

int forward(store::Database& db, const workflow::AuditForwarder::Config& config)
{
    // A broken chain is evidence of tampering: copying it to the collector would launder it.
    const Result<store::AuditLog::Verification> chain = store::AuditLog(db).verify();
    if (!chain) {
        printError(tr("cannot read the audit log: %1").arg(chain.error().message));
        return ExitSetup;
    }
    if (!chain->ok) {
        printError(tr("refusing to forward: the audit chain is %1").arg(brokenText(chain.value())));
        return ExitFailed;
    }

    workflow::AuditForwarder forwarder(db, config);
    const Result<workflow::AuditForwarder::Outcome> outcome = forwarder.forward();
    if (!outcome) {
        printError(tr("audit forward failed: %1").arg(outcome.error().message));
        return outcome.error().code == Error::Code::InvalidInput ? ExitSetup : ExitFailed;
    }
    printLine(QStringLiteral("forwarded: %1 (up to seq %2)")
                  .arg(outcome->forwarded)
                  .arg(outcome->lastSeq));
    return ExitOk;
}

void addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        tr("verify: checks the audit log's hash chain. export: writes it as JSON lines or "
           "RFC 5424 syslog. forward: verifies the chain, then sends the entries a collector "
           "has not yet received as RFC 5424 syslog over tcp:// (RFC 6587 octet counting), "
           "tls:// (RFC 5425, certificate always verified) or udp:// (RFC 5426, best effort: a "
           "dropped datagram goes unnoticed); the workspace "
           "remembers how far each collector got, so every run resumes there."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("verify, export or forward"));
    parser.addOptions({
        {QStringLiteral("format"), tr("export: jsonl or syslog."), QStringLiteral("FORMAT")},
        {QStringLiteral("output"),
         tr("export: file to write (default standard output)."),
         QStringLiteral("FILE")},
        {QStringLiteral("collector"),
         tr("forward: the syslog collector, tcp://, tls:// or udp://host:port."),
         QStringLiteral("URL")},
        {QStringLiteral("ca-file"),
         tr("forward: PEM file with extra CA certificates for a tls:// collector."),
         QStringLiteral("FILE")},
    });
}

} // namespace

int runAuditCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
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
        || (action != QLatin1String("verify") && action != QLatin1String("export")
            && action != QLatin1String("forward"))) {
        printError(tr("audit needs one action: verify, export or forward"));
        return ExitUsage;
    }
    workflow::AuditForwarder::Config forwarding;
    if (int code = ExitOk;
        action == QLatin1String("forward") && !forwardConfig(parser, forwarding, code)) {
        return code;
    }
    const Result<store::DatabaseConfig> parsed = dbOptions.config(parser);
    if (!parsed) {
        printError(parsed.error().message);
        return ExitUsage;
    }
    // The audit commands read a log; a mistyped path must not quietly create an empty one.
    store::DatabaseConfig config = parsed.value();
    config.mustExist = true;
    Result<std::unique_ptr<store::Database>> db = store::Database::open(config);
    if (!db) {
        printError(tr("cannot open the workspace: %1").arg(db.error().message));
        return ExitSetup;
    }
    if (action == QLatin1String("verify"))
        return verify(*db.value());
    if (action == QLatin1String("forward"))
        return forward(*db.value(), forwarding);
    return exportLog(*db.value(), parser, config.path);
}

} // namespace mtr::agent
