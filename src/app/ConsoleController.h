// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/OpenAiCompatibleBackend.h"
#include "domain/Draft.h"
#include "domain/Proposal.h"
#include "store/DatabaseConfig.h"
#include "workflow/EnrichmentReport.h"
#include "workflow/RolloutPolicy.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace mtr::secrets {
class SecretStore;
}

namespace mtr::workflow {
class EnrichmentJob;
struct SyncSummary;
} // namespace mtr::workflow

namespace mtr::app {

class CentralWorker;
class MainWindow;
class StoreExecutor;

/// Joins the window to the workspace, Sophos Central and the assistant: opens the store, runs
/// the sync and the outbox on their thread, assembles and enriches the case of the alert the
/// analyst opens, saves edits, and turns the analyst's approvals into outbox items.
class ConsoleController : public QObject
{
    Q_OBJECT

public:
    ConsoleController(MainWindow* window, secrets::SecretStore* secrets, QObject* parent = nullptr);
    ~ConsoleController() override;

    /// Reads the settings and starts everything; returns at once.
    void start();
    /// Makes SIGTERM, SIGINT and SIGHUP (a logout, a service stop, Ctrl+C in the terminal)
    /// close the window and quit the event loop instead of killing the process, so the draft
    /// being typed is saved as on a normal close. For main(): one per process.
    void quitOnTerminationSignals();
    /// Reads the open case again from the store (after an import or a send).
    void reloadCase();
    /// The analyst's name recorded on approvals.
    QString analystName() const;

    QString currentCaseId() const
    {
        return m_caseId;
    }

    QString currentTenantId() const
    {
        return m_tenantId;
    }

    StoreExecutor* store() const
    {
        return m_store;
    }

signals:
    /// The queue shows alerts and the first case's drafts are on screen.
    void demoDataShown();
    /// A case finished loading into the panes.
    void caseLoaded(const QString& caseId);
    /// Status for tests and the status bar.
    void approvalRecorded(const QString& proposalId, bool enqueued, const QString& message);
    void itemDispatched(qint64 outboxId, const QString& outcome);
    /// A draft approval was recorded (\p error empty) or refused; a customer notification is
    /// then in the outbox.
    void draftApprovalFinished(const QString& caseId, int kind, const QString& error);
    void syncFinished(int alerts, int events);

private:
    void startCentral(const QString& secret);
    void configureModel();
    void applySettings();
    void resolveSecretAndStartCentral();
    void loadTenants();
    void openAlert(const QString& alertId, const QString& tenantId);
    void loadCase(const QString& caseId, const QString& tenantId, bool enrichIfEmpty);
    void
    enrich(const QString& alertId, const QString& tenantId, const workflow::DraftNotes& notes = {});
    void redraft(const QString& caseId, domain::Draft::Kind kind, const QString& note);
    void enrichmentFinished(const workflow::EnrichmentReport& report);
    void saveDraft(const QString& caseId, domain::Draft::Kind kind, const QString& text);
    void approveDraft(const QString& caseId,
                      const QString& tenantId,
                      domain::Draft::Kind kind,
                      const QString& text);
    void approveProposal(const domain::Proposal& proposal);
    void rejectProposal(const domain::Proposal& proposal);
    void importEvidence();
    void importFiles(QStringList paths);
    void onSyncFinished(const workflow::SyncSummary& summary);
    void checkDemoShown();

    MainWindow* m_window;
    secrets::SecretStore* m_secrets;
    store::DatabaseConfig m_database;
    workflow::RolloutPolicy m_policy;
    StoreExecutor* m_store = nullptr;
    CentralWorker* m_central = nullptr;
    workflow::EnrichmentJob* m_enrichment = nullptr;
    QString m_caseId;
    QString m_tenantId;
    QString m_alertId;

    struct PendingEnrichment
    {
        QString alertId;
        QString tenantId;
        workflow::DraftNotes notes;
    };

    QList<PendingEnrichment> m_pendingEnrichment; ///< cases waiting for the job
    ai::OpenAiConfig m_model;
    bool m_useModel = false;
    bool m_enrichmentStale = false; ///< settings changed while the job ran
    bool m_demoShown = false;
    bool m_queueHasRows = false;
    bool m_draftsShown = false;
};

} // namespace mtr::app
