// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "SyncCommand.h"

#include "AgentCommand.h"
#include "DatabaseOptions.h"
#include "central/CentralClient.h"
#include "log/Log.h"
#include "secrets/SecretStore.h"
#include "store/Database.h"
#include "workflow/KeychainNames.h"
#include "workflow/SignalWatcher.h"
#include "workflow/SyncService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>
#include <QUrl>

namespace mtr::agent {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("mtr::agent::SyncCommand", text);
}

/// Everything `sync` needs from its command line.
struct SyncOptions
{
    store::DatabaseConfig database;
    central::CentralConfig central;
    bool once = false;
    int intervalMs = 60000;
    int siemPageSize = 1000;
};

int intOption(const QCommandLineParser& parser, const QString& name, int min, int max, bool* ok)
{
    const int value = parser.value(name).toInt(ok);
    *ok = *ok && value >= min && value <= max;
    return value;
}

Result<SyncOptions> parseOptions(QCommandLineParser& parser, const DatabaseOptions& dbOptions)
{
    SyncOptions options;
    Result<store::DatabaseConfig> database = dbOptions.config(parser);
    if (!database) {
        return database.error();
    }
    options.database = database.value();
    const QString central = parser.value(QStringLiteral("central"));
    const QUrl url(central, QUrl::StrictMode);
    if (central.isEmpty() || !url.isValid() || url.host().isEmpty()) {
        return Error::make(Error::Code::InvalidInput, tr("--central needs a base URL"));
    }
    options.central.identityBase = central;
    options.central.globalBase = central;
    options.central.clientId = parser.value(QStringLiteral("client-id"));
    if (options.central.clientId.isEmpty()) {
        return Error::make(Error::Code::InvalidInput, tr("--client-id is required"));
    }
    options.central.caFile = parser.value(QStringLiteral("ca"));
    options.once = parser.isSet(QStringLiteral("once"));
    bool ok[3] = {true, true, true};
    options.intervalMs = intOption(parser, QStringLiteral("interval"), 1, 86400, &ok[0]) * 1000;
    options.central.retry.maxAttempts = intOption(parser, QStringLiteral("retries"), 1, 20, &ok[1]);
    options.siemPageSize = intOption(parser, QStringLiteral("siem-page-size"), 1, 1000, &ok[2]);
    if (!ok[0] || !ok[1] || !ok[2]) {
        return Error::make(Error::Code::InvalidInput,
                           tr("--interval (1..86400), --retries (1..20) and --siem-page-size "
                              "(1..1000) take whole numbers in range"));
    }
    return options;
}

void addOptions(QCommandLineParser& parser, const DatabaseOptions& dbOptions)
{
    parser.setApplicationDescription(tr("Pulls alerts, cases, endpoints and SIEM events of every "
                                        "tenant into the workspace."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("once"), tr("Sync once and exit.")},
        {QStringLiteral("central"),
         tr("Base URL of Sophos Central (token and API host)."),
         QStringLiteral("URL")},
        {QStringLiteral("client-id"), tr("API client id."), QStringLiteral("ID")},
        {QStringLiteral("ca"), tr("Extra CA certificate file (PEM)."), QStringLiteral("FILE")},
        {QStringLiteral("interval"),
         tr("Seconds between runs when polling (default 60)."),
         QStringLiteral("SECONDS"),
         QStringLiteral("60")},
        {QStringLiteral("retries"),
         tr("Attempts per request, the first included (default 5)."),
         QStringLiteral("N"),
         QStringLiteral("5")},
        {QStringLiteral("siem-page-size"),
         tr("SIEM events per request (default 1000)."),
         QStringLiteral("N"),
         QStringLiteral("1000")},
    });
    dbOptions.addTo(parser);
}

void report(const workflow::SyncSummary& summary)
{
    printLine(QStringLiteral("alerts: %1").arg(summary.alerts));
    printLine(QStringLiteral("events: %1").arg(summary.events));
    printLine(QStringLiteral("endpoints: %1").arg(summary.endpoints));
    printLine(QStringLiteral("cases: %1").arg(summary.cases));
    for (const workflow::SyncSummary::Failure& failure : summary.failures) {
        QString what =
            failure.tenantId.isEmpty()
                ? tr("reading the tenant list failed")
                : tr("sync of %1 for tenant %2 failed").arg(failure.feed, failure.tenantId);
        if (failure.error.httpStatus > 0) {
            what += tr(" (HTTP %1)").arg(failure.error.httpStatus);
        }
        printError(what + QStringLiteral(": ") + failure.error.message);
    }
}

} // namespace

Result<Secret> centralClientSecret()
{
    const QByteArray env = qgetenv(workflow::keychain::CentralSecretEnv);
    if (!env.isEmpty()) {
        return Secret(QString::fromUtf8(env));
    }
    secrets::SecretStore store(QLatin1String(workflow::keychain::Service));
    secrets::Secret value;
    QString errorText;
    const auto outcome =
        store.readBlocking(QLatin1String(workflow::keychain::CentralSecretKey), &value, &errorText);
    const bool found = outcome == secrets::SecretStore::Outcome::Found
                       || outcome == secrets::SecretStore::Outcome::FoundInSession;
    if (found && !value.isEmpty()) {
        return Secret(value.reveal());
    }
    return Error::make(
        Error::Code::Keychain,
        tr("no Central client secret: set %1, or store it in the keychain "
           "(service %2, key %3)%4")
            .arg(QLatin1String(workflow::keychain::CentralSecretEnv),
                 QLatin1String(workflow::keychain::Service),
                 QLatin1String(workflow::keychain::CentralSecretKey),
                 errorText.isEmpty() ? QString() : QStringLiteral("; keychain: ") + errorText));
}

int runSyncCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    DatabaseOptions dbOptions;
    addOptions(parser, dbOptions);
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printLine(parser.helpText());
        return ExitOk;
    }
    Result<SyncOptions> options = parseOptions(parser, dbOptions);
    if (!options) {
        printError(options.error().message);
        return ExitUsage;
    }
    Result<Secret> secret = centralClientSecret();
    if (!secret) {
        printError(secret.error().message);
        return ExitSetup;
    }
    SyncOptions& o = options.value();
    o.central.clientSecret = secret.value();
    Result<std::unique_ptr<store::Database>> db = store::Database::open(o.database);
    if (!db) {
        printError(tr("cannot open the workspace: %1").arg(db.error().message));
        return ExitSetup;
    }
    central::CentralClient client(o.central);
    workflow::SyncService sync(&client, db.value().get());
    sync.setSiemPageSize(o.siemPageSize);
    int exitCode = ExitOk;
    QObject::connect(&sync,
                     &workflow::SyncService::finished,
                     &sync,
                     [&](const workflow::SyncSummary& summary) {
                         report(summary);
                         exitCode = summary.ok() ? ExitOk : ExitFailed;
                         if (o.once) {
                             QCoreApplication::exit(exitCode);
                         }
                     });
    workflow::SignalWatcher watcher;
    QObject::connect(&watcher, &workflow::SignalWatcher::signalled, &sync, [&sync, &exitCode]() {
        sync.stop();
        QCoreApplication::exit(exitCode);
    });
    // Started from the event loop, so that even an answer that comes back at once (a bad CA
    // file fails every send immediately) finds exec() running and can end it.
    QTimer::singleShot(0, &sync, [&sync, &o]() {
        if (o.once) {
            sync.syncOnce();
        } else {
            sync.start(o.intervalMs);
        }
    });
    return QCoreApplication::exec();
}

} // namespace mtr::agent
