// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QString>

namespace mtr::store {

/// Lower-case hex SHA-256 of the UTF-8 bytes of \p content: the digest an approval binds to.
QString contentDigest(const QString& content);

} // namespace mtr::store
