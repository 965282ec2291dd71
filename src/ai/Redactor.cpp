// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "ai/Redactor.h"

#include <QHostAddress>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mtr::ai {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Raw JSON in evidence escapes backslashes, so paths and DOMAIN\user accept one or two.
const QRegularExpression& emailPattern()
{
    static const QRegularExpression re(
        u"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"_s);
    return re;
}

const QRegularExpression& ipv4Pattern()
{
    static const QRegularExpression re(u"(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d]|\\.\\d)"_s);
    return re;
}

const QRegularExpression& ipv6Pattern()
{
    static const QRegularExpression re(
        u"(?<![:\\w])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%[\\w]+)?(?![:\\w])"_s);
    return re;
}

const QRegularExpression& domainUserPattern()
{
    static const QRegularExpression re(
        u"(?<![\\w:\\\\/.-])([A-Za-z][A-Za-z0-9_-]{0,14})\\\\{1,2}([A-Za-z0-9_.$-]{1,64})(?![\\w\\\\])"_s);
    return re;
}

bool isWellKnownPrincipal(const QString& domain)
{
    static const QStringList known{u"AUTHORITY"_s, u"BUILTIN"_s, u"SERVICE"_s, u"NT"_s};
    return known.contains(domain, Qt::CaseInsensitive);
}

bool isSharedProfile(const QString& folder)
{
    static const QStringList shared{u"Public"_s,
                                    u"Default"_s,
                                    u"Default User"_s,
                                    u"All Users"_s,
                                    u"Shared"_s,
                                    u"Guest"_s};
    return shared.contains(folder, Qt::CaseInsensitive);
}

} // namespace

Redactor::Redactor(const CaseFile& caseFile)
{
    addLiteral(caseFile.tenant.name, Kind::Org);
    for (const auto& alert : caseFile.alerts) {
        addLiteral(alert.tenantName, Kind::Org);
    }
    for (const auto& person : caseFile.persons) {
        addLiteral(person.name, Kind::Person);
        const QStringList parts = person.name.split(u' ', Qt::SkipEmptyParts);
        if (parts.size() >= 2) {
            // "Prüfer, Jana" and the bare surname are how names appear in tickets and mail.
            addLiteral(parts.last() + u", "_s + parts.first(), Kind::Person);
            addLiteral(parts.last(), Kind::Person);
        }
        addLiteral(person.email, Kind::Email);
        addLiteral(person.userName, Kind::User);
    }
    for (const auto& endpoint : caseFile.endpoints) {
        addLiteral(endpoint.hostname, Kind::Host);
        const bool isLogin = endpoint.associatedPerson.contains(u'\\');
        addLiteral(endpoint.associatedPerson, isLogin ? Kind::User : Kind::Person);
        for (const auto& ip : endpoint.ipv4Addresses + endpoint.ipv6Addresses) {
            addLiteral(ip, Kind::Ip);
        }
    }
    for (const auto& event : caseFile.timeline) {
        addLiteral(event.host, Kind::Host);
    }
    for (const auto& host : caseFile.knownHosts) {
        addLiteral(host, Kind::Host);
    }
    for (const auto& user : caseFile.knownUsers) {
        addLiteral(user, Kind::User);
    }
    for (const auto& domain : caseFile.tenantDomains) {
        addLiteral(domain, Kind::Domain);
    }
    // Account names found in paths or as DOMAIN\\user are also redacted where they stand bare.
    for (const auto& alert : caseFile.alerts) {
        learnFrom(alert.description);
    }
    for (const auto& item : caseFile.evidence) {
        learnFrom(item.text);
    }
    for (const auto& event : caseFile.timeline) {
        learnFrom(event.summary);
    }
    for (const auto& user : caseFile.knownUsers) {
        learnFrom(user);
    }
    for (const auto& person : caseFile.persons) {
        learnFrom(person.userName);
    }
    for (const auto& endpoint : caseFile.endpoints) {
        learnFrom(endpoint.associatedPerson);
    }
}

void Redactor::learnFrom(const QString& text)
{
    QList<Span> spans;
    detectPaths(text, spans);
    for (auto it = domainUserPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!isWellKnownPrincipal(m.captured(1))) {
            spans.append({m.capturedStart(2), m.capturedLength(2), Kind::User, m.captured(2)});
        }
    }
    for (const auto& span : std::as_const(spans)) {
        addLiteral(span.value, Kind::User);
    }
}

void Redactor::addLiteral(const QString& value, Kind kind)
{
    const QString trimmed = value.trimmed();
    if (trimmed.size() < 3) {
        return; // two letters match everywhere; such values are not worth the false hits
    }
    for (const auto& literal : std::as_const(m_literals)) {
        if (literal.value.compare(trimmed, Qt::CaseInsensitive) == 0) {
            return;
        }
    }
    m_literals.append({trimmed, kind});
}

void Redactor::detectLiterals(const QString& text, QList<Span>& out) const
{
    for (const auto& literal : m_literals) {
        if (literal.kind == Kind::Domain) {
            // The domain itself and any host or subdomain under it.
            const QRegularExpression re(u"(?<![\\w.-])(?:[\\w-]+\\.)*"_s
                                            + QRegularExpression::escape(literal.value)
                                            + u"(?![\\w-])"_s,
                                        QRegularExpression::CaseInsensitiveOption);
            for (auto it = re.globalMatch(text); it.hasNext();) {
                const auto m = it.next();
                out.append({m.capturedStart(), m.capturedLength(), Kind::Domain, m.captured()});
            }
            continue;
        }
        qsizetype from = 0;
        while ((from = text.indexOf(literal.value, from, Qt::CaseInsensitive)) >= 0) {
            const qsizetype end = from + literal.value.size();
            const bool startOk = from == 0 || !isWordChar(text.at(from - 1));
            const bool endOk = end >= text.size() || !isWordChar(text.at(end));
            if (startOk && endOk) {
                out.append({from,
                            literal.value.size(),
                            literal.kind,
                            text.mid(from, literal.value.size())});
            }
            from = end;
        }
    }
}

void Redactor::detectPatterns(const QString& text, QList<Span>& out)
{
    for (auto it = emailPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out.append({m.capturedStart(), m.capturedLength(), Kind::Email, m.captured()});
    }
    for (const auto* re : {&ipv4Pattern(), &ipv6Pattern()}) {
        for (auto it = re->globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            if (isInternalAddress(m.captured())) {
                out.append({m.capturedStart(), m.capturedLength(), Kind::Ip, m.captured()});
            }
        }
    }
    for (auto it = domainUserPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!isWellKnownPrincipal(m.captured(1))) {
            out.append({m.capturedStart(), m.capturedLength(), Kind::User, m.captured()});
        }
    }
    detectPaths(text, out);
    detectPersonCues(text, out);
}

void Redactor::detectPaths(const QString& text, QList<Span>& out)
{
    static const QRegularExpression windows(
        u"(?<![\\w])[A-Za-z]:\\\\{1,2}(?:Users|Documents and Settings)\\\\{1,2}([^\\\\/\\s\"'<>|:*?]+)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression posix(u"(?<![\\w])/(?:home|Users)/([^/\\s\"'<>|:*?]+)"_s);
    for (const auto* re : {&windows, &posix}) {
        for (auto it = re->globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            if (!isSharedProfile(m.captured(1))) {
                out.append({m.capturedStart(1), m.capturedLength(1), Kind::User, m.captured(1)});
            }
        }
    }
}

void Redactor::detectPersonCues(const QString& text, QList<Span>& out)
{
    // TODO: names without a cue need a name list or a model (NER); not claimed.
    static const QRegularExpression cue(
        u"(?i:\\bmy name is|\\bi am|\\bthis "
        u"is|\\bname:|\\bmrs?\\.?|\\bms\\.?|\\bdr\\.?|\\bmx\\.?|\\bdear)"
        u"\\s+(\\p{Lu}[\\p{Ll}'\\-]+(?:\\s+\\p{Lu}[\\p{Ll}'\\-]+){0,2})"_s);
    for (auto it = cue.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out.append({m.capturedStart(1), m.capturedLength(1), Kind::Person, m.captured(1)});
    }
}

QList<Redactor::Span> Redactor::detect(const QString& text) const
{
    QList<Span> candidates;
    detectLiterals(text, candidates);
    detectPatterns(text, candidates);

    // Longest first, then leftmost: a span that overlaps an accepted one is dropped.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Span& a, const Span& b) {
        return a.length != b.length ? a.length > b.length : a.start < b.start;
    });
    QList<Span> accepted;
    for (const auto& c : std::as_const(candidates)) {
        const bool overlaps = std::any_of(accepted.cbegin(), accepted.cend(), [&c](const Span& a) {
            return c.start < a.start + a.length && a.start < c.start + c.length;
        });
        if (!overlaps) {
            accepted.append(c);
        }
    }
    std::sort(accepted.begin(), accepted.end(), [](const Span& a, const Span& b) {
        return a.start < b.start;
    });
    return accepted;
}

QString Redactor::tokenFor(const Span& span)
{
    const QString key = span.value.toCaseFolded();
    if (const auto it = m_tokenByValue.constFind(key); it != m_tokenByValue.cend()) {
        return *it;
    }
    const int n = ++m_counters[static_cast<int>(span.kind)];
    const QString token = prefix(span.kind) + u'_' + QString::number(n);
    m_tokenByValue.insert(key, token);
    m_valueByToken.insert(token, span.value);
    return token;
}

QString Redactor::redact(const QString& text)
{
    const QList<Span> spans = detect(text);
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    for (const auto& span : spans) {
        out += QStringView(text).mid(pos, span.start - pos);
        out += tokenFor(span);
        pos = span.start + span.length;
    }
    out += QStringView(text).mid(pos);
    return out;
}

QString Redactor::restore(const QString& text) const
{
    static const QRegularExpression token(u"\\b(?:PERSON|USER|EMAIL|HOST|IP|ORG|DOMAIN)_\\d+\\b"_s);
    QString out;
    qsizetype pos = 0;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(pos, m.capturedStart() - pos);
        out += m_valueByToken.value(m.captured(), m.captured());
        pos = m.capturedEnd();
    }
    out += QStringView(text).mid(pos);
    return out;
}

QHash<QString, QString> Redactor::tokens() const
{
    return m_valueByToken;
}

QString Redactor::prefix(Kind kind)
{
    switch (kind) {
    case Kind::Person:
        return u"PERSON"_s;
    case Kind::User:
        return u"USER"_s;
    case Kind::Email:
        return u"EMAIL"_s;
    case Kind::Host:
        return u"HOST"_s;
    case Kind::Ip:
        return u"IP"_s;
    case Kind::Org:
        return u"ORG"_s;
    case Kind::Domain:
        return u"DOMAIN"_s;
    }
    return u"VALUE"_s;
}

bool Redactor::isInternalAddress(const QString& address)
{
    QString bare = address;
    bare = bare.left(bare.indexOf(u'%') >= 0 ? bare.indexOf(u'%') : bare.size());
    const QHostAddress ip(bare);
    if (ip.isNull()) {
        return false;
    }
    if (ip.protocol() == QAbstractSocket::IPv4Protocol) {
        static const QList<std::pair<QHostAddress, int>> ranges{
            QHostAddress::parseSubnet(u"10.0.0.0/8"_s),
            QHostAddress::parseSubnet(u"172.16.0.0/12"_s),
            QHostAddress::parseSubnet(u"192.168.0.0/16"_s),
            QHostAddress::parseSubnet(u"100.64.0.0/10"_s),
            QHostAddress::parseSubnet(u"169.254.0.0/16"_s),
            QHostAddress::parseSubnet(u"127.0.0.0/8"_s)};
        return std::any_of(ranges.cbegin(), ranges.cend(), [&ip](const auto& r) {
            return ip.isInSubnet(r);
        });
    }
    static const QList<std::pair<QHostAddress, int>> ranges6{
        QHostAddress::parseSubnet(u"fc00::/7"_s),
        QHostAddress::parseSubnet(u"fe80::/10"_s),
        QHostAddress::parseSubnet(u"::1/128"_s)};
    return std::any_of(ranges6.cbegin(), ranges6.cend(), [&ip](const auto& r) {
        return ip.isInSubnet(r);
    });
}

} // namespace mtr::ai
