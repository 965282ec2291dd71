// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/EvidenceImportJob.h"

#include "log/Log.h"
#include "store/Database.h"
#include "workflow/EvidenceImporter.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QThread>

namespace mtr::workflow {

EvidenceImportJob::EvidenceImportJob(store::DatabaseConfig database,
                                     EvidenceImportRequest request,
                                     QObject* parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_request(std::move(request))
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<mtr::workflow::EvidenceImportReport>();
    qRegisterMetaType<mtr::Error>();
}

EvidenceImportJob::~EvidenceImportJob()
{
    m_cancel->store(true);
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool EvidenceImportJob::start()
{
    if (m_thread) {
        return false;
    }
    m_running = true;
    m_thread = QThread::create([this]() {
        runWorker();
    });
    m_thread->setObjectName(QStringLiteral("evidence-import"));
    m_thread->start();
    return true;
}

void EvidenceImportJob::cancel()
{
    m_cancel->store(true);
}

bool EvidenceImportJob::wait(int timeoutMs)
{
    return !m_thread || m_thread->wait(QDeadlineTimer(timeoutMs));
}

void EvidenceImportJob::runWorker()
{
    // Runs on the worker thread: only the copies taken here and queued calls back to `this`
    // (which outlives the thread: the destructor waits for it).
    const store::DatabaseConfig config = m_database;
    const EvidenceImportRequest request = m_request;
    auto deliver = [this](std::function<void()> signal) {
        QMetaObject::invokeMethod(
            this,
            [this, signal]() {
                m_running = false;
                signal();
            },
            Qt::QueuedConnection);
    };
    Result<std::unique_ptr<store::Database>> db = store::Database::open(config);
    if (!db) {
        const Error error = db.error();
        deliver([this, error]() {
            emit failed(error);
        });
        return;
    }
    auto progress = [this](qint64 done, qint64 total, bool records) {
        emit progressed(done, total, records); // queued to the receivers' threads
    };
    EvidenceImporter importer(request, m_cancel.get(), progress);
    const Result<EvidenceImportReport> report = importer.run(*db.value());
    db.value().reset(); // close the connection on the thread that opened it
    if (!report) {
        const Error error = report.error();
        mtr::log::get("workflow")->warn("evidence import failed code={}", int(error.code));
        deliver([this, error]() {
            emit failed(error);
        });
        return;
    }
    const EvidenceImportReport value = report.value();
    if (value.cancelled) {
        mtr::log::get("workflow")->info("evidence import cancelled, nothing stored");
        deliver([this]() {
            emit cancelled();
        });
        return;
    }
    deliver([this, value]() {
        emit finished(value);
    });
}

} // namespace mtr::workflow
