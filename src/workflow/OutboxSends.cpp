// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
// The per-kind send paths of OutboxDispatcher (kept apart from the claim/guard/finish core).
#include "central/CentralClient.h"
#include "workflow/OutboxDispatcher.h"
#include "workflow/OutboxPayload.h"
#include "workflow/SendStepLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <memory>

namespace mtr::workflow {

using State = domain::OutboxItem::State;

namespace {

QString compactArray(const QJsonArray& a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

} // namespace

void OutboxDispatcher::readIsolation(const domain::OutboxItem& item,
                                     QStringList ids,
                                     QStringList remaining,
                                     std::function<void(const Result<QStringList>&)> done)
{
    if (ids.isEmpty()) {
        done(remaining);
        return;
    }
    const auto t = tenant(item.tenantId);
    if (!t) {
        done(Error::make(Error::Code::NotFound, QStringLiteral("tenant not stored")));
        return;
    }
    const QString id = ids.takeFirst();
    m_client->endpoints(*t).isolation(
        id,
        this,
        [this, item, ids, remaining, id, done](Result<domain::IsolationState> state) {
            if (!state) {
                done(state.error());
                return;
            }
            QStringList left = remaining;
            if (!state.value().enabled)
                left.append(id);
            readIsolation(item, ids, left, done);
        });
}

void OutboxDispatcher::sendIsolation(const domain::OutboxItem& item, const QJsonObject& payload)
{
    const QStringList ids = OutboxPayload::strings(payload, "endpointIds");
    if (ids.isEmpty()) {
        failed(item, Error::make(Error::Code::InvalidInput, QStringLiteral("no endpoint ids")));
        return;
    }
    if (!reconciling(item)) {
        isolate(item, payload, ids);
        return;
    }
    readIsolation(item, ids, {}, [this, item, payload](const Result<QStringList>& left) {
        if (!left)
            finishItem(item,
                       State::OutcomeUnknown,
                       QStringLiteral("outcome unknown — check: cannot read isolation: ")
                           + left.error().message);
        else if (left.value().isEmpty())
            finishItem(item, State::Sent, QStringLiteral("isolation confirmed by reading Central"));
        else
            isolate(item, payload, left.value());
    });
}

void OutboxDispatcher::isolate(const domain::OutboxItem& item,
                               const QJsonObject& payload,
                               const QStringList& ids)
{
    const auto t = tenantOrFail(item);
    if (!t)
        return;
    if (!guard(item))
        return;
    const QString comment = payload.value(QLatin1String("comment")).toString();
    m_client->endpoints(*t)
        .setIsolationBulk(ids, true, comment, this, [this, item, ids](Result<QJsonArray> answer) {
            if (answer) {
                finishItem(item, State::Sent, compactArray(answer.value()));
                return;
            }
            if (answer.error().code != Error::Code::OutcomeUnknown
                && answer.error().code != Error::Code::Timeout) {
                failed(item, answer.error());
                return;
            }
            readIsolation(item, ids, {}, [this, item](const Result<QStringList>& left) {
                if (!left)
                    finishItem(item,
                               State::OutcomeUnknown,
                               QStringLiteral("outcome unknown — check: ") + left.error().message);
                else if (left.value().isEmpty())
                    finishItem(item,
                               State::Sent,
                               QStringLiteral("isolation confirmed after a lost answer"));
                else
                    retry(item, QStringLiteral("isolation not applied; sending again"));
            });
        });
}

void OutboxDispatcher::findBlockedHash(const domain::OutboxItem& item,
                                       const QString& sha256,
                                       std::function<void(const Result<bool>&)> done)
{
    const auto t = tenant(item.tenantId);
    if (!t) {
        done(Error::make(Error::Code::NotFound, QStringLiteral("tenant not stored")));
        return;
    }
    auto found = std::make_shared<bool>(false);
    m_client->blockedItems(*t).list(
        this,
        [found, sha256](const central::Page<domain::BlockedItem>& page) {
            for (const auto& b : page.items) {
                if (b.sha256.compare(sha256, Qt::CaseInsensitive) == 0)
                    *found = true;
            }
        },
        [found, done](Result<int> listed) {
            if (listed)
                done(*found);
            else
                done(listed.error());
        });
}

void OutboxDispatcher::sendBlockHash(const domain::OutboxItem& item, const QJsonObject& payload)
{
    static const QRegularExpression hex64(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    const QString sha256 = payload.value(QLatin1String("sha256")).toString();
    if (!hex64.match(sha256).hasMatch()) {
        failed(item,
               Error::make(Error::Code::InvalidInput,
                           QStringLiteral("the item holds no SHA-256 (64 hex digits)")));
        return;
    }
    if (!reconciling(item)) {
        blockHash(item, payload);
        return;
    }
    // An earlier attempt may have been applied: the hash on Central's list means it was.
    findBlockedHash(item, sha256, [this, item, payload](const Result<bool>& found) {
        if (!found)
            finishItem(item,
                       State::OutcomeUnknown,
                       QStringLiteral("outcome unknown — check: cannot read blocked items: ")
                           + found.error().message);
        else if (found.value())
            finishItem(item,
                       State::Sent,
                       QStringLiteral("hash block confirmed by reading Central"));
        else
            blockHash(item, payload);
    });
}

void OutboxDispatcher::blockHash(const domain::OutboxItem& item, const QJsonObject& payload)
{
    const auto t = tenantOrFail(item);
    if (!t)
        return;
    if (!guard(item))
        return;
    const QString sha256 = payload.value(QLatin1String("sha256")).toString();
    QString comment = payload.value(QLatin1String("comment")).toString();
    if (comment.trimmed().isEmpty())
        comment = marker(item); // Central then still shows where the block came from
    m_client->blockedItems(*t)
        .add(sha256, comment, this, [this, item, sha256](Result<domain::BlockedItem> added) {
            if (added) {
                finishItem(item, State::Sent, QStringLiteral("blocked item ") + added.value().id);
                return;
            }
            const Error& e = added.error();
            if (e.httpStatus == 409) {
                // Central already blocks this hash (an earlier attempt or another admin).
                finishItem(item, State::Sent, QStringLiteral("hash already blocked (409)"));
                return;
            }
            // A server error on a write may still have been applied; reading tells for sure.
            if (e.code != Error::Code::OutcomeUnknown && e.code != Error::Code::Timeout
                && e.code != Error::Code::Server) {
                failed(item, e);
                return;
            }
            findBlockedHash(item, sha256, [this, item](const Result<bool>& found) {
                if (!found)
                    finishItem(item,
                               State::OutcomeUnknown,
                               QStringLiteral("outcome unknown — check: ") + found.error().message);
                else if (found.value())
                    finishItem(item,
                               State::Sent,
                               QStringLiteral("hash block confirmed after a lost answer"));
                else
                    retry(item, QStringLiteral("hash block not applied; sending again"));
            });
        });
}

void OutboxDispatcher::sendAlertAction(const domain::OutboxItem& item, const QJsonObject& payload)
{
    const auto t = tenantOrFail(item);
    if (!t)
        return;
    const QString alertId = payload.value(QLatin1String("alertId")).toString();
    const QString action = payload.value(QLatin1String("action")).toString();
    const auto known = central::AlertsApi::actionFromName(action);
    if (!known) {
        failed(item,
               Error::make(Error::Code::InvalidInput, QStringLiteral("unknown alert action")));
        return;
    }
    const central::AlertsApi api = m_client->alerts(*t);
    const bool checkFirst = reconciling(item);
    api.get(
        alertId,
        this,
        [this, item, payload, api, known, action, checkFirst](Result<domain::Alert> alert) {
            if (!alert && alert.error().code == Error::Code::NotFound && checkFirst) {
                finishItem(item, State::Sent, QStringLiteral("alert gone: the action was applied"));
                return;
            }
            if (!alert) {
                failed(item, alert.error());
                return;
            }
            if (checkFirst && !alert.value().allowedActions.contains(action)) {
                finishItem(item,
                           State::OutcomeUnknown,
                           QStringLiteral("outcome unknown — check: action no longer offered"));
                return;
            }
            if (!guard(item))
                return;
            api.act(alert.value(),
                    *known,
                    payload.value(QLatin1String("message")).toString(),
                    this,
                    [this, item](Result<domain::AlertActionResult> r) {
                        if (r)
                            finishItem(item,
                                       State::Sent,
                                       r.value().id + QLatin1Char(' ') + r.value().status);
                        else
                            failed(item, r.error());
                    });
        });
}

void OutboxDispatcher::sendLiveDiscover(const domain::OutboxItem& item, const QJsonObject& payload)
{
    const auto t = tenantOrFail(item);
    if (!t)
        return;
    if (reconciling(item)) {
        // Central lists no runs by name through our client: a second run cannot be ruled out.
        finishItem(item,
                   State::OutcomeUnknown,
                   QStringLiteral("outcome unknown — check: the run may have been created"));
        return;
    }
    if (!guard(item))
        return;
    m_client->liveDiscover(*t).createLiveDiscover(
        payload.value(QLatin1String("name")).toString(),
        payload.value(QLatin1String("sql")).toString(),
        OutboxPayload::strings(payload, "endpointIds"),
        this,
        [this, item](Result<domain::QueryRun> run) {
            if (run)
                finishItem(item, State::Sent, QStringLiteral("run ") + run.value().id);
            else
                failed(item, run.error());
        });
}

void OutboxDispatcher::sendCustomerMessage(const domain::OutboxItem& item,
                                           const QJsonObject& payload)
{
    if (payload.value(QLatin1String("centralCaseId")).toString().isEmpty()) {
        failed(item,
               Error::make(Error::Code::InvalidInput, QStringLiteral("no Central case linked")));
        return;
    }
    auto steps = SendStepLog(m_db).steps(item);
    if (!steps) {
        failed(item, steps.error());
        return;
    }
    const auto done = steps.value();
    if (done.value(QLatin1String(SendStepLog::CaseUpdated)) > 0) {
        sendMail(item, payload);
        return;
    }
    updateCase(item, payload, [this, item, payload] {
        sendMail(item, payload);
    });
}

void OutboxDispatcher::updateCase(const domain::OutboxItem& item,
                                  const QJsonObject& payload,
                                  Then then)
{
    const auto t = tenantOrFail(item);
    if (!t)
        return;
    const QString caseId = payload.value(QLatin1String("centralCaseId")).toString();
    const central::CasesApi api = m_client->cases(*t);
    const QString tag = marker(item);
    // Always read first: the case's overview both carries the record and tells whether an
    // earlier attempt already wrote it.
    api.get(
        caseId,
        this,
        [this, item, payload, api, tag, then, caseId](Result<domain::Case> current) {
            if (!current) {
                failed(item, current.error());
                return;
            }
            auto recorded = [this, item, then](const QString& how) {
                if (auto r = SendStepLog(m_db).record(item, SendStepLog::CaseUpdated, how); !r) {
                    failed(item, r.error());
                    return;
                }
                then();
            };
            if (current.value().overview.contains(tag)) {
                recorded(QStringLiteral("found on the case"));
                return;
            }
            if (!guard(item))
                return;
            central::CaseUpdate update;
            QString overview = current.value().overview;
            if (!overview.isEmpty())
                overview += QStringLiteral("\n\n");
            update.overview = overview + payload.value(QLatin1String("body")).toString()
                              + QLatin1Char('\n') + tag;
            const QString status = payload.value(QLatin1String("status")).toString();
            if (!status.isEmpty())
                update.status = status;
            api.update(
                caseId,
                update,
                this,
                [this, item, api, tag, caseId, recorded](Result<domain::Case> r) {
                    if (r) {
                        recorded(QStringLiteral("updated"));
                        return;
                    }
                    if (r.error().code != Error::Code::OutcomeUnknown
                        && r.error().code != Error::Code::Timeout) {
                        failed(item, r.error());
                        return;
                    }
                    api.get(caseId, this, [this, item, tag, recorded](Result<domain::Case> again) {
                        if (!again)
                            finishItem(item,
                                       State::OutcomeUnknown,
                                       QStringLiteral("outcome unknown — check: ")
                                           + again.error().message);
                        else if (again.value().overview.contains(tag))
                            recorded(QStringLiteral("confirmed after a lost answer"));
                        else
                            retry(item, QStringLiteral("case update not applied; sending again"));
                    });
                });
        });
}

void OutboxDispatcher::sendMail(const domain::OutboxItem& item, const QJsonObject& payload)
{
    SendStepLog log(m_db);
    auto steps = log.steps(item);
    if (!steps) {
        failed(item, steps.error());
        return;
    }
    const auto done = steps.value();
    if (done.value(QLatin1String(SendStepLog::SmtpAccepted)) > 0) {
        finishItem(item, State::Sent, QStringLiteral("case updated; e-mail accepted earlier"));
        return;
    }
    if (done.value(QLatin1String(SendStepLog::SmtpAttempt))
        > done.value(QLatin1String(SendStepLog::SmtpNotSent))) {
        finishItem(item,
                   State::OutcomeUnknown,
                   QStringLiteral("outcome unknown — check: the e-mail may have been accepted"));
        return;
    }
    const TenantPolicy policy = m_policy.policyFor(item.tenantId);
    MailMessage message;
    message.from = policy.mailFrom.isEmpty() ? m_config.smtp.from : policy.mailFrom;
    message.to = OutboxPayload::strings(payload, "recipients");
    if (message.to.isEmpty())
        message.to = policy.contacts;
    message.subject = payload.value(QLatin1String("subject")).toString();
    message.body = payload.value(QLatin1String("body")).toString();
    message.messageId = SmtpSender::messageIdFor(item.id, item.idempotencyKey);
    if (message.to.isEmpty()) {
        failed(item,
               Error::make(Error::Code::InvalidInput, QStringLiteral("tenant has no contacts")));
        return;
    }
    if (!guard(item))
        return;
    if (auto r = log.record(item, SendStepLog::SmtpAttempt, message.messageId); !r) {
        failed(item, r.error());
        return;
    }
    m_smtp.send(message, this, [this, item](const Result<QString>& sent) {
        SendStepLog stepLog(m_db);
        if (sent) {
            if (auto r = stepLog.record(item, SendStepLog::SmtpAccepted, sent.value()); !r) {
                failed(item, r.error());
                return;
            }
            finishItem(item, State::Sent, QStringLiteral("case updated; ") + sent.value());
            return;
        }
        if (sent.error().code != Error::Code::OutcomeUnknown) {
            if (auto r = stepLog.record(item, SendStepLog::SmtpNotSent, sent.error().message); !r) {
                failed(item, r.error());
                return;
            }
        }
        failed(item, sent.error());
    });
}

} // namespace mtr::workflow
