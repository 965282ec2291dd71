// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

namespace mtr::evidence::test {

/// Bytes of tests/data/evidence/<relative>; fails the current test when the file is missing.
inline QByteArray evidenceBytes(const QString& relative)
{
    QFile file(QStringLiteral(MTR_TEST_DATA_DIR "/evidence/") + relative);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("missing test data ") + relative),
                     __FILE__,
                     __LINE__);
        return {};
    }
    return file.readAll();
}

/// The same file as UTF-8 text.
inline QString evidenceText(const QString& relative)
{
    return QString::fromUtf8(evidenceBytes(relative));
}

} // namespace mtr::evidence::test
