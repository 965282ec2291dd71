// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QDateTime>
#include <QString>

namespace mtr::domain {

/// One approved item waiting to leave the console. A record exists before anything is sent;
/// the dispatcher claims it with a lease, and a lease that ran out means "maybe sent": the
/// dispatcher must read Central's state before sending again.
struct OutboxItem
{
    /// pending -> sending -> sent | failed | outcome-unknown (a retry goes back to pending).
    enum class State
    {
        Pending,
        Sending,
        Sent,
        Failed,
        OutcomeUnknown
    };

    qint64 id = 0;
    QString idempotencyKey; ///< unique: enqueueing the same key twice yields the same item
    QString tenantId;
    QString caseId;
    QString proposalId;
    QString kind;    ///< what the dispatcher does with it, e.g. "isolate-endpoint"
    QString payload; ///< exact content; its digest matched an approval at enqueue time
    QString contentDigest;
    State state = State::Pending;
    int attempts = 0;
    QString lastError;
    QString leaseOwner;
    QDateTime leaseUntil;    ///< UTC
    QDateTime nextAttemptAt; ///< UTC; not claimed before this time
    QDateTime createdAt;
    QDateTime updatedAt;
    QString result;       ///< what Central answered (ids, status), once sent
    bool inDoubt = false; ///< claimed after an earlier lease expired: check before resending

    /// "pending", "sending", "sent", "failed", "outcome-unknown".
    static QString stateToString(State state)
    {
        switch (state) {
        case State::Sending:
            return QStringLiteral("sending");
        case State::Sent:
            return QStringLiteral("sent");
        case State::Failed:
            return QStringLiteral("failed");
        case State::OutcomeUnknown:
            return QStringLiteral("outcome-unknown");
        case State::Pending:
            break;
        }
        return QStringLiteral("pending");
    }

    /// Inverse of stateToString(); unknown words read as OutcomeUnknown (never resend blindly).
    static State stateFromString(const QString& text)
    {
        for (State s : {State::Pending, State::Sending, State::Sent, State::Failed}) {
            if (stateToString(s) == text)
                return s;
        }
        return State::OutcomeUnknown;
    }
};

} // namespace mtr::domain
