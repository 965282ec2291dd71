// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/StoreExecutor.h"

#include "log/Log.h"
#include "store/Database.h"

#include <QMutex>

namespace mtr::app {

/// Lives on the worker thread; owns the connection.
class StoreExecutor::Worker : public QObject
{
public:
    explicit Worker(store::DatabaseConfig config)
        : m_config(std::move(config))
    {}

    void open(StoreExecutor* owner)
    {
        auto db = store::Database::open(m_config);
        if (db.ok()) {
            m_db = std::move(db).value();
        } else {
            QMutexLocker lock(&m_mutex);
            m_error = db.error().message;
            mtr::log::get("app")->error("workspace could not be opened: {}", m_error);
        }
        const bool ok = m_db != nullptr;
        const QString error = openError();
        QMetaObject::invokeMethod(
            owner,
            [owner, ok, error] {
                emit owner->opened(ok, error);
            },
            Qt::QueuedConnection);
    }

    void run(const std::function<void(store::Database&)>& work)
    {
        if (m_db)
            work(*m_db);
    }

    void close()
    {
        m_db.reset();
    }

    QString openError() const
    {
        QMutexLocker lock(&m_mutex);
        return m_error;
    }

private:
    store::DatabaseConfig m_config;
    std::unique_ptr<store::Database> m_db;
    mutable QMutex m_mutex;
    QString m_error;
};

StoreExecutor::StoreExecutor(store::DatabaseConfig config, QObject* parent)
    : QObject(parent)
    , m_worker(new Worker(std::move(config)))
{
    m_thread.setObjectName(QStringLiteral("store"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            m_worker->open(this);
        },
        Qt::QueuedConnection);
}

StoreExecutor::~StoreExecutor()
{
    // Close the connection on the thread that made it, then stop the thread.
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker] {
            w->close();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void StoreExecutor::postRaw(std::function<void(store::Database&)> work)
{
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, work = std::move(work)] {
            w->run(work);
        },
        Qt::QueuedConnection);
}

QString StoreExecutor::openError() const
{
    return m_worker->openError();
}

} // namespace mtr::app
