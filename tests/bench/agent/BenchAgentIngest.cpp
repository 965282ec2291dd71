// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
// The agent's ingest rate: central-sim with N generated SIEM events per tenant, one
// `mtr-agent sync --once` into a fresh SQLite workspace, events stored per second of wall time
// (token, tenant list, alerts, cases and endpoints included).

#include "AgentTestSupport.h"
#include "SimProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace mtr::testing;
using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString perTenant = args.value(1, u"1000000"_s);
    QTextStream out(stdout);
    QTextStream err(stderr);

    SimProcess sim(QStringLiteral(CENTRAL_SIM_PATH), {u"--siem-events"_s, perTenant});
    if (!sim.started()) {
        err << sim.error() << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    const TestWorkspace workspace = TestWorkspace::create(false, dir.path(), u"bench"_s);
    QStringList agentArgs{u"sync"_s,
                          u"--once"_s,
                          u"--central"_s,
                          sim.baseUrl(),
                          u"--client-id"_s,
                          u"demo-client"_s,
                          u"--ca"_s,
                          sim.caFile()};
    agentArgs += workspace.arguments;

    QElapsedTimer clock;
    clock.start();
    const AgentRun run = runAgent(agentArgs, agentEnvironment(u"demo-secret"_s));
    const qint64 ms = std::max<qint64>(1, clock.elapsed());
    if (run.exitCode != 0) {
        err << "mtr-agent failed: " << run.err << Qt::endl;
        return 1;
    }
    const int events = run.counts().value(u"events"_s);
    out << "agent_ingest_events " << events << " events" << Qt::endl;
    out << "agent_ingest_seconds " << QString::number(ms / 1000.0, 'f', 1) << " s" << Qt::endl;
    out << "agent_ingest_rate " << qint64(events * 1000.0 / ms) << " events/s" << Qt::endl;
    return 0;
}
