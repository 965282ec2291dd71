// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// The demo partner with three customer tenants, built from the fixtures compiled into the
/// binary (resources/demo, Qt resource prefix :/demo). The fixtures describe one tenant; the
/// other two are derived from it deterministically (new ids, names, hosts, addresses), so
/// every tenant's alerts, cases and SIEM items point at that tenant's own endpoints and no
/// record is shared between tenants. Fixture times are moved so that the newest record is a
/// few minutes old at start-up (the SIEM API only serves the last 24 hours).

#include "simulator/Generators.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <vector>

namespace mtr::simulator {

/// One alert position in the newest-first order; slots never move, removal only marks them.
struct AlertSlot
{
    qint64 raisedMs = 0;
    qint64 index = 0; ///< base alert index, or generated alert number
    bool generated = false;
    bool removed = false;
};

/// A stored SIEM item and its creation time.
struct SiemItem
{
    qint64 createdMs = 0;
    QJsonObject item;
};

/// Everything one customer tenant holds.
struct TenantData
{
    int index = 0;
    QJsonObject tenant; ///< id, name, dataGeography, dataRegion, billingType, status
    GenContext gen;

    QList<QJsonObject> baseAlerts;
    std::vector<AlertSlot> alertSlots; ///< newest first
    QHash<QString, qint64> baseAlertSlot;
    std::vector<qint64> generatedAlertSlot; ///< generated number -> slot
    qint64 generatedAlerts = 0;

    QList<QJsonObject> endpoints;
    QHash<QString, QJsonObject> isolation; ///< endpoint id -> isolation settings
    QList<QJsonObject> blockedItems;       ///< Endpoint API settings, oldest first; empty at start

    QList<QJsonObject> cases;
    QHash<QString, QList<QJsonObject>> caseDetections;

    std::vector<SiemItem> siemEvents; ///< oldest first
    std::vector<SiemItem> siemAlerts; ///< oldest first
    qint64 generatedEvents = 0;
    qint64 eventStartMs = 0; ///< time of generated event 0
    qint64 eventStepMs = 1;

    QString id() const;
    QString name() const;
    /// The alert JSON behind a slot.
    QJsonObject alertAt(const AlertSlot& slot) const;
    /// The slot of an alert id, or -1.
    qint64 slotOfAlert(const QString& id) const;
    /// Index into endpoints, or -1.
    int endpointIndex(const QString& id) const;
    /// Time of generated event j (ascending).
    qint64 generatedEventMs(qint64 j) const;
};

/// Sizes and clock for building the demo data.
struct DemoOptions
{
    qint64 nowMs = 0;
    qint64 extraAlerts = 0;
    qint64 extraSiemEvents = 0;
};

/// The partner, the organization and their three tenants.
struct DemoData
{
    QString partnerId;
    QString organizationId;
    std::vector<TenantData> tenants;

    /// Builds everything from the compiled-in fixtures.
    static DemoData build(const DemoOptions& options);

    /// Index of a tenant id, or -1.
    int tenantIndex(const QString& id) const;
};

} // namespace mtr::simulator
