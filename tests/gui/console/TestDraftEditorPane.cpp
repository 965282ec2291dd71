// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/DraftEditorPane.h"

#include <QApplication>
#include <QComboBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using mtr::app::DraftEditorPane;
using mtr::domain::Draft;
using mtr::domain::DraftSentenceLink;

/// The evidence list under the AI draft follows the sentence under the cursor, opens an entry on
/// Enter, and shows the model's words as plain text.
using namespace Qt::StringLiterals;

class TestDraftEditorPane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listFollowsTheCursor();
    void enterOpensTheEntry();
    void shortcutOpensTheFirstEntry();
    void sentenceWithoutEvidenceSaysSo();
    void markupStaysLiteral();
    void streamedTextHasNoLinks();
    void notificationNamesItsCentralCase();

private:
    static Draft draft();
    void moveAiCursorTo(const QString& text);
    QStringList listedIds() const;

    std::unique_ptr<DraftEditorPane> m_pane;
    QPlainTextEdit* m_ai = nullptr;
    QListWidget* m_list = nullptr;
};

Draft TestDraftEditorPane::draft()
{
    Draft d;
    d.caseId = QStringLiteral("alert:a1");
    d.tenantId = QStringLiteral("t1");
    d.kind = Draft::Kind::Summary;
    d.aiSentences = {
        {QStringLiteral("Central raised an alert."), {QStringLiteral("alert:a1")}},
        {QStringLiteral("The host ran <b>x</b> from a temp folder."),
         {QStringLiteral("alert:a1|siem:e7"), QStringLiteral("alert:a1|ev:alert:a1|siem:e7")}},
        {QStringLiteral("Nothing else was seen."), {}},
    };
    QStringList texts;
    for (const DraftSentenceLink& s : d.aiSentences)
        texts << s.text;
    d.aiText = texts.join(u' ');
    return d;
}

void TestDraftEditorPane::init()
{
    m_pane = std::make_unique<DraftEditorPane>();
    m_pane->resize(900, 500);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    QApplication::setActiveWindow(m_pane.get());
    m_ai = m_pane->findChild<QPlainTextEdit*>(QStringLiteral("aiEdit"));
    m_list = m_pane->findChild<QListWidget*>(QStringLiteral("evidenceList"));
    QVERIFY(m_ai && m_list);
    m_pane->setDrafts(QStringLiteral("alert:a1"), QStringLiteral("t1"), {draft()});
}

void TestDraftEditorPane::cleanup()
{
    m_pane.reset();
}

void TestDraftEditorPane::moveAiCursorTo(const QString& text)
{
    const int at = int(m_ai->toPlainText().indexOf(text));
    QVERIFY2(at >= 0, qPrintable(text));
    QTextCursor cursor = m_ai->textCursor();
    cursor.setPosition(at + 2);
    m_ai->setTextCursor(cursor);
}

QStringList TestDraftEditorPane::listedIds() const
{
    QStringList ids;
    for (int row = 0; row < m_list->count(); ++row)
        ids << m_list->item(row)->data(Qt::UserRole).toString();
    return ids;
}

void TestDraftEditorPane::listFollowsTheCursor()
{
    // The cursor starts at the top: the first sentence's evidence.
    QCOMPARE(listedIds(), QStringList{QStringLiteral("alert:a1")});

    moveAiCursorTo(QStringLiteral("The host ran"));
    QCOMPARE(listedIds(),
             (QStringList{QStringLiteral("alert:a1|siem:e7"),
                          QStringLiteral("alert:a1|ev:alert:a1|siem:e7")}));
    QVERIFY(m_list->item(0)->text().contains(QStringLiteral("alert:a1|siem:e7")));

    // Exactly the second sentence carries the highlight.
    const QString second = draft().aiSentences.at(1).text;
    const auto highlighted = m_ai->extraSelections();
    QCOMPARE(highlighted.size(), 1);
    QCOMPARE(highlighted.first().cursor.selectedText(), second);

    moveAiCursorTo(QStringLiteral("Central raised"));
    QCOMPARE(listedIds(), QStringList{QStringLiteral("alert:a1")});
}

void TestDraftEditorPane::enterOpensTheEntry()
{
    moveAiCursorTo(QStringLiteral("The host ran"));
    QSignalSpy requested(m_pane.get(), &DraftEditorPane::evidenceRequested);
    m_list->setFocus();
    m_list->setCurrentRow(1);
    QTest::keyClick(m_list, Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("alert:a1|ev:alert:a1|siem:e7"));
}

void TestDraftEditorPane::shortcutOpensTheFirstEntry()
{
    moveAiCursorTo(QStringLiteral("The host ran"));
    m_ai->setFocus();
    QTRY_VERIFY(m_ai->hasFocus());
    QSignalSpy requested(m_pane.get(), &DraftEditorPane::evidenceRequested);
    QTest::keySequence(m_ai, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("alert:a1|siem:e7"));
}

void TestDraftEditorPane::sentenceWithoutEvidenceSaysSo()
{
    moveAiCursorTo(QStringLiteral("Nothing else"));
    QCOMPARE(m_list->count(), 1);
    QCOMPARE(m_list->item(0)->text(), QStringLiteral("No evidence linked to this sentence."));
    QVERIFY(m_list->item(0)->data(Qt::UserRole).isNull());
    QCOMPARE(m_list->item(0)->flags(), Qt::ItemFlags(Qt::NoItemFlags)); // nothing to open

    m_ai->setFocus();
    QTRY_VERIFY(m_ai->hasFocus());
    QSignalSpy requested(m_pane.get(), &DraftEditorPane::evidenceRequested);
    QTest::keySequence(m_ai, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QCOMPARE(requested.size(), 0);
}

void TestDraftEditorPane::markupStaysLiteral()
{
    // Model output is attacker-influenced: tags are text, never formatting.
    QVERIFY(m_ai->toPlainText().contains(QStringLiteral("ran <b>x</b> from")));
    QCOMPARE(m_ai->document()->toPlainText(), draft().aiText);
    moveAiCursorTo(QStringLiteral("The host ran"));
    QCOMPARE(m_ai->extraSelections().first().cursor.selectedText(),
             QStringLiteral("The host ran <b>x</b> from a temp folder."));
}

void TestDraftEditorPane::streamedTextHasNoLinks()
{
    // A model draft streaming in replaces the text; the old links must not point into it.
    const QString base = draft().aiText;
    m_pane->showStreamedAiText(QStringLiteral("alert:a1"), Draft::Kind::Summary, base + u" Mo"_s);
    m_pane->showStreamedAiText(QStringLiteral("alert:a1"), Draft::Kind::Summary, base + u" More"_s);
    // Each update carries the whole answer so far: shown once, never appended again.
    QCOMPARE(m_ai->toPlainText(), base + u" More"_s);
    moveAiCursorTo(QStringLiteral("The host ran"));
    QCOMPARE(m_list->count(), 1);
    QVERIFY(m_list->item(0)->data(Qt::UserRole).isNull());
    QVERIFY(m_ai->extraSelections().isEmpty()); // no sentence highlight (the diff comes later)
}

void TestDraftEditorPane::notificationNamesItsCentralCase()
{
    auto* combo = m_pane->findChild<QComboBox*>(QStringLiteral("centralCaseCombo"));
    QVERIFY(combo);
    QVERIFY(!combo->isVisible()); // a case summary leaves nothing to record
    m_pane->setCurrentKind(Draft::Kind::CustomerNotification);
    QVERIFY(combo->isVisible());
    m_pane->setCentralCases(
        {{QStringLiteral("c-dc01"), QStringLiteral("MDR: rundll32 on dc01 (new)")},
         {QStringLiteral("c-old"), QStringLiteral("<b>Hunt</b> (resolved)")}});
    QCOMPARE(m_pane->centralCaseId(), QStringLiteral("c-dc01")); // the suggestion
    combo->setCurrentIndex(1);
    QCOMPARE(m_pane->centralCaseId(), QStringLiteral("c-old"));               // the analyst's pick
    QCOMPARE(combo->currentText(), QStringLiteral("<b>Hunt</b> (resolved)")); // literal text
    m_pane->setCentralCases({});
    QVERIFY(m_pane->centralCaseId().isEmpty());
    QVERIFY(!combo->isEnabled());
}

QTEST_MAIN(TestDraftEditorPane)
#include "TestDraftEditorPane.moc"
