// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "evidence/ReadDiagnostic.h"
#include "workflow/EvidenceKind.h"

#include <QMetaType>

namespace mtr::workflow {

/// The outcome of one evidence import. Bad records are listed in `problems` with their line
/// or byte offset; the good ones were stored. A cancelled import stored nothing.
struct EvidenceImportReport
{
    EvidenceKind kind = EvidenceKind::Unknown;
    QString command;        ///< Live Response: the command recognised
    qint64 bytes = 0;       ///< size of the file read
    int records = 0;        ///< records read (lines, JSON objects, output rows)
    int items = 0;          ///< evidence items stored
    int indicators = 0;     ///< indicators new to the case
    int timelineEvents = 0; ///< timeline events stored from this file
    int correlations = 0;   ///< links made to connections already on the case timeline
    evidence::ReadDiagnostics problems;
    bool cancelled = false;
};

} // namespace mtr::workflow

Q_DECLARE_METATYPE(mtr::workflow::EvidenceImportReport)
