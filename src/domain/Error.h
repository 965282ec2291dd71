// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QString>

namespace mtr {

/// A failure that crossed a part boundary. `message` is technical and English (for logs it is
/// still free of customer data); app/ turns `code` plus the fields into a translated sentence.
struct Error
{
    enum class Code
    {
        None,
        InvalidInput, ///< malformed input: file, JSON, user entry
        Network,      ///< connection refused, reset, DNS, TLS handshake
        Tls,          ///< certificate verification failed
        Timeout,
        Unauthorized,   ///< 401 after the one token refresh
        Forbidden,      ///< 403
        NotFound,       ///< 404
        RateLimited,    ///< 429 still after the retries
        Server,         ///< 5xx
        Http,           ///< any other HTTP failure
        OutcomeUnknown, ///< a write whose result we cannot know (connection lost after sending)
        Storage,        ///< database or file system
        Keychain,
        Cancelled,
        NotAllowed, ///< policy refused (rollout phase, missing approval)
        Internal,
    };

    Code code = Code::None;
    QString message;    ///< technical detail, never customer data in clear
    int httpStatus = 0; ///< 0 when not an HTTP failure
    QString apiCode;   ///< the API's own error code ("Unauthorized", "oauth.invalid_client_secret")
    QString requestId; ///< requestId / correlationId / trackingId, for Sophos support
    bool retryable = false;

    static Error make(Code code, QString message, bool retryable = false)
    {
        Error e;
        e.code = code;
        e.message = std::move(message);
        e.retryable = retryable;
        return e;
    }
};

} // namespace mtr
