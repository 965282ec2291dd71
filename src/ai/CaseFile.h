// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Evidence.h"
#include "domain/Types.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace mtr::ai {

/// A person named by Central (alert person, endpoint associatedPerson) with what identifies them.
struct CasePerson
{
    QString id;
    QString name;     ///< display name, "Jana Prüfer"
    QString email;    ///< may be empty
    QString userName; ///< "CORP\\jpruefer" or "jpruefer", may be empty
};

/// Everything the assistant may know about one case, as plain values. The caller (workflow)
/// builds it from the store and the evidence part; the assistant never reaches further.
struct CaseFile
{
    QString caseId;
    domain::Tenant tenant;
    QStringList tenantDomains; ///< the customer's own DNS domains ("contoso.example")
    QList<domain::Alert> alerts;
    QList<domain::Endpoint> endpoints;
    QList<domain::TimelineEvent> timeline;
    QList<domain::Indicator> indicators;
    QList<domain::Technique> techniques;
    QList<domain::EvidenceItem> evidence;
    QList<CasePerson> persons;
    QStringList knownHosts; ///< host names seen outside endpoint records (firewall, SIEM)
    QStringList knownUsers; ///< account names seen in evidence ("CORP\\svc-backup")

    /// Evidence id under which an alert is cited in drafts.
    static QString alertEvidenceId(const domain::Alert& alert)
    {
        return QStringLiteral("alert:") + alert.id;
    }

    /// Evidence id under which an endpoint record is cited in drafts.
    static QString endpointEvidenceId(const domain::Endpoint& endpoint)
    {
        return QStringLiteral("endpoint:") + endpoint.id;
    }

    /// Every id a draft sentence may cite.
    QSet<QString> evidenceIds() const
    {
        QSet<QString> ids;
        for (const auto& a : alerts) {
            ids.insert(alertEvidenceId(a));
        }
        for (const auto& e : endpoints) {
            ids.insert(endpointEvidenceId(e));
        }
        for (const auto& t : timeline) {
            ids.insert(t.id);
            if (!t.sourceId.isEmpty()) {
                ids.insert(t.sourceId);
            }
        }
        for (const auto& i : indicators) {
            ids.insert(i.sourceId);
        }
        for (const auto& e : evidence) {
            ids.insert(e.id);
        }
        ids.remove(QString());
        return ids;
    }

    /// The endpoint with this id, or nullptr.
    const domain::Endpoint* endpoint(const QString& id) const
    {
        for (const auto& e : endpoints) {
            if (e.id == id) {
                return &e;
            }
        }
        return nullptr;
    }
};

} // namespace mtr::ai
