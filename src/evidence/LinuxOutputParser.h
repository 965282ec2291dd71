// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "evidence/LiveResponseReader.h"

namespace mtr::evidence {

/// Parsers for Linux command outputs; internal to LiveResponseReader.
class LinuxOutputParser
{
public:
    /// `netstat -tulpen`/`-anp`/`-aeep`, internet and UNIX socket sections.
    static void netstat(const QStringList& lines, CommandOutput& out);
    /// `ss -tulpen` / `ss -a`.
    static void ss(const QStringList& lines, CommandOutput& out);
    /// `ps aux` and `ps -ef` (the header tells which).
    static void ps(const QStringList& lines, CommandOutput& out);
    /// `lsof`.
    static void lsof(const QStringList& lines, CommandOutput& out);
    /// `last` and `who` (login records).
    static void logins(const QStringList& lines, CommandOutput& out);
    /// `crontab -l` (user or system crontab).
    static void crontab(const QStringList& lines, CommandOutput& out);
};

} // namespace mtr::evidence
