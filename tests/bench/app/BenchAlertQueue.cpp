// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
//
// Prints `name value unit` lines for the alert queue with N alerts (default 100k and 1M):
// the time from opening the workspace to the first painted rows, text filter, severity filter
// and sort times (each until the new first page is painted), and peak memory.
#include "app/StoreExecutor.h"
#include "app/models/AlertQueueModel.h"
#include "app/panes/AlertQueuePane.h"
#include "store/AlertRepository.h"
#include "store/Database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace mtr;

namespace {

void fill(const QString& path, int count)
{
    auto db = store::Database::open(store::DatabaseConfig::sqlite(path));
    store::AlertRepository repo(*db.value());
    const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-20);
    const domain::Severity severities[] = {domain::Severity::Low,
                                           domain::Severity::Medium,
                                           domain::Severity::High};
    for (int start = 0; start < count; start += 5000) {
        QList<domain::Alert> batch;
        for (int i = start; i < qMin(count, start + 5000); ++i) {
            domain::Alert a;
            a.id = QStringLiteral("alert-%1").arg(i);
            a.tenantId = QStringLiteral("tenant-%1").arg(i % 7);
            a.tenantName = QStringLiteral("Kunde %1 GmbH").arg(i % 7);
            a.type = QStringLiteral("Event::Endpoint::Threat::Detected");
            a.severity = severities[i % 3];
            a.description =
                QStringLiteral("Malware detected: 'Troj/Agent-%1' at 'C:\\Users\\u%2\\x.exe'")
                    .arg(i)
                    .arg(i % 997);
            a.raisedAt = base.addSecs(i);
            batch << a;
        }
        if (!repo.upsert(batch).ok())
            qFatal("insert failed");
    }
}

} // namespace

/// Runs a change, then waits until a page of the new query is on screen.
struct Probe
{
    app::AlertQueuePane* pane;
    QTableView* view;

    qint64 measure(const std::function<void()>& change) const
    {
        QSignalSpy loaded(pane->model(), &app::AlertQueueModel::pageLoaded);
        QElapsedTimer clock;
        clock.start();
        change();
        while (loaded.isEmpty())
            loaded.wait(60000);
        view->viewport()->repaint();
        return clock.elapsed();
    }
};

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QList<int> sizes;
    for (const QString& arg : QApplication::arguments().mid(1))
        sizes << arg.toInt();
    if (sizes.isEmpty())
        sizes = {100000, 1000000};
    for (int n : sizes) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
        fill(path, n);
        const QString label = n >= 1000000 ? QStringLiteral("%1m").arg(n / 1000000)
                                           : QStringLiteral("%1k").arg(n / 1000);

        app::AlertQueuePane pane;
        pane.resize(1200, 800);
        pane.show();
        auto* view = pane.findChild<QTableView*>();
        QElapsedTimer clock;
        clock.start();
        app::StoreExecutor store(store::DatabaseConfig::sqlite(path));
        pane.setStore(&store);
        QSignalSpy loaded(pane.model(), &app::AlertQueueModel::pageLoaded);
        while (loaded.isEmpty())
            loaded.wait(60000);
        view->viewport()->repaint();
        out << "queue_open_to_first_paint_" << label << ' ' << clock.elapsed() << " ms\n";

        const Probe probe{&pane, view};
        store::AlertQuery q = pane.model()->query();
        q.text = QStringLiteral("Agent-4242");
        out << "queue_text_filter_" << label << ' ' << probe.measure([&] {
            pane.model()->setQuery(q);
        }) << " ms\n";
        q.text.clear();
        q.severities = {domain::Severity::High};
        out << "queue_severity_filter_" << label << ' ' << probe.measure([&] {
            pane.model()->setQuery(q);
        }) << " ms\n";
        out << "queue_sort_tenant_" << label << ' ' << probe.measure([&] {
            pane.model()->sort(app::AlertQueueModel::TenantColumn, Qt::AscendingOrder);
        }) << " ms\n";
        out << "queue_scroll_to_end_" << label << ' ' << probe.measure([&] {
            view->scrollToBottom();
            pane.model()->index(pane.model()->rowCount() - 1, 0).data();
        }) << " ms\n";
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        out << "queue_peak_rss_" << label << ' ' << usage.ru_maxrss / 1024 << " MiB\n";
        out.flush();
    }
    return 0;
}
