// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "log/Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <sys/stat.h>

#include <map>
#include <vector>

namespace mtr::log {
namespace {

QMutex s_mutex;
std::vector<spdlog::sink_ptr> s_sinks;
std::map<std::string, spdlog::level::level_enum> s_levels;
spdlog::level::level_enum s_defaultLevel = spdlog::level::info;

spdlog::level::level_enum levelFor(const std::string& part)
{
    const auto it = s_levels.find(part);
    return it == s_levels.end() ? s_defaultLevel : it->second;
}

// The file may hold identifiers that matter to an attacker (tenant ids, case ids); keep it
// private to the analyst whatever the umask says.
void restrictFile(const QString& path)
{
    if (!QFile::exists(path)) {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Append))
            f.close();
    }
    ::chmod(QFile::encodeName(path).constData(), S_IRUSR | S_IWUSR);
}

void qtHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    auto logger = get("qt");
    const char* category = context.category ? context.category : "default";
    switch (type) {
    case QtDebugMsg:
        logger->debug("{}: {}", category, message);
        break;
    case QtInfoMsg:
        logger->info("{}: {}", category, message);
        break;
    case QtWarningMsg:
        logger->warn("{}: {}", category, message);
        break;
    case QtCriticalMsg:
        logger->error("{}: {}", category, message);
        break;
    case QtFatalMsg:
        logger->critical("{}: {}", category, message);
        logger->flush();
        break;
    }
}

} // namespace

QString defaultFilePath()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share/mtr-console");
    return base + QStringLiteral("/logs/mtr-console.log");
}

void applyLevelSpec(const QString& spec)
{
    QMutexLocker lock(&s_mutex);
    s_levels.clear();
    s_defaultLevel = spdlog::level::info;
    for (const QString& rawPart : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString part = rawPart.trimmed();
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString name = eq < 0 ? QString() : part.left(eq).trimmed();
        const QString levelName = (eq < 0 ? part : part.mid(eq + 1)).trimmed().toLower();
        const auto level = spdlog::level::from_str(levelName.toStdString());
        if (level == spdlog::level::off && levelName != QLatin1String("off"))
            continue;
        if (name.isEmpty())
            s_defaultLevel = level;
        else
            s_levels[name.toStdString()] = level;
    }
    spdlog::details::registry::instance().apply_all([](const std::shared_ptr<spdlog::logger>& l) {
        l->set_level(levelFor(l->name()));
    });
}

QString init(const Options& options)
{
    const QString path = options.filePath.isEmpty() ? defaultFilePath() : options.filePath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    restrictFile(path);

    std::vector<spdlog::sink_ptr> sinks;
    auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
        QFile::encodeName(path).toStdString(),
        options.maxFileBytes,
        options.maxFiles);
    file->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l [%n] %v");
    sinks.push_back(file);
    if (options.toStderr) {
        auto err = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        err->set_level(spdlog::level::warn);
        err->set_pattern("%l [%n] %v");
        sinks.push_back(err);
    }
    {
        QMutexLocker lock(&s_mutex);
        s_sinks = sinks;
    }
    spdlog::details::registry::instance().apply_all(
        [&sinks](const std::shared_ptr<spdlog::logger>& l) {
            l->sinks() = sinks;
        });

    const QByteArray env = qgetenv("MTR_LOG");
    applyLevelSpec(env.isEmpty() ? options.levelSpec : QString::fromUtf8(env));
    spdlog::flush_on(spdlog::level::warn);
    return path;
}

std::shared_ptr<spdlog::logger> get(const std::string& part)
{
    if (auto existing = spdlog::get(part))
        return existing;
    QMutexLocker lock(&s_mutex);
    if (auto existing = spdlog::get(part))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(part, s_sinks.begin(), s_sinks.end());
    logger->set_level(levelFor(part));
    spdlog::register_logger(logger);
    return logger;
}

void installQtMessageHandler()
{
    qInstallMessageHandler(qtHandler);
}

void flush()
{
    spdlog::details::registry::instance().flush_all();
}

} // namespace mtr::log
