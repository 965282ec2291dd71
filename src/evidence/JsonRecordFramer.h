// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "evidence/ReadDiagnostic.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace mtr::evidence {

/// One JSON object cut out of an export, with where it started.
struct JsonRecord
{
    QJsonObject object;
    qint64 offset = 0; ///< byte offset of its opening brace
    qint64 line = 1;   ///< 1-based line of its opening brace
};

/// The records found in an export plus what could not be read.
struct JsonFrameResult
{
    QList<JsonRecord> records;
    ReadDiagnostics diagnostics;
};

/// Cuts Central/SIEM exports into JSON objects whatever the framing: a JSON array, an
/// `{"items":[...]}` envelope (or several pages of them), NDJSON, objects concatenated with no
/// separator, objects pretty-printed across lines, blank lines and NUL delimiters (known fault K6).
/// A broken or truncated record is reported with its byte offset and line; the others are kept.
class JsonRecordFramer
{
public:
    /// Frames `data`; never fails as a whole.
    static JsonFrameResult frame(const QByteArray& data);
};

} // namespace mtr::evidence
