// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "central/ApiTransport.h"
#include "central/Parsers.h"

#include <QUrlQuery>

#include <algorithm>
#include <functional>
#include <memory>

namespace mtr::central {

template <typename T>
using ResultCallback = std::function<void(Result<T>)>;

template <typename T>
using ItemParser = std::function<Result<T>(const QJsonObject&)>;

/// Request helpers shared by the typed APIs: one object, one page, or every page in turn.
class Requests
{
public:
    enum class Paging
    {
        Key,
        Number
    };

    /// Sends `request` and parses the body as one object.
    template <typename T>
    static void one(ApiTransport* transport,
                    ApiRequest request,
                    QObject* context,
                    ItemParser<T> parse,
                    ResultCallback<T> done)
    {
        const QString op = request.operation;
        transport->send(std::move(request), context, [op, parse, done](Result<ApiResponse> r) {
            if (!r) {
                done(r.error());
                return;
            }
            done(Parsers::single<T>(r->body, op, parse));
        });
    }

    /// Sends `request` and parses the body as one list page.
    template <typename T>
    static void page(ApiTransport* transport,
                     ApiRequest request,
                     QObject* context,
                     ItemParser<T> parse,
                     ResultCallback<Page<T>> done)
    {
        const QString op = request.operation;
        transport->send(std::move(request), context, [op, parse, done](Result<ApiResponse> r) {
            if (!r) {
                done(r.error());
                return;
            }
            done(Parsers::page<T>(r->body, op, parse));
        });
    }

    /// Wraps `parse` so that an item of another tenant fails the page: a client bound to one
    /// tenant never hands out another tenant's data, whatever the server sends.
    template <typename T>
    static ItemParser<T> forTenant(ItemParser<T> parse, QString tenantId)
    {
        return [parse, tenantId](const QJsonObject& o) -> Result<T> {
            Result<T> item = parse(o);
            if (item && !item->tenantId.isEmpty() && item->tenantId != tenantId) {
                return Error::make(Error::Code::InvalidInput,
                                   QStringLiteral("item belongs to a different tenant"));
            }
            return item;
        };
    }

    /// Walks all pages of a list, one request at a time. `onPage` gets each page whole;
    /// `done` gets the item count, or the first error (pages already handed out stay valid).
    template <typename T>
    static void walk(ApiTransport* transport,
                     ApiRequest base,
                     Paging paging,
                     int pageSize,
                     QObject* context,
                     ItemParser<T> parse,
                     std::function<void(const Page<T>&)> onPage,
                     ResultCallback<int> done);
};

template <typename T>
void Requests::walk(ApiTransport* transport,
                    ApiRequest base,
                    Paging paging,
                    int pageSize,
                    QObject* context,
                    ItemParser<T> parse,
                    std::function<void(const Page<T>&)> onPage,
                    ResultCallback<int> done)
{
    struct State
    {
        QString key;
        int number = 1;
        int size = 0;
        int count = 0;
        std::function<void()> next;
    };

    auto state = std::make_shared<State>();
    state->size = std::clamp(pageSize, 1, transport->config().maxPageSize);
    const QUrlQuery baseQuery(base.url);
    std::weak_ptr<State> weak = state;
    state->next = [=]() {
        auto s = weak.lock();
        if (!s) {
            return;
        }
        QUrlQuery query = baseQuery;
        query.addQueryItem(QStringLiteral("pageSize"), QString::number(s->size));
        if (paging == Paging::Key && !s->key.isEmpty()) {
            query.addQueryItem(QStringLiteral("pageFromKey"), s->key);
        }
        if (paging == Paging::Number) {
            query.addQueryItem(QStringLiteral("page"), QString::number(s->number));
            query.addQueryItem(QStringLiteral("pageTotal"), QStringLiteral("true"));
        }
        ApiRequest request = base;
        request.url.setQuery(query);
        page<T>(transport, request, context, parse, [s, paging, onPage, done](Result<Page<T>> p) {
            if (!p) {
                done(p.error());
                return;
            }
            s->count += int(p->items.size());
            onPage(p.value());
            const PageInfo& info = p->info;
            if (info.maxSize > 0 && s->size > info.maxSize) {
                s->size = info.maxSize;
            }
            bool more = false;
            if (paging == Paging::Key) {
                more = !info.nextKey.isEmpty() && info.nextKey != s->key;
                s->key = info.nextKey;
            } else {
                more = !p->items.isEmpty() && info.totalPages > s->number;
                s->number = std::max(info.current, s->number) + 1;
            }
            if (more) {
                s->next();
                return;
            }
            done(s->count);
        });
    };
    // From here on the in-flight request's callback is what keeps the state alive; if the
    // context dies, Central's answer is dropped and the state with it.
    state->next();
}

} // namespace mtr::central
