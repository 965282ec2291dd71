// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mtr::workflow {

/// The exact content of an approvable item, as canonical compact JSON with a "type" member that
/// names what the dispatcher does with it. Approvals bind to these bytes; the dispatcher reads
/// its instructions from the very same bytes, so what runs is what was approved.
class OutboxPayload
{
public:
    /// Kinds (the proposal kind and the outbox kind are the same word).
    static constexpr const char* IsolateEndpoint = "isolate-endpoint";
    static constexpr const char* AlertAction = "alert-action";
    static constexpr const char* LiveDiscover = "live-discover";
    static constexpr const char* CustomerMessage = "customer-message";
    static constexpr const char* BlockHash = "block-hash";
    static constexpr const char* LiveResponse = "live-response";

    /// Isolate \p endpointIds with \p comment.
    static QString isolation(const QStringList& endpointIds, const QString& comment);

    /// Run \p action ("acknowledge") on an alert, with optional analyst text.
    static QString
    alertAction(const QString& alertId, const QString& action, const QString& message = {});

    /// Run a Live Discover query on \p endpointIds.
    static QString
    liveDiscover(const QString& name, const QString& sql, const QStringList& endpointIds);

    /// A customer message: recorded on Central case \p centralCaseId (overview; \p status when
    /// not empty) and mailed to \p recipients with \p subject and \p body.
    static QString customerMessage(const QString& centralCaseId,
                                   const QStringList& recipients,
                                   const QString& subject,
                                   const QString& body,
                                   const QString& status = {});

    /// Block a SHA-256 tenant-wide (Central's blocked items), with \p comment.
    static QString blockHash(const QString& sha256, const QString& comment);

    /// A Live Response command for the analyst to run by hand (never dispatched).
    static QString liveResponse(const QString& endpointId, const QString& command);

    /// Parses a payload; InvalidInput unless it is a JSON object with a known "type".
    static Result<QJsonObject> parse(const QString& payload);

    /// The string array member \p key of \p object.
    static QStringList strings(const QJsonObject& object, const char* key);

private:
    static QString compact(const QJsonObject& object);
};

} // namespace mtr::workflow
