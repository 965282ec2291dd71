// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/OutboxItem.h"
#include "domain/Proposal.h"
#include "domain/Result.h"
#include "domain/Types.h"
#include "workflow/RolloutPolicy.h"
#include "workflow/SmtpSender.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>

namespace mtr::central {
class CentralClient;
}

namespace mtr::store {
class Database;
}

namespace mtr::workflow {

/// How the dispatcher claims, retries and mails.
struct DispatcherConfig
{
    QString owner = QStringLiteral("dispatcher"); ///< lease owner name; unique per process
    qint64 leaseMs = 120000;                      ///< longer than any single send
    int maxAttempts = 5;                          ///< then the item fails with its last reason
    int backoffBaseMs = 2000;                     ///< doubled per attempt
    int maxBackoffMs = 300000;
    int pollMs = 15000; ///< how often the console looks for due items without a nudge
    SmtpConfig smtp;    ///< customer e-mail
};

/// Counts of one drain of the outbox.
struct DispatchSummary
{
    int sent = 0;
    int failed = 0;
    int refused = 0;
    int outcomeUnknown = 0;
    int retried = 0;
};

/// Sends approved outbox items exactly once. It claims one item at a time with a lease, checks
/// right before every write that a valid approval of exactly the item's content exists
/// (refusing and auditing otherwise), and sends: isolation and hash blocks through the Endpoint
/// API, alert actions through the Alerts API, Live Discover runs, and customer messages as a
/// Cases API update plus an e-mail over SMTP with TLS. After a lease that ran out, a retry, a
/// timeout or a dropped connection it first reads Central's state (isolation, blocked items,
/// alert, case) and sends only what did not happen; when it cannot tell, the item becomes
/// "outcome unknown — check".
class OutboxDispatcher : public QObject
{
    Q_OBJECT

public:
    /// Uses \p db and \p client (this thread's), which must outlive it.
    OutboxDispatcher(store::Database& db,
                     central::CentralClient* client,
                     RolloutPolicy policy,
                     DispatcherConfig config,
                     QObject* parent = nullptr);

    /// Sends every due item, one after the other; drained() follows. False while draining.
    bool dispatchOnce();

    /// Drains now and then every \p intervalMs until stop().
    void start(int intervalMs);

    /// Stops polling; the item in hand is still finished.
    void stop();

    /// The approval check made right before each write: the proposal exists and is open, its
    /// content digest is the item's and the payload's, the phase accepts the kind, and enough
    /// different analysts approved that digest. NotAllowed names what is missing.
    Result<domain::Proposal> verifyApproval(const domain::OutboxItem& item);

signals:
    /// An item left the dispatcher's hands: "sent", "failed", "refused", "outcome-unknown",
    /// "retry".
    void itemFinished(qint64 id, const QString& outcome, const QString& detail);
    /// No due item is left.
    void drained(const mtr::workflow::DispatchSummary& summary);

private:
    using Then = std::function<void()>;
    void claimNext();
    void process(const domain::OutboxItem& item);
    bool guard(const domain::OutboxItem& item);
    void sendIsolation(const domain::OutboxItem& item, const QJsonObject& payload);
    void
    isolate(const domain::OutboxItem& item, const QJsonObject& payload, const QStringList& ids);
    void readIsolation(const domain::OutboxItem& item,
                       QStringList ids,
                       QStringList remaining,
                       std::function<void(const Result<QStringList>&)> done);
    void sendBlockHash(const domain::OutboxItem& item, const QJsonObject& payload);
    void blockHash(const domain::OutboxItem& item, const QJsonObject& payload);
    void findBlockedHash(const domain::OutboxItem& item,
                         const QString& sha256,
                         std::function<void(const Result<bool>&)> done);
    void sendAlertAction(const domain::OutboxItem& item, const QJsonObject& payload);
    void sendLiveDiscover(const domain::OutboxItem& item, const QJsonObject& payload);
    void sendCustomerMessage(const domain::OutboxItem& item, const QJsonObject& payload);
    void updateCase(const domain::OutboxItem& item, const QJsonObject& payload, Then then);
    void sendMail(const domain::OutboxItem& item, const QJsonObject& payload);
    void failed(const domain::OutboxItem& item, const Error& error);
    void finishItem(const domain::OutboxItem& item,
                    domain::OutboxItem::State state,
                    const QString& detail);
    void retry(const domain::OutboxItem& item, const QString& reason);
    void audit(const domain::OutboxItem& item, const QString& kind, QJsonObject payload);
    bool reconciling(const domain::OutboxItem& item) const;
    std::optional<domain::Tenant> tenant(const QString& tenantId);
    /// The item's tenant, or nullopt after failing the item: a send needs the tenant's API host.
    std::optional<domain::Tenant> tenantOrFail(const domain::OutboxItem& item);
    static QString marker(const domain::OutboxItem& item);

    store::Database& m_db;
    central::CentralClient* m_client;
    RolloutPolicy m_policy;
    DispatcherConfig m_config;
    SmtpSender m_smtp;
    DispatchSummary m_summary;
    QTimer m_timer;
    bool m_busy = false;
};

} // namespace mtr::workflow

Q_DECLARE_METATYPE(mtr::workflow::DispatchSummary)
