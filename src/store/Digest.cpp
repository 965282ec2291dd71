// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "store/Digest.h"

#include <QCryptographicHash>

namespace mtr::store {

QString contentDigest(const QString& content)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(content.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace mtr::store
