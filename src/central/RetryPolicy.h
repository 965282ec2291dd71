// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <functional>

namespace mtr::central {

/// When and how long to wait before trying a request again. Central states no quotas, so 429
/// honours Retry-After when sent and otherwise backs off exponentially with jitter; `scale`
/// shrinks every delay so that tests run the real logic without really waiting.
struct RetryPolicy
{
    int maxAttempts = 5;      ///< total tries per request, the first included
    int baseDelayMs = 500;    ///< first backoff step without Retry-After
    int maxDelayMs = 30000;   ///< cap of one backoff step
    int maxRetryAfterS = 300; ///< a larger Retry-After is treated as "give up now"
    double scale = 1.0;       ///< multiplies every delay (tests use 0.01)
    /// Returns a factor in [0.5, 1.0]; replaceable for deterministic tests.
    std::function<double()> jitter;

    /// Delay before retry number `retry` (1-based); retryAfterS < 0 means the header was absent.
    int delayMs(int retry, int retryAfterS) const;
};

} // namespace mtr::central
