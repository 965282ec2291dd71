// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// central-sim: a local Sophos Central API simulator for the console, its tests and demos.
/// The first line on stdout is the base URL; with HTTPS the second is "ca-file: <path>".

#include "simulator/CentralApi.h"
#include "simulator/SimServer.h"
#include "simulator/TlsCert.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>

#include <sys/socket.h>

#include <csignal>
#include <unistd.h>

using namespace mtr::simulator;

namespace {

int s_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalFds[0], &byte, 1);
}

/// SIGTERM and SIGINT end the event loop through a socket pair, the only async-signal-safe way.
void installSignalHandlers(QCoreApplication& app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) != 0)
        return;
    auto* notifier = new QSocketNotifier(s_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(s_signalFds[1], &byte, 1);
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

void say(const QString& line, FILE* stream)
{
    QFile out;
    if (out.open(stream, QIODevice::WriteOnly)) {
        out.write((line + QLatin1Char('\n')).toUtf8());
        out.flush();
    }
}

int fail(const QString& message)
{
    say(QStringLiteral("central-sim: ") + message, stderr);
    return 2;
}

qint64 number(const QCommandLineParser& parser, const QString& name, qint64 fallback, bool& ok)
{
    if (!parser.isSet(name))
        return fallback;
    bool parsed = false;
    const qint64 value = parser.value(name).toLongLong(&parsed);
    if (!parsed || value < 0)
        ok = false;
    return value;
}

QString description()
{
    return QStringLiteral(
               "Sophos Central API simulator (token, whoami, tenants, alerts, endpoints, cases,\n"
               "Live Discover, SIEM, XDR queries) with three demo tenants.\n"
               "Prints the base URL as the first line on stdout; with HTTPS the second line is\n"
               "'ca-file: <path>' (the CA that signed the server certificate).\n"
               "Control API without auth, loopback only: GET/POST/DELETE /_sim/faults,\n"
               "GET/DELETE /_sim/requests.\n\n")
           + faultSpecHelp();
}

/// What the command line asked for.
struct CliOptions
{
    ApiOptions api;
    qint64 port = 0;
    qint64 alerts = 0;
    qint64 events = 0;
    qint64 latency = 0;
    bool https = true;
    QString dataDir;
    QStringList faults;
};

void addOptions(QCommandLineParser& parser)
{
    const auto opt = [](const char* name, const char* help, const char* value = nullptr) {
        return value ? QCommandLineOption(QLatin1String(name),
                                          QLatin1String(help),
                                          QLatin1String(value))
                     : QCommandLineOption(QLatin1String(name), QLatin1String(help));
    };
    parser.addOptions({
        opt("http", "Serve plain HTTP instead of HTTPS."),
        opt("port", "Port on 127.0.0.1 (default: a free one).", "N"),
        opt("client-id", "Accepted client id (default demo-client).", "ID"),
        opt("client-secret", "Accepted client secret (default demo-secret).", "SECRET"),
        opt("alerts", "Add N generated alerts per tenant.", "N"),
        opt("siem-events", "Add N generated SIEM events per tenant.", "N"),
        opt("caller",
            "Who the credentials belong to: partner|organization|tenant (default partner).",
            "TYPE"),
        opt("latency", "Delay every API response by MS milliseconds.", "MS"),
        opt("data-dir",
            "Where ca.pem and ca-key.pem go (default: a temporary folder removed on "
            "exit); an existing CA there is reused.",
            "DIR"),
        opt("fault", "Add a fault rule (repeatable; syntax below).", "SPEC"),
        opt("action-delay", "Alert actions complete after MS ms (default 1000).", "MS"),
        opt("run-duration", "Query runs finish after MS ms or 3 polls (default 2000).", "MS"),
        opt("clock",
            "Pretend the current time is this ISO-8601 UTC time (default: real time).",
            "TIME"),
    });
}

std::optional<CliOptions> parseCommandLine(const QCoreApplication& app, QString& error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.addHelpOption();
    parser.addVersionOption();
    addOptions(parser);
    parser.process(app);

    CliOptions cli;
    bool ok = true;
    cli.port = number(parser, QStringLiteral("port"), 0, ok);
    cli.alerts = number(parser, QStringLiteral("alerts"), 0, ok);
    cli.events = number(parser, QStringLiteral("siem-events"), 0, ok);
    cli.latency = number(parser, QStringLiteral("latency"), 0, ok);
    cli.api.actionDelayMs = int(number(parser, QStringLiteral("action-delay"), 1000, ok));
    cli.api.runDurationMs = int(number(parser, QStringLiteral("run-duration"), 2000, ok));
    if (!ok || cli.port > 65535) {
        error = QStringLiteral("numeric options need a non-negative number");
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("client-id")))
        cli.api.clientId = parser.value(QStringLiteral("client-id"));
    if (parser.isSet(QStringLiteral("client-secret")))
        cli.api.clientSecret = parser.value(QStringLiteral("client-secret"));
    const QString caller = parser.value(QStringLiteral("caller"));
    if (caller == QLatin1String("organization"))
        cli.api.caller = CallerType::Organization;
    else if (caller == QLatin1String("tenant"))
        cli.api.caller = CallerType::Tenant;
    else if (!caller.isEmpty() && caller != QLatin1String("partner")) {
        error = QStringLiteral("--caller must be partner, organization or tenant");
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("clock"))) {
        const qint64 pinned = parseIsoMs(parser.value(QStringLiteral("clock")));
        if (pinned < 0) {
            error = QStringLiteral("--clock needs an ISO-8601 time");
            return std::nullopt;
        }
        cli.api.clockOffsetMs = pinned - QDateTime::currentMSecsSinceEpoch();
    }
    cli.https = !parser.isSet(QStringLiteral("http"));
    cli.dataDir = parser.value(QStringLiteral("data-dir"));
    cli.faults = parser.values(QStringLiteral("fault"));
    return cli;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("central-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MTR_VERSION));
    QString error;
    const auto cli = parseCommandLine(app, error);
    if (!cli)
        return fail(error);

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch() + cli->api.clockOffsetMs;
    CentralApi api(cli->api, DemoData::build({nowMs, cli->alerts, cli->events}));
    SimServer server(api, int(cli->latency));
    for (const QString& spec : cli->faults) {
        const auto rule = faultFromSpec(spec, error);
        if (!rule)
            return fail(QStringLiteral("--fault %1: %2").arg(spec, error));
        server.faults().add(*rule);
    }

    QTemporaryDir temporary(QDir::tempPath() + QStringLiteral("/central-sim-XXXXXX"));
    QString caFile;
    if (cli->https) {
        const auto tls =
            makeTlsMaterial(cli->dataDir.isEmpty() ? temporary.path() : cli->dataDir, error);
        if (!tls)
            return fail(error);
        server.sslSetup(QSslCertificate(tls->certificatePem, QSsl::Pem),
                        QSslKey(tls->privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
        caFile = tls->caFile;
    }
    const quint16 bound = server.listen(QHostAddress::LocalHost, quint16(cli->port));
    if (bound == 0)
        return fail(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(cli->port));

    const QString baseUrl = QStringLiteral("%1://127.0.0.1:%2")
                                .arg(cli->https ? QLatin1String("https") : QLatin1String("http"))
                                .arg(bound);
    api.setBaseUrl(baseUrl);
    say(baseUrl, stdout);
    if (cli->https)
        say(QStringLiteral("ca-file: ") + caFile, stdout);

    installSignalHandlers(app);
    return app.exec();
}
