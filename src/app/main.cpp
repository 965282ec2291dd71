// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/AppSettings.h"
#include "app/ConsoleController.h"
#include "app/ConsoleOptions.h"
#include "app/MainWindow.h"
#include "log/Log.h"
#include "secrets/SecretStore.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("mtr-review-console"));
    QApplication::setApplicationName(QStringLiteral("mtr-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("MTR Review Console"));
    QApplication::setApplicationVersion(QStringLiteral(MTR_VERSION));

    mtr::app::ConsoleOptions options;
    if (const QString error = options.parse(QApplication::arguments()); !error.isEmpty()) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    options.applyToSettings();

    mtr::log::Options logOptions;
    logOptions.levelSpec = mtr::app::AppSettings::load(QSettings()).logLevel;
    mtr::log::init(logOptions);
    mtr::log::installQtMessageHandler();

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(),
                          QStringLiteral("qtbase"),
                          QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(),
                        QStringLiteral("mtr"),
                        QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    mtr::secrets::SecretStore secrets(QString::fromLatin1(mtr::app::AppSettings::KeychainService));
    mtr::app::MainWindow window(&secrets);
    window.resize(1440, 900);
    window.show();
    mtr::app::ConsoleController controller(&window, &secrets);
    controller.quitOnTerminationSignals();
    mtr::log::get("app")->info("console started version={}", QStringLiteral(MTR_VERSION));

    if (!options.screenshotPath.isEmpty()) {
        // Wait until the queue and the first case's drafts are painted, then give the panes
        // a moment to lay out; give up with an error if the demo data never arrives.
        QObject::connect(&controller, &mtr::app::ConsoleController::demoDataShown, &window, [&] {
            QTimer::singleShot(options.screenshotDelayMs, &window, [&] {
                options.takeScreenshot(&window);
            });
        });
        QTimer::singleShot(options.screenshotTimeoutMs, &window, [] {
            fprintf(stderr, "mtr-console: the demo data was not shown in time\n");
            QCoreApplication::exit(3);
        });
    }
    controller.start();
    const int rc = QApplication::exec();
    mtr::log::flush();
    return rc;
}
