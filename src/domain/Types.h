// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// The value types that flow between parts. They hold what the console needs, plus the raw
/// JSON they came from, so that nothing Central sent is lost when a field is not modelled yet.

#include "domain/Severity.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mtr::domain {

/// A customer tenant as seen by the partner (or the caller's own tenant).
struct Tenant
{
    QString id;
    QString name;
    QString dataRegion;
    QString dataGeography;
    QString apiHost; ///< normalised: no trailing slash
};

/// A Central alert (Common API) or a SIEM alert item.
struct Alert
{
    QString id;
    QString tenantId;
    QString tenantName;
    QString type;     ///< "Event::Endpoint::Threat::Detected"
    QString category; ///< "malware", "runtimeDetections", ...
    QString product;  ///< "endpoint", "server", ...
    Severity severity = Severity::Unknown;
    QString description; ///< attacker-influenced text: plain text only
    QDateTime raisedAt;  ///< UTC
    QStringList allowedActions;
    QString groupKey;
    QString endpointId;   ///< managedAgent.id, empty when absent
    QString endpointType; ///< managedAgent.type
    QString personId;
    QJsonObject raw;
};

/// A managed endpoint (Endpoint API).
struct Endpoint
{
    QString id;
    QString tenantId;
    QString type; ///< computer, server, ...
    QString hostname;
    QString osName;
    QString osPlatform;
    bool isServer = false;
    QStringList ipv4Addresses;
    QStringList ipv6Addresses;
    QString healthOverall;
    QString isolationStatus; ///< "isolated", "notIsolated", "" when unknown
    bool adminIsolated = false;
    bool selfIsolated = false;
    bool online = false;
    QString associatedPerson;
    QDateTime lastSeenAt;
    QJsonObject raw;
};

/// A case (Cases API).
struct Case
{
    QString id;
    QString tenantId;
    QString name;
    QString type;
    QString status;
    QString managedBy;
    Severity severity = Severity::Unknown;
    QString assignee;
    QString overview;
    int detectionCount = 0;
    bool escalated = false;
    QString verdict;
    QDateTime createdAt;
    QDateTime updatedAt;
    QJsonObject raw;
};

/// A SIEM event item.
struct SiemEvent
{
    QString id;
    QString tenantId; ///< customer_id
    QString type;
    QString name;
    Severity severity = Severity::Unknown;
    QDateTime createdAt;
    QDateTime when;
    QString endpointId;
    QString location; ///< host name
    QString source;   ///< user
    QJsonObject raw;
};

} // namespace mtr::domain
