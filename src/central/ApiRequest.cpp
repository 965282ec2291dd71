// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/ApiRequest.h"

namespace mtr::central {

ApiRequest ApiRequest::get(QUrl url, QString operation, QString tenantId)
{
    ApiRequest r;
    r.url = std::move(url);
    r.operation = std::move(operation);
    r.tenantId = std::move(tenantId);
    return r;
}

ApiRequest ApiRequest::write(
    QByteArray method, QUrl url, QString operation, QString tenantId, const QJsonDocument& body)
{
    ApiRequest r;
    r.method = std::move(method);
    r.url = std::move(url);
    r.operation = std::move(operation);
    r.tenantId = std::move(tenantId);
    r.body = body.toJson(QJsonDocument::Compact);
    r.idempotent = false;
    return r;
}

} // namespace mtr::central
