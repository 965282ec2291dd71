// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"
#include "domain/Secret.h"

#include <QStringList>

namespace mtr::agent {

/// `mtr-agent sync`: pulls alerts, cases, endpoints and SIEM events of every tenant into the
/// workspace and prints one count per line; with --once it exits, else it polls until SIGINT or
/// SIGTERM. Returns the process exit code.
int runSyncCommand(const QStringList& arguments);

/// The Central client secret: MTR_CENTRAL_CLIENT_SECRET when set (it wins), else the keychain
/// entry the console writes; a Keychain error naming both places when neither has it.
Result<Secret> centralClientSecret();

} // namespace mtr::agent
