// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// Deterministic bulk records for benchmarks (--alerts N, --siem-events N). Record i of a
/// tenant is computed from (tenant, i) alone, so a million SIEM events cost no memory until a
/// page asks for them, and every run serves the same data.

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mtr::simulator {

/// What a generated record needs to know about one of the tenant's endpoints.
struct EndpointRef
{
    QString id;
    QString hostname;
    QString type;     ///< computer / server
    QString platform; ///< windows / macOS / linux
    QString ip;
    QString user; ///< DOMAIN\user
};

/// The tenant a generator writes for.
struct GenContext
{
    int tenantIndex = 0;
    QString tenantId;
    QString tenantName;
    QList<EndpointRef> endpoints;
};

/// Compact facts of generated alert i, for filtering without building its JSON.
struct GenAlertFacts
{
    QString type;
    QString category;
    QString severity;
    QString product;
};

GenAlertFacts generatedAlertFacts(qint64 i);

/// The id of generated record i; kind 'a' = alert, 'e' = SIEM event.
QString generatedId(int tenantIndex, char kind, qint64 i);

/// The index behind a generated id of this tenant, or nullopt.
std::optional<qint64> parseGeneratedId(int tenantIndex, char kind, const QString& id);

/// Common API alert i, raised at raisedMs.
QJsonObject generatedAlert(const GenContext& context, qint64 i, qint64 raisedMs);

/// The SIEM alert item for the same alert i.
QJsonObject generatedSiemAlert(const GenContext& context, qint64 i, qint64 raisedMs);

/// The event type of generated SIEM event i (for exclude_types without building JSON).
QString generatedSiemEventType(qint64 i);

/// SIEM event item i, created at createdMs.
QJsonObject generatedSiemEvent(const GenContext& context, qint64 i, qint64 createdMs);

} // namespace mtr::simulator
