// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/AttackCatalog.h"

#include <QFile>
#include <QTest>

using mtr::evidence::AttackCatalog;

/// The embedded ATT&CK v18.1 tables: lookup, tactics, id extraction, and the NOTICE beside them.
class TestAttackCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lookup_data();
    void lookup();
    void extractsIds_data();
    void extractsIds();
    void noticeTravelsWithTheTables();

private:
    AttackCatalog m_catalog;
};

void TestAttackCatalog::initTestCase()
{
    mtr::evidence::ReadDiagnostics diagnostics;
    m_catalog = AttackCatalog::loadEmbedded(&diagnostics);
    QVERIFY(diagnostics.isEmpty());
    QCOMPARE(m_catalog.size(),
             qsizetype(691)); // 216 techniques + 475 sub-techniques (SOURCES.md E)
}

void TestAttackCatalog::lookup_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("firstTactic");

    QTest::addRow("powershell") << "T1059.001"
                                << "PowerShell"
                                << "Execution";
    QTest::addRow("lower-case-id") << "t1059.001"
                                   << "PowerShell"
                                   << "Execution";
    QTest::addRow("parent") << "T1059"
                            << "Command and Scripting Interpreter"
                            << "Execution";
    QTest::addRow("non-ascii-name") << "T1055.013"
                                    << "Process Doppelgänging"
                                    << "Privilege Escalation";
    QTest::addRow("unknown") << "T9999" << QString() << QString();
}

void TestAttackCatalog::lookup()
{
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QString, firstTactic);

    const auto technique = m_catalog.technique(id);
    QCOMPARE(technique.has_value(), !name.isEmpty());
    if (technique) {
        QCOMPARE(technique->id, id.toUpper());
        QCOMPARE(technique->name, name);
        QCOMPARE(technique->tactics.value(0), firstTactic);
    }
}

void TestAttackCatalog::extractsIds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QList<bool>>("known");

    QTest::addRow("sub-and-parent") << "Seen T1059.001 (parent T1059) and t1003.001."
                                    << QStringList{QStringLiteral("T1059.001"),
                                                   QStringLiteral("T1059"),
                                                   QStringLiteral("T1003.001")}
                                    << QList<bool>{true, true, true};
    QTest::addRow("unknown-kept-flagged")
        << "rule T9999 fired" << QStringList{QStringLiteral("T9999")} << QList<bool>{false};
    QTest::addRow("not-inside-words")
        << "ST1059 T10591 T1059.0012 AT1059.001" << QStringList() << QList<bool>();
}

void TestAttackCatalog::extractsIds()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    QFETCH(QList<bool>, known);

    QStringList gotIds;
    QList<bool> gotKnown;
    for (const auto& mention : m_catalog.extractIds(text)) {
        gotIds.append(mention.id);
        gotKnown.append(mention.known);
        QCOMPARE(text.mid(mention.offset, mention.length).toUpper(), mention.id);
    }
    QCOMPARE(gotIds, ids);
    QCOMPARE(gotKnown, known);
}

void TestAttackCatalog::noticeTravelsWithTheTables()
{
    QFile notice(QStringLiteral(":/attack/NOTICE.txt"));
    QVERIFY(notice.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(notice.readAll())
                .contains(QStringLiteral(
                    "© 2025 The MITRE Corporation. This work is reproduced and distributed with "
                    "the permission of The MITRE Corporation.")));
}

QTEST_GUILESS_MAIN(TestAttackCatalog)
#include "TestAttackCatalog.moc"
