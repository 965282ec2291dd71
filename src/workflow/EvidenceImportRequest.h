// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "workflow/EvidenceKind.h"

#include <QDateTime>
#include <QString>

namespace mtr::workflow {

/// What to import and where: one file into one case.
struct EvidenceImportRequest
{
    QString filePath;
    QString caseId;
    QString tenantId;
    EvidenceKind kind = EvidenceKind::Unknown; ///< Unknown: detect from the file's contents
    QString host;                              ///< Live Response: the endpoint the output came from
    QDateTime collectedAt; ///< Live Response: when it ran; invalid = the file's modification time
    QString commandHint;   ///< Live Response: one of LiveResponseReader::commands(), optional
};

} // namespace mtr::workflow
