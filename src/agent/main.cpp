// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// mtr-agent: the console's headless sibling. main() only sets up logging and dispatches to one
/// subcommand; each subcommand lives in its own file and owns its command line.

#include "AgentCommand.h"
#include "AuditCommand.h"
#include "EnrichCommand.h"
#include "SyncCommand.h"
#include "log/Log.h"

#include <QCoreApplication>

#include <iterator>

namespace {

using mtr::agent::AgentCommand;

/// Every subcommand. A new one is a function in its own file plus one line here.
const AgentCommand Commands[] = {
    {"sync",
     "Pull alerts, cases, endpoints and SIEM events into the workspace.",
     &mtr::agent::runSyncCommand},
    {"audit", "Verify, export or forward the audit log.", &mtr::agent::runAuditCommand},
    {"enrich",
     "Enrich alerts' cases: evidence, drafts, proposals, AI score.",
     &mtr::agent::runEnrichCommand},
};

void printUsage()
{
    QString text = QStringLiteral("Usage: mtr-agent <command> [options]\n\nCommands:\n");
    for (const AgentCommand& command : Commands) {
        text += QStringLiteral("  %1  %2\n")
                    .arg(QLatin1String(command.name), -8)
                    .arg(QCoreApplication::translate("mtr::agent", command.description));
    }
    text += QStringLiteral("\nRun 'mtr-agent <command> --help' for a command's options.");
    mtr::agent::printLine(text);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("mtr-review-console"));
    QCoreApplication::setApplicationName(QStringLiteral("mtr-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MTR_AGENT_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    const QString name = arguments.value(1);
    if (name.isEmpty() || name == QLatin1String("--help") || name == QLatin1String("-h")) {
        printUsage();
        return name.isEmpty() ? mtr::agent::ExitUsage : mtr::agent::ExitOk;
    }
    if (name == QLatin1String("--version")) {
        mtr::agent::printLine(QStringLiteral("mtr-agent ")
                              + QCoreApplication::applicationVersion());
        return mtr::agent::ExitOk;
    }
    for (const AgentCommand& command : Commands) {
        if (name == QLatin1String(command.name)) {
            mtr::log::Options options;
            options.toStderr = false; // stderr carries the agent's own one-line errors
            mtr::log::init(options);
            arguments.removeAt(1);
            arguments[0] = QStringLiteral("mtr-agent ") + name;
            const int code = command.run(arguments);
            mtr::log::flush();
            return code;
        }
    }
    mtr::agent::printError(QStringLiteral("unknown command '%1'").arg(name));
    printUsage();
    return mtr::agent::ExitUsage;
}
