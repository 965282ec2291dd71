// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/ConsoleController.h"

#include "app/AppSettings.h"
#include "app/CentralWorker.h"
#include "app/MainWindow.h"
#include "app/StoreExecutor.h"
#include "app/models/AlertQueueModel.h"
#include "app/panes/AlertQueuePane.h"
#include "app/panes/ApprovalQueuePane.h"
#include "app/panes/CaseTimelinePane.h"
#include "app/panes/DraftEditorPane.h"
#include "app/panes/EvidenceViewerPane.h"
#include "log/Log.h"
#include "secrets/SecretStore.h"
#include "store/AlertRepository.h"
#include "store/AuditLog.h"
#include "store/CaseRepository.h"
#include "store/Database.h"
#include "store/DraftRepository.h"
#include "store/EndpointRepository.h"
#include "store/EvidenceRepository.h"
#include "store/OutboxRepository.h"
#include "store/ProposalRepository.h"
#include "store/TenantRepository.h"
#include "workflow/ApprovalService.h"
#include "workflow/CaseAssembler.h"
#include "workflow/CentralCaseLink.h"
#include "workflow/EnrichmentJob.h"
#include "workflow/EvidenceImportJob.h"
#include "workflow/OutboxPayload.h"
#include "workflow/SignalWatcher.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QSysInfo>

namespace mtr::app {
namespace {

auto logger()
{
    return mtr::log::get("app");
}

/// Everything a case shows, read in one go on the store thread.
struct CaseSnapshot
{
    QString caseId;
    QString tenantId;
    QString error;
    QList<domain::EvidenceItem> items;
    QList<domain::Indicator> indicators;
    QList<domain::TimelineEvent> timeline;
    QList<domain::Draft> drafts;
    QList<domain::Proposal> proposals;
    QHash<QString, QStringList> approvals;       ///< valid approvers per proposal id, oldest first
    QHash<QString, domain::OutboxItem> outbox;   ///< newest item per proposal id
    QList<QPair<QString, QString>> centralCases; ///< (id, label), the suggested one first
};

/// The tenant's Central cases a notification about \p alertId can be recorded on.
QList<QPair<QString, QString>>
centralCasesFor(store::Database& db, const QString& alertId, const QString& tenantId)
{
    auto cases = store::CaseRepository(db).listForTenant(tenantId);
    if (!cases)
        return {};
    QString endpointId;
    QString hostname;
    if (auto alert = store::AlertRepository(db).get(alertId, tenantId); alert && alert.value()) {
        endpointId = alert.value()->endpointId;
        auto endpoint = store::EndpointRepository(db).get(endpointId, tenantId);
        if (endpoint && endpoint.value())
            hostname = endpoint.value()->hostname;
    }
    QList<QPair<QString, QString>> out;
    for (const domain::Case& c :
         workflow::CentralCaseLink::rank(cases.value(), endpointId, hostname))
        out.append({c.id, workflow::CentralCaseLink::label(c)});
    return out;
}

CaseSnapshot readCase(store::Database& db,
                      const QString& caseId,
                      const QString& tenantId,
                      const QString& alertId)
{
    CaseSnapshot s{caseId, tenantId, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    store::EvidenceRepository evidence(db);
    auto items = evidence.items(caseId);
    auto indicators = evidence.indicators(caseId);
    auto timeline = evidence.timeline(caseId);
    auto drafts = store::DraftRepository(db).listForCase(caseId);
    store::ProposalRepository proposals(db);
    auto open = proposals.openForCase(caseId);
    for (const auto* failed : {items.ok() ? nullptr : &items.error(),
                               indicators.ok() ? nullptr : &indicators.error(),
                               timeline.ok() ? nullptr : &timeline.error(),
                               drafts.ok() ? nullptr : &drafts.error(),
                               open.ok() ? nullptr : &open.error()}) {
        if (failed)
            s.error = failed->message;
    }
    if (!s.error.isEmpty())
        return s;
    s.items = items.value();
    s.indicators = indicators.value();
    s.timeline = timeline.value();
    s.drafts = drafts.value();
    s.proposals = open.value();
    for (const domain::Proposal& p : std::as_const(s.proposals)) {
        auto valid = proposals.validApprovals(p.id);
        QStringList approvers;
        if (valid.ok()) {
            for (const domain::Approval& a : valid.value())
                approvers.append(a.analyst);
        }
        s.approvals.insert(p.id, approvers);
    }
    if (auto sent = store::OutboxRepository(db).forCase(caseId); sent) {
        for (const domain::OutboxItem& item : sent.value())
            s.outbox.insert(item.proposalId, item); // oldest first: the newest stays
    }
    s.centralCases = centralCasesFor(db, alertId, tenantId);
    return s;
}

workflow::RolloutPolicy loadPolicy(const QSettings& settings)
{
    const QString file = settings.value(QStringLiteral("governance/policyFile")).toString();
    if (!file.isEmpty()) {
        auto policy = workflow::RolloutPolicy::fromFile(file);
        if (policy.ok())
            return policy.value();
        logger()->error("rollout policy file unusable, staying read-only: {}",
                        policy.error().message);
    }
    return {}; // every tenant read-only: the safest phase
}

store::DatabaseConfig databaseFromSettings(const QSettings& settings)
{
    const QString pg = settings.value(QStringLiteral("store/postgresUrl")).toString();
    if (!pg.isEmpty()) {
        auto config = store::DatabaseConfig::fromPostgresUrl(pg);
        if (config.ok())
            return config.value();
        logger()->error("PostgreSQL setting unusable, using the local workspace: {}",
                        config.error().message);
    }
    return store::DatabaseConfig::sqlite(
        settings.value(QStringLiteral("store/sqlitePath")).toString());
}

} // namespace

ConsoleController::ConsoleController(MainWindow* window,
                                     secrets::SecretStore* secrets,
                                     QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_secrets(secrets)
{}

ConsoleController::~ConsoleController()
{
    m_window->draftPane()->flushAutosave();
    delete m_enrichment;
    delete m_central;
    delete m_store; // last: pending autosaves are written before its thread stops
}

QString ConsoleController::analystName() const
{
    const QString configured = QSettings().value(QStringLiteral("analyst/name")).toString();
    if (!configured.isEmpty())
        return configured;
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("analyst") : user;
}

void ConsoleController::quitOnTerminationSignals()
{
    auto* watcher = new workflow::SignalWatcher(this);
    connect(watcher, &workflow::SignalWatcher::signalled, this, [this](int signal) {
        // Leave the way a close does: the destructor flushes the draft the autosave timer has not
        // written yet, and the store thread writes it before it stops.
        logger()->info("console stopping on signal={}, saving the open draft first", signal);
        m_window->close();
        QCoreApplication::quit();
    });
}

void ConsoleController::start()
{
    const QSettings settings;
    m_database = databaseFromSettings(settings);
    m_policy = loadPolicy(settings);
    m_store = new StoreExecutor(m_database);
    connect(m_store, &StoreExecutor::opened, this, [this](bool ok, const QString& error) {
        if (!ok)
            m_window->statusBar()->showMessage(
                tr("The workspace could not be opened: %1").arg(error));
        else
            loadTenants();
    });

    AlertQueuePane* queue = m_window->queuePane();
    queue->setStore(m_store);
    connect(queue, &AlertQueuePane::alertOpened, this, &ConsoleController::openAlert);
    connect(queue,
            &AlertQueuePane::alertActivated,
            this,
            [this](const QString& id, const QString& tenant) {
                openAlert(id, tenant);
                m_window->focusPane(MainWindow::Pane::Timeline);
            });
    connect(queue->model(), &AlertQueueModel::pageLoaded, this, [this, queue](int page) {
        if (page != 0 || queue->model()->rowCount() == 0)
            return;
        m_queueHasRows = true;
        if (m_caseId.isEmpty())
            queue->selectNext(); // open the newest alert so the case panes are not empty
        checkDemoShown();
    });
    connect(m_window->timelinePane(),
            &CaseTimelinePane::sourceRequested,
            this,
            [this](const QString& id) {
                m_window->evidencePane()->showItem(id);
            });
    DraftEditorPane* drafts = m_window->draftPane();
    connect(drafts, &DraftEditorPane::autosaveRequested, this, &ConsoleController::saveDraft);
    connect(drafts, &DraftEditorPane::approveRequested, this, &ConsoleController::approveDraft);
    connect(drafts, &DraftEditorPane::evidenceRequested, this, [this](const QString& id) {
        // Drafts cite endpoints as "endpoint:<id>"; the case stores them as "<case>|endpoint:<id>".
        if (m_window->evidencePane()->showItem(id)
            || m_window->evidencePane()->showItem(m_caseId + QLatin1Char('|') + id))
            m_window->focusPane(MainWindow::Pane::Evidence);
        else
            m_window->statusBar()->showMessage(
                tr("The cited evidence %1 is not among the case's evidence items.").arg(id),
                8000);
    });
    connect(drafts, &DraftEditorPane::redraftRequested, this, &ConsoleController::redraft);
    connect(m_window->approvalPane(),
            &ApprovalQueuePane::approveRequested,
            this,
            &ConsoleController::approveProposal);
    connect(m_window->approvalPane(),
            &ApprovalQueuePane::rejectRequested,
            this,
            &ConsoleController::rejectProposal);
    connect(m_window, &MainWindow::importRequested, this, &ConsoleController::importEvidence);
    connect(m_window, &MainWindow::settingsChanged, this, &ConsoleController::applySettings);
    connect(m_window, &MainWindow::filesDropped, this, &ConsoleController::importFiles);
    connect(m_window, &MainWindow::syncRequested, this, [this] {
        if (m_central)
            m_central->syncNow();
    });
    configureModel();
    resolveSecretAndStartCentral();
}

void ConsoleController::applySettings()
{
    // The model: the next enrichment uses the new backend (a running one finishes with the old).
    configureModel();
    if (m_enrichment && !m_enrichment->isRunning()) {
        delete m_enrichment;
        m_enrichment = nullptr;
    } else if (m_enrichment) {
        m_enrichmentStale = true;
    }
    // Central: a new client id, host, CA or secret takes a new connection. Items the outbox
    // held stay leased and are reconciled before they are sent again.
    if (m_central) {
        delete m_central;
        m_central = nullptr;
    }
    logger()->info("settings applied model={} central restarted", m_useModel);
    resolveSecretAndStartCentral();
}

void ConsoleController::configureModel()
{
    m_useModel = false;
    m_model = ai::OpenAiConfig();
    const AppSettings s = AppSettings::load(QSettings());
    if (s.aiKind == QLatin1String("offline") || s.aiBaseUrl.isEmpty())
        return; // the offline drafter only
    using F = ai::OpenAiConfig::Flavor;
    const QHash<QString, F> flavors = {{QStringLiteral("openai"), F::OpenAi},
                                       {QStringLiteral("azure"), F::Azure},
                                       {QStringLiteral("ollama"), F::Ollama},
                                       {QStringLiteral("llamacpp"), F::LlamaCpp},
                                       {QStringLiteral("vllm"), F::Vllm},
                                       {QStringLiteral("lmstudio"), F::LmStudio}};
    m_model.flavor = flavors.value(s.aiKind, F::OpenAi);
    m_model.baseUrl = QUrl(s.aiBaseUrl);
    m_model.model = s.aiModel;
    m_model.azureDeployment = s.aiModel;
    m_model.onPremises = s.aiOnPremises;
    const QString fromEnv = qEnvironmentVariable("MTR_LLM_API_KEY");
    if (!fromEnv.isEmpty()) {
        m_model.apiKey = fromEnv;
        m_useModel = true;
        return;
    }
    m_secrets->read(
        QString::fromLatin1(AppSettings::LlmApiKeyKey),
        [this](secrets::SecretStore::Outcome outcome, const secrets::Secret& key, const QString&) {
            using O = secrets::SecretStore::Outcome;
            if (outcome == O::Found || outcome == O::FoundInSession)
                m_model.apiKey = key.reveal();
            // A local server may need no key; the backend reports a 401 if it does.
            m_useModel = true;
        });
}

void ConsoleController::resolveSecretAndStartCentral()
{
    const AppSettings s = AppSettings::load(QSettings());
    if (s.centralClientId.isEmpty()) {
        m_window->setConnectionState(MainWindow::ConnectionState::NotConfigured);
        return;
    }
    const QString fromEnv = qEnvironmentVariable("MTR_CENTRAL_CLIENT_SECRET");
    if (!fromEnv.isEmpty()) {
        startCentral(fromEnv);
        return;
    }
    m_secrets->read(QString::fromLatin1(AppSettings::CentralSecretKey),
                    [this](secrets::SecretStore::Outcome outcome,
                           const secrets::Secret& secret,
                           const QString&) {
                        using O = secrets::SecretStore::Outcome;
                        if (outcome == O::Found || outcome == O::FoundInSession)
                            startCentral(secret.reveal());
                        else
                            m_window->setConnectionState(MainWindow::ConnectionState::NotConfigured,
                                                         tr("no client secret in the keychain"));
                    });
}

void ConsoleController::startCentral(const QString& secret)
{
    const AppSettings s = AppSettings::load(QSettings());
    central::CentralConfig config;
    if (!s.centralIdentityUrl.isEmpty())
        config.identityBase = s.centralIdentityUrl;
    if (!s.centralApiUrl.isEmpty())
        config.globalBase = s.centralApiUrl;
    config.clientId = s.centralClientId;
    config.clientSecret = Secret(secret);
    config.caFile = s.centralCaFile;
    workflow::DispatcherConfig dispatcher;
    // Host and process: a PostgreSQL queue is shared by the consoles of a team.
    dispatcher.owner = QStringLiteral("console-%1-%2")
                           .arg(QSysInfo::machineHostName())
                           .arg(QCoreApplication::applicationPid());
    const QSettings settings;
    // After a crash the items the console held wait for their lease to run out; then any
    // console reads Central's state before it sends again.
    dispatcher.leaseMs =
        std::max(1, settings.value(QStringLiteral("outbox/leaseSeconds"), 120).toInt()) * 1000LL;
    dispatcher.pollMs =
        std::max(1, settings.value(QStringLiteral("outbox/pollSeconds"), 15).toInt()) * 1000;
    dispatcher.smtp.url = settings.value(QStringLiteral("smtp/url")).toString();
    dispatcher.smtp.from = settings.value(QStringLiteral("smtp/from")).toString();
    dispatcher.smtp.requireTls = settings.value(QStringLiteral("smtp/requireTls"), true).toBool();
    dispatcher.smtp.caFile = settings.value(QStringLiteral("smtp/caFile")).toString();

    m_central = new CentralWorker(config, m_database, m_policy, dispatcher);
    connect(m_central,
            &CentralWorker::syncProgressed,
            this,
            [this](const QString&, const QString& feed, int n) {
                m_window->statusBar()->showMessage(
                    tr("Syncing %1: %2 so far").arg(feed, QString::number(n)),
                    2000);
            });
    connect(m_central,
            &CentralWorker::feedFailed,
            this,
            [this](const QString&, const QString& feed, const QString& message) {
                m_window->statusBar()->showMessage(tr("Sync of %1 failed: %2").arg(feed, message),
                                                   10000);
            });
    connect(m_central, &CentralWorker::syncFinished, this, &ConsoleController::onSyncFinished);
    connect(m_central,
            &CentralWorker::itemDispatched,
            this,
            [this](qint64 id, const QString& outcome, const QString& detail) {
                m_window->statusBar()->showMessage(
                    tr("Outbox item %1: %2 %3").arg(id).arg(outcome, detail),
                    10000);
                emit itemDispatched(id, outcome);
                reloadCase();
            });
    connect(m_central, &CentralWorker::failedToStart, this, [this](const QString& message) {
        m_window->setConnectionState(MainWindow::ConnectionState::Failed, message);
    });
    m_window->setConnectionState(MainWindow::ConnectionState::Connecting);
    m_central->start(QSettings().value(QStringLiteral("central/pollSeconds"), 60).toInt() * 1000);
}

void ConsoleController::onSyncFinished(const workflow::SyncSummary& summary)
{
    const bool failedAll = summary.tenants == 0 && !summary.failures.isEmpty();
    if (failedAll)
        m_window->setConnectionState(MainWindow::ConnectionState::Failed,
                                     summary.failures.first().error.message);
    else
        m_window->setConnectionState(MainWindow::ConnectionState::Connected,
                                     tr("%n new alert(s)", nullptr, summary.alerts));
    logger()->info("sync shown alerts={} events={} failures={}",
                   summary.alerts,
                   summary.events,
                   summary.failures.size());
    emit syncFinished(summary.alerts, summary.events);
    m_window->queuePane()->refresh();
    loadTenants();
}

void ConsoleController::loadTenants()
{
    m_store->post<QList<domain::Tenant>>(
        this,
        [](store::Database& db) {
            auto tenants = store::TenantRepository(db).list();
            return tenants.ok() ? tenants.value() : QList<domain::Tenant>();
        },
        [this](QList<domain::Tenant> tenants) {
            QList<QPair<QString, QString>> entries;
            for (const domain::Tenant& t : tenants)
                entries.append({t.id, t.name});
            m_window->queuePane()->setTenants(entries);
            if (tenants.size() == 1)
                m_window->setTenantName(tenants.first().name);
            else if (!tenants.isEmpty())
                m_window->setTenantName(tr("%n tenant(s)", nullptr, int(tenants.size())));
        });
}

void ConsoleController::openAlert(const QString& alertId, const QString& tenantId)
{
    const QString caseId = workflow::CaseAssembler::caseIdFor(alertId);
    if (caseId == m_caseId)
        return;
    m_window->draftPane()->flushAutosave();
    m_caseId = caseId;
    m_alertId = alertId;
    m_tenantId = tenantId;
    m_store->post<QString>(
        this,
        [alertId, tenantId](store::Database& db) {
            auto report = workflow::CaseAssembler(db).assemble(alertId, tenantId);
            return report.ok() ? QString() : report.error().message;
        },
        [this, caseId, tenantId](QString error) {
            if (!error.isEmpty())
                m_window->statusBar()->showMessage(
                    tr("The case could not be assembled: %1").arg(error),
                    10000);
            loadCase(caseId, tenantId, true);
        });
}

void ConsoleController::reloadCase()
{
    if (!m_caseId.isEmpty())
        loadCase(m_caseId, m_tenantId, false);
}

void ConsoleController::loadCase(const QString& caseId, const QString& tenantId, bool enrichIfEmpty)
{
    m_store->post<CaseSnapshot>(
        this,
        [caseId, tenantId, alertId = m_alertId](store::Database& db) {
            return readCase(db, caseId, tenantId, alertId);
        },
        [this, enrichIfEmpty](CaseSnapshot s) {
            if (s.caseId != m_caseId)
                return; // the analyst moved on
            if (!s.error.isEmpty())
                m_window->statusBar()->showMessage(
                    tr("The case could not be read: %1").arg(s.error),
                    10000);
            m_window->timelinePane()->setEvents(s.timeline);
            m_window->evidencePane()->setEvidence(s.items, s.indicators);
            m_window->draftPane()->setCentralCases(s.centralCases);
            m_window->draftPane()->setDrafts(s.caseId, s.tenantId, s.drafts);
            m_window->approvalPane()->setProposals(s.proposals, s.approvals, s.outbox);
            m_draftsShown = !s.drafts.isEmpty();
            emit caseLoaded(s.caseId);
            if (s.drafts.isEmpty() && enrichIfEmpty)
                enrich(m_alertId, m_tenantId);
            checkDemoShown();
        });
}

void ConsoleController::redraft(const QString& caseId,
                                domain::Draft::Kind kind,
                                const QString& note)
{
    if (caseId != m_caseId || m_alertId.isEmpty())
        return;
    if (!m_useModel) {
        // The offline drafter writes from the case data alone: a rerun gives the same text and
        // the note would be silently lost.
        m_window->draftPane()->setStatusText(
            tr("No language model is configured: the offline drafter writes from the case data "
               "and cannot follow a note. Set a model in Settings (Ctrl+,) to ask for a new "
               "draft."));
        return;
    }
    workflow::DraftNotes notes;
    if (!note.trimmed().isEmpty())
        notes.insert(int(kind), note);
    enrich(m_alertId, m_tenantId, notes);
}

void ConsoleController::enrich(const QString& alertId,
                               const QString& tenantId,
                               const workflow::DraftNotes& notes)
{
    if (!m_enrichment) {
        workflow::EnrichmentOptions options;
        options.policy = m_policy;
        options.useModel = m_useModel;
        options.model = m_model;
        m_enrichment = new workflow::EnrichmentJob(m_database, options);
        connect(m_enrichment,
                &workflow::EnrichmentJob::progressed,
                this,
                [this](const QString&, const QString& step, int done, int total) {
                    m_window->draftPane()->setStatusText(
                        tr("Assistant: %1 (%2 of %3)")
                            .arg(step, QString::number(done), QString::number(total)));
                });
        connect(
            m_enrichment,
            &workflow::EnrichmentJob::draftTextStreamed,
            this,
            [this](const QString& caseId, int kind, const QString& text) {
                m_window->draftPane()->showStreamedAiText(caseId, domain::Draft::Kind(kind), text);
            });
        connect(m_enrichment,
                &workflow::EnrichmentJob::finished,
                this,
                &ConsoleController::enrichmentFinished);
    }
    if (m_enrichment->start(alertId, tenantId, notes))
        return;
    // One run at a time: the case waits, and a later note for it replaces an earlier one.
    for (PendingEnrichment& waiting : m_pendingEnrichment) {
        if (waiting.alertId == alertId) {
            if (!notes.isEmpty())
                waiting.notes = notes;
            return;
        }
    }
    m_pendingEnrichment.append({alertId, tenantId, notes});
}

void ConsoleController::enrichmentFinished(const workflow::EnrichmentReport& report)
{
    if (!report.ok && !report.cancelled)
        m_window->draftPane()->setStatusText(
            tr("The assistant could not finish: %1")
                .arg(report.modelFailures.join(QStringLiteral("; "))));
    else
        m_window->draftPane()->setStatusText(tr("Drafts ready."));
    if (report.caseId == m_caseId)
        reloadCase();
    m_window->queuePane()->refresh(); // the AI score changed
    if (m_enrichmentStale) {
        // The settings changed during the run: the next run builds the job with the new model.
        m_enrichmentStale = false;
        m_enrichment->deleteLater();
        m_enrichment = nullptr;
        if (!m_pendingEnrichment.isEmpty()) {
            const PendingEnrichment next = m_pendingEnrichment.takeFirst();
            enrich(next.alertId, next.tenantId, next.notes);
        }
        return;
    }
    if (!m_pendingEnrichment.isEmpty()) {
        const PendingEnrichment next = m_pendingEnrichment.takeFirst();
        m_enrichment->start(next.alertId, next.tenantId, next.notes);
    }
}

void ConsoleController::saveDraft(const QString& caseId,
                                  domain::Draft::Kind kind,
                                  const QString& text)
{
    const QString tenantId = m_tenantId;
    m_store->postRaw([caseId, tenantId, kind, text](store::Database& db) {
        auto saved = store::DraftRepository(db).autosave(caseId,
                                                         tenantId,
                                                         kind,
                                                         text,
                                                         QDateTime::currentDateTimeUtc());
        if (!saved.ok())
            logger()->critical("draft autosave failed case={} error={}",
                               caseId,
                               saved.error().message);
    });
}

void ConsoleController::approveDraft(const QString& caseId,
                                     const QString& tenantId,
                                     domain::Draft::Kind kind,
                                     const QString& text)
{
    if (kind != domain::Draft::Kind::CustomerNotification) {
        // Internal texts: the approval is recorded in the audit log; nothing leaves.
        const QString analyst = analystName();
        m_store->post<QString>(
            this,
            [caseId, tenantId, kind, text, analyst](store::Database& db) {
                domain::AuditEntry entry;
                entry.time = QDateTime::currentDateTimeUtc();
                entry.analyst = analyst;
                entry.tenantId = tenantId;
                entry.caseId = caseId;
                entry.kind = QStringLiteral("draft-approval");
                const QJsonObject payload{
                    {QStringLiteral("draft"), domain::Draft::kindToString(kind)},
                    {QStringLiteral("length"), text.size()}};
                entry.payload =
                    QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
                auto appended = store::AuditLog(db).append(entry);
                return appended.ok() ? QString() : appended.error().message;
            },
            [this, caseId, kind](QString error) {
                m_window->draftPane()->setStatusText(
                    error.isEmpty() ? tr("Approved and recorded in the audit log.")
                                    : tr("Approval not recorded: %1").arg(error));
                emit draftApprovalFinished(caseId, int(kind), error);
            });
        return;
    }
    // The message goes on the Central case the analyst picked (suggested by device) and to the
    // tenant's contacts.
    const QString centralCase = m_window->draftPane()->centralCaseId();
    if (centralCase.isEmpty()) {
        const QString why = tr("No Sophos Central case of this tenant is synced to record the "
                               "notification on; sync (F5) and try again.");
        m_window->draftPane()->setStatusText(tr("Not approved: %1").arg(why));
        emit draftApprovalFinished(caseId, int(kind), why);
        return;
    }
    const QString analyst = analystName();
    const workflow::RolloutPolicy policy = m_policy;
    m_store->post<QString>(
        this,
        [caseId, tenantId, text, analyst, policy, centralCase](store::Database& db) -> QString {
            const workflow::TenantPolicy tenant = policy.policyFor(tenantId);
            const QString content =
                workflow::OutboxPayload::customerMessage(centralCase,
                                                         tenant.contacts,
                                                         QObject::tr("Security notification"),
                                                         text);
            workflow::ApprovalService service(db, policy);
            auto proposal = service.proposeMessage(caseId,
                                                   tenantId,
                                                   content,
                                                   QObject::tr("Customer notification"));
            if (!proposal.ok())
                return proposal.error().message;
            auto approved = service.approve(proposal.value().id, analyst, content);
            return approved.ok() ? QString() : approved.error().message;
        },
        [this, caseId](QString error) {
            m_window->draftPane()->setStatusText(error.isEmpty()
                                                     ? tr("Approved; the message is in the outbox.")
                                                     : tr("Not approved: %1").arg(error));
            emit draftApprovalFinished(caseId,
                                       int(domain::Draft::Kind::CustomerNotification),
                                       error);
            if (error.isEmpty() && m_central)
                m_central->dispatchNow();
            if (caseId == m_caseId)
                reloadCase();
        });
}

void ConsoleController::approveProposal(const domain::Proposal& proposal)
{
    const QString analyst = analystName();
    const workflow::RolloutPolicy policy = m_policy;
    m_store->post<QPair<bool, QString>>(
        this,
        [proposal, analyst, policy](store::Database& db) {
            auto outcome = workflow::ApprovalService(db, policy)
                               .approve(proposal.id, analyst, proposal.content);
            if (!outcome.ok())
                return qMakePair(false, outcome.error().message);
            const auto& o = outcome.value();
            return qMakePair(o.enqueued,
                             o.enqueued
                                 ? QString()
                                 : QObject::tr("%1 of %2 approvals; waiting for another analyst.")
                                       .arg(o.validApprovers)
                                       .arg(o.requiredApprovers));
        },
        [this, proposal](QPair<bool, QString> result) {
            const QString message = result.first ? tr("Approved; in the outbox.") : result.second;
            m_window->statusBar()->showMessage(message, 10000);
            emit approvalRecorded(proposal.id, result.first, message);
            if (result.first && m_central)
                m_central->dispatchNow();
            reloadCase();
        });
}

void ConsoleController::rejectProposal(const domain::Proposal& proposal)
{
    const QString analyst = analystName();
    const workflow::RolloutPolicy policy = m_policy;
    m_store->post<QString>(
        this,
        [proposal, analyst, policy](store::Database& db) {
            auto done = workflow::ApprovalService(db, policy)
                            .reject(proposal.id, analyst, QStringLiteral("rejected in console"));
            return done.ok() ? QString() : done.error().message;
        },
        [this](QString error) {
            m_window->statusBar()->showMessage(error.isEmpty() ? tr("Rejected.")
                                                               : tr("Not rejected: %1").arg(error),
                                               8000);
            reloadCase();
        });
}

void ConsoleController::importEvidence()
{
    const QStringList files =
        QFileDialog::getOpenFileNames(m_window, tr("Import evidence into the case"));
    if (!files.isEmpty())
        importFiles(files);
}

void ConsoleController::importFiles(QStringList paths)
{
    if (m_caseId.isEmpty()) {
        m_window->statusBar()->showMessage(
            tr("Open an alert first: evidence is imported into its case."),
            8000);
        return;
    }
    if (paths.isEmpty())
        return;
    workflow::EvidenceImportRequest request;
    request.filePath = paths.takeFirst();
    request.caseId = m_caseId;
    request.tenantId = m_tenantId;
    auto* job = new workflow::EvidenceImportJob(m_database, request, this);
    auto* progress =
        new QProgressDialog(tr("Importing %1…").arg(QFileInfo(request.filePath).fileName()),
                            tr("Cancel"),
                            0,
                            100,
                            m_window);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(job,
            &workflow::EvidenceImportJob::progressed,
            progress,
            [progress](qint64 done, qint64 total, bool) {
                progress->setValue(total > 0 ? int(done * 100 / total) : 0);
            });
    connect(progress, &QProgressDialog::canceled, job, &workflow::EvidenceImportJob::cancel);
    // One file after the other; a failure is reported and the next file still comes in.
    const auto finish = [this, job, progress, paths](const QString& message) {
        progress->deleteLater();
        job->deleteLater();
        m_window->statusBar()->showMessage(message, 10000);
        reloadCase();
        importFiles(paths);
    };
    connect(job,
            &workflow::EvidenceImportJob::finished,
            this,
            [finish, request](const workflow::EvidenceImportReport&) {
                finish(tr("Imported %1.").arg(QFileInfo(request.filePath).fileName()));
            });
    connect(job, &workflow::EvidenceImportJob::cancelled, this, [finish] {
        finish(tr("Import cancelled; nothing was stored."));
    });
    connect(job, &workflow::EvidenceImportJob::failed, this, [finish, request](const Error& error) {
        finish(tr("Import of %1 failed: %2")
                   .arg(QFileInfo(request.filePath).fileName(), error.message));
    });
    job->start();
}

void ConsoleController::checkDemoShown()
{
    if (m_demoShown || !m_queueHasRows || !m_draftsShown)
        return;
    m_demoShown = true;
    emit demoDataShown();
}

} // namespace mtr::app
