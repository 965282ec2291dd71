// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace mtr::central {

/// Host normalisation as the reference describes: whoami may hand out "http://host/" with a
/// trailing slash and either scheme, so bases are trimmed and paths appended carefully.
class HostUrl
{
public:
    /// Trims whitespace and every trailing '/'.
    static QString normalise(const QString& base);

    /// base + path (path starts with '/'), with optional query.
    static QUrl join(const QString& base, const QString& path, const QUrlQuery& query = {});

    /// True for 127.0.0.0/8, ::1 and "localhost".
    static bool isLoopbackHost(const QString& host);
};

} // namespace mtr::central
