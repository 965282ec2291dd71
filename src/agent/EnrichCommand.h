// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Secret.h"

#include <QStringList>

namespace mtr::agent {

/// `mtr-agent enrich`: enriches every alert of the workspace that has no AI score yet (its
/// case "alert:<id>": evidence, indicators, timeline, offline drafts, proposals, score, and
/// with --llm-url the model's drafts) and prints one line per case; with --once it exits, else
/// it polls for new alerts until SIGINT or SIGTERM. Returns the process exit code.
int runEnrichCommand(const QStringList& arguments);

/// The model's API key: MTR_LLM_API_KEY when set, else the keychain entry "llm-api-key" of
/// service "mtr-review-console"; empty when neither has one (local servers need none).
Secret llmApiKey();

} // namespace mtr::agent
