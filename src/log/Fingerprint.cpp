// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "log/Fingerprint.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QMutex>
#include <QRandomGenerator>

namespace mtr::log {
namespace {

QMutex s_keyMutex;

QByteArray& keyStorage()
{
    static QByteArray key = [] {
        QByteArray k(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(k.data()), 8);
        return k;
    }();
    return key;
}

} // namespace

void setFingerprintKey(const QByteArray& key)
{
    QMutexLocker lock(&s_keyMutex);
    keyStorage() = key;
}

QString fingerprint(const QString& value)
{
    if (value.isEmpty())
        return QStringLiteral("h:-");
    QByteArray key;
    {
        QMutexLocker lock(&s_keyMutex);
        key = keyStorage();
    }
    const QByteArray mac =
        QMessageAuthenticationCode::hash(value.toUtf8(), key, QCryptographicHash::Sha256);
    return QStringLiteral("h:") + QString::fromLatin1(mac.toHex().left(10));
}

} // namespace mtr::log
