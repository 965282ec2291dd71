// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"
#include "store/DatabaseConfig.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace mtr::store {
class Database;
}

namespace mtr::app {

/// Runs database work on one worker thread that owns its own connection, so no query — a
/// count over a million alerts, a PostgreSQL round trip — ever runs on the GUI thread.
/// Results come back on the GUI thread, and only while the asking object still exists.
class StoreExecutor : public QObject
{
    Q_OBJECT

public:
    explicit StoreExecutor(store::DatabaseConfig config, QObject* parent = nullptr);
    ~StoreExecutor() override;

    /// Queues `work` on the worker; `done` runs on this object's thread if `context` lives.
    template <typename T>
    void
    post(QObject* context, std::function<T(store::Database&)> work, std::function<void(T)> done)
    {
        QPointer<QObject> guard(context);
        postRaw([this, guard, work = std::move(work), done = std::move(done)](
                    store::Database& db) mutable {
            auto result = std::make_shared<T>(work(db));
            QMetaObject::invokeMethod(
                this,
                [guard, done, result] {
                    if (guard)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }

    /// Fire-and-forget work (writes whose failure is logged by the store).
    void postRaw(std::function<void(store::Database&)> work);

    /// The error from opening the database, if it failed (then no work runs).
    QString openError() const;

signals:
    /// Emitted once the worker has opened (or failed to open) the database.
    void opened(bool ok, const QString& error);

private:
    class Worker;
    QThread m_thread;
    Worker* m_worker = nullptr;
};

} // namespace mtr::app
