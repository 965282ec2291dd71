// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "evidence/LiveResponseReader.h"

namespace mtr::evidence {

/// Parsers for Windows command outputs; internal to LiveResponseReader. Each gets the output's
/// lines (CR removed) and fills `out`; it reports a header it does not know instead of guessing.
class WindowsOutputParser
{
public:
    /// `netstat -an`, `-ano`, `-anob` (English "Active Connections", German "Aktive Verbindungen").
    static void netstat(const QStringList& lines, CommandOutput& out);
    /// `tasklist /v` (any columns; positions from the "=====" ruler).
    static void tasklist(const QStringList& lines, CommandOutput& out);
    /// `systeminfo` and `schtasks /query /fo LIST /v`: "Key:   value" blocks.
    static void keyValueList(const QStringList& lines, CommandOutput& out);
    /// `ipconfig /all`: adapters with "Key . . . : value" lines.
    static void ipconfig(const QStringList& lines, CommandOutput& out);
    /// `reg query`: key lines followed by "    name    REG_TYPE    data".
    static void regQuery(const QStringList& lines, CommandOutput& out);
};

} // namespace mtr::evidence
