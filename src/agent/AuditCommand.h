// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QStringList>

namespace mtr::agent {

/// `mtr-agent audit verify|export`: checks the audit log's hash chain (exit 1 at the first
/// broken entry) or exports it as JSON lines or RFC 5424 syslog. Returns the exit code.
int runAuditCommand(const QStringList& arguments);

} // namespace mtr::agent
