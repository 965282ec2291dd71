// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "store/DatabaseConfig.h"
#include "workflow/EnrichmentReport.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <memory>

namespace mtr::workflow {

/// A background enrichment of one case: a worker thread with its own Database connection
/// runs a CaseEnricher, so neither the store nor a slow model ever blocks the caller's (GUI)
/// thread. Progress, streamed draft text and stored drafts are reported as signals on the
/// caller's thread; cancel() stops after the current step and keeps the offline drafts.
class EnrichmentJob : public QObject
{
    Q_OBJECT

public:
    /// Each run opens \p config on its worker thread.
    EnrichmentJob(store::DatabaseConfig config,
                  EnrichmentOptions options,
                  QObject* parent = nullptr);

    /// Cancels a running enrichment and waits for its thread.
    ~EnrichmentJob() override;

    /// Enriches the case of an alert ("alert:<alertId>"), passing the analyst's notes for new
    /// drafts to the model; false when a run is still going.
    bool start(const QString& alertId, const QString& tenantId, const DraftNotes& notes = {});

    /// Asks the running enrichment to stop; finished() reports cancelled.
    void cancel();

    /// True from start() until finished().
    bool isRunning() const
    {
        return m_thread != nullptr;
    }

signals:
    /// Step \p step (\p done of \p total) of the case began.
    void progressed(const QString& caseId, const QString& step, int done, int total);
    /// The model's text so far for one draft (int(domain::Draft::Kind)), as it streams in.
    void draftTextStreamed(const QString& caseId, int draftKind, const QString& text);
    /// An AI draft was stored (origin "offline" or the backend name).
    void draftStored(const QString& caseId, int draftKind, const QString& origin);
    /// The run is over; the worker thread has ended.
    void finished(const mtr::workflow::EnrichmentReport& report);

private:
    void runOnWorker(const QString& alertId, const QString& tenantId, const DraftNotes& notes);
    void onThreadFinished();

    store::DatabaseConfig m_config;
    EnrichmentOptions m_options;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    EnrichmentReport m_last;
};

} // namespace mtr::workflow
