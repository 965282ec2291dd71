// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/InjectionDetector.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mtr::ai {

namespace {

struct Rule
{
    QString name;
    QRegularExpression pattern;
};

// Gaps between words may be any run of spaces, zero-width characters or punctuation an
// attacker uses to slip past a plain substring match.
const QString G = u"[\\s\\x{200B}\\x{200C}\\x{200D}\\x{2060}_*.,:;-]+"_s;

QRegularExpression rx(QString pattern)
{
    pattern.replace(u" "_s, G);
    return QRegularExpression(pattern,
                              QRegularExpression::CaseInsensitiveOption
                                  | QRegularExpression::UseUnicodePropertiesOption);
}

const QList<Rule>& rules()
{
    static const QList<Rule> list{
        {u"override"_s,
         rx(u"\\b(?:ignore|disregard|forget|override|skip) (?:all |any |the )?(?:of )?(?:your |the "
            u")?"
            u"(?:previous|prior|above|earlier|preceding|former|system|original) (?:instructions?|"
            u"prompts?|rules|directions|guidelines|context)"_s)},
        {u"override"_s, rx(u"\\b(?:new|updated|real) instructions?\\b"_s)},
        {u"override"_s,
         rx(u"\\b(?:ignoriere|vergiss|missachte) (?:alle |die )?(?:vorherigen|bisherigen|obigen) "
            u"(?:anweisungen|instruktionen|regeln)"_s)},
        {u"override"_s,
         rx(u"\\b(?:ignore[zs]?|oublie[zs]?) (?:toutes )?(?:les )?instructions "
            u"(?:pr[ée]c[ée]dentes|"
            u"ant[ée]rieures)"_s)},
        {u"override"_s,
         rx(u"\\b(?:ignora|ignore|olvida) (?:todas )?(?:las )?instrucciones (?:anteriores|previas)"_s)},
        {u"override"_s, rx(u"\\b(?:negeer|vergeet) (?:alle )?(?:vorige|eerdere) instructies"_s)},
        {u"verdict"_s,
         rx(u"\\b(?:mark|flag|classify|label|treat|report|close|resolve) (?:this|it|the|these|all)"
            u"(?: (?:alerts?|cases?|detections?|events?|incidents?))? (?:as )?(?:an? )?(?:benign|"
            u"harmless|safe|clean|false positives?|resolved|not malicious)"_s)},
        {u"verdict"_s,
         rx(u"\\bals (?:harmlos|gutartig|fehlalarm|sicher) (?:markieren|einstufen)"_s)},
        {u"verdict"_s,
         rx(u"\\bmarque[rz]? (?:ceci |cela |l'alerte )?comme (?:b[ée]nin|s[ûu]r|faux positif)"_s)},
        {u"verdict"_s,
         rx(u"\\bmarca(?:r)? (?:esto |la alerta )?como (?:benigno|seguro|falso positivo)"_s)},
        {u"mass-action"_s,
         rx(u"\\b(?:isolate|quarantine|shut ?down|reboot|wipe|disable|uninstall|delete|block) "
            u"(?:every|all|each|any)(?: of the)? "
            u"(?:hosts?|endpoints?|machines?|computers?|devices?|"
            u"servers?|users?|accounts?|files?)"_s)},
        {u"mass-action"_s,
         rx(u"\\b(?:isoliere|sperre) alle (?:rechner|hosts|ger[äa]te|endpunkte)"_s)},
        {u"mass-action"_s,
         rx(u"\\bisole[rz]? tous les (?:postes|h[ôo]tes|machines|ordinateurs)"_s)},
        {u"mass-action"_s, rx(u"\\baisla(?:r)? todos los (?:equipos|hosts|servidores)"_s)},
        {u"mass-action"_s,
         rx(u"\\b(?:disable|turn off) (?:tamper protection|sophos|the (?:agent|av|edr))"_s)},
        {u"role"_s,
         rx(u"\\byou are now\\b|\\bact as (?:an? )?(?:admin|administrator|root|system)\\b|"
            u"\\bpretend (?:to be|you are)\\b|\\bfrom now on,? you\\b"_s)},
        {u"role"_s,
         rx(u"\\bdu bist (?:jetzt|nun)\\b|\\btu es maintenant\\b|\\bvous [êe]tes maintenant\\b|"
            u"\\bahora eres\\b|\\bje bent nu\\b"_s)},
        {u"prompt-leak"_s,
         rx(u"\\bsystem ?prompt\\b|\\b(?:reveal|print|show|repeat) (?:your |the )?"
            u"(?:instructions|prompt)\\b|\\bsystemanweisung\\b"_s)},
        {u"markup"_s,
         QRegularExpression(u"<\\|(?:im_start|im_end|system|endoftext)\\|>|\\[/?INST\\]|"
                            u"^#{2,} ?(?:instruction|system)|</?system>"_s,
                            QRegularExpression::CaseInsensitiveOption
                                | QRegularExpression::MultilineOption)},
    };
    return list;
}

} // namespace

QList<InjectionDetector::Finding> InjectionDetector::scan(const QString& text)
{
    // TODO: homoglyphs (Cyrillic "і" for "i") and base64-wrapped instructions are not caught.
    QList<Finding> findings;
    for (const auto& rule : rules()) {
        for (auto it = rule.pattern.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            findings.append({m.capturedStart(), m.capturedLength(), rule.name, m.captured()});
        }
    }
    std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return a.start < b.start;
    });
    return findings;
}

bool InjectionDetector::containsInstructions(const QString& text)
{
    return !scan(text).isEmpty();
}

} // namespace mtr::ai
