// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "central/OneShotBody.h"

#include <algorithm>
#include <cstring>

namespace mtr::central {

OneShotBody::OneShotBody(QByteArray data, QObject* parent)
    : QIODevice(parent)
    , m_data(std::move(data))
{
    open(QIODevice::ReadOnly);
}

bool OneShotBody::isSequential() const
{
    return true;
}

qint64 OneShotBody::bytesAvailable() const
{
    return (m_data.size() - m_pos) + QIODevice::bytesAvailable();
}

bool OneShotBody::reset()
{
    return false;
}

bool OneShotBody::seek(qint64 pos)
{
    Q_UNUSED(pos);
    return false;
}

qint64 OneShotBody::readData(char* data, qint64 maxSize)
{
    const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_pos);
    if (n <= 0) {
        return -1;
    }
    std::memcpy(data, m_data.constData() + m_pos, size_t(n));
    m_pos += n;
    return n;
}

qint64 OneShotBody::writeData(const char* data, qint64 maxSize)
{
    Q_UNUSED(data);
    Q_UNUSED(maxSize);
    return -1;
}

} // namespace mtr::central
