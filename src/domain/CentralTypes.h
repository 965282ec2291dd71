// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// Value types for Sophos Central results that Types.h does not model: the caller identity,
/// alert actions, isolation, scans, blocked items, case sub-resources and query runs. Each
/// keeps its raw JSON.

#include "domain/Severity.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mtr::domain {

/// Who the credentials belong to (whoami).
struct CallerIdentity
{
    enum class Kind
    {
        Tenant,
        Partner,
        Organization
    };
    QString id;
    Kind kind = Kind::Tenant;
    QString globalHost;     ///< normalised apiHosts.global
    QString dataRegionHost; ///< normalised apiHosts.dataRegion (tenant callers only)
};

/// The alert actions the Common API knows; the UI offers only those in Alert::allowedActions.
enum class AlertAction
{
    Acknowledge,
    CleanPua,
    CleanVirus,
    AuthPua,
    ClearThreat,
    ClearHmpa,
    SendMsgPua,
    SendMsgThreat
};

/// The result of POST /alerts/{id}/actions (asynchronous on Central's side).
struct AlertActionResult
{
    QString id;
    QString alertId;
    QString action;
    QString status; ///< "started", "requested", "completed", ...
    QDateTime requestedAt;
    QDateTime completedAt; ///< invalid while still running
    QString result;
    QJsonObject raw;
};

/// Isolation state of one endpoint (GET/PATCH /endpoints/{id}/isolation).
struct IsolationState
{
    bool enabled = false;
    QString comment; ///< analyst text: never log it
    QDateTime lastEnabledAt;
    QDateTime lastDisabledAt;
    QJsonObject raw;
};

/// A scan request (POST /endpoints/{id}/scans).
struct ScanRequest
{
    QString id;
    QString status;
    QDateTime requestedAt;
    QJsonObject raw;
};

/// A tenant-wide blocked item (Endpoint API settings/blocked-items): Central blocks the file
/// with this SHA-256 on every endpoint; fileName, path and certificateSigner only describe it.
struct BlockedItem
{
    QString id;
    QString type;   ///< "sha256"
    QString sha256; ///< hex as Central sent it; compare without regard to case
    QString fileName;
    QString path;
    QString certificateSigner;
    QString comment; ///< analyst text: never log it
    QDateTime createdAt;
    QString createdByName;
    QJsonObject raw;
};

/// One detection linked to a case.
struct Detection
{
    QString id;
    QString detectionRule;
    QString type;
    Severity severity = Severity::Unknown;
    int severityScore = 0;
    QDateTime time;
    QStringList mitreAttacks; ///< technique ids or names as sent
    QJsonObject raw;
};

/// An entity a case impacts (user, device, IP, ...).
struct ImpactedEntity
{
    QString id;
    QString type;
    QString name;
    QJsonObject raw;
};

/// MITRE ATT&CK summary of a case: tactics with their techniques, kept loosely typed.
struct MitreSummary
{
    QStringList tacticNames;
    QJsonArray tactics;
};

/// A Live Discover or XDR Data Lake query run.
struct QueryRun
{
    QString id;
    QString status; ///< "pending", "started", "finished", ...
    QString result; ///< "notAvailable", "succeeded", "failed", "timedOut", ...
    QDateTime createdAt;
    QDateTime finishedAt;
    int resultCount = -1; ///< -1 when Central did not say

    bool finished() const
    {
        return status == QLatin1String("finished");
    }

    QJsonObject raw;
};

/// One row of query results: column name to value, as sent.
struct QueryRow
{
    QJsonObject values;
};

} // namespace mtr::domain
