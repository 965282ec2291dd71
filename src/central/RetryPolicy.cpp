// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/RetryPolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace mtr::central {

int RetryPolicy::delayMs(int retry, int retryAfterS) const
{
    double ms = 0;
    if (retryAfterS >= 0) {
        ms = double(retryAfterS) * 1000.0;
    } else {
        const int exponent = std::clamp(retry - 1, 0, 20);
        ms = std::min(double(maxDelayMs), double(baseDelayMs) * std::pow(2.0, exponent));
        const double factor =
            jitter ? jitter() : 0.5 + QRandomGenerator::global()->generateDouble() / 2;
        ms *= std::clamp(factor, 0.0, 1.0);
    }
    return int(std::lround(std::max(0.0, ms * scale)));
}

} // namespace mtr::central
