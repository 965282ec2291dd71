// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
//
// Ingests N synthetic alerts into a fresh SQLite workspace and times the queue's queries.
// Prints one figure per line as `name value unit`.

#include "store/AlertRepository.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace mtr;
using namespace mtr::store;

namespace {

constexpr int Batch = 20'000;

void print(const QString& name, double value, const char* unit)
{
    std::printf("%s %.1f %s\n", qPrintable(name), value, unit);
    std::fflush(stdout);
}

/// Deterministic alerts: 20 tenants, five severities, a few types and varied descriptions.
QList<domain::Alert> makeBatch(int from, int count)
{
    static const char* types[] = {"Event::Endpoint::Threat::Detected",
                                  "Event::Endpoint::Application::Blocked",
                                  "Event::Endpoint::Web::Blocked",
                                  "Event::Endpoint::Device::Blocked"};
    const qint64 base = 1'760'000'000'000LL;
    QList<domain::Alert> out;
    out.reserve(count);
    for (int i = from; i < from + count; ++i) {
        domain::Alert a;
        a.id =
            QStringLiteral("a%1-%2").arg(i, 8, 10, QLatin1Char('0')).arg(i * 2654435761u % 100000);
        a.tenantId = QStringLiteral("tenant-%1").arg(i % 20);
        a.tenantName = QStringLiteral("Customer %1").arg(i % 20);
        a.type = QString::fromLatin1(types[i % 4]);
        a.severity = domain::Severity(1 + (i * 7) % 5);
        a.description =
            QStringLiteral("Suspicious behaviour 'Mal/Gen-%1' detected on host-%2 by %3")
                .arg(i % 997)
                .arg(i % 5000)
                .arg(i % 3 ? QStringLiteral("HMPA") : QStringLiteral("Intercept X"));
        a.raisedAt = QDateTime::fromMSecsSinceEpoch(base + qint64(i) * 1000, Qt::UTC);
        a.raw = QJsonObject{{QStringLiteral("id"), a.id}, {QStringLiteral("n"), i}};
        out << std::move(a);
    }
    return out;
}

/// Milliseconds taken by \p query's first page, or -1 on error.
double timePage(AlertRepository& alerts, const AlertQuery& query)
{
    QElapsedTimer t;
    t.start();
    auto page = alerts.page(query);
    return page.ok() && !page.value().isEmpty() ? t.nsecsElapsed() / 1e6 : -1;
}

int runOnce(int count, const QString& dir)
{
    const QString path = dir + QStringLiteral("/bench-%1.sqlite").arg(count);
    const QString tag = count % 1'000'000 == 0 ? QStringLiteral("%1M").arg(count / 1'000'000)
                                               : QStringLiteral("%1k").arg(count / 1000);
    {
        auto db = Database::open(DatabaseConfig::sqlite(path));
        if (!db)
            return 1;
        AlertRepository alerts(*db.value());
        QElapsedTimer t;
        qint64 spent = 0;
        const std::clock_t cpuStart = std::clock();
        for (int from = 0; from < count; from += Batch) {
            const QList<domain::Alert> batch = makeBatch(from, qMin(Batch, count - from));
            t.start();
            if (!alerts.upsert(batch))
                return 1;
            spent += t.nsecsElapsed();
        }
        print(QStringLiteral("store.sqlite.insert_rate.%1").arg(tag),
              count / (spent / 1e9),
              "alerts/s");
        print(QStringLiteral("store.sqlite.insert_time.%1").arg(tag), spent / 1e6, "ms");
        // CPU time includes generating the alerts; on a loaded machine it is the steadier figure.
        const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        print(QStringLiteral("store.sqlite.insert_rate_cpu.%1").arg(tag),
              count / cpu,
              "alerts/cpu-s");
    }
    QElapsedTimer open;
    open.start();
    auto db = Database::open(DatabaseConfig::sqlite(path));
    if (!db)
        return 1;
    AlertRepository alerts(*db.value());
    AlertQuery first;
    const double firstPage = timePage(alerts, first);
    print(QStringLiteral("store.sqlite.open_to_first_page.%1").arg(tag),
          open.nsecsElapsed() / 1e6,
          "ms");
    print(QStringLiteral("store.sqlite.page_newest.%1").arg(tag), firstPage, "ms");

    QElapsedTimer c;
    c.start();
    const auto total = alerts.count({});
    print(QStringLiteral("store.sqlite.count_all.%1").arg(tag), c.nsecsElapsed() / 1e6, "ms");
    if (!total || total.value() != count)
        return 1;

    AlertQuery text;
    text.text = QStringLiteral("mal/gen-42'");
    text.sort = AlertQuery::Sort::Severity;
    print(QStringLiteral("store.sqlite.page_text_filter_sort_severity.%1").arg(tag),
          timePage(alerts, text),
          "ms");
    c.start();
    (void)alerts.count(text);
    print(QStringLiteral("store.sqlite.count_text_filter.%1").arg(tag),
          c.nsecsElapsed() / 1e6,
          "ms");

    AlertQuery filtered;
    filtered.severities = {domain::Severity::High, domain::Severity::Critical};
    filtered.tenantIds = {QStringLiteral("tenant-4")};
    print(QStringLiteral("store.sqlite.page_severity_tenant_filter.%1").arg(tag),
          timePage(alerts, filtered),
          "ms");

    AlertQuery byTenant;
    byTenant.sort = AlertQuery::Sort::Tenant;
    byTenant.descending = false;
    print(QStringLiteral("store.sqlite.page_sort_tenant.%1").arg(tag),
          timePage(alerts, byTenant),
          "ms");

    AlertQuery deep;
    deep.offset = count / 2;
    print(QStringLiteral("store.sqlite.page_offset_half.%1").arg(tag),
          timePage(alerts, deep),
          "ms");
    print(QStringLiteral("store.sqlite.file_size.%1").arg(tag),
          QFileInfo(path).size() / 1048576.0,
          "MiB");
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QList<int> counts;
    for (const QString& arg : app.arguments().mid(1))
        counts << arg.toInt();
    if (counts.isEmpty())
        counts = {100'000, 1'000'000};
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    for (int n : counts) {
        if (n <= 0 || runOnce(n, dir.path()) != 0) {
            std::fprintf(stderr, "bench-store: run with %d alerts failed\n", n);
            return 1;
        }
    }
    return 0;
}
