// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/CentralRecordReader.h"

#include "evidence/TimestampParser.h"
#include "log/Log.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace mtr::evidence {

namespace {

QString str(const QJsonObject& object, const char* key)
{
    return CentralRecordReader::looseString(object.value(QLatin1String(key)));
}

/// A time that may be ISO (with or without Z) or epoch milliseconds, as SIEM `data` sends.
QDateTime timeOf(const QJsonValue& value, QString& problem)
{
    if (value.isDouble()) {
        return *TimestampParser::parseEpoch(QString::number(static_cast<qint64>(value.toDouble())),
                                            TimestampParser::EpochUnit::Milliseconds);
    }
    if (!value.isString() || value.toString().isEmpty()) {
        return {};
    }
    QString error;
    const auto parsed = TimestampParser::parseIso(value.toString(), &error);
    if (!parsed) {
        problem = error;
        return {};
    }
    return *parsed;
}

ReadDiagnostic recordDiag(const JsonRecord& record, const QString& message, bool error)
{
    return ReadDiagnostic{error ? ReadDiagnostic::Level::Error : ReadDiagnostic::Level::Warning,
                          record.line,
                          record.offset,
                          message};
}

void fillSiemAlert(const QJsonObject& object, domain::Alert& alert, QString& problem)
{
    const QJsonObject data = object.value(QLatin1String("data")).toObject();
    alert.tenantId = str(object, "customer_id");
    alert.description = str(object, "description");
    alert.raisedAt = timeOf(object.value(QLatin1String("created_at")), problem);
    if (!alert.raisedAt.isValid()) {
        alert.raisedAt = timeOf(object.value(QLatin1String("when")), problem);
    }
    if (!alert.raisedAt.isValid()) {
        alert.raisedAt = timeOf(data.value(QLatin1String("created_at")), problem);
    }
    alert.endpointId = str(data, "endpoint_id");
    alert.endpointType = str(data, "endpoint_type");
    alert.product = str(data, "endpoint_type");
}

} // namespace

QString CentralRecordReader::looseString(const QJsonValue& value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        return QString::number(value.toDouble(), 'g', 17);
    }
    if (value.isBool()) {
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    }
    if (value.isObject()) {
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    if (value.isArray()) {
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    }
    return {};
}

bool CentralRecordReader::alertFromJson(const QJsonObject& object,
                                        domain::Alert& alert,
                                        QString& error)
{
    alert = domain::Alert{};
    alert.id = str(object, "id");
    alert.type = str(object, "type");
    if (alert.id.isEmpty() && alert.type.isEmpty()) {
        error = QCoreApplication::translate("mtr::evidence", "record has neither id nor type");
        return false;
    }

    QString problem;
    alert.category = str(object, "category");
    alert.product = str(object, "product");
    alert.severity = domain::severityFromString(str(object, "severity"));
    alert.groupKey = str(object, "groupKey");
    const QJsonObject tenant = object.value(QLatin1String("tenant")).toObject();
    alert.tenantId = str(tenant, "id");
    alert.tenantName = str(tenant, "name");
    const QJsonObject agent = object.value(QLatin1String("managedAgent")).toObject();
    alert.endpointId = str(agent, "id");
    alert.endpointType = str(agent, "type");
    alert.personId = str(object.value(QLatin1String("person")).toObject(), "id");
    for (const auto& action : object.value(QLatin1String("allowedActions")).toArray()) {
        alert.allowedActions.append(action.toString());
    }
    alert.description = str(object, "description");
    alert.raisedAt = timeOf(object.value(QLatin1String("raisedAt")), problem);

    if (object.contains(QLatin1String("customer_id")) || object.contains(QLatin1String("data"))) {
        fillSiemAlert(object, alert, problem);
    }
    alert.raw = object;
    error = problem;
    return true;
}

bool CentralRecordReader::siemEventFromJson(const QJsonObject& object,
                                            domain::SiemEvent& event,
                                            QString& error)
{
    event = domain::SiemEvent{};
    event.id = str(object, "id");
    event.type = str(object, "type");
    if (event.id.isEmpty() && event.type.isEmpty()) {
        error = QCoreApplication::translate("mtr::evidence", "record has neither id nor type");
        return false;
    }

    QString problem;
    event.tenantId = str(object, "customer_id");
    event.name = str(object, "name");
    event.severity = domain::severityFromString(str(object, "severity"));
    event.createdAt = timeOf(object.value(QLatin1String("created_at")), problem);
    event.when = timeOf(object.value(QLatin1String("when")), problem);
    event.endpointId = str(object, "endpoint_id");
    event.location = str(object, "location");
    event.source = str(object, "source");
    event.raw = object;
    error = problem;
    return true;
}

AlertReadResult CentralRecordReader::readAlerts(const QByteArray& data)
{
    JsonFrameResult framed = JsonRecordFramer::frame(data);
    AlertReadResult result;
    result.diagnostics = framed.diagnostics;
    for (const JsonRecord& record : std::as_const(framed.records)) {
        domain::Alert alert;
        QString error;
        if (!alertFromJson(record.object, alert, error)) {
            result.diagnostics.append(recordDiag(record, error, true));
            continue;
        }
        if (!error.isEmpty()) {
            result.diagnostics.append(recordDiag(record, error, false));
        }
        result.alerts.append(alert);
        result.offsets.append(record.offset);
    }
    mtr::log::get("evidence")
        ->info("alerts read records={} diagnostics={} bytes={}",
               result.alerts.size(),
               result.diagnostics.size(),
               data.size());
    return result;
}

SiemEventReadResult CentralRecordReader::readSiemEvents(const QByteArray& data)
{
    JsonFrameResult framed = JsonRecordFramer::frame(data);
    SiemEventReadResult result;
    result.diagnostics = framed.diagnostics;
    for (const JsonRecord& record : std::as_const(framed.records)) {
        domain::SiemEvent event;
        QString error;
        if (!siemEventFromJson(record.object, event, error)) {
            result.diagnostics.append(recordDiag(record, error, true));
            continue;
        }
        if (!error.isEmpty()) {
            result.diagnostics.append(recordDiag(record, error, false));
        }
        result.events.append(event);
        result.offsets.append(record.offset);
    }
    mtr::log::get("evidence")
        ->info("siem events read records={} diagnostics={} bytes={}",
               result.events.size(),
               result.diagnostics.size(),
               data.size());
    return result;
}

} // namespace mtr::evidence
