// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QList>
#include <QString>

namespace mtr::evidence {

/// One problem found while reading evidence. Readers never abandon an import for a bad record:
/// they skip it and say where it was, so the analyst can look at the raw text themselves.
struct ReadDiagnostic
{
    enum class Level
    {
        Warning,
        Error
    };

    Level level = Level::Error;
    qint64 line = -1;   ///< 1-based line, -1 when the reader works on byte offsets only
    qint64 offset = -1; ///< byte offset (or QChar offset for text readers), -1 when unknown
    QString message;    ///< translated (context "mtr::evidence"); names the line, offset or value
};

using ReadDiagnostics = QList<ReadDiagnostic>;

} // namespace mtr::evidence
