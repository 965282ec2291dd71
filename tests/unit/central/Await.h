// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Result.h"

#include <QList>

#include <functional>
#include <optional>

namespace mtr::central::test {

/// Catches the one asynchronous result of a client call; tests wait with QTRY_VERIFY(done()).
template <typename T>
class Await
{
public:
    /// The callback to hand to the client.
    std::function<void(Result<T>)> callback()
    {
        return [this](Result<T> r) {
            ++m_calls;
            m_value.emplace(std::move(r));
        };
    }

    bool done() const
    {
        return m_value.has_value();
    }

    int calls() const
    {
        return m_calls;
    }

    const Result<T>& result() const
    {
        return *m_value;
    }

private:
    std::optional<Result<T>> m_value;
    int m_calls = 0;
};

/// Collects pages handed out by a walking call, plus its final result.
template <typename Item>
struct PageCollector
{
    QList<QList<Item>> pages;
    QList<QString> cursors;
    Await<int> finished;

    template <typename PageT>
    std::function<void(const PageT&)> onPage()
    {
        return [this](const PageT& page) {
            pages.append(page.items);
            cursors.append(page.info.nextCursor);
        };
    }

    QList<Item> all() const
    {
        QList<Item> out;
        for (const auto& p : pages) {
            out.append(p);
        }
        return out;
    }
};

} // namespace mtr::central::test
