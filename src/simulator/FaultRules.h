// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// Fault injection rules: which requests they hit (method, path prefix), when (skip, count)
/// and what they do. Set from the command line (--fault SPEC) or POST /_sim/faults.

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mtr::simulator {

enum class FaultKind
{
    Latency,
    Status,
    ExpireToken,
    DropAfterApply,
    NoZ
};

/// One rule. `skip` matching requests pass untouched, then the rule fires `count` times
/// (0 = forever).
struct FaultRule
{
    QString method; ///< empty = any method
    QString path;   ///< prefix of the request path
    FaultKind kind = FaultKind::Status;
    int ms = 0;          ///< latency
    int status = 500;    ///< status
    int retryAfter = -1; ///< status: Retry-After seconds, -1 = no header
    bool emptyBody = false;
    int skip = 0;
    int count = 0;
    int seen = 0;  ///< matching requests so far
    int fired = 0; ///< times the rule fired

    QJsonObject toJson() const;
};

/// Parses one rule from the JSON form; nullopt with `error` set when it is not valid.
std::optional<FaultRule> faultFromJson(const QJsonObject& object, QString& error);

/// Parses the command-line form `kind=status,path=/common/v1/alerts,status=429,retryAfter=2`,
/// the same keys as the JSON form joined by commas.
std::optional<FaultRule> faultFromSpec(const QString& spec, QString& error);

/// The help text that describes the --fault syntax.
QString faultSpecHelp();

/// The active rules, in the order they were added.
class FaultSet
{
public:
    void add(const FaultRule& rule);
    void clear();
    QJsonArray toJson() const;

    /// Counts the request against every matching rule and returns the rules that fire now.
    QList<FaultRule> fire(const QString& method, const QString& path);

private:
    QList<FaultRule> m_rules;
};

} // namespace mtr::simulator
