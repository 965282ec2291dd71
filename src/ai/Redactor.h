// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/CaseFile.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace mtr::ai {

/// Replaces personal and customer values with stable per-case tokens (HOST_3, USER_1, IP_2,
/// EMAIL_1, PERSON_1, ORG_1, DOMAIN_1) before text goes to a model that is not on-premises,
/// and maps tokens in the answer back for display. One Redactor lives as long as its case, so
/// the same value always gets the same token across prompts.
///
/// Claimed: e-mail addresses; internal IPv4/IPv6 (RFC 1918, CGNAT, link-local, ULA, loopback)
/// and every address listed on the case's endpoints; DOMAIN\\user names and profile folders
/// (C:\\Users\\x, /home/x, /Users/x); names, e-mails and user names of the case's persons; host
/// names from endpoint records and known hosts; the tenant name and the customer's domains.
/// Free-text person names are found only after a few context cues ("my name is", "Mr.").
class Redactor
{
public:
    /// What a detected span is; decides the token prefix.
    enum class Kind
    {
        Person,
        User,
        Email,
        Host,
        Ip,
        Org,
        Domain,
    };

    /// One detected span in a text.
    struct Span
    {
        qsizetype start = 0;
        qsizetype length = 0;
        Kind kind = Kind::Person;
        QString value;
    };

    /// Learns the case's names, hosts, users and domains.
    explicit Redactor(const CaseFile& caseFile);

    /// Non-overlapping detections in `text`, ordered by position. Where candidates overlap the
    /// longest wins, so one span is one token.
    QList<Span> detect(const QString& text) const;

    /// `text` with every detection replaced by its token; new values get new tokens.
    QString redact(const QString& text);

    /// `text` with every known token replaced by the original value. Unknown tokens stay.
    QString restore(const QString& text) const;

    /// token -> original value, for the audit view of the mapping (never sent anywhere).
    QHash<QString, QString> tokens() const;

    /// The token prefix for a kind ("HOST").
    static QString prefix(Kind kind);

    /// Whether an address is internal: RFC 1918, CGNAT, link-local, ULA, loopback.
    static bool isInternalAddress(const QString& address);

private:
    struct Literal
    {
        QString value;
        Kind kind;
    };

    void addLiteral(const QString& value, Kind kind);
    void learnFrom(const QString& text);
    void detectLiterals(const QString& text, QList<Span>& out) const;
    static void detectPatterns(const QString& text, QList<Span>& out);
    static void detectPaths(const QString& text, QList<Span>& out);
    static void detectPersonCues(const QString& text, QList<Span>& out);
    QString tokenFor(const Span& span);

    QList<Literal> m_literals;
    QHash<QString, QString> m_tokenByValue; ///< case-folded value -> token
    QHash<QString, QString> m_valueByToken;
    QHash<int, int> m_counters; ///< per Kind
};

} // namespace mtr::ai
