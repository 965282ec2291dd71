// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Error.h"

#include <utility>
#include <variant>

namespace mtr {

/// A value or an Error. Parts outside app/ return this instead of throwing: no exception may
/// cross a signal, slot or event-loop boundary.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {}

    Result(Error error)
        : m_data(std::move(error))
    {}

    bool ok() const
    {
        return std::holds_alternative<T>(m_data);
    }

    explicit operator bool() const
    {
        return ok();
    }

    const T& value() const&
    {
        return std::get<T>(m_data);
    }

    T& value() &
    {
        return std::get<T>(m_data);
    }

    T&& value() &&
    {
        return std::get<T>(std::move(m_data));
    }

    const T* operator->() const
    {
        return &value();
    }

    const T& operator*() const
    {
        return value();
    }

    const Error& error() const
    {
        return std::get<Error>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

/// Result for operations that produce nothing but may fail.
template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;

    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {}

    bool ok() const
    {
        return !m_failed;
    }

    explicit operator bool() const
    {
        return ok();
    }

    const Error& error() const
    {
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace mtr
