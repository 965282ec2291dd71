// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/OutboxPayload.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mtr::workflow {

namespace {

QJsonObject typed(const char* type)
{
    return {{QStringLiteral("type"), QLatin1String(type)}};
}

} // namespace

QString OutboxPayload::compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString OutboxPayload::isolation(const QStringList& endpointIds, const QString& comment)
{
    QJsonObject o = typed(IsolateEndpoint);
    o.insert(QStringLiteral("endpointIds"), QJsonArray::fromStringList(endpointIds));
    o.insert(QStringLiteral("comment"), comment);
    return compact(o);
}

QString
OutboxPayload::alertAction(const QString& alertId, const QString& action, const QString& message)
{
    QJsonObject o = typed(AlertAction);
    o.insert(QStringLiteral("alertId"), alertId);
    o.insert(QStringLiteral("action"), action);
    o.insert(QStringLiteral("message"), message);
    return compact(o);
}

QString
OutboxPayload::liveDiscover(const QString& name, const QString& sql, const QStringList& endpointIds)
{
    QJsonObject o = typed(LiveDiscover);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("sql"), sql);
    o.insert(QStringLiteral("endpointIds"), QJsonArray::fromStringList(endpointIds));
    return compact(o);
}

QString OutboxPayload::customerMessage(const QString& centralCaseId,
                                       const QStringList& recipients,
                                       const QString& subject,
                                       const QString& body,
                                       const QString& status)
{
    QJsonObject o = typed(CustomerMessage);
    o.insert(QStringLiteral("centralCaseId"), centralCaseId);
    o.insert(QStringLiteral("recipients"), QJsonArray::fromStringList(recipients));
    o.insert(QStringLiteral("subject"), subject);
    o.insert(QStringLiteral("body"), body);
    o.insert(QStringLiteral("status"), status);
    return compact(o);
}

QString OutboxPayload::blockHash(const QString& sha256, const QString& comment)
{
    QJsonObject o = typed(BlockHash);
    o.insert(QStringLiteral("sha256"), sha256);
    o.insert(QStringLiteral("comment"), comment);
    return compact(o);
}

QString OutboxPayload::liveResponse(const QString& endpointId, const QString& command)
{
    QJsonObject o = typed(LiveResponse);
    o.insert(QStringLiteral("endpointId"), endpointId);
    o.insert(QStringLiteral("command"), command);
    return compact(o);
}

Result<QJsonObject> OutboxPayload::parse(const QString& payload)
{
    const QJsonDocument doc = QJsonDocument::fromJson(payload.toUtf8());
    if (!doc.isObject())
        return Error::make(Error::Code::InvalidInput, QStringLiteral("payload is not JSON"));
    const QJsonObject o = doc.object();
    const QString type = o.value(QLatin1String("type")).toString();
    for (const char* known :
         {IsolateEndpoint, AlertAction, LiveDiscover, CustomerMessage, BlockHash, LiveResponse}) {
        if (type == QLatin1String(known))
            return o;
    }
    return Error::make(Error::Code::InvalidInput, QStringLiteral("unknown payload type"));
}

QStringList OutboxPayload::strings(const QJsonObject& object, const char* key)
{
    QStringList out;
    for (const QJsonValue& v : object.value(QLatin1String(key)).toArray())
        out.append(v.toString());
    return out;
}

} // namespace mtr::workflow
