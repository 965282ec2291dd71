// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "workflow/CentralCaseLink.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <tuple>

namespace mtr::workflow {

namespace {

/// 0: the case names the device; 1: it does not.
int deviceRank(const domain::Case& c, const QString& endpointId, const QString& hostname)
{
    if (!endpointId.isEmpty()
        && QString::fromUtf8(QJsonDocument(c.raw).toJson(QJsonDocument::Compact))
               .contains(endpointId, Qt::CaseInsensitive))
        return 0;
    // "dc01.corp.example.com" is named "dc01" in most case titles.
    const QString shortName = hostname.section(QLatin1Char('.'), 0, 0);
    if (shortName.size() >= 3) {
        const QRegularExpression word(
            QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(shortName)),
            QRegularExpression::CaseInsensitiveOption);
        if (word.match(c.name).hasMatch() || word.match(c.overview).hasMatch())
            return 0;
    }
    return 1;
}

bool resolved(const domain::Case& c)
{
    return c.status.compare(QLatin1String("resolved"), Qt::CaseInsensitive) == 0;
}

} // namespace

QList<domain::Case>
CentralCaseLink::rank(QList<domain::Case> cases, const QString& endpointId, const QString& hostname)
{
    std::stable_sort(cases.begin(), cases.end(), [&](const domain::Case& a, const domain::Case& b) {
        const auto key = [&](const domain::Case& c) {
            return std::make_tuple(deviceRank(c, endpointId, hostname),
                                   resolved(c) ? 1 : 0,
                                   -(c.updatedAt.isValid() ? c.updatedAt.toMSecsSinceEpoch()
                                                           : c.createdAt.toMSecsSinceEpoch()));
        };
        return key(a) < key(b);
    });
    return cases;
}

QString CentralCaseLink::label(const domain::Case& c)
{
    const QString name = c.name.isEmpty() ? c.id : c.name;
    return c.status.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, c.status);
}

} // namespace mtr::workflow
