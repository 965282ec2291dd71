// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "AgentCommand.h"

#include <QTextStream>

#include <cstdio>

namespace mtr::agent {

void printError(const QString& message)
{
    QTextStream err(stderr);
    err << "mtr-agent: " << message << Qt::endl;
}

void printLine(const QString& line)
{
    QTextStream out(stdout);
    out << line << Qt::endl;
}

} // namespace mtr::agent
