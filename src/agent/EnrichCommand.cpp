// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "EnrichCommand.h"

#include "AgentCommand.h"
#include "DatabaseOptions.h"
#include "secrets/SecretStore.h"
#include "store/AlertRepository.h"
#include "store/Database.h"
#include "workflow/CaseEnricher.h"
#include "workflow/KeychainNames.h"
#include "workflow/SignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <QUrl>

namespace mtr::agent {

namespace {

const char* const LlmKeyName = "llm-api-key";
const char* const LlmKeyEnv = "MTR_LLM_API_KEY";

QString tr(const char* text)
{
    return QCoreApplication::translate("mtr::agent::EnrichCommand", text);
}

void addOptions(QCommandLineParser& parser, const DatabaseOptions& dbOptions)
{
    parser.setApplicationDescription(
        tr("Enriches the case of every alert not scored yet: evidence, indicators, timeline, "
           "drafts (offline, or from an OpenAI-compatible model), proposals and an AI score."));
    parser.addHelpOption();
    dbOptions.addTo(parser);
    parser.addOptions({
        {QStringLiteral("once"), tr("Enrich what is there, then exit.")},
        {QStringLiteral("interval"),
         tr("Seconds between polls (default 30)."),
         tr("SECONDS"),
         QStringLiteral("30")},
        {QStringLiteral("llm-url"),
         tr("OpenAI-compatible base URL (e.g. http://127.0.0.1:11434/v1)."),
         tr("URL")},
        {QStringLiteral("llm-model"), tr("Model name."), tr("NAME")},
        {QStringLiteral("llm-on-premises"),
         tr("The model runs on our or the customer's premises: prompts are not redacted.")},
        {QStringLiteral("policy"),
         tr("Rollout policy JSON (phases, contacts) per tenant."),
         tr("FILE")},
        {QStringLiteral("all"), tr("Also re-enrich alerts that already have a score.")},
    });
}

Result<workflow::EnrichmentOptions> enrichmentOptions(const QCommandLineParser& parser)
{
    workflow::EnrichmentOptions options;
    if (parser.isSet(QStringLiteral("policy"))) {
        auto policy = workflow::RolloutPolicy::fromFile(parser.value(QStringLiteral("policy")));
        if (!policy)
            return policy.error();
        options.policy = policy.value();
    }
    const QString url = parser.value(QStringLiteral("llm-url"));
    if (url.isEmpty())
        return options;
    options.useModel = true;
    options.model.baseUrl = QUrl(url, QUrl::StrictMode);
    options.model.model = parser.value(QStringLiteral("llm-model"));
    options.model.onPremises = parser.isSet(QStringLiteral("llm-on-premises"));
    options.model.apiKey = llmApiKey().reveal();
    if (!options.model.baseUrl.isValid() || options.model.model.isEmpty())
        return Error::make(Error::Code::InvalidInput,
                           tr("--llm-url needs a valid URL and --llm-model a name"));
    if (auto endpoint = ai::OpenAiCompatibleBackend::endpointUrl(options.model); !endpoint)
        return endpoint.error();
    return options;
}

/// Alerts to enrich: those without a score (every alert with --all), oldest first.
Result<QList<domain::AlertSummary>> pendingAlerts(store::Database& db, bool all)
{
    store::AlertRepository alerts(db);
    store::AlertQuery query;
    query.descending = false;
    query.limit = 500;
    QList<domain::AlertSummary> out;
    for (;;) {
        auto page = alerts.page(query);
        if (!page)
            return page.error();
        for (const auto& a : page.value()) {
            if (all || a.aiScore < 0)
                out.append(a);
        }
        if (page.value().size() < query.limit)
            break;
        query.after = page.value().last();
    }
    return out;
}

/// Enriches one case on this thread; true when it worked.
bool enrichOne(store::Database& db,
               const workflow::EnrichmentOptions& options,
               const domain::AlertSummary& alert)
{
    workflow::CaseEnricher enricher(db, options);
    workflow::EnrichmentReport report;
    QEventLoop loop;
    QObject::connect(&enricher,
                     &workflow::CaseEnricher::finished,
                     &loop,
                     [&loop, &report](const workflow::EnrichmentReport& r) {
                         report = r;
                         loop.quit();
                     });
    enricher.start(alert.id, alert.tenantId);
    loop.exec();
    if (!report.ok) {
        printError(tr("%1: %2").arg(report.caseId, report.error.message));
        return false;
    }
    QString line =
        QStringLiteral("enriched %1 drafts=%2 proposals=%3")
            .arg(report.caseId, QString::number(report.drafts), QString::number(report.proposals));
    if (options.useModel)
        line += QStringLiteral(" model-drafts=%1").arg(report.modelDrafts);
    printLine(line);
    return true;
}

} // namespace

Secret llmApiKey()
{
    const QByteArray env = qgetenv(LlmKeyEnv);
    if (!env.isEmpty())
        return Secret(QString::fromUtf8(env));
    secrets::SecretStore store(QLatin1String(workflow::keychain::Service));
    secrets::Secret value;
    const auto outcome = store.readBlocking(QLatin1String(LlmKeyName), &value);
    const bool found = outcome == secrets::SecretStore::Outcome::Found
                       || outcome == secrets::SecretStore::Outcome::FoundInSession;
    return found ? Secret(value.reveal()) : Secret();
}

int runEnrichCommand(const QStringList& arguments)
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
    auto database = dbOptions.config(parser);
    auto options = enrichmentOptions(parser);
    bool intervalOk = false;
    const int interval = parser.value(QStringLiteral("interval")).toInt(&intervalOk);
    if (!database || !options || !intervalOk || interval < 1) {
        printError(!database
                       ? database.error().message
                       : (!options ? options.error().message : tr("--interval needs seconds")));
        return ExitUsage;
    }
    auto db = store::Database::open(database.value());
    if (!db) {
        printError(tr("cannot open the workspace: %1").arg(db.error().message));
        return ExitSetup;
    }
    const bool all = parser.isSet(QStringLiteral("all"));
    bool failed = false;
    auto runOnce = [&]() -> bool {
        auto pending = pendingAlerts(*db.value(), all);
        if (!pending) {
            printError(pending.error().message);
            return false;
        }
        bool ok = true;
        for (const auto& alert : pending.value())
            ok = enrichOne(*db.value(), options.value(), alert) && ok;
        return ok;
    };
    if (parser.isSet(QStringLiteral("once")))
        return runOnce() ? ExitOk : ExitFailed;
    workflow::SignalWatcher watcher;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, &timer, [&] {
        failed = !runOnce() || failed;
    });
    QObject::connect(&watcher, &workflow::SignalWatcher::signalled, &timer, [] {
        QCoreApplication::quit();
    });
    failed = !runOnce();
    timer.start(interval * 1000);
    QCoreApplication::exec();
    return failed ? ExitFailed : ExitOk;
}

} // namespace mtr::agent
