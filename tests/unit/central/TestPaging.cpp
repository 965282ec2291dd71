// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "Await.h"
#include "FakeCentral.h"
#include "central/CentralClient.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace mtr;
using namespace mtr::central;
using namespace mtr::central::test;

namespace {

const QString TenantA = QStringLiteral("aaaaaaaa-0000-0000-0000-000000000001");

QJsonObject alert(int n, const QString& tenant = TenantA)
{
    return {{QStringLiteral("id"), QStringLiteral("al-%1").arg(n)},
            {QStringLiteral("severity"), QStringLiteral("low")},
            {QStringLiteral("tenant"), QJsonObject{{QStringLiteral("id"), tenant}}}};
}

QByteArray toJson(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// Key-based pages over `total` alerts; the key is the index of the first item.
FakeReply keyPage(const FakeRequest& r, int total, int maxSize = 1000)
{
    const int size = std::min(r.query.queryItemValue(QStringLiteral("pageSize")).toInt(), maxSize);
    const int from = r.query.queryItemValue(QStringLiteral("pageFromKey")).toInt();
    QJsonArray items;
    for (int i = from; i < std::min(total, from + size); ++i) {
        items.append(alert(i));
    }
    QJsonObject pages{{QStringLiteral("size"), size}, {QStringLiteral("maxSize"), maxSize}};
    if (from + size < total) {
        pages.insert(QStringLiteral("nextKey"), QString::number(from + size));
    }
    return FakeReply::json(
        toJson({{QStringLiteral("items"), items}, {QStringLiteral("pages"), pages}}));
}

} // namespace

/// The three paging styles, and that a page is delivered whole or not at all.
class TestPaging : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keyPagesDeliverEveryAlertOnce();
    void keyPagesClampToMaxSize();
    void keyThatDoesNotAdvanceStops();
    void numberPagesWalkAllPages();
    void badPageStopsWalkAndIsNotDelivered();
    void foreignTenantItemRejectsPage();
    void siemCursorSavedEvenForEmptyPageAndResumes();
    void siemFromDateOnlyWithoutCursor();

private:
    domain::Tenant tenant() const
    {
        return {TenantA, {}, {}, {}, m_fake->baseUrl()};
    }

    std::unique_ptr<FakeCentral> m_fake;
    std::unique_ptr<CentralClient> m_client;
};

void TestPaging::init()
{
    m_fake = std::make_unique<FakeCentral>();
    QVERIFY(m_fake->start());
    CentralConfig config;
    config.identityBase = config.globalBase = m_fake->baseUrl();
    config.clientId = QStringLiteral("c");
    config.retry.scale = 0.001;
    m_client = std::make_unique<CentralClient>(config);
}

void TestPaging::cleanup()
{
    m_client.reset();
    m_fake.reset();
}

void TestPaging::keyPagesDeliverEveryAlertOnce()
{
    m_fake->setHandler([](const FakeRequest& r) {
        return keyPage(r, 7);
    });
    PageCollector<domain::Alert> got;
    AlertFilter filter;
    filter.pageSize = 3;
    filter.severities = {QStringLiteral("high"), QStringLiteral("low")};
    filter.from = QDateTime(QDate(2026, 11, 30), QTime(8, 0), QTimeZone::utc());
    m_client->alerts(tenant()).list(filter,
                                    this,
                                    got.onPage<Page<domain::Alert>>(),
                                    got.finished.callback());
    QTRY_VERIFY(got.finished.done());
    QVERIFY(got.finished.result().ok());
    QCOMPARE(got.finished.result().value(), 7);
    QCOMPARE(got.pages.size(), 3);
    QSet<QString> ids;
    for (const domain::Alert& a : got.all()) {
        QVERIFY(!ids.contains(a.id));
        ids.insert(a.id);
    }
    QCOMPARE(ids.size(), 7);

    const QList<FakeRequest> sent = m_fake->requestsTo(QStringLiteral("/common/v1/alerts"));
    QCOMPARE(sent.size(), 3);
    QVERIFY(!sent[0].query.hasQueryItem(QStringLiteral("pageFromKey")));
    QCOMPARE(sent[1].query.queryItemValue(QStringLiteral("pageFromKey")), QStringLiteral("3"));
    QCOMPARE(sent[2].query.queryItemValue(QStringLiteral("severity")), QStringLiteral("high,low"));
    QCOMPARE(sent[2].query.queryItemValue(QStringLiteral("from")),
             QStringLiteral("2026-11-30T08:00:00.000Z"));
}

void TestPaging::keyPagesClampToMaxSize()
{
    m_fake->setHandler([](const FakeRequest& r) {
        return keyPage(r, 5, 2);
    });
    PageCollector<domain::Alert> got;
    AlertFilter filter;
    filter.pageSize = 500;
    m_client->alerts(tenant()).list(filter,
                                    this,
                                    got.onPage<Page<domain::Alert>>(),
                                    got.finished.callback());
    QTRY_VERIFY(got.finished.done());
    QCOMPARE(got.finished.result().value(), 5);
    const QList<FakeRequest> sent = m_fake->requestsTo(QStringLiteral("/common/v1/alerts"));
    QCOMPARE(sent[0].query.queryItemValue(QStringLiteral("pageSize")), QStringLiteral("500"));
    QCOMPARE(sent[1].query.queryItemValue(QStringLiteral("pageSize")), QStringLiteral("2"));
}

void TestPaging::keyThatDoesNotAdvanceStops()
{
    m_fake->setHandler([](const FakeRequest&) {
        return FakeReply::json(
            toJson({{QStringLiteral("items"), QJsonArray{alert(1)}},
                    {QStringLiteral("pages"),
                     QJsonObject{{QStringLiteral("nextKey"), QStringLiteral("same")}}}}));
    });
    PageCollector<domain::Alert> got;
    m_client->alerts(tenant()).list({},
                                    this,
                                    got.onPage<Page<domain::Alert>>(),
                                    got.finished.callback());
    QTRY_VERIFY(got.finished.done());
    QCOMPARE(got.pages.size(), 2); // first page, then the repeated key ends the walk
}

void TestPaging::numberPagesWalkAllPages()
{
    m_fake->setHandler([](const FakeRequest& r) {
        const int page = r.query.queryItemValue(QStringLiteral("page")).toInt();
        QJsonArray items;
        for (int i = 0; i < (page < 4 ? 2 : 1); ++i) {
            items.append(QJsonObject{
                {QStringLiteral("id"), QStringLiteral("case-%1-%2").arg(page).arg(i)},
                {QStringLiteral("status"), QStringLiteral("new")},
                {QStringLiteral("tenant"), QJsonObject{{QStringLiteral("id"), TenantA}}}});
        }
        const QJsonObject pages{{QStringLiteral("current"), page},
                                {QStringLiteral("total"), 4},
                                {QStringLiteral("items"), 7},
                                {QStringLiteral("maxSize"), 100}};
        return FakeReply::json(
            toJson({{QStringLiteral("items"), items}, {QStringLiteral("pages"), pages}}));
    });
    PageCollector<domain::Case> got;
    CaseFilter filter;
    filter.statuses = {QStringLiteral("new"), QStringLiteral("investigating")};
    filter.pageSize = 2;
    m_client->cases(tenant()).list(filter,
                                   this,
                                   got.onPage<Page<domain::Case>>(),
                                   got.finished.callback());
    QTRY_VERIFY(got.finished.done());
    QCOMPARE(got.finished.result().value(), 7);
    const QList<FakeRequest> sent = m_fake->requestsTo(QStringLiteral("/cases/v1/cases"));
    QCOMPARE(sent.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(sent[i].query.queryItemValue(QStringLiteral("page")), QString::number(i + 1));
        QCOMPARE(sent[i].query.queryItemValue(QStringLiteral("status")),
                 QStringLiteral("new,investigating"));
    }
}

void TestPaging::badPageStopsWalkAndIsNotDelivered()
{
    m_fake->setHandler([](const FakeRequest& r) {
        if (r.query.hasQueryItem(QStringLiteral("pageFromKey"))) {
            return FakeReply::json(R"({"items":[{"id":"ok"},{"id":{"nested":1}}],"pages":{}})");
        }
        return keyPage(r, 10);
    });
    PageCollector<domain::Alert> got;
    AlertFilter filter;
    filter.pageSize = 4;
    m_client->alerts(tenant()).list(filter,
                                    this,
                                    got.onPage<Page<domain::Alert>>(),
                                    got.finished.callback());
    QTRY_VERIFY(got.finished.done());
    QVERIFY(!got.finished.result().ok());
    QCOMPARE(got.finished.result().error().code, Error::Code::InvalidInput);
    QVERIFY(got.finished.result().error().message.contains(QLatin1String("item 1")));
    QCOMPARE(got.pages.size(), 1);
    QCOMPARE(got.pages.first().size(), 4);
}

void TestPaging::foreignTenantItemRejectsPage()
{
    m_fake->setHandler([](const FakeRequest&) {
        return FakeReply::json(
            toJson({{QStringLiteral("items"),
                     QJsonArray{alert(1), alert(2, QStringLiteral("other-tenant"))}},
                    {QStringLiteral("pages"), QJsonObject{}}}));
    });
    PageCollector<domain::Alert> got;
    m_client->alerts(tenant()).list({},
                                    this,
                                    got.onPage<Page<domain::Alert>>(),
                                    got.finished.callback());
    QTRY_VERIFY(got.finished.done());
    QVERIFY(!got.finished.result().ok());
    QVERIFY(got.finished.result().error().message.contains(QLatin1String("different tenant")));
    QVERIFY(got.pages.isEmpty());
}

void TestPaging::siemCursorSavedEvenForEmptyPageAndResumes()
{
    // Cursor "c<n>" means: n items already read. 5 items now, page limit 2, and an empty page
    // with has_more in the middle, as Central sends while it catches up.
    int available = 5;
    m_fake->setHandler([&available](const FakeRequest& r) {
        const QString cursor = r.query.queryItemValue(QStringLiteral("cursor"));
        const int at = cursor.isEmpty() ? 0 : cursor.mid(1).remove(u'e').toInt();
        const int limit = r.query.queryItemValue(QStringLiteral("limit")).toInt();
        const bool emptyPage = at == 2 && !cursor.endsWith(u'e') && available == 5;
        QJsonArray items;
        int next = at;
        for (int i = at; !emptyPage && i < std::min(available, at + limit); ++i, ++next) {
            items.append(QJsonObject{
                {QStringLiteral("id"), QStringLiteral("ev-%1").arg(i)},
                {QStringLiteral("customer_id"), TenantA},
                {QStringLiteral("created_at"), QStringLiteral("2026-11-30T08:41:15.500Z")}});
        }
        const QString nextCursor =
            QStringLiteral("c%1").arg(next) + (emptyPage ? QStringLiteral("e") : QString());
        return FakeReply::json(toJson({{QStringLiteral("items"), items},
                                       {QStringLiteral("next_cursor"), nextCursor},
                                       {QStringLiteral("has_more"), next < available}}));
    });
    PageCollector<domain::SiemEvent> first;
    m_client->siem(tenant()).drainEvents({},
                                         2,
                                         this,
                                         first.onPage<Page<domain::SiemEvent>>(),
                                         first.finished.callback());
    QTRY_VERIFY(first.finished.done());
    QCOMPARE(first.finished.result().value(), 5);
    QCOMPARE(first.pages.size(), 4); // 2, empty, 2, 1
    QVERIFY(first.pages[1].isEmpty());
    QCOMPARE(first.cursors[1], QStringLiteral("c2e")); // saved although the page was empty
    const QString saved = first.cursors.last();
    QCOMPARE(saved, QStringLiteral("c5"));

    available = 8; // new events arrive; a restart resumes from the saved cursor
    PageCollector<domain::SiemEvent> resumed;
    m_client->siem(tenant()).drainEvents({saved, {}},
                                         2,
                                         this,
                                         resumed.onPage<Page<domain::SiemEvent>>(),
                                         resumed.finished.callback());
    QTRY_VERIFY(resumed.finished.done());
    QStringList ids;
    for (const domain::SiemEvent& e : resumed.all()) {
        ids.append(e.id);
    }
    QCOMPARE(ids,
             (QStringList{QStringLiteral("ev-5"), QStringLiteral("ev-6"), QStringLiteral("ev-7")}));
}

void TestPaging::siemFromDateOnlyWithoutCursor()
{
    m_fake->setHandler([](const FakeRequest&) {
        return FakeReply::json(R"({"items":[],"next_cursor":"x","has_more":false})");
    });
    const QDateTime from = QDateTime::fromSecsSinceEpoch(1764492000, QTimeZone::utc());
    Await<Page<domain::Alert>> a;
    m_client->siem(tenant()).alertsPage({{}, from}, 5000, this, a.callback());
    QTRY_VERIFY(a.done());
    QVERIFY(a.result().ok());
    QCOMPARE(a.result()->info.nextCursor, QStringLiteral("x"));
    Await<Page<domain::Alert>> b;
    m_client->siem(tenant()).alertsPage({QStringLiteral("cur"), from}, 10, this, b.callback());
    QTRY_VERIFY(b.done());
    const QList<FakeRequest> sent = m_fake->requestsTo(QStringLiteral("/siem/v1/alerts"));
    QCOMPARE(sent[0].query.queryItemValue(QStringLiteral("from_date")),
             QStringLiteral("1764492000"));
    QCOMPARE(sent[0].query.queryItemValue(QStringLiteral("limit")), QStringLiteral("1000"));
    QVERIFY(!sent[1].query.hasQueryItem(QStringLiteral("from_date")));
    QCOMPARE(sent[1].query.queryItemValue(QStringLiteral("cursor")), QStringLiteral("cur"));
    QCOMPARE(sent[1].header("x-tenant-id"), TenantA.toUtf8());
}

QTEST_GUILESS_MAIN(TestPaging)
#include "TestPaging.moc"
