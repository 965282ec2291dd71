// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace mtr::central {

/// One HTTP call as the typed APIs describe it; ApiTransport adds auth, retries and logging.
struct ApiRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QString operation; ///< short name for log lines ("alerts.list")
    QString tenantId;  ///< sent as X-Tenant-ID when not empty
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body; ///< JSON for API calls, form data for the token
    QByteArray contentType = QByteArrayLiteral("application/json");
    bool authenticated = true; ///< false only for the token request
    bool idempotent = true;    ///< false for POST/PATCH/DELETE that change state

    /// A GET that may be retried on 5xx and network errors.
    static ApiRequest get(QUrl url, QString operation, QString tenantId = {});
    /// A state-changing call: retried only when Central says it was not processed (429).
    static ApiRequest write(QByteArray method,
                            QUrl url,
                            QString operation,
                            QString tenantId,
                            const QJsonDocument& body);
};

/// A successful HTTP exchange (2xx).
struct ApiResponse
{
    int status = 0;
    QByteArray body;
    int retries = 0;
};

} // namespace mtr::central
