// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QString>

namespace mtr::secrets {

/// A secret value (client secret, API key). It has no fmt formatter and no implicit conversion
/// to QString, so it cannot end up in a log line or a settings file by accident.
class Secret
{
public:
    Secret() = default;

    explicit Secret(QString value)
        : m_value(std::move(value))
    {}

    /// The clear text, for the one place that must send it (a token request, an auth header).
    const QString& reveal() const
    {
        return m_value;
    }

    bool isEmpty() const
    {
        return m_value.isEmpty();
    }

    friend bool operator==(const Secret&, const Secret&) = default;

private:
    QString m_value;
};

} // namespace mtr::secrets
