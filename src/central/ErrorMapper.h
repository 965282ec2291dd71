// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Error.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QString>

namespace mtr::central {

/// Turns HTTP failures, transport errors and bad JSON into mtr::Error values that carry what
/// Sophos support asks for (status, API code, request id) and say what the analyst can do.
class ErrorMapper
{
public:
    /// From a non-2xx answer. Reads both error shapes (`error`/`requestId`/`correlationId` and the
    /// token host's `errorCode`/`trackingId`) and tolerates an empty or non-JSON body.
    static Error fromHttp(int status, const QByteArray& body, const QString& operation, bool write);

    /// From a transport failure with no HTTP answer.
    static Error fromNetwork(QNetworkReply::NetworkError error, const QString& operation);

    /// For a write whose connection ended after the request left: Central may have applied it.
    static Error outcomeUnknown(const QString& operation);

    /// For a body that is not the JSON we expect (a page is then rejected as a whole).
    static Error badPayload(const QString& operation, const QString& detail);

    /// True when the request certainly never reached the server.
    static bool certainlyNotSent(QNetworkReply::NetworkError error);
};

} // namespace mtr::central
