// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/GroundingValidator.h"

#include "ai/InjectionDetector.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mtr::ai {

namespace {

QString refang(QString v)
{
    v.replace(u"[.]"_s, u"."_s).replace(u"(.)"_s, u"."_s).replace(u"[:]"_s, u":"_s);
    v.replace(QRegularExpression(u"^hxxp"_s, QRegularExpression::CaseInsensitiveOption), u"http"_s);
    return v.toCaseFolded();
}

struct ValueRule
{
    QString kind;
    QRegularExpression pattern;
    int group = 0;
};

const QList<ValueRule>& valueRules()
{
    static const QList<ValueRule> rules{
        {u"indicator"_s, QRegularExpression(u"\\b(?:hxxps?|https?)://[^\\s\"'<>]+"_s)},
        {u"indicator"_s,
         QRegularExpression(u"(?<![\\w.])(?:\\d{1,3}(?:\\.|\\[\\.\\])){3}\\d{1,3}(?![\\w])"_s)},
        {u"indicator"_s,
         QRegularExpression(u"(?<![:\\w])(?:[0-9A-Fa-f]{1,4}:){3,7}[0-9A-Fa-f]{1,4}(?![:\\w])"_s)},
        {u"indicator"_s,
         QRegularExpression(u"\\b(?:[A-Fa-f0-9]{64}|[A-Fa-f0-9]{40}|[A-Fa-f0-9]{32})\\b"_s)},
        {u"indicator"_s,
         QRegularExpression(
             u"(?<![\\w@\\\\/.-])(?:[A-Za-z0-9-]+(?:\\.|\\[\\.\\]))+[A-Za-z]{2,}(?![\\w@-]|\\.\\w)"_s)},
        {u"user"_s, QRegularExpression(u"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"_s)},
        {u"user"_s,
         QRegularExpression(
             u"(?<![\\w:\\\\])[A-Za-z][A-Za-z0-9_-]{0,14}\\\\[A-Za-z0-9_.$-]{1,64}"_s)},
        {u"technique"_s, QRegularExpression(u"\\bT\\d{4}(?:\\.\\d{3})?\\b"_s)},
        {u"host"_s,
         QRegularExpression(
             u"\\b(?:host|hosts|endpoint|endpoints|machine|computer|server|device|"
             u"workstation|laptop)(?:\\s+(?:named|called))?\\s+[\"'“]?"
             u"((?=[A-Za-z0-9_.-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9_.-]*(?:[0-9-][A-Za-z0-9_.-]*)+)"_s,
             QRegularExpression::CaseInsensitiveOption),
         1},
    };
    return rules;
}

const QRegularExpression& quotedText()
{
    static const QRegularExpression re(u"“[^”]*”|\"[^\"]*\"|‘[^’]*’"_s);
    return re;
}

struct ActionWord
{
    QRegularExpression pattern;
    QString action; ///< the proposal action that makes the word allowed; empty: a verdict
};

const QList<ActionWord>& actionWords()
{
    const auto ci = QRegularExpression::CaseInsensitiveOption;
    static const QList<ActionWord> words{
        {QRegularExpression(u"\\bisolat(?:e|es|ing)\\b"_s, ci), u"isolateEndpoint"_s},
        {QRegularExpression(u"\\bblock(?:ed|ing|s)? (?:the |this |that )?(?:hash|file)"_s, ci),
         u"blockHash"_s},
        {QRegularExpression(u"\\b(?:clean(?:ed|ing)? up|remov\\w+ the (?:file|application))"_s, ci),
         u"alertAction:cleanPua"_s},
        {QRegularExpression(u"\\backnowledg\\w*"_s, ci), u"alertAction:acknowledge"_s},
        {QRegularExpression(u"\\b(?:delet\\w*|wip(?:e|ed|ing)|uninstall\\w*|disabl\\w*|shut ?down|"
                            u"reboot\\w*|reset (?:the )?password|terminat\\w*|kill\\w*)"_s,
                            ci),
         u"-"_s},
        {QRegularExpression(
             u"\\b(?:benign|harmless|false[ -]positive|not malicious|no (?:further )?"
             u"action (?:is )?(?:needed|required))\\b"_s,
             ci),
         QString()},
    };
    return words;
}

} // namespace

GroundingValidator::GroundingValidator(const CaseFile& caseFile, GroundingContext context)
    : m_context(std::move(context))
    , m_evidenceIds(caseFile.evidenceIds())
{
    QStringList corpus;
    const auto addValue = [this](const QString& v) {
        if (!v.trimmed().isEmpty()) {
            m_values.insert(refang(v.trimmed()));
        }
    };
    for (const auto& a : caseFile.alerts) {
        corpus << a.description << a.type << a.category;
    }
    for (const auto& e : caseFile.endpoints) {
        addValue(e.hostname);
        addValue(e.associatedPerson);
        for (const auto& ip : e.ipv4Addresses + e.ipv6Addresses) {
            addValue(ip);
        }
    }
    for (const auto& t : caseFile.timeline) {
        corpus << t.summary << t.processName;
        for (const auto& v : {t.host, t.localAddress, t.remoteAddress}) {
            addValue(v);
        }
    }
    for (const auto& i : caseFile.indicators) {
        addValue(i.value);
        addValue(i.original);
    }
    for (const auto& e : caseFile.evidence) {
        corpus << e.text;
    }
    for (const auto& p : caseFile.persons) {
        for (const auto& v : {p.name, p.email, p.userName}) {
            addValue(v);
        }
    }
    for (const auto& v : caseFile.knownHosts + caseFile.knownUsers + caseFile.tenantDomains) {
        addValue(v);
    }
    for (const auto& t : caseFile.techniques + m_context.mappedTechniques) {
        m_techniqueIds.insert(t.id);
    }
    for (const auto& p : m_context.allowedProposals) {
        m_allowedActions.insert(p.action);
    }
    m_corpus = refang(corpus.join(u'\n'));
}

bool GroundingValidator::known(const QString& value) const
{
    const QString v = refang(value);
    return m_values.contains(v) || m_corpus.contains(v);
}

void GroundingValidator::checkValues(const QString& text, QList<GroundingFinding>& out) const
{
    for (const auto& rule : valueRules()) {
        for (auto it = rule.pattern.globalMatch(text); it.hasNext();) {
            QString value = it.next().captured(rule.group);
            while (!value.isEmpty() && QStringView(u".,;:)").contains(value.back())) {
                value.chop(1); // sentence punctuation, not part of the value
            }
            const bool ok =
                rule.kind == u"technique"_s ? m_techniqueIds.contains(value) : known(value);
            if (!ok) {
                out.append({-1, rule.kind, value, text});
            }
        }
    }
}

void GroundingValidator::checkActions(const QString& text, QList<GroundingFinding>& out) const
{
    for (const auto& f : InjectionDetector::scan(text)) {
        out.append({-1, u"instruction"_s, f.text, text});
    }
    // Quoted evidence ("Malicious traffic blocked") is a report, not a recommendation.
    QString own = text;
    own.replace(quotedText(), u"\"\""_s);
    for (const auto& word : actionWords()) {
        const auto m = word.pattern.match(own);
        if (!m.hasMatch()) {
            continue;
        }
        if (word.action.isEmpty()) {
            if (!m_context.falsePositiveHintShown) {
                out.append({-1, u"verdict"_s, m.captured(), text});
            }
        } else if (!m_allowedActions.contains(word.action)) {
            out.append({-1, u"action"_s, m.captured(), text});
        }
    }
}

QList<GroundingFinding> GroundingValidator::check(const DraftSentence& sentence) const
{
    QList<GroundingFinding> out;
    if (sentence.evidenceIds.isEmpty()) {
        out.append({-1, u"ungrounded"_s, QString(), sentence.text});
    }
    for (const auto& id : sentence.evidenceIds) {
        if (!m_evidenceIds.contains(id)) {
            out.append({-1, u"unknown-evidence"_s, id, sentence.text});
        }
    }
    checkValues(sentence.text, out);
    checkActions(sentence.text, out);
    return out;
}

GroundingResult GroundingValidator::validate(const Draft& draft) const
{
    GroundingResult result;
    result.cleaned.kind = draft.kind;
    result.cleaned.origin = draft.origin;
    for (int i = 0; i < draft.sentences.size(); ++i) {
        QList<GroundingFinding> findings = check(draft.sentences.at(i));
        if (findings.isEmpty()) {
            result.cleaned.sentences.append(draft.sentences.at(i));
            continue;
        }
        for (auto& f : findings) {
            f.sentenceIndex = i;
            result.findings.append(f);
        }
    }
    return result;
}

} // namespace mtr::ai
