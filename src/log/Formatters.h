// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// fmt formatters for the Qt value types that may appear in log lines. Secret-holding types
/// (mtr::Secret) deliberately have none, so logging one is a compile error.

#include <QByteArray>
#include <QString>

#include <spdlog/fmt/fmt.h>

#include <string_view>

template <>
struct fmt::formatter<QString> : fmt::formatter<std::string_view>
{
    template <typename Ctx>
    auto format(const QString& s, Ctx& ctx) const
    {
        const QByteArray u8 = s.toUtf8();
        return fmt::formatter<std::string_view>::format(
            std::string_view(u8.constData(), size_t(u8.size())),
            ctx);
    }
};

template <>
struct fmt::formatter<QByteArray> : fmt::formatter<std::string_view>
{
    template <typename Ctx>
    auto format(const QByteArray& b, Ctx& ctx) const
    {
        return fmt::formatter<std::string_view>::format(
            std::string_view(b.constData(), size_t(b.size())),
            ctx);
    }
};
