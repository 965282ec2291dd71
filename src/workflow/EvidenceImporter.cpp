// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/EvidenceImporter.h"

#include "evidence/CentralRecordReader.h"
#include "evidence/FirewallLogReader.h"
#include "evidence/IndicatorExtractor.h"
#include "evidence/LiveResponseReader.h"
#include "evidence/TimelineBuilder.h"
#include "log/Log.h"
#include "store/Database.h"
#include "store/EvidenceRepository.h"
#include "store/SqlSupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>

namespace mtr::workflow {
namespace {

constexpr qint64 ChunkBytes = 1 << 20;
constexpr qint64 DetectBytes = 64 * 1024;
constexpr int RecordsPerProgress = 500;

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Error cancelledError()
{
    return Error::make(Error::Code::Cancelled, QStringLiteral("evidence import cancelled"));
}

} // namespace

EvidenceImporter::EvidenceImporter(EvidenceImportRequest request,
                                   const std::atomic_bool* cancel,
                                   Progress progress)
    : m_request(std::move(request))
    , m_cancel(cancel)
    , m_progress(std::move(progress))
{}

bool EvidenceImporter::cancelled() const
{
    return m_cancel && m_cancel->load();
}

void EvidenceImporter::recordProgress(qint64 done, qint64 total)
{
    if (m_progress && (done % RecordsPerProgress == 0 || done == total)) {
        m_progress(done, total, true);
    }
}

Result<EvidenceImportReport> EvidenceImporter::run(store::Database& db)
{
    QElapsedTimer clock;
    clock.start();
    m_report = EvidenceImportReport{};
    Result<QByteArray> data = readFile();
    if (!data) {
        if (data.error().code == Error::Code::Cancelled) {
            m_report.cancelled = true;
            return m_report;
        }
        return data.error();
    }
    Result<Parsed> parsed = parse(data.value());
    if (!parsed) {
        if (parsed.error().code == Error::Code::Cancelled) {
            m_report.cancelled = true;
            return m_report;
        }
        return parsed.error();
    }
    if (auto stored = store(db, parsed.value()); !stored) {
        if (stored.error().code == Error::Code::Cancelled) {
            EvidenceImportReport nothing;
            nothing.kind = m_report.kind;
            nothing.bytes = m_report.bytes;
            nothing.cancelled = true;
            m_report = nothing;
            return m_report;
        }
        return stored.error();
    }
    mtr::log::get("workflow")
        ->info("evidence import kind={} records={} items={} indicators={} events={} problems={} "
               "ms={}",
               evidenceKindName(m_report.kind),
               m_report.records,
               m_report.items,
               m_report.indicators,
               m_report.timelineEvents,
               m_report.problems.size(),
               clock.elapsed());
    return m_report;
}

Result<QByteArray> EvidenceImporter::readFile()
{
    QFile file(m_request.filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Storage,
                           QStringLiteral("cannot open evidence file: %1").arg(file.errorString()));
    }
    const qint64 total = file.size();
    QByteArray data;
    data.reserve(total);
    QCryptographicHash digest(QCryptographicHash::Sha256);
    while (!file.atEnd()) {
        if (cancelled()) {
            return cancelledError();
        }
        const QByteArray chunk = file.read(ChunkBytes);
        if (chunk.isEmpty() && file.error() != QFileDevice::NoError) {
            return Error::make(
                Error::Code::Storage,
                QStringLiteral("cannot read evidence file: %1").arg(file.errorString()));
        }
        digest.addData(chunk);
        data.append(chunk);
        if (m_progress) {
            m_progress(data.size(), total, false);
        }
    }
    m_report.bytes = data.size();
    m_idPrefix = QStringLiteral("case:%1/file:%2")
                     .arg(m_request.caseId, QString::fromLatin1(digest.result().toHex().left(32)));
    return data;
}

Result<EvidenceImporter::Parsed> EvidenceImporter::parse(const QByteArray& data)
{
    m_report.kind = m_request.kind;
    if (m_report.kind == EvidenceKind::Unknown) {
        m_report.kind = detectEvidenceKind(data.left(DetectBytes));
    }
    if (m_report.kind == EvidenceKind::Unknown && data.size() > DetectBytes) {
        m_report.kind = detectEvidenceKind(data); // a JSON envelope longer than the head
    }
    Parsed parsed;
    switch (m_report.kind) {
    case EvidenceKind::CentralAlerts:
    case EvidenceKind::SiemEvents:
        parsed = parseJson(data);
        break;
    case EvidenceKind::Firewall:
        parsed = parseFirewall(data);
        break;
    case EvidenceKind::LiveResponse: {
        Result<Parsed> output = parseLiveResponse(data);
        if (!output) {
            return output.error();
        }
        parsed = std::move(output.value());
        break;
    }
    case EvidenceKind::Unknown:
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("file not recognised as a SIEM export, firewall log "
                                          "or Live Response output"));
    }
    if (cancelled()) {
        return cancelledError();
    }
    for (domain::TimelineEvent& event : parsed.events) {
        event.caseId = m_request.caseId;
        if (event.tenantId.isEmpty()) {
            event.tenantId = m_request.tenantId;
        }
    }
    return parsed;
}

domain::EvidenceItem
EvidenceImporter::item(const QString& id, const QString& kind, const QString& text) const
{
    domain::EvidenceItem item;
    item.id = id;
    item.caseId = m_request.caseId;
    item.tenantId = m_request.tenantId;
    item.kind = kind;
    item.origin = QFileInfo(m_request.filePath).fileName();
    item.text = text;
    item.receivedAt = QDateTime::currentDateTimeUtc();
    return item;
}

EvidenceImporter::Parsed EvidenceImporter::parseJson(const QByteArray& data)
{
    Parsed parsed;
    evidence::TimelineBuilder builder;
    const QString casePrefix = QStringLiteral("case:%1/").arg(m_request.caseId);
    auto add = [&](const QString& recordId,
                   qint64 offset,
                   const QString& kind,
                   const QJsonObject& raw,
                   const QString& tenantId) {
        const QString id = recordId.isEmpty()
                               ? m_idPrefix + QStringLiteral(":@") + QString::number(offset)
                               : casePrefix + kind + QLatin1Char(':') + recordId;
        parsed.items.append(item(id, kind, compactJson(raw)));
        if (!tenantId.isEmpty()) {
            parsed.items.last().tenantId = tenantId;
        }
        return id;
    };
    if (m_report.kind == EvidenceKind::CentralAlerts) {
        const evidence::AlertReadResult read = evidence::CentralRecordReader::readAlerts(data);
        m_report.problems = read.diagnostics;
        m_report.records = int(read.alerts.size());
        for (qsizetype i = 0; i < read.alerts.size() && !cancelled(); ++i) {
            const domain::Alert& alert = read.alerts.at(i);
            const QString id = add(alert.id,
                                   read.offsets.value(i),
                                   QStringLiteral("alert"),
                                   alert.raw,
                                   alert.tenantId);
            builder.addAlert(alert, id);
            recordProgress(i + 1, read.alerts.size());
        }
    } else {
        const evidence::SiemEventReadResult read =
            evidence::CentralRecordReader::readSiemEvents(data);
        m_report.problems = read.diagnostics;
        m_report.records = int(read.events.size());
        for (qsizetype i = 0; i < read.events.size() && !cancelled(); ++i) {
            const domain::SiemEvent& event = read.events.at(i);
            const QString id = add(event.id,
                                   read.offsets.value(i),
                                   QStringLiteral("siem-event"),
                                   event.raw,
                                   event.tenantId);
            builder.addSiemEvent(event, id);
            recordProgress(i + 1, read.events.size());
        }
    }
    parsed.events = builder.events();
    return parsed;
}

EvidenceImporter::Parsed EvidenceImporter::parseFirewall(const QByteArray& data)
{
    Parsed parsed;
    evidence::TimelineBuilder builder;
    const evidence::FirewallReadResult read =
        evidence::FirewallLogReader::read(QString::fromUtf8(data));
    m_report.problems = read.diagnostics;
    m_report.records = int(read.records.size());
    for (qsizetype i = 0; i < read.records.size() && !cancelled(); ++i) {
        const evidence::FirewallRecord& record = read.records.at(i);
        const QString id = m_idPrefix + QStringLiteral(":line:") + QString::number(record.line);
        parsed.items.append(item(id, QStringLiteral("firewall"), record.text));
        builder.addFirewallRecord(record, id);
        recordProgress(i + 1, read.records.size());
    }
    parsed.events = builder.events();
    return parsed;
}

Result<EvidenceImporter::Parsed> EvidenceImporter::parseLiveResponse(const QByteArray& data)
{
    const QString text = QString::fromUtf8(data);
    const evidence::CommandOutput output =
        evidence::LiveResponseReader::read(text, m_request.commandHint);
    m_report.problems = output.diagnostics;
    if (!output.recognised) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("command output not recognised"));
    }
    m_report.command = output.command;
    m_report.records = int(output.rows.size());
    QDateTime collectedAt = m_request.collectedAt;
    if (!collectedAt.isValid()) {
        collectedAt = QFileInfo(m_request.filePath).lastModified().toUTC();
    }
    Parsed parsed;
    parsed.items.append(item(m_idPrefix, QStringLiteral("live-response:") + output.command, text));
    evidence::TimelineBuilder builder;
    builder.addCommandOutput(output, collectedAt, m_request.host, m_idPrefix);
    parsed.events = builder.events();
    recordProgress(m_report.records, m_report.records);
    return parsed;
}

QList<domain::Indicator>
EvidenceImporter::extractIndicators(const QList<domain::EvidenceItem>& items)
{
    QList<domain::Indicator> found;
    for (qsizetype i = 0; i < items.size() && !cancelled(); ++i) {
        found.append(evidence::IndicatorExtractor::extract(items.at(i).text, items.at(i).id));
        recordProgress(i + 1, items.size());
    }
    return found;
}

Result<void> EvidenceImporter::store(store::Database& db, Parsed& parsed)
{
    const QList<domain::Indicator> indicators = extractIndicators(parsed.items);
    store::EvidenceRepository repo(db);
    Result<QList<domain::TimelineEvent>> existing = repo.timeline(m_request.caseId);
    if (!existing) {
        return existing.error();
    }
    evidence::TimelineBuilder::buildProcessTree(parsed.events);
    // Link this file's connections with those already on the case (firewall <-> endpoint).
    QList<domain::TimelineEvent> all = existing.value() + parsed.events;
    m_report.correlations =
        evidence::TimelineBuilder::correlateConnections(all, CorrelationWindowSeconds);
    QList<domain::TimelineEvent> toStore = all.mid(existing->size());
    for (qsizetype i = 0; i < existing->size(); ++i) {
        if (all.at(i).correlatedIds != existing->at(i).correlatedIds) {
            toStore.append(all.at(i));
        }
    }
    if (cancelled()) {
        return cancelledError();
    }
    store::Transaction tx(db);
    if (auto begun = tx.begin(); !begun) {
        return begun;
    }
    if (auto items = repo.upsertItems(parsed.items); !items) {
        return items;
    }
    Result<int> added = repo.addIndicators(m_request.caseId, indicators);
    if (!added) {
        return added.error();
    }
    if (auto events = repo.upsertTimeline(toStore); !events) {
        return events;
    }
    if (cancelled()) {
        return cancelledError(); // the transaction rolls back on leaving
    }
    m_report.items = int(parsed.items.size());
    m_report.indicators = added.value();
    m_report.timelineEvents = int(parsed.events.size());
    return tx.commit();
}

} // namespace mtr::workflow
