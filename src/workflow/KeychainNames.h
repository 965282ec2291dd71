// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// Where the console keeps the Sophos Central client secret in the OS keychain. The same names
/// as app/AppSettings.h, repeated here so that the headless agent reads the same entry without
/// linking the widgets part.

namespace mtr::workflow::keychain {

/// The keychain service (entry group) of the console.
inline constexpr const char* Service = "mtr-review-console";

/// The key of the Sophos Central client secret.
inline constexpr const char* CentralSecretKey = "central-client-secret";

/// The environment variable that, when set, wins over the keychain.
inline constexpr const char* CentralSecretEnv = "MTR_CENTRAL_CLIENT_SECRET";

} // namespace mtr::workflow::keychain
