// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/ConsoleOptions.h"

#include "log/Log.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QPixmap>
#include <QSettings>
#include <QWidget>

namespace mtr::app {

QString ConsoleOptions::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("ConsoleOptions", "Review, approve and send MTR cases."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption central(
        QStringLiteral("central"),
        QCoreApplication::translate("ConsoleOptions", "Sophos Central base URL (token and API)."),
        QStringLiteral("url"));
    const QCommandLineOption ca(
        QStringLiteral("ca"),
        QCoreApplication::translate("ConsoleOptions", "Extra CA certificate file (PEM)."),
        QStringLiteral("file"));
    const QCommandLineOption client(
        QStringLiteral("client-id"),
        QCoreApplication::translate("ConsoleOptions", "Sophos Central API client id."),
        QStringLiteral("id"));
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"),
        QCoreApplication::translate("ConsoleOptions", "Workspace database file (SQLite)."),
        QStringLiteral("file"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("ConsoleOptions",
                                    "Save a PNG of the main window once data is shown, then exit."),
        QStringLiteral("file"));
    parser.addOptions({central, ca, client, workspaceOption, screenshot});
    if (!parser.parse(arguments))
        return parser.errorText();
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    centralUrl = parser.value(central);
    caFile = parser.value(ca);
    clientId = parser.value(client);
    workspace = parser.value(workspaceOption);
    screenshotPath = parser.value(screenshot);
    return {};
}

void ConsoleOptions::applyToSettings() const
{
    QSettings settings;
    if (!centralUrl.isEmpty()) {
        settings.setValue(QStringLiteral("central/identityUrl"), centralUrl);
        settings.setValue(QStringLiteral("central/apiUrl"), centralUrl);
    }
    if (!caFile.isEmpty())
        settings.setValue(QStringLiteral("central/caFile"), caFile);
    if (!clientId.isEmpty())
        settings.setValue(QStringLiteral("central/clientId"), clientId);
    if (!workspace.isEmpty())
        settings.setValue(QStringLiteral("store/sqlitePath"), workspace);
}

void ConsoleOptions::takeScreenshot(QWidget* window) const
{
    const bool saved = window->grab().save(screenshotPath, "PNG");
    if (saved)
        mtr::log::get("app")->info("screenshot saved width={} height={}",
                                   window->width(),
                                   window->height());
    else
        mtr::log::get("app")->error("screenshot could not be written");
    QCoreApplication::exit(saved ? 0 : 1);
}

} // namespace mtr::app
