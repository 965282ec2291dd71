// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// Evidence as the console understands it: where a piece of raw text came from, the indicators
/// found in it, and the events placed on the case timeline. Every derived item keeps a link
/// (sourceId plus offsets) back to the raw record it was read from.

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mtr::domain {

/// One raw record as received: an alert JSON, a firewall line, a command output.
struct EvidenceItem
{
    QString id;     ///< stable id, e.g. "alert:<uuid>", "file:<sha256>:<line>"
    QString caseId; ///< empty until attached to a case
    QString tenantId;
    QString kind;   ///< "central-alert", "siem-event", "firewall", "live-response:netstat", ...
    QString origin; ///< file name or API path it came from
    QString text;   ///< raw text, attacker-controlled: plain text only
    QDateTime receivedAt;
};

/// An indicator found in evidence. `value` is the normalised (refanged) form; `original` is the
/// exact text as it stood in the evidence, so the analyst sees what was really there.
struct Indicator
{
    enum class Type
    {
        IPv4,
        IPv6,
        Domain,
        Url,
        Email,
        Md5,
        Sha1,
        Sha256,
        WindowsPath,
        UnixPath,
        RegistryKey,
        Cve,
    };

    Type type = Type::IPv4;
    QString value;
    QString original;
    int port = -1;        ///< when the text gave one (203.0.113.5:443)
    QString sourceId;     ///< EvidenceItem::id
    qsizetype offset = 0; ///< into EvidenceItem::text, in QChar units
    qsizetype length = 0;
};

/// An ATT&CK technique (id such as T1059.001) with its name and tactics.
struct Technique
{
    QString id;
    QString name;
    QStringList tactics;
};

/// One event on the case timeline, on the UTC clock, with the original local text kept.
struct TimelineEvent
{
    QString id;
    QString caseId;
    QString tenantId;
    QDateTime timeUtc;
    QString originalTime; ///< the time exactly as written in the source
    QString source;       ///< "detection", "process", "firewall", "live-response", "siem"
    QString host;
    QString summary; ///< plain text
    qint64 pid = -1;
    qint64 parentPid = -1;
    QString processName;
    QString localAddress;
    int localPort = -1;
    QString remoteAddress;
    int remotePort = -1;
    QString sourceId;          ///< EvidenceItem::id it was read from
    QStringList correlatedIds; ///< other events that describe the same activity
    QJsonObject attributes;
};

} // namespace mtr::domain
