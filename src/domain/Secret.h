// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QByteArray>
#include <QString>

namespace mtr {

/// Holds a credential (client secret, token). It has no fmt formatter and no implicit
/// conversion, so passing one to a log call does not compile; reveal() is the one explicit exit.
class Secret
{
public:
    Secret() = default;

    /// Takes the secret text; the caller should drop its own copy.
    explicit Secret(QString value)
        : m_value(std::move(value))
    {}

    /// The clear text, for the one place that must send it on the wire.
    const QString& reveal() const
    {
        return m_value;
    }

    /// True when no secret was set.
    bool isEmpty() const
    {
        return m_value.isEmpty();
    }

    /// Compares clear texts (settings change detection); never logs either side.
    friend bool operator==(const Secret&, const Secret&) = default;

private:
    QString m_value;
};

} // namespace mtr
