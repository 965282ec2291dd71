// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Error.h"
#include "store/DatabaseConfig.h"
#include "workflow/EvidenceImportReport.h"
#include "workflow/EvidenceImportRequest.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace mtr::workflow {

/// Imports one real-format evidence file into a case without blocking the caller's thread:
/// the reading, parsing, indicator extraction and the one storing transaction run on a worker
/// thread with its own database connection (opened from the same DatabaseConfig). Reports
/// progress, can be cancelled at any point, and a cancelled import stores nothing.
class EvidenceImportJob : public QObject
{
    Q_OBJECT

public:
    /// Nothing happens until start().
    EvidenceImportJob(store::DatabaseConfig database,
                      EvidenceImportRequest request,
                      QObject* parent = nullptr);

    /// Cancels a running import and waits for its thread.
    ~EvidenceImportJob() override;

    /// Starts the worker thread; false when already started.
    bool start();

    /// Asks the worker to stop; cancelled() follows (or finished(), if it was already done).
    void cancel();

    /// True between start() and the final signal.
    bool isRunning() const
    {
        return m_running;
    }

    /// Blocks until the worker thread is done (tests, shutdown); the final signal still comes
    /// through the event loop.
    bool wait(int timeoutMs);

signals:
    /// Work done so far: bytes read while reading, records afterwards (`records` says which).
    void progressed(qint64 done, qint64 total, bool records);

    /// The import is stored; `report` lists any bad records with their line or offset.
    void finished(const mtr::workflow::EvidenceImportReport& report);

    /// The import was cancelled; nothing was stored.
    void cancelled();

    /// The import failed as a whole (unreadable file, unknown format, storage error).
    void failed(const mtr::Error& error);

private:
    void runWorker();

    store::DatabaseConfig m_database;
    EvidenceImportRequest m_request;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QThread* m_thread = nullptr;
    bool m_running = false;
};

} // namespace mtr::workflow
