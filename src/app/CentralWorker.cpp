// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/CentralWorker.h"

#include "central/CentralClient.h"
#include "log/Log.h"
#include "store/Database.h"
#include "workflow/SyncService.h"

#include <QTimer>

namespace mtr::app {

/// Lives on the worker thread and owns everything made there.
class CentralWorker::Impl : public QObject
{
public:
    Impl(CentralWorker* owner,
         central::CentralConfig central,
         store::DatabaseConfig database,
         workflow::RolloutPolicy policy,
         workflow::DispatcherConfig dispatcher)
        : m_owner(owner)
        , m_centralConfig(std::move(central))
        , m_databaseConfig(std::move(database))
        , m_policy(std::move(policy))
        , m_dispatcherConfig(std::move(dispatcher))
    {}

    void open(int intervalMs)
    {
        auto db = store::Database::open(m_databaseConfig);
        if (!db.ok()) {
            emit m_owner->failedToStart(db.error().message);
            return;
        }
        m_db = std::move(db).value();
        m_client = std::make_unique<central::CentralClient>(m_centralConfig);
        m_sync = std::make_unique<workflow::SyncService>(m_client.get(), m_db.get());
        m_dispatcher = std::make_unique<workflow::OutboxDispatcher>(*m_db,
                                                                    m_client.get(),
                                                                    m_policy,
                                                                    m_dispatcherConfig);
        connect(m_sync.get(),
                &workflow::SyncService::progressed,
                m_owner,
                &CentralWorker::syncProgressed);
        connect(m_sync.get(),
                &workflow::SyncService::feedFailed,
                m_owner,
                [this](const QString& tenant, const QString& feed, const Error& error) {
                    emit m_owner->feedFailed(tenant, feed, error.message);
                });
        connect(m_sync.get(),
                &workflow::SyncService::finished,
                m_owner,
                &CentralWorker::syncFinished);
        connect(m_dispatcher.get(),
                &workflow::OutboxDispatcher::itemFinished,
                m_owner,
                &CentralWorker::itemDispatched);
        m_sync->start(intervalMs);
        // Approved items are also picked up without an explicit nudge, e.g. after a restart.
        m_dispatcher->start(m_dispatcherConfig.pollMs);
    }

    void sync()
    {
        if (m_sync)
            m_sync->syncOnce();
    }

    void dispatch()
    {
        if (m_dispatcher)
            m_dispatcher->dispatchOnce();
    }

    void close()
    {
        if (m_sync)
            m_sync->stop();
        if (m_dispatcher)
            m_dispatcher->stop();
        m_dispatcher.reset();
        m_sync.reset();
        m_client.reset();
        m_db.reset();
    }

private:
    CentralWorker* m_owner;
    central::CentralConfig m_centralConfig;
    store::DatabaseConfig m_databaseConfig;
    workflow::RolloutPolicy m_policy;
    workflow::DispatcherConfig m_dispatcherConfig;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<central::CentralClient> m_client;
    std::unique_ptr<workflow::SyncService> m_sync;
    std::unique_ptr<workflow::OutboxDispatcher> m_dispatcher;
};

CentralWorker::CentralWorker(central::CentralConfig central,
                             store::DatabaseConfig database,
                             workflow::RolloutPolicy policy,
                             workflow::DispatcherConfig dispatcher,
                             QObject* parent)
    : QObject(parent)
    , m_impl(new Impl(
          this, std::move(central), std::move(database), std::move(policy), std::move(dispatcher)))
{
    m_thread.setObjectName(QStringLiteral("central"));
    m_impl->moveToThread(&m_thread);
}

CentralWorker::~CentralWorker()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            m_impl,
            [impl = m_impl] {
                impl->close();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_impl;
}

void CentralWorker::start(int intervalMs)
{
    m_thread.start();
    QMetaObject::invokeMethod(
        m_impl,
        [impl = m_impl, intervalMs] {
            impl->open(intervalMs);
        },
        Qt::QueuedConnection);
}

void CentralWorker::syncNow()
{
    QMetaObject::invokeMethod(
        m_impl,
        [impl = m_impl] {
            impl->sync();
        },
        Qt::QueuedConnection);
}

void CentralWorker::dispatchNow()
{
    QMetaObject::invokeMethod(
        m_impl,
        [impl = m_impl] {
            impl->dispatch();
        },
        Qt::QueuedConnection);
}

} // namespace mtr::app
