// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QStringList>

namespace mtr::agent {

/// `mtr-agent audit verify|export|forward`: checks the audit log's hash chain (exit 1 at the
/// first broken entry), exports it as JSON lines or RFC 5424 syslog, or forwards the entries a
/// syslog collector has not yet received (workflow::AuditForwarder). Returns the exit code.
int runAuditCommand(const QStringList& arguments);

} // namespace mtr::agent
