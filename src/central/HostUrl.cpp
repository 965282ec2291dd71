// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/HostUrl.h"

#include <QHostAddress>

namespace mtr::central {

QString HostUrl::normalise(const QString& base)
{
    QString s = base.trimmed();
    while (s.endsWith(QLatin1Char('/'))) {
        s.chop(1);
    }
    return s;
}

QUrl HostUrl::join(const QString& base, const QString& path, const QUrlQuery& query)
{
    QUrl url(normalise(base) + path, QUrl::StrictMode);
    if (!query.isEmpty()) {
        url.setQuery(query);
    }
    return url;
}

bool HostUrl::isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

} // namespace mtr::central
