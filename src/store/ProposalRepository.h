// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Approval.h"
#include "domain/Proposal.h"
#include "domain/Result.h"

#include <QList>

#include <optional>

namespace mtr::store {

class Database;

/// Proposals and the approvals of them. An approval binds analyst, time and the SHA-256 of the
/// exact content the analyst saw; changing a proposal's content leaves old approvals in place
/// but void, because their digest no longer matches.
class ProposalRepository
{
public:
    /// Works on \p db, which must outlive this object.
    explicit ProposalRepository(Database& db)
        : m_db(db)
    {}

    /// Inserts or updates a proposal; its content digest is computed here, never trusted.
    Result<void> upsert(const domain::Proposal& proposal);

    /// The proposal, or nullopt.
    Result<std::optional<domain::Proposal>> get(const QString& id);

    /// Open proposals of a case, oldest first.
    Result<QList<domain::Proposal>> openForCase(const QString& caseId);

    /// Sets the status: "open", "rejected", "withdrawn".
    Result<void> setStatus(const QString& id, const QString& status);

    /// Records \p analyst's approval of \p contentSeen. Refused (NotAllowed) when the proposal
    /// is not open or its content is no longer exactly what the analyst saw. Approving twice
    /// returns the first approval.
    Result<domain::Approval> approve(const QString& proposalId,
                                     const QString& analyst,
                                     const QString& contentSeen,
                                     const QDateTime& at);

    /// Every approval ever recorded for the proposal, void ones included.
    Result<QList<domain::Approval>> approvals(const QString& proposalId);

    /// Approvals whose digest matches the proposal's current content.
    Result<QList<domain::Approval>> validApprovals(const QString& proposalId);

    /// Current content digest of a proposal, read under a row lock on PostgreSQL (caller's
    /// transaction); NotFound when the proposal does not exist.
    Result<QString> lockedDigest(const QString& proposalId);

private:
    Result<QList<domain::Approval>> selectApprovals(const QString& sql, const QVariantList& binds);

    Database& m_db;
};

} // namespace mtr::store
