// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// Named spdlog loggers per part, a rotating file in the user's data folder and Qt's own
/// messages routed into it. Every part gets its logger with mtr::log::get("central") etc.
/// Lines carry identifiers as key=value and never customer data in clear: use
/// mtr::log::fingerprint() for any value that came from a customer.

#include "log/Fingerprint.h"
#include "log/Formatters.h"

#include <QString>

#include <spdlog/spdlog.h>

#include <memory>
#include <string>

namespace mtr::log {

struct Options
{
    /// Log file; empty means defaultFilePath().
    QString filePath;
    /// Level spec such as "info" or "central=debug,store=warn,info". The environment variable
    /// MTR_LOG, when set, wins over this value.
    QString levelSpec = QStringLiteral("info");
    /// Also print warnings and errors on standard error.
    bool toStderr = true;
    /// Rotation: size of one file and how many old files are kept.
    std::size_t maxFileBytes = 5 * 1024 * 1024;
    std::size_t maxFiles = 3;
};

/// Sets up sinks and levels. Safe to call again (tests, settings change): existing loggers are
/// re-pointed at the new sinks. Returns the path of the log file actually used.
QString init(const Options& options = {});

/// The logger of one part ("central", "store", "app", ...); created on first use.
std::shared_ptr<spdlog::logger> get(const std::string& part);

/// Routes qDebug/qWarning/... into the "qt" logger.
void installQtMessageHandler();

/// Flushes every logger; call before exit and in tests before reading the file.
void flush();

/// <AppDataLocation>/logs/mtr-console.log
QString defaultFilePath();

/// Parses a level spec and applies it; unknown names are ignored with a warning.
void applyLevelSpec(const QString& spec);

} // namespace mtr::log
