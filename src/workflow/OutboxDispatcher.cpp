// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/OutboxDispatcher.h"

#include "central/CentralClient.h"
#include "log/Log.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/Digest.h"
#include "store/OutboxRepository.h"
#include "store/ProposalRepository.h"
#include "store/TenantRepository.h"
#include "workflow/OutboxPayload.h"
#include "workflow/SendStepLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace mtr::workflow {

using State = domain::OutboxItem::State;

namespace {

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool uncertain(const Error& e)
{
    return e.code == Error::Code::OutcomeUnknown || e.code == Error::Code::Timeout;
}

} // namespace

OutboxDispatcher::OutboxDispatcher(store::Database& db,
                                   central::CentralClient* client,
                                   RolloutPolicy policy,
                                   DispatcherConfig config,
                                   QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_client(client)
    , m_policy(std::move(policy))
    , m_config(std::move(config))
    , m_smtp(m_config.smtp)
{
    qRegisterMetaType<mtr::workflow::DispatchSummary>();
    connect(&m_timer, &QTimer::timeout, this, [this] {
        dispatchOnce();
    });
}

bool OutboxDispatcher::dispatchOnce()
{
    if (m_busy)
        return false;
    m_busy = true;
    m_summary = DispatchSummary();
    QTimer::singleShot(0, this, &OutboxDispatcher::claimNext);
    return true;
}

void OutboxDispatcher::start(int intervalMs)
{
    m_timer.start(intervalMs);
    dispatchOnce();
}

void OutboxDispatcher::stop()
{
    m_timer.stop();
}

void OutboxDispatcher::claimNext()
{
    auto claimed = store::OutboxRepository(m_db).claim(m_config.owner,
                                                       QDateTime::currentDateTimeUtc(),
                                                       m_config.leaseMs);
    if (!claimed || !claimed.value()) {
        if (!claimed)
            mtr::log::get("workflow")->warn("outbox claim failed: {}", claimed.error().message);
        m_busy = false;
        emit drained(m_summary);
        return;
    }
    process(*claimed.value());
}

std::optional<domain::Tenant> OutboxDispatcher::tenant(const QString& tenantId)
{
    auto tenants = store::TenantRepository(m_db).list();
    if (tenants) {
        for (const auto& t : tenants.value()) {
            if (t.id == tenantId)
                return t;
        }
    }
    return std::nullopt;
}

std::optional<domain::Tenant> OutboxDispatcher::tenantOrFail(const domain::OutboxItem& item)
{
    auto t = tenant(item.tenantId);
    if (!t)
        failed(item, Error::make(Error::Code::NotFound, QStringLiteral("tenant not stored")));
    return t;
}

Result<domain::Proposal> OutboxDispatcher::verifyApproval(const domain::OutboxItem& item)
{
    store::ProposalRepository proposals(m_db);
    auto found = proposals.get(item.proposalId);
    if (!found)
        return found.error();
    auto refuse = [](const char* why) {
        return Error::make(Error::Code::NotAllowed, QLatin1String(why));
    };
    if (!found.value())
        return refuse("no proposal behind the item");
    const domain::Proposal p = *found.value();
    const QString digest = store::contentDigest(item.payload);
    auto current = proposals.lockedDigest(item.proposalId);
    if (!current)
        return current.error();
    if (p.status != QLatin1String("open"))
        return refuse("the proposal is no longer open");
    if (digest != item.contentDigest || digest != current.value() || p.kind != item.kind)
        return refuse("the content changed after approval");
    const TenantPolicy policy = m_policy.policyFor(p.tenantId);
    if (!RolloutPolicy::acceptsKind(policy.phase, p.kind))
        return refuse("the tenant's rollout phase accepts no such item");
    auto valid = proposals.validApprovals(item.proposalId);
    if (!valid)
        return valid.error();
    QSet<QString> analysts;
    for (const auto& a : valid.value()) {
        if (a.contentDigest == digest)
            analysts.insert(a.analyst);
    }
    if (analysts.isEmpty())
        return refuse("no approval of exactly this content");
    if (analysts.size() < RolloutPolicy::requiredApprovals(policy, p.highImpact))
        return refuse("a second, different analyst must approve");
    return p;
}

bool OutboxDispatcher::guard(const domain::OutboxItem& item)
{
    auto ok = verifyApproval(item);
    if (ok)
        return true;
    audit(item, QStringLiteral("send-refused"), {{QStringLiteral("reason"), ok.error().message}});
    ++m_summary.refused;
    auto r =
        store::OutboxRepository(m_db).markFailed(item.id,
                                                 m_config.owner,
                                                 QStringLiteral("refused: ") + ok.error().message);
    if (!r)
        mtr::log::get("workflow")->error("outbox refuse not recorded: {}", r.error().message);
    emit itemFinished(item.id, QStringLiteral("refused"), ok.error().message);
    QTimer::singleShot(0, this, &OutboxDispatcher::claimNext);
    return false;
}

void OutboxDispatcher::process(const domain::OutboxItem& item)
{
    if (!guard(item))
        return;
    auto payload = OutboxPayload::parse(item.payload);
    if (!payload) {
        failed(item, payload.error());
        return;
    }
    const QString kind = item.kind;
    if (kind == QLatin1String(OutboxPayload::IsolateEndpoint))
        sendIsolation(item, payload.value());
    else if (kind == QLatin1String(OutboxPayload::AlertAction))
        sendAlertAction(item, payload.value());
    else if (kind == QLatin1String(OutboxPayload::LiveDiscover))
        sendLiveDiscover(item, payload.value());
    else if (kind == QLatin1String(OutboxPayload::CustomerMessage))
        sendCustomerMessage(item, payload.value());
    else if (kind == QLatin1String(OutboxPayload::BlockHash))
        sendBlockHash(item, payload.value());
    else
        failed(
            item,
            Error::make(Error::Code::NotAllowed, QStringLiteral("kind cannot be sent: ") + kind));
}

bool OutboxDispatcher::reconciling(const domain::OutboxItem& item) const
{
    return item.inDoubt || item.attempts > 1;
}

void OutboxDispatcher::audit(const domain::OutboxItem& item,
                             const QString& kind,
                             QJsonObject payload)
{
    payload.insert(QStringLiteral("outboxId"), QString::number(item.id));
    payload.insert(QStringLiteral("proposalId"), item.proposalId);
    payload.insert(QStringLiteral("itemKind"), item.kind);
    payload.insert(QStringLiteral("digest"), item.contentDigest);
    domain::AuditEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.tenantId = item.tenantId;
    entry.caseId = item.caseId;
    entry.analyst = QStringLiteral(""); // the system
    entry.kind = kind;
    entry.payload = compact(payload);
    if (auto r = store::AuditLog(m_db).append(entry); !r)
        mtr::log::get("workflow")->error("outbox audit failed: {}", r.error().message);
}

void OutboxDispatcher::finishItem(const domain::OutboxItem& item,
                                  State state,
                                  const QString& detail)
{
    store::OutboxRepository outbox(m_db);
    Result<void> r;
    QString outcome = domain::OutboxItem::stateToString(state);
    if (state == State::Sent) {
        r = outbox.markSent(item.id, m_config.owner, detail);
        ++m_summary.sent;
        audit(item, QStringLiteral("send"), {{QStringLiteral("result"), detail}});
    } else if (state == State::OutcomeUnknown) {
        r = outbox.markOutcomeUnknown(item.id, m_config.owner, detail);
        ++m_summary.outcomeUnknown;
        audit(item, QStringLiteral("send-outcome-unknown"), {{QStringLiteral("reason"), detail}});
    } else {
        r = outbox.markFailed(item.id, m_config.owner, detail);
        ++m_summary.failed;
        audit(item, QStringLiteral("send-failed"), {{QStringLiteral("reason"), detail}});
    }
    if (!r)
        mtr::log::get("workflow")
            ->error("outbox item {} not finished: {}", item.id, r.error().message);
    mtr::log::get("workflow")->info("outbox item {} kind={} {}", item.id, item.kind, outcome);
    emit itemFinished(item.id, outcome, detail);
    QTimer::singleShot(0, this, &OutboxDispatcher::claimNext);
}

void OutboxDispatcher::retry(const domain::OutboxItem& item, const QString& reason)
{
    if (item.attempts >= m_config.maxAttempts) {
        finishItem(item, State::Failed, reason);
        return;
    }
    const qint64 delay =
        std::min<qint64>(qint64(m_config.backoffBaseMs) << std::min(item.attempts - 1, 16),
                         m_config.maxBackoffMs);
    auto r =
        store::OutboxRepository(m_db).retryLater(item.id,
                                                 m_config.owner,
                                                 reason,
                                                 QDateTime::currentDateTimeUtc().addMSecs(delay));
    if (!r)
        mtr::log::get("workflow")->error("outbox retry not recorded: {}", r.error().message);
    ++m_summary.retried;
    audit(item, QStringLiteral("send-retry"), {{QStringLiteral("reason"), reason}});
    emit itemFinished(item.id, QStringLiteral("retry"), reason);
    QTimer::singleShot(0, this, &OutboxDispatcher::claimNext);
}

void OutboxDispatcher::failed(const domain::OutboxItem& item, const Error& error)
{
    if (uncertain(error)) {
        finishItem(item,
                   State::OutcomeUnknown,
                   QStringLiteral("outcome unknown — check: ") + error.message);
        return;
    }
    if (error.retryable) {
        retry(item, error.message);
        return;
    }
    finishItem(item, State::Failed, error.message);
}

QString OutboxDispatcher::marker(const domain::OutboxItem& item)
{
    return QStringLiteral("[mtr-outbox %1]")
        .arg(item.idempotencyKey.section(QLatin1Char('@'), -1).left(16));
}

} // namespace mtr::workflow
