// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Evidence.h"

#include <QList>
#include <QString>

namespace mtr::evidence {

/// Finds indicators in evidence text: IPv4 and IPv6 (ports, zone ids, brackets), domains, URLs,
/// e-mails, MD5/SHA-1/SHA-256, Windows and Unix paths, registry keys and CVE ids, in plain or
/// defanged form. `value` is the refanged, normalised form; `original`, `offset` and `length`
/// point at the exact text in the evidence. Version strings and other near-misses (v2.1.1.108,
/// 10.0.19041.1, 4.3.2.1a, MAC addresses, times) are not indicators, and a URL is only reported
/// when a scheme is really there (known faults K2 to K5). Linear in the text's length: every
/// pattern starts at a token boundary, so no position is rescanned more than a bounded number of
/// times.
// TODO: SHA-512 and ssdeep hashes, ASN/CIDR ranges and bare host names without a listed TLD are
// not extracted (domain::Indicator::Type has no member for the first ones).
class IndicatorExtractor
{
public:
    /// All indicators in `text`, sorted by offset; `sourceId` is copied into each.
    static QList<domain::Indicator> extract(const QString& text, const QString& sourceId = {});

    /// Short lower-case name of a type ("ipv4", "sha256", ...), for tests and storage.
    static QString typeName(domain::Indicator::Type type);

    /// True when `text` is an IPv6 address (optionally with a %zone).
    static bool isIPv6(const QString& text);
};

} // namespace mtr::evidence
