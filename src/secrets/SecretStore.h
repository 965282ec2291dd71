// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "secrets/Secret.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace mtr::secrets {

/// Keeps secrets in the OS keychain through QtKeychain. When no keychain is reachable (no
/// Secret Service, a locked collection with no way to prompt) the secret is kept in memory for
/// this session only and the caller is told so; it is never written anywhere in clear.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Stored,           ///< in the OS keychain
        StoredForSession, ///< no keychain: held in memory until the program exits
        Found,
        FoundInSession,
        NotFound,
        Deleted,
        Failed, ///< the keychain answered with an error other than "unavailable"
    };
    Q_ENUM(Outcome)

    /// `service` names the keychain entry group, e.g. "mtr-review-console".
    explicit SecretStore(QString service, QObject* parent = nullptr);

    using WriteCallback = std::function<void(Outcome, const QString& errorText)>;
    using ReadCallback = std::function<void(Outcome, const Secret&, const QString& errorText)>;

    /// Stores `value` under `key`. An empty value deletes the entry.
    void write(const QString& key, const Secret& value, WriteCallback done);
    void read(const QString& key, ReadCallback done);
    void remove(const QString& key, WriteCallback done);

    /// Blocking read for command-line tools that have no other work to do meanwhile.
    /// Never call on the GUI thread.
    Outcome readBlocking(const QString& key, Secret* value, QString* errorText = nullptr);

    /// True once a keychain failure made this store fall back to memory.
    bool sessionOnly() const
    {
        return m_sessionOnly;
    }

    static bool isUnavailableError(int keychainError);

private:
    QString m_service;
    QHash<QString, Secret> m_sessionValues;
    bool m_sessionOnly = false;
};

} // namespace mtr::secrets
