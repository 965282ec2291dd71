// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/EvidenceKind.h"

#include "evidence/JsonRecordFramer.h"
#include "evidence/LiveResponseReader.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

namespace mtr::workflow {
namespace {

/// A SIEM event has a name and no alert fields; Common API and SIEM alert items carry at least
/// one of raisedAt, data or description.
EvidenceKind jsonKind(const QByteArray& head)
{
    const evidence::JsonFrameResult framed = evidence::JsonRecordFramer::frame(head);
    for (const evidence::JsonRecord& record : framed.records) {
        const QJsonObject& o = record.object;
        if (o.contains(QLatin1String("raisedAt")) || o.contains(QLatin1String("data"))
            || o.contains(QLatin1String("description"))) {
            return EvidenceKind::CentralAlerts;
        }
        if (o.contains(QLatin1String("customer_id")) || o.contains(QLatin1String("name"))) {
            return EvidenceKind::SiemEvents;
        }
    }
    return EvidenceKind::Unknown;
}

bool looksLikeFirewall(const QString& text)
{
    static const QRegularExpression sfosKey(
        QStringLiteral(R"((^|\s)(device_name|device_id|log_id|log_type|log_component)=)"));
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    int seen = 0;
    int matched = 0;
    for (const QString& line : lines) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        matched += sfosKey.match(line).hasMatch() ? 1 : 0;
        if (++seen == 5) {
            break;
        }
    }
    return seen > 0 && matched * 2 >= seen;
}

} // namespace

QString evidenceKindName(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::CentralAlerts:
        return QStringLiteral("central-alerts");
    case EvidenceKind::SiemEvents:
        return QStringLiteral("siem-events");
    case EvidenceKind::Firewall:
        return QStringLiteral("firewall");
    case EvidenceKind::LiveResponse:
        return QStringLiteral("live-response");
    case EvidenceKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

EvidenceKind detectEvidenceKind(const QByteArray& head)
{
    const QByteArray trimmed = head.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        return jsonKind(head);
    }
    const QString text = QString::fromUtf8(head);
    if (looksLikeFirewall(text)) {
        return EvidenceKind::Firewall;
    }
    if (!evidence::LiveResponseReader::detect(text).isEmpty()) {
        return EvidenceKind::LiveResponse;
    }
    return EvidenceKind::Unknown;
}

} // namespace mtr::workflow
