// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Evidence.h"
#include "domain/Result.h"
#include "workflow/EvidenceImportReport.h"
#include "workflow/EvidenceImportRequest.h"

#include <QByteArray>
#include <QList>

#include <atomic>
#include <functional>

namespace mtr::store {
class Database;
}

namespace mtr::workflow {

/// The synchronous body of an evidence import, run on a worker thread by EvidenceImportJob:
/// reads the file, parses it with the matching src/evidence reader, extracts indicators, builds
/// timeline events (correlated with the connections already on the case), and stores it all in
/// one transaction. Checks the cancel flag between steps and records; a cancelled import
/// rolls back and stores nothing.
class EvidenceImporter
{
public:
    /// Called with the work done so far and the total, in bytes while reading and in records
    /// afterwards (`records` tells which).
    using Progress = std::function<void(qint64 done, qint64 total, bool records)>;

    /// \p cancel may be set from any thread; it must outlive run().
    EvidenceImporter(EvidenceImportRequest request,
                     const std::atomic_bool* cancel,
                     Progress progress = {});

    /// Imports into \p db (a connection owned by the calling thread).
    Result<EvidenceImportReport> run(store::Database& db);

    /// How far apart (seconds) an endpoint connection and a firewall line may be and still be
    /// linked as the same connection.
    static constexpr qint64 CorrelationWindowSeconds = 300;

private:
    /// What the reader made of the file, before storing.
    struct Parsed
    {
        QList<domain::EvidenceItem> items;
        QList<domain::TimelineEvent> events;
    };

    Result<QByteArray> readFile();
    Result<Parsed> parse(const QByteArray& data);
    Parsed parseJson(const QByteArray& data);
    Parsed parseFirewall(const QByteArray& data);
    Result<Parsed> parseLiveResponse(const QByteArray& data);
    QList<domain::Indicator> extractIndicators(const QList<domain::EvidenceItem>& items);
    Result<void> store(store::Database& db, Parsed& parsed);
    domain::EvidenceItem item(const QString& id, const QString& kind, const QString& text) const;
    bool cancelled() const;
    void recordProgress(qint64 done, qint64 total);

    EvidenceImportRequest m_request;
    const std::atomic_bool* m_cancel;
    Progress m_progress;
    EvidenceImportReport m_report;
    QString m_idPrefix; ///< "case:<caseId>/file:<digest>", unique per case and file content
};

} // namespace mtr::workflow
