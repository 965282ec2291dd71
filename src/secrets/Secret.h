// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Secret.h"

namespace mtr::secrets {

/// The one secret type of the project lives in domain/; the keychain speaks it too.
using Secret = mtr::Secret;

} // namespace mtr::secrets
