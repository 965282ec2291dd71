// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QString>
#include <QStringList>

namespace mtr::agent {

/// Exit codes shared by every subcommand.
enum ExitCode
{
    ExitOk = 0,     ///< done, nothing failed
    ExitFailed = 1, ///< the work ran and something failed (a feed, a broken audit chain)
    ExitUsage = 2,  ///< bad command line
    ExitSetup = 3,  ///< could not start: no secret, database unreachable, bad CA file
};

/// One subcommand of mtr-agent: its name, a one-line description and the function that runs
/// it. `run` gets the arguments after the subcommand name, with "mtr-agent <name>" first so
/// that QCommandLineParser prints the right usage line.
struct AgentCommand
{
    const char* name;
    const char* description;
    int (*run)(const QStringList& arguments);
};

/// Prints "mtr-agent: <message>" as one line on standard error.
void printError(const QString& message);

/// Prints one line on standard output.
void printLine(const QString& line);

} // namespace mtr::agent
