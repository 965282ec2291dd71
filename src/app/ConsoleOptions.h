// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace mtr::app {

/// The console's command line. Connection options given here override the stored settings for
/// this run and are saved, so `scripts/demo` can point a throwaway profile at the simulator.
struct ConsoleOptions
{
    QString centralUrl; ///< one base URL for token, whoami and APIs (the simulator's)
    QString caFile;
    QString clientId;
    QString workspace; ///< SQLite workspace file
    QString screenshotPath;
    int screenshotDelayMs = 1500;
    int screenshotTimeoutMs = 60000;

    /// Returns an error message, or an empty string when the arguments are fine.
    QString parse(const QStringList& arguments);
    void applyToSettings() const;
    /// Saves a PNG of the window and quits the application with 0 (1 if saving failed).
    void takeScreenshot(QWidget* window) const;
};

} // namespace mtr::app
