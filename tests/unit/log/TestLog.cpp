// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "log/Log.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

/// The logging target: file mode, level specs, Qt messages routed in, and fingerprints.
class TestLog : public QObject
{
    Q_OBJECT

private slots:

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("logs/test.log"));
        mtr::log::Options options;
        options.filePath = m_path;
        options.toStderr = false;
        QCOMPARE(mtr::log::init(options), m_path);
        mtr::log::installQtMessageHandler();
    }

    void fileIsPrivate()
    {
        struct stat st
        {
        };

        QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
    }

    void levelSpecPerPart()
    {
        mtr::log::applyLevelSpec(QStringLiteral("central=debug, store=error, warn"));
        QCOMPARE(mtr::log::get("central")->level(), spdlog::level::debug);
        QCOMPARE(mtr::log::get("store")->level(), spdlog::level::err);
        QCOMPARE(mtr::log::get("ai")->level(), spdlog::level::warn);
        mtr::log::applyLevelSpec(QStringLiteral("bogus-level"));
        QCOMPARE(mtr::log::get("central")->level(), spdlog::level::info);
    }

    void qtMessagesReachTheFile()
    {
        mtr::log::applyLevelSpec(QStringLiteral("info"));
        qWarning("planted-qt-warning-%d", 42);
        mtr::log::get("workflow")
            ->info("sync finished tenant={} alerts={}", QStringLiteral("t-1"), 3);
        mtr::log::flush();
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("[qt] default: planted-qt-warning-42"));
        QVERIFY(text.contains("[workflow] sync finished tenant=t-1 alerts=3"));
    }

    void fingerprintIsKeyedAndStable()
    {
        mtr::log::setFingerprintKey(QByteArrayLiteral("key-one"));
        const QString a = mtr::log::fingerprint(QStringLiteral("WS-0042.contoso.local"));
        QCOMPARE(mtr::log::fingerprint(QStringLiteral("WS-0042.contoso.local")), a);
        QVERIFY(a.startsWith(QStringLiteral("h:")));
        QVERIFY(!a.contains(QStringLiteral("WS-0042")));
        QVERIFY(a != mtr::log::fingerprint(QStringLiteral("WS-0043.contoso.local")));
        mtr::log::setFingerprintKey(QByteArrayLiteral("key-two"));
        QVERIFY(a != mtr::log::fingerprint(QStringLiteral("WS-0042.contoso.local")));
        QCOMPARE(mtr::log::fingerprint(QString()), QStringLiteral("h:-"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestLog)
#include "TestLog.moc"
