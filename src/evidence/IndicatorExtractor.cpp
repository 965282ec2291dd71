// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/IndicatorExtractor.h"

#include "evidence/Refanger.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>
#include <utility>

namespace mtr::evidence {

namespace {

using Type = domain::Indicator::Type;

/// Top-level domains accepted for bare domains. A closed list keeps file names (payload.bin,
/// gate.php, notes.txt) from becoming domains; URLs and e-mails do not need it.
// TODO: load the public suffix list from a resource instead of this hand-picked subset.
const QString s_tlds = QStringLiteral(
    "com|net|org|info|biz|edu|gov|mil|int|io|co|me|tv|cc|xyz|top|online|site|club|app|dev|tech|"
    "store|shop|live|icu|vip|work|cloud|link|click|win|bid|loan|date|party|review|stream|trade|"
    "mobi|name|pro|asia|onion|su|ru|cn|de|uk|fr|nl|eu|us|ca|au|jp|br|in|it|es|pl|ch|se|no|fi|dk|"
    "be|at|cz|sk|hu|ro|bg|gr|tr|ua|kz|ir|kr|tw|hk|sg|my|id|th|vn|ph|nz|za|mx|ar|cl|pe|ve|ws|la|"
    "ly|to|gg|tk|ml|ga|cf|gq|pw|is|ie|pt|lt|lv|ee|by|il|ae|sa|pk|bd|ng|ke|eg|ma|tn|local");

/// The TLD is checked against a set after the match: one generic pattern is much cheaper for
/// PCRE than an alternation of every accepted TLD at every label end.
const QSet<QString>& tldSet()
{
    static const QSet<QString> set = [] {
        const QStringList list = s_tlds.split(QLatin1Char('|'));
        return QSet<QString>(list.cbegin(), list.cend());
    }();
    return set;
}

struct Pattern
{
    Type type;
    QRegularExpression re;
};

const QList<Pattern>& patterns()
{
    const auto ci = QRegularExpression::CaseInsensitiveOption;
    static const QList<Pattern> list = {
        {Type::Url,
         QRegularExpression(QStringLiteral("(?<![\\w+.-])(?:https?|ftps?|sftp|tcp|udp|wss?|smb)://"
                                           "[^\\s<>\"'`{}|\\\\^]{1,2048}"),
                            ci)},
        {Type::Email,
         QRegularExpression(
             QStringLiteral("(?<![\\w.%+-])[\\w.%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\\.){1,8}"
                            "[A-Za-z]{2,24}(?![\\w-])"))},
        {Type::IPv4,
         QRegularExpression(
             QStringLiteral("(?<![\\w.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})"
                            "(?![\\w]|\\.\\d)(?::(\\d{1,5})(?!\\d))?"))},
        {Type::IPv6,
         QRegularExpression(
             QStringLiteral("(?<![\\w:.%])(\\[)?((?:[0-9A-Fa-f]{1,4}|:):[0-9A-Fa-f:.]{1,45})"
                            "(%[0-9A-Za-z_.-]{1,32})?(\\])?(?::(\\d{1,5}))?(?![\\w:])"))},
        {Type::Sha256, QRegularExpression(QStringLiteral("(?<!\\w)[0-9A-Fa-f]{64}(?!\\w)"))},
        {Type::Sha1, QRegularExpression(QStringLiteral("(?<!\\w)[0-9A-Fa-f]{40}(?!\\w)"))},
        {Type::Md5, QRegularExpression(QStringLiteral("(?<!\\w)[0-9A-Fa-f]{32}(?!\\w)"))},
        {Type::Cve,
         QRegularExpression(QStringLiteral("(?<![\\w-])CVE-\\d{4}-\\d{4,7}(?!\\d)"), ci)},
        {Type::RegistryKey,
         QRegularExpression(
             QStringLiteral("(?<!\\w)(?:HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER|HKEY_CLASSES_ROOT|"
                            "HKEY_USERS|HKEY_CURRENT_CONFIG|HKLM|HKCU|HKCR|HKU|HKCC)"
                            "(?:\\\\(?:[^\\\\\\s\"'<>|]{1,255}(?: [^\\\\\\s\"'<>|]{1,255}){0,8}"
                            "(?=\\\\)|[^\\\\\\s\"'<>|]{1,255})){1,64}"),
             ci)},
        {Type::WindowsPath,
         QRegularExpression(
             QStringLiteral("(?<![\\w])(?:[A-Za-z]:|%\\w{1,64}%|\\\\\\\\[\\w.$-]{1,255})"
                            "\\\\[^\\s\"'<>|*?\\r\\n]{0,1024}"))},
        {Type::UnixPath,
         QRegularExpression(
             QStringLiteral("(?<![\\w.:/~\\\\-])/[\\w.+@-]{1,255}(?:/[\\w.+@-]{1,255}){1,64}/?"))},
        {Type::Domain,
         QRegularExpression(QStringLiteral(
             "(?<![\\w.@-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,16}"
             "([A-Za-z]{2,24})(?![\\w-]|\\.[A-Za-z0-9])"))},
    };
    return list;
}

bool validIPv4(const QRegularExpressionMatch& m)
{
    for (int i = 1; i <= 4; ++i) {
        if (m.captured(i).toInt() > 255) {
            return false;
        }
    }
    return m.captured(5).isEmpty() || m.captured(5).toInt() <= 65535;
}

/// Trailing punctuation that ends a sentence, not the URL; a ')' or ']' only when unbalanced.
qsizetype trimUrl(const QString& url)
{
    qsizetype end = url.size();
    while (end > 0) {
        const QChar c = url.at(end - 1);
        const QStringView head = QStringView(url).left(end);
        if (QStringLiteral(".,;:!?'\"").contains(c)
            || (c == QLatin1Char(')')
                && head.count(QLatin1Char('(')) < head.count(QLatin1Char(')')))
            || (c == QLatin1Char(']')
                && head.count(QLatin1Char('[')) < head.count(QLatin1Char(']')))) {
            --end;
        } else {
            break;
        }
    }
    return end;
}

/// Scheme and host lower-cased; path and query kept as written.
QString normaliseUrl(const QString& url)
{
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://"));
    const qsizetype hostStart = schemeEnd + 3;
    qsizetype hostEnd = hostStart;
    while (hostEnd < url.size() && url.at(hostEnd) != QLatin1Char('/')
           && url.at(hostEnd) != QLatin1Char('?') && url.at(hostEnd) != QLatin1Char('#')) {
        ++hostEnd;
    }
    return url.left(hostStart).toLower() + url.mid(hostStart, hostEnd - hostStart).toLower()
           + url.mid(hostEnd);
}

struct Candidate
{
    domain::Indicator indicator;
    qsizetype start = 0; ///< in the refanged text
    qsizetype end = 0;
};

/// Spans of one type, sorted and non-overlapping (one regex's global matches never overlap), so
/// "is this inside an e-mail?" is a binary search and the whole filter stays O(n log n).
class SpanIndex
{
public:
    SpanIndex(const QList<Candidate>& all, Type type)
    {
        for (const Candidate& c : all) {
            if (c.indicator.type == type) {
                m_spans.append({c.start, c.end});
            }
        }
        std::sort(m_spans.begin(), m_spans.end());
    }

    bool containsStrictly(const Candidate& c) const
    {
        auto it = std::upper_bound(m_spans.cbegin(),
                                   m_spans.cend(),
                                   std::pair{c.start, std::numeric_limits<qsizetype>::max()});
        if (it == m_spans.cbegin()) {
            return false;
        }
        --it;
        return it->first <= c.start && c.end <= it->second
               && !(it->first == c.start && it->second == c.end);
    }

private:
    QList<std::pair<qsizetype, qsizetype>> m_spans;
};

/// "[2001:db8::1]:443", "fe80::1%8", ":::22" (Linux netstat: address "::", port 22).
bool acceptIPv6(const QRegularExpressionMatch& m, Candidate& c)
{
    const bool bracketed = !m.captured(1).isEmpty() && !m.captured(4).isEmpty();
    QString address = m.captured(2);
    QString port = m.captured(5);
    if (!bracketed && !m.captured(1).isEmpty()) {
        return false;
    }
    if (!bracketed && port.isEmpty() && !IndicatorExtractor::isIPv6(address)) {
        const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
        port = address.mid(colon + 1);
        address = address.left(colon);
        if (address.endsWith(QLatin1Char(':')) && !address.endsWith(QLatin1String("::"))) {
            return false;
        }
    }
    // "a::b" (C++ scopes) is a valid address in theory; real ones in evidence carry digits.
    static const QRegularExpression digit(QStringLiteral("\\d"));
    if (!IndicatorExtractor::isIPv6(address) || address == QLatin1String("::")
        || !digit.match(address).hasMatch()) {
        return false;
    }
    c.indicator.value = address.toLower() + m.captured(3);
    c.indicator.port = port.isEmpty() ? -1 : port.toInt();
    return c.indicator.port <= 65535;
}

/// Fills value/port from a match; false when the match is a near-miss after all.
bool accept(Type type, const QRegularExpressionMatch& m, Candidate& c)
{
    QString matched = m.captured(0);
    switch (type) {
    case Type::Url:
        c.end = c.start + trimUrl(matched);
        c.indicator.value = normaliseUrl(matched.left(c.end - c.start));
        return c.end - c.start > matched.indexOf(QLatin1String("://")) + 3;
    case Type::IPv4:
        if (!validIPv4(m)) {
            return false;
        }
        c.indicator.value = QStringLiteral("%1.%2.%3.%4")
                                .arg(m.captured(1).toInt())
                                .arg(m.captured(2).toInt())
                                .arg(m.captured(3).toInt())
                                .arg(m.captured(4).toInt());
        c.indicator.port = m.captured(5).isEmpty() ? -1 : m.captured(5).toInt();
        return true;
    case Type::IPv6:
        return acceptIPv6(m, c);
    case Type::Domain:
        if (!tldSet().contains(m.captured(1).toLower())) {
            return false;
        }
        c.indicator.value = matched.toLower();
        return true;
    case Type::Email:
    case Type::Md5:
    case Type::Sha1:
    case Type::Sha256:
        c.indicator.value = matched.toLower();
        return true;
    case Type::Cve:
        c.indicator.value = matched.toUpper();
        return true;
    case Type::WindowsPath:
    case Type::UnixPath:
    case Type::RegistryKey:
        while (matched.endsWith(QLatin1Char('.')) || matched.endsWith(QLatin1Char(','))
               || matched.endsWith(QLatin1Char(';')) || matched.endsWith(QLatin1Char(')'))) {
            matched.chop(1);
        }
        c.end = c.start + matched.size();
        c.indicator.value = matched;
        return true;
    }
    return false;
}

/// A path in quotes may hold spaces ("C:\Program Files\x.exe"): extend to the closing quote.
void extendQuoted(const QString& text, Candidate& c)
{
    if (c.start == 0
        || (c.indicator.type != Type::WindowsPath && c.indicator.type != Type::RegistryKey
            && c.indicator.type != Type::UnixPath)) {
        return;
    }
    const QChar quote = text.at(c.start - 1);
    if (quote != QLatin1Char('"') && quote != QLatin1Char('\'')) {
        return;
    }
    const qsizetype close = text.indexOf(quote, c.end);
    const qsizetype newline = text.indexOf(QLatin1Char('\n'), c.end);
    if (close > 0 && (newline < 0 || close < newline) && close - c.start <= 1024) {
        c.end = close;
        c.indicator.value = text.mid(c.start, c.end - c.start);
    }
}

} // namespace

bool IndicatorExtractor::isIPv6(const QString& text)
{
    QString address = text.section(QLatin1Char('%'), 0, 0);
    const qsizetype doubleColon = address.indexOf(QLatin1String("::"));
    if (doubleColon >= 0 && address.indexOf(QLatin1String("::"), doubleColon + 1) >= 0) {
        return false;
    }
    QStringList groups = address.split(QLatin1Char(':'));
    int needed = 8;
    if (!groups.isEmpty() && groups.last().contains(QLatin1Char('.'))) {
        static const QRegularExpression v4(
            QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$"));
        const auto m = v4.match(groups.takeLast());
        if (!m.hasMatch() || !validIPv4(m)) {
            return false;
        }
        needed = 6;
    }
    int count = 0;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QString& g = groups.at(i);
        if (g.isEmpty()) {
            continue; // the halves of "::"
        }
        bool ok = false;
        if (g.size() > 4 || (g.toUInt(&ok, 16), !ok)) {
            return false;
        }
        ++count;
    }
    if (address.startsWith(QLatin1Char(':')) && !address.startsWith(QLatin1String("::"))) {
        return false;
    }
    if (address.endsWith(QLatin1Char(':')) && !address.endsWith(QLatin1String("::"))) {
        return false;
    }
    return doubleColon >= 0 ? count < needed : count == needed;
}

QList<domain::Indicator> IndicatorExtractor::extract(const QString& text, const QString& sourceId)
{
    const RefangedText refanged = Refanger::refang(text);
    QList<Candidate> found;
    for (const Pattern& pattern : patterns()) {
        auto it = pattern.re.globalMatch(refanged.text);
        while (it.hasNext()) {
            const auto m = it.next();
            Candidate c;
            c.indicator.type = pattern.type;
            c.start = m.capturedStart(0);
            c.end = m.capturedEnd(0);
            if (accept(pattern.type, m, c)) {
                extendQuoted(refanged.text, c);
                found.append(c);
            }
        }
    }

    const SpanIndex emails(found, Type::Email);
    const SpanIndex windowsPaths(found, Type::WindowsPath);
    const SpanIndex unixPaths(found, Type::UnixPath);
    const SpanIndex ipv6s(found, Type::IPv6);
    QList<domain::Indicator> result;
    for (Candidate& c : found) {
        // A domain inside an e-mail or a path is part of that indicator, not one of its own;
        // hosts inside URLs stay, as analysts block both.
        const bool domainPart = c.indicator.type == Type::Domain
                                && (emails.containsStrictly(c) || windowsPaths.containsStrictly(c)
                                    || unixPaths.containsStrictly(c));
        // The IPv4 tail of "::ffff:192.0.2.128" is part of the IPv6 address.
        const bool mappedV4 = c.indicator.type == Type::IPv4 && ipv6s.containsStrictly(c);
        if (domainPart || mappedV4
            || (c.indicator.type == Type::UnixPath && windowsPaths.containsStrictly(c))) {
            continue;
        }
        c.indicator.sourceId = sourceId;
        c.indicator.offset = refanged.map.at(c.start);
        c.indicator.length = refanged.map.at(c.end) - c.indicator.offset;
        c.indicator.original = text.mid(c.indicator.offset, c.indicator.length);
        result.append(c.indicator);
    }
    std::stable_sort(result.begin(), result.end(), [](const auto& a, const auto& b) {
        return a.offset < b.offset;
    });
    return result;
}

QString IndicatorExtractor::typeName(domain::Indicator::Type type)
{
    static const QStringList names = {
        QStringLiteral("ipv4"),
        QStringLiteral("ipv6"),
        QStringLiteral("domain"),
        QStringLiteral("url"),
        QStringLiteral("email"),
        QStringLiteral("md5"),
        QStringLiteral("sha1"),
        QStringLiteral("sha256"),
        QStringLiteral("windows-path"),
        QStringLiteral("unix-path"),
        QStringLiteral("registry-key"),
        QStringLiteral("cve"),
    };
    return names.value(static_cast<int>(type));
}

} // namespace mtr::evidence
