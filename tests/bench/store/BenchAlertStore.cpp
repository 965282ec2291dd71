// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
//
// Ingests N synthetic alerts into a fresh SQLite workspace (and optionally PostgreSQL) and times
// the queue's queries. Prints one figure per line as `name value unit`.

#include "store/AlertRepository.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
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

/// Ingests \p count alerts in batches; false on any error.
bool ingest(const DatabaseConfig& config, int count, const QString& prefix)
{
    auto db = Database::open(config);
    if (!db)
        return false;
    if (config.kind == DatabaseConfig::Kind::Postgres) {
        QSqlQuery truncate(db.value()->connection());
        if (!truncate.exec(QStringLiteral("TRUNCATE alerts")))
            return false;
    }
    AlertRepository alerts(*db.value());
    QElapsedTimer t;
    qint64 spent = 0;
    const std::clock_t cpuStart = std::clock();
    for (int from = 0; from < count; from += Batch) {
        const QList<domain::Alert> batch = makeBatch(from, qMin(Batch, count - from));
        t.start();
        if (!alerts.upsert(batch))
            return false;
        spent += t.nsecsElapsed();
    }
    print(prefix + QStringLiteral("insert_rate"), count / (spent / 1e9), "alerts/s");
    print(prefix + QStringLiteral("insert_time"), spent / 1e6, "ms");
    // CPU time of this process (alert generation included): steadier on a loaded machine.
    const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    print(prefix + QStringLiteral("insert_rate_cpu"), count / cpu, "alerts/cpu-s");
    return true;
}

/// Times the queue's queries on a workspace holding \p count alerts; false on any error.
bool queries(const DatabaseConfig& config, int count, const QString& prefix)
{
    QElapsedTimer open;
    open.start();
    auto db = Database::open(config);
    if (!db)
        return false;
    AlertRepository alerts(*db.value());
    const double firstPage = timePage(alerts, AlertQuery());
    print(prefix + QStringLiteral("open_to_first_page"), open.nsecsElapsed() / 1e6, "ms");
    print(prefix + QStringLiteral("page_newest"), firstPage, "ms");

    QElapsedTimer c;
    c.start();
    const auto total = alerts.count({});
    print(prefix + QStringLiteral("count_all"), c.nsecsElapsed() / 1e6, "ms");
    if (!total || total.value() != count)
        return false;

    AlertQuery text;
    text.text = QStringLiteral("mal/gen-42'");
    text.sort = AlertQuery::Sort::Severity;
    print(prefix + QStringLiteral("page_text_filter_sort_severity"), timePage(alerts, text), "ms");
    c.start();
    (void)alerts.count(text);
    print(prefix + QStringLiteral("count_text_filter"), c.nsecsElapsed() / 1e6, "ms");

    AlertQuery filtered;
    filtered.severities = {domain::Severity::High, domain::Severity::Critical};
    filtered.tenantIds = {QStringLiteral("tenant-4")};
    print(prefix + QStringLiteral("page_severity_tenant_filter"), timePage(alerts, filtered), "ms");

    AlertQuery byTenant;
    byTenant.sort = AlertQuery::Sort::Tenant;
    byTenant.descending = false;
    print(prefix + QStringLiteral("page_sort_tenant"), timePage(alerts, byTenant), "ms");

    AlertQuery deep;
    deep.offset = count / 2;
    print(prefix + QStringLiteral("page_offset_half"), timePage(alerts, deep), "ms");
    auto keyset = alerts.page(deep);
    if (!keyset || keyset.value().isEmpty())
        return false;
    deep.after = keyset.value().last();
    print(prefix + QStringLiteral("page_keyset_half"), timePage(alerts, deep), "ms");
    return true;
}

QString tagOf(int count)
{
    return count % 1'000'000 == 0 ? QStringLiteral("%1M").arg(count / 1'000'000)
                                  : QStringLiteral("%1k").arg(count / 1000);
}

} // namespace

/// bench-store [COUNT...]; MTR_BENCH_POSTGRES_URL=postgresql://... also runs on PostgreSQL
/// (its alerts table is emptied first).
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
    const QString pgUrl = qEnvironmentVariable("MTR_BENCH_POSTGRES_URL");
    for (int n : counts) {
        const QString path = dir.filePath(QStringLiteral("bench-%1.sqlite").arg(n));
        const QString prefix = QStringLiteral("store.sqlite.%1.").arg(tagOf(n));
        bool ok = n > 0 && ingest(DatabaseConfig::sqlite(path), n, prefix)
                  && queries(DatabaseConfig::sqlite(path), n, prefix);
        if (ok)
            print(prefix + QStringLiteral("file_size"), QFileInfo(path).size() / 1048576.0, "MiB");
        QFile::remove(path);
        if (ok && !pgUrl.isEmpty()) {
            const auto pg = DatabaseConfig::fromPostgresUrl(pgUrl);
            const QString pgPrefix = QStringLiteral("store.postgres.%1.").arg(tagOf(n));
            ok = pg.ok() && ingest(pg.value(), n, pgPrefix) && queries(pg.value(), n, pgPrefix);
        }
        if (!ok) {
            std::fprintf(stderr, "bench-store: run with %d alerts failed\n", n);
            return 1;
        }
    }
    return 0;
}
