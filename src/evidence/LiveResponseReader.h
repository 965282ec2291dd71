// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "evidence/ReadDiagnostic.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mtr::evidence {

/// The parsed output of one Live Response / Live Discover command. Rows use jc's field names
/// where jc has a parser for the command (proto, local_address, local_port, pid, ...), so the
/// results can be checked against jc's expected JSON.
struct CommandOutput
{
    QString command;  ///< "netstat-windows", "ps-ef", ... empty when unrecognised
    QString language; ///< "en" or "de" for Windows output; "" when it does not apply
    bool recognised = false;
    QList<QJsonObject> rows;
    ReadDiagnostics diagnostics;
};

/// Recognises and parses Windows (`netstat -ano`/`-anob`, `tasklist /v`, `systeminfo`,
/// `ipconfig /all`, `schtasks /query /fo LIST /v`, `reg query`) and Linux (`ps aux`, `ps -ef`,
/// `ss -tulpen`, `netstat -tulpen`, `lsof`, `last`, `who`, `crontab -l`) outputs, with CRLF or LF
/// line ends, in English or German. Output it cannot place is reported as unrecognised, never
/// guessed at: a hint that does not match the text's header is refused the same way.
// TODO: Live Discover query results (osquery rows exported as JSON/CSV) have no reader yet; they
// need column mapping per query rather than command detection.
// TODO: `who` in its default locale format ("Feb 28 14:56") and `w` are not recognised.
class LiveResponseReader
{
public:
    /// Every command name accepted as a hint.
    static QStringList commands();

    /// Detects the command from the text's first lines; empty when unknown.
    static QString detect(const QString& text, QString* language = nullptr);

    /// Parses `text`; `hint` (one of commands()) skips detection but is still checked.
    static CommandOutput read(const QString& text, const QString& hint = {});

    /// "0.0.0.0:135", "[::]:443", ":::22", "*:*", "[fe80::1%4]:139" to address and port.
    static void splitEndpoint(const QString& endpoint, QString& address, QString& port);
};

} // namespace mtr::evidence
