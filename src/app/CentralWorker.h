// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/CentralConfig.h"
#include "store/DatabaseConfig.h"
#include "workflow/OutboxDispatcher.h"
#include "workflow/RolloutPolicy.h"
#include "workflow/SyncSummary.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace mtr::central {
class CentralClient;
}

namespace mtr::store {
class Database;
}

namespace mtr::workflow {
class SyncService;
}

namespace mtr::app {

/// Everything that talks to Sophos Central, on its own thread with its own database
/// connection: the periodic sync and the outbox dispatcher. The GUI only sees its signals.
class CentralWorker : public QObject
{
    Q_OBJECT

public:
    CentralWorker(central::CentralConfig central,
                  store::DatabaseConfig database,
                  workflow::RolloutPolicy policy,
                  workflow::DispatcherConfig dispatcher,
                  QObject* parent = nullptr);
    ~CentralWorker() override;

    /// Starts the thread; the first sync runs at once, then every `intervalMs`.
    void start(int intervalMs);
    /// Queues a sync now (ignored while one runs).
    void syncNow();
    /// Queues an outbox run now (after an approval).
    void dispatchNow();

signals:
    void syncProgressed(const QString& tenantId, const QString& feed, int count);
    void feedFailed(const QString& tenantId, const QString& feed, const QString& message);
    void syncFinished(const mtr::workflow::SyncSummary& summary);
    void itemDispatched(qint64 outboxId, const QString& outcome, const QString& detail);
    void failedToStart(const QString& message);

private:
    class Impl;
    QThread m_thread;
    Impl* m_impl;
};

} // namespace mtr::app
