// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/SendStepLog.h"

#include "store/AuditLog.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mtr::workflow {

namespace {

const QLatin1String StepKind("send-step");

} // namespace

Result<void>
SendStepLog::record(const domain::OutboxItem& item, const char* step, const QString& detail)
{
    domain::AuditEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.tenantId = item.tenantId;
    entry.caseId = item.caseId;
    entry.analyst = QStringLiteral(""); // the system
    entry.kind = StepKind;
    const QJsonObject payload{{QStringLiteral("outboxId"), QString::number(item.id)},
                              {QStringLiteral("proposalId"), item.proposalId},
                              {QStringLiteral("step"), QLatin1String(step)},
                              {QStringLiteral("detail"), detail}};
    entry.payload = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    auto r = store::AuditLog(m_db).append(entry);
    if (!r)
        return r.error();
    return {};
}

Result<QHash<QString, int>> SendStepLog::steps(const domain::OutboxItem& item)
{
    QHash<QString, int> out;
    const QString id = QString::number(item.id);
    // TODO: the audit log has no index by kind or payload; this reads it whole, which is fine
    // for the few in-doubt items after a crash but not for a hot path.
    auto r = store::AuditLog(m_db).forEach([&](const domain::AuditEntry& e) {
        if (e.kind != StepKind || e.caseId != item.caseId)
            return true;
        const QJsonObject o = QJsonDocument::fromJson(e.payload.toUtf8()).object();
        if (o.value(QLatin1String("outboxId")).toString() == id)
            out[o.value(QLatin1String("step")).toString()] += 1;
        return true;
    });
    if (!r)
        return r.error();
    return out;
}

} // namespace mtr::workflow
