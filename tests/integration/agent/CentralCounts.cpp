// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "CentralCounts.h"

#include "central/CentralClient.h"

#include <QEventLoop>
#include <QTimer>

#include <functional>
#include <memory>

namespace mtr::testing {

CentralCounts CentralCounts::read(const QString& baseUrl, const QString& caFile)
{
    central::CentralConfig config;
    config.identityBase = baseUrl;
    config.globalBase = baseUrl;
    config.clientId = QStringLiteral("demo-client");
    config.clientSecret = Secret(QStringLiteral("demo-secret"));
    config.caFile = caFile;
    central::CentralClient client(config);
    CentralCounts counts;
    QEventLoop loop;
    QList<domain::Tenant> tenants;
    auto fail = [&](const Error& error) {
        counts.error = error.message;
        loop.quit();
    };
    std::function<void(int)> visit = [&](int index) {
        if (index >= tenants.size()) {
            loop.quit();
            return;
        }
        const domain::Tenant tenant = tenants.at(index);
        auto onAlerts = [&](const central::Page<domain::Alert>& page) {
            counts.alerts += int(page.items.size());
        };
        auto onEvents = [&](const central::Page<domain::SiemEvent>& page) {
            for (const domain::SiemEvent& event : page.items) {
                counts.eventIds.insert(event.id);
            }
        };
        client.alerts(tenant).list({},
                                   &loop,
                                   onAlerts,
                                   [&, tenant, index, onEvents](Result<int> done) {
                                       if (!done) {
                                           fail(done.error());
                                           return;
                                       }
                                       client.siem(tenant).drainEvents({},
                                                                       1000,
                                                                       &loop,
                                                                       onEvents,
                                                                       [&, index](Result<int> n) {
                                                                           if (!n) {
                                                                               fail(n.error());
                                                                               return;
                                                                           }
                                                                           visit(index + 1);
                                                                       });
                                   });
    };
    client.tenants(&loop, [&](Result<QList<domain::Tenant>> list) {
        if (!list) {
            fail(list.error());
            return;
        }
        tenants = list.value();
        counts.tenants = int(tenants.size());
        visit(0);
    });
    QTimer::singleShot(300000, &loop, [&]() {
        counts.error = QStringLiteral("timed out");
    });
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    loop.exec();
    return counts;
}

} // namespace mtr::testing
