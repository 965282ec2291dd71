// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Types.h"
#include "evidence/JsonRecordFramer.h"
#include "evidence/ReadDiagnostic.h"

#include <QByteArray>

namespace mtr::evidence {

/// Alerts read from an export, with the byte offset each came from.
struct AlertReadResult
{
    QList<domain::Alert> alerts;
    QList<qint64> offsets;
    ReadDiagnostics diagnostics;
};

/// SIEM events read from an export.
struct SiemEventReadResult
{
    QList<domain::SiemEvent> events;
    QList<qint64> offsets;
    ReadDiagnostics diagnostics;
};

/// Reads Central Common API alerts, SIEM alert items and SIEM event items from exports in any
/// framing JsonRecordFramer understands. Tolerant of the documented drift (central-api.md §2, §6):
/// times with or without "Z", epoch milliseconds inside SIEM `data`, absent or empty
/// `managedAgent`, and `data` sub-fields that are strings in one version and objects in another.
class CentralRecordReader
{
public:
    /// Common API alerts or SIEM alert items (both shapes are recognised per record).
    static AlertReadResult readAlerts(const QByteArray& data);

    /// SIEM event items.
    static SiemEventReadResult readSiemEvents(const QByteArray& data);

    /// One record to an Alert; false with `error` set when it is not an alert.
    static bool alertFromJson(const QJsonObject& object, domain::Alert& alert, QString& error);

    /// One record to a SiemEvent; false with `error` set when it is not an event.
    static bool
    siemEventFromJson(const QJsonObject& object, domain::SiemEvent& event, QString& error);

    /// A string field that some versions send as an object (`threat_id`, `user_match_id`,
    /// `event_service_id`): the string itself, or the object as compact JSON.
    static QString looseString(const QJsonValue& value);
};

} // namespace mtr::evidence
