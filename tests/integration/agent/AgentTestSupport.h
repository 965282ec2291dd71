// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "store/DatabaseConfig.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace mtr::testing {

/// One finished mtr-agent run.
struct AgentRun
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;

    /// The "name: N" lines of the output (alerts, events, endpoints, cases).
    QHash<QString, int> counts() const;
};

/// Runs mtr-agent with \p arguments and \p environment and waits for it to exit.
AgentRun runAgent(const QStringList& arguments, const QProcessEnvironment& environment);

/// The environment of a test run: the caller's, minus any secret or keychain session.
QProcessEnvironment agentEnvironment(const QString& secret);

/// A fresh workspace for one test: a new SQLite file under \p dir, or (when the PostgreSQL
/// fixture is up) a new database named \p name on it. The agent arguments that select it.
struct TestWorkspace
{
    store::DatabaseConfig config;
    QStringList arguments;
    QString error;

    /// SQLite at \p dir/\p name.sqlite, or PostgreSQL database \p name when \p postgres.
    static TestWorkspace create(bool postgres, const QString& dir, const QString& name);
};

} // namespace mtr::testing
