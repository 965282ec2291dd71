// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// Plain request and response values that travel between the HTTP transport (SimServer) and
/// the Central API model (CentralApi), so that the model never touches a socket.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace mtr::simulator {

using HeaderPairs = QList<QPair<QByteArray, QByteArray>>;

/// One parsed HTTP request as the API model sees it.
struct ApiRequest
{
    QByteArray method; ///< upper case: GET, POST, PATCH, DELETE ...
    QString path;      ///< decoded path without query, e.g. /common/v1/alerts
    QUrlQuery query;
    QByteArray body;
    HeaderPairs headers;
    QStringList args; ///< path parameters captured by the route, in order

    /// Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray& name) const;
    /// Query item value (fully decoded); empty when absent.
    QString param(const QString& name) const;
    bool hasParam(const QString& name) const;
};

/// One response before it is written (or dropped) by the transport.
struct ApiResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    HeaderPairs headers;
};

/// A JSON response with the given status.
ApiResponse jsonResponse(int status, const QJsonObject& object);

/// The API error shape: {error, message, correlationId, requestId, createdAt}.
ApiResponse apiError(int status, const QString& error, const QString& message = {});

/// The token host's error shape: {errorCode, message, trackingId}.
ApiResponse tokenError(int status, const QString& errorCode, const QString& message);

/// A fresh random UUID without braces.
QString newUuid();

/// ISO-8601 UTC with milliseconds and a trailing Z.
QString isoMs(qint64 epochMs);

/// Parses ISO-8601 with or without Z (as UTC); returns -1 when it is not a time.
qint64 parseIsoMs(const QString& text);

/// A comma-separated query value, trimmed and lower-cased.
QStringList commaList(const QString& value);

/// An ISO time, or an ISO-8601 duration such as -P1D or PT20M meaning that long before nowMs;
/// -1 when it is neither.
qint64 timeOrDuration(const QString& text, qint64 nowMs);

} // namespace mtr::simulator
