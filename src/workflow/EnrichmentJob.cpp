// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/EnrichmentJob.h"

#include "store/Database.h"
#include "workflow/CaseAssembler.h"
#include "workflow/CaseEnricher.h"

#include <QEventLoop>

namespace mtr::workflow {

EnrichmentJob::EnrichmentJob(store::DatabaseConfig config,
                             EnrichmentOptions options,
                             QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_options(std::move(options))
{
    qRegisterMetaType<mtr::workflow::EnrichmentReport>();
}

EnrichmentJob::~EnrichmentJob()
{
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
        delete m_thread;
    }
}

bool EnrichmentJob::start(const QString& alertId, const QString& tenantId, const DraftNotes& notes)
{
    if (m_thread)
        return false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_last = EnrichmentReport();
    m_last.caseId = CaseAssembler::caseIdFor(alertId);
    m_last.tenantId = tenantId;
    m_thread = QThread::create([this, alertId, tenantId, notes] {
        runOnWorker(alertId, tenantId, notes);
    });
    connect(m_thread, &QThread::finished, this, &EnrichmentJob::onThreadFinished);
    m_thread->start();
    return true;
}

void EnrichmentJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void EnrichmentJob::runOnWorker(const QString& alertId,
                                const QString& tenantId,
                                const DraftNotes& notes)
{
    // Runs on the worker thread: its own connection, its own event loop. Signals reach this
    // job's thread queued; the report is handed over when the thread has ended.
    auto db = store::Database::open(m_config);
    EnrichmentReport report = m_last;
    if (!db) {
        report.error = db.error();
        QMetaObject::invokeMethod(
            this,
            [this, report] {
                m_last = report;
            },
            Qt::QueuedConnection);
        return;
    }
    {
        CaseEnricher enricher(*db.value(), m_options, m_cancel);
        connect(&enricher, &CaseEnricher::progressed, this, &EnrichmentJob::progressed);
        connect(&enricher,
                &CaseEnricher::draftTextStreamed,
                this,
                &EnrichmentJob::draftTextStreamed);
        connect(&enricher, &CaseEnricher::draftStored, this, &EnrichmentJob::draftStored);
        QEventLoop loop;
        connect(&enricher,
                &CaseEnricher::finished,
                &loop,
                [&loop, &report](const EnrichmentReport& r) {
                    report = r;
                    loop.quit();
                });
        enricher.start(alertId, tenantId, notes);
        loop.exec();
    }
    db.value().reset();
    QMetaObject::invokeMethod(
        this,
        [this, report] {
            m_last = report;
        },
        Qt::QueuedConnection);
}

void EnrichmentJob::onThreadFinished()
{
    QThread* thread = m_thread;
    m_thread = nullptr;
    thread->deleteLater();
    // The report was queued before the thread ended, so it is here unless the queue is
    // still to deliver it: deliver finished() after that event.
    QMetaObject::invokeMethod(
        this,
        [this] {
            emit finished(m_last);
        },
        Qt::QueuedConnection);
}

} // namespace mtr::workflow
