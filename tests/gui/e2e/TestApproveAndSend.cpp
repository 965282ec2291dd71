// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
/// Approve and send, end to end through the console: the real main window and controller in a
/// child process (this executable started with --console), central-sim over HTTPS, a real SMTP
/// server with STARTTLS on loopback and a SQLite workspace. The child opens the demo tenant's
/// newest alert, the analyst edits the customer notification and approves it (Ctrl+Shift+A)
/// and approves the isolation in the approval queue (Ctrl+Return). The parent then counts what
/// reached Central and the mail server: exactly one case update, one isolation and one e-mail
/// with the edited text, also when the console is killed (SIGKILL) between approval and send
/// and when the simulator drops the connection after applying each write.

#include "app/ConsoleController.h"
#include "app/MainWindow.h"
#include "app/models/ProposalModel.h"
#include "app/panes/ApprovalQueuePane.h"
#include "app/panes/DraftEditorPane.h"
#include "integration/outbox/WorkflowHarness.h"
#include "log/Log.h"
#include "secrets/SecretStore.h"
#include "store/AuditLog.h"
#include "store/DraftRepository.h"
#include "store/OutboxRepository.h"
#include "workflow/OutboxPayload.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTimer>

#include <cstdio>

using namespace mtr;
using namespace mtr::workflow::test;

namespace {

const QString Contact = QStringLiteral("soc@customer.test");
const QString Analyst = QStringLiteral("ana.lyst@mssp.test");
/// The analyst's edit, typed at the end of the AI's customer notification.
const QString Edit = QStringLiteral(" Edited by the analyst: we isolated the laptop at 18:30 UTC.");

void say(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// ---------------------------------------------------------------------------------------------
// The child: the console as main.cpp builds it, plus the analyst's keystrokes.

/// Waits up to \p ms for \p condition, processing events.
bool waitFor(const std::function<bool()>& condition, int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > ms)
            return false;
        QTest::qWait(50);
    }
    return true;
}

/// Types the analyst's edit at the end of the customer notification; returns the editor.
QWidget* typeEdit(app::MainWindow& window)
{
    app::DraftEditorPane* drafts = window.draftPane();
    drafts->setCurrentKind(domain::Draft::Kind::CustomerNotification);
    QWidget* editor = drafts->focusTarget();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(editor, Edit);
    return editor;
}

/// Edits and approves the customer notification, then approves the isolation; says what it did.
void analystApproves(app::MainWindow& window, app::ConsoleController& controller)
{
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        say(QStringLiteral("note: window not active; shortcuts may not fire"));

    QWidget* editor = typeEdit(window);
    say(QStringLiteral("central case %1").arg(window.draftPane()->centralCaseId()));
    QSignalSpy draftApproved(&controller, &app::ConsoleController::draftApprovalFinished);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    if (!draftApproved.wait(20000) || !draftApproved.first().value(2).toString().isEmpty()) {
        say(QStringLiteral("error: the notification was not approved"));
        return;
    }
    say(QStringLiteral("approved message"));

    app::ApprovalQueuePane* queue = window.approvalPane();
    const QString isolate = QLatin1String(workflow::OutboxPayload::IsolateEndpoint);
    if (!waitFor(
            [&] {
                return queue->selectKind(isolate);
            },
            30000)) {
        say(QStringLiteral("error: no isolation proposal"));
        return;
    }
    QSignalSpy approved(&controller, &app::ConsoleController::approvalRecorded);
    QWidget* view = queue->focusTarget();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
    if (!approved.wait(20000) || !approved.first().value(1).toBool()) {
        say(QStringLiteral("error: the isolation was not approved"));
        return;
    }
    say(QStringLiteral("approved isolation"));
}

int runConsole(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("mtr-review-console"));
    QApplication::setApplicationName(QStringLiteral("mtr-console"));
    const bool approve = QApplication::arguments().contains(QStringLiteral("approve"));
    const bool edit = QApplication::arguments().contains(QStringLiteral("edit"));
    log::init();

    secrets::SecretStore secrets(QStringLiteral("mtr-test-e2e"));
    app::MainWindow window(&secrets);
    window.resize(1440, 900);
    window.show();
    app::ConsoleController controller(&window, &secrets);
    controller.quitOnTerminationSignals(); // as main.cpp
    QObject::connect(&controller,
                     &app::ConsoleController::itemDispatched,
                     &window,
                     [](qint64 id, const QString& outcome) {
                         say(QStringLiteral("dispatched %1 %2").arg(id).arg(outcome));
                     });
    // What the approval queue tells the analyst about each item, every time the case reloads.
    QObject::connect(&controller, &app::ConsoleController::caseLoaded, &window, [&window] {
        for (const char* kind :
             {workflow::OutboxPayload::IsolateEndpoint, workflow::OutboxPayload::CustomerMessage}) {
            const auto text = [&window, kind](int column) {
                return window.approvalPane()->columnText(QLatin1String(kind), column);
            };
            const QString status = text(app::ProposalModel::StatusColumn);
            if (!status.isEmpty())
                say(QStringLiteral("status %1: %2 | approved by %3")
                        .arg(QLatin1String(kind),
                             status,
                             text(app::ProposalModel::ApprovedByColumn)));
        }
    });
    QObject::connect(&controller, &app::ConsoleController::demoDataShown, &window, [&] {
        say(QStringLiteral("shown %1").arg(controller.currentCaseId()));
        if (approve)
            QTimer::singleShot(0, &window, [&] {
                analystApproves(window, controller);
            });
        if (edit)
            QTimer::singleShot(0, &window, [&] {
                typeEdit(window);
                say(QStringLiteral("typed"));
            });
    });
    controller.start();
    const int rc = QApplication::exec();
    log::flush();
    return rc;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The parent: the simulator, the mail server, the workspace, and the counting.

class TestApproveAndSend : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void editedNotificationAndIsolationAreSentOnce();
    void killedBetweenApprovalAndSendSendsOnceAfterRestart();
    void droppedConnectionsSendOnceAcrossRestart();
    void terminatedWhileTypingKeepsTheEdit();

private:
    void writeSettings();
    void startConsole(QProcess& console, const QString& mode);
    bool waitForOutput(QProcess& console, const QString& prefix, int ms);
    QList<domain::OutboxItem> outbox();
    bool waitUntilSent(int items, int ms);
    QString approvedNotification();
    void verifyExactlyOnce();
    void addFault(const QString& kind, const QString& method, const QString& path, int ms = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Simulator> m_sim;
    std::unique_ptr<SmtpSink> m_sink;
    QString m_output; ///< everything the console children said
};

void TestApproveAndSend::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sim = std::make_unique<Simulator>();
    QVERIFY(m_sim->start());
    m_sink = std::make_unique<SmtpSink>();
    QVERIFY(m_sink->start(true));
    m_output.clear();
    writeSettings();
}

void TestApproveAndSend::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo("console output:\n%s", qPrintable(m_output));
    m_sink.reset();
    m_sim.reset();
    m_dir.reset();
}

void TestApproveAndSend::writeSettings()
{
    QFile policy(m_dir->filePath(QStringLiteral("policy.json")));
    QVERIFY(policy.open(QIODevice::WriteOnly));
    policy.write(QJsonDocument(
                     QJsonObject{{QStringLiteral("default"),
                                  QJsonObject{{QStringLiteral("phase"), QStringLiteral("assisted")},
                                              {QStringLiteral("contacts"), QJsonArray{Contact}},
                                              {QStringLiteral("mailFrom"),
                                               QStringLiteral("mtr@mssp.test")}}}})
                     .toJson());
    policy.close();

    QSettings settings(
        m_dir->filePath(QStringLiteral("config/mtr-review-console/mtr-console.conf")),
        QSettings::IniFormat);
    settings.setValue(QStringLiteral("central/identityUrl"), m_sim->baseUrl);
    settings.setValue(QStringLiteral("central/apiUrl"), m_sim->baseUrl);
    settings.setValue(QStringLiteral("central/clientId"), QStringLiteral("demo-client"));
    settings.setValue(QStringLiteral("central/caFile"), m_sim->caFile);
    settings.setValue(QStringLiteral("store/sqlitePath"),
                      m_dir->filePath(QStringLiteral("workspace.sqlite")));
    settings.setValue(QStringLiteral("governance/policyFile"), policy.fileName());
    settings.setValue(QStringLiteral("smtp/url"), m_sink->url());
    settings.setValue(QStringLiteral("smtp/from"), QStringLiteral("mtr@mssp.test"));
    settings.setValue(QStringLiteral("smtp/caFile"), m_sink->certFile);
    settings.setValue(QStringLiteral("smtp/requireTls"), true);
    settings.setValue(QStringLiteral("analyst/name"), Analyst);
    // A crashed console's items come back after a short lease in this test.
    settings.setValue(QStringLiteral("outbox/leaseSeconds"), 4);
    settings.setValue(QStringLiteral("outbox/pollSeconds"), 2);
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);
}

void TestApproveAndSend::startConsole(QProcess& console, const QString& mode)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("MTR_CENTRAL_CLIENT_SECRET"), QStringLiteral("demo-secret"));
    // scripts/test runs an X server: there the console is a real X window, keys and all.
    const QString display = qEnvironmentVariable("MTR_XVFB_DISPLAY");
    if (display.startsWith(QLatin1Char(':'))) {
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        env.insert(QStringLiteral("DISPLAY"), display);
    }
    qInfo("console on %s", qPrintable(env.value(QStringLiteral("QT_QPA_PLATFORM"))));
    console.setProcessEnvironment(env);
    console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    console.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--console"), mode});
    QVERIFY(console.waitForStarted(10000));
}

bool TestApproveAndSend::waitForOutput(QProcess& console, const QString& prefix, int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) {
        while (console.canReadLine()) {
            const QString line = QString::fromUtf8(console.readLine()).trimmed();
            m_output += line + QLatin1Char('\n');
            if (line.startsWith(QLatin1String("error:")))
                return false;
            if (line.startsWith(prefix))
                return true;
        }
        if (console.state() == QProcess::NotRunning)
            return false;
        console.waitForReadyRead(200);
    }
    return false;
}

QList<domain::OutboxItem> TestApproveAndSend::outbox()
{
    auto db = openWorkspace(*m_dir);
    if (!db)
        return {};
    QList<domain::OutboxItem> all;
    store::OutboxRepository repository(*db);
    using S = domain::OutboxItem::State;
    for (S state : {S::Pending, S::Sending, S::Sent, S::Failed, S::OutcomeUnknown}) {
        auto items = repository.list(state);
        if (items)
            all += items.value();
    }
    return all;
}

bool TestApproveAndSend::waitUntilSent(int items, int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) {
        const auto all = outbox();
        for (const auto& i : all) {
            if (i.state == domain::OutboxItem::State::Failed
                || i.state == domain::OutboxItem::State::OutcomeUnknown) {
                m_output +=
                    QStringLiteral("outbox item %1 (%2) ended %3: %4\n")
                        .arg(i.id)
                        .arg(i.kind, domain::OutboxItem::stateToString(i.state), i.lastError);
                return false;
            }
        }
        if (all.size() == items
            && std::all_of(all.cbegin(), all.cend(), [](const domain::OutboxItem& i) {
                   return i.state == domain::OutboxItem::State::Sent;
               }))
            return true;
        QTest::qWait(250);
    }
    return false;
}

QString TestApproveAndSend::approvedNotification()
{
    auto db = openWorkspace(*m_dir);
    if (!db)
        return {};
    for (const domain::OutboxItem& item : outbox()) {
        if (item.kind != QLatin1String(workflow::OutboxPayload::CustomerMessage))
            continue;
        // The approved content is the analyst's version as the editor saved it.
        const QString body = QJsonDocument::fromJson(item.payload.toUtf8())
                                 .object()
                                 .value(QLatin1String("body"))
                                 .toString();
        auto draft =
            store::DraftRepository(*db).get(item.caseId, domain::Draft::Kind::CustomerNotification);
        if (!draft || !draft.value() || draft.value()->analystText != body)
            return QStringLiteral("(the approved text is not the analyst's saved version)");
        return body;
    }
    return {};
}

void TestApproveAndSend::addFault(const QString& kind,
                                  const QString& method,
                                  const QString& path,
                                  int ms)
{
    QJsonObject rule{{QStringLiteral("kind"), kind},
                     {QStringLiteral("method"), method},
                     {QStringLiteral("path"), path},
                     {QStringLiteral("count"), 1}};
    if (ms > 0)
        rule.insert(QStringLiteral("ms"), ms);
    const QJsonObject added = m_sim->addFault(rule);
    QVERIFY(!added.value(QLatin1String("rules")).toArray().isEmpty());
}

/// One case update, one isolation and one e-mail, whose body is the analyst's edited text; the
/// audit chain holds the analyst's approvals and is intact.
void TestApproveAndSend::verifyExactlyOnce()
{
    QCOMPARE(
        m_sim->count(QStringLiteral("POST"), QStringLiteral("/endpoint/v1/endpoints/isolation")),
        1);
    QCOMPARE(m_sim->count(QStringLiteral("PATCH"), QStringLiteral("/cases/v1/cases/")), 1);
    QCOMPARE(m_sim->writes(), 2);
    // The update went to the Central case shown in the draft editor when the analyst approved.
    QString centralCase;
    for (const domain::OutboxItem& item : outbox()) {
        if (item.kind == QLatin1String(workflow::OutboxPayload::CustomerMessage))
            centralCase = QJsonDocument::fromJson(item.payload.toUtf8())
                              .object()
                              .value(QLatin1String("centralCaseId"))
                              .toString();
    }
    QVERIFY(!centralCase.isEmpty());
    QVERIFY2(m_output.contains(QStringLiteral("central case ") + centralCase),
             qPrintable(m_output));
    QCOMPARE(
        m_sim->count(QStringLiteral("PATCH"), QStringLiteral("/cases/v1/cases/") + centralCase),
        1);
    const auto mails = m_sink->messages();
    QCOMPARE(mails.size(), 1);
    const QJsonObject mail = mails.first();
    QCOMPARE(mail.value(QLatin1String("to")).toArray().first().toString(), Contact);
    QVERIFY(mail.value(QLatin1String("tls")).toBool());
    QString body = mail.value(QLatin1String("body")).toString();
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const QString edited = approvedNotification();
    QVERIFY2(edited.endsWith(Edit), qPrintable(edited.right(120)));
    QCOMPARE(body.trimmed(), edited.trimmed());

    auto db = openWorkspace(*m_dir);
    QVERIFY(db);
    store::AuditLog audit(*db);
    auto verified = audit.verify();
    QVERIFY(verified && verified.value().ok);
    int approvals = 0;
    QVERIFY(audit.forEach([&](const domain::AuditEntry& e) {
        if (e.kind == QLatin1String("approval") && e.analyst == Analyst)
            ++approvals;
        return true;
    }));
    QCOMPARE(approvals, 2);
}

void TestApproveAndSend::editedNotificationAndIsolationAreSentOnce()
{
    {
        QProcess console;
        startConsole(console, QStringLiteral("approve"));
        QVERIFY2(waitForOutput(console, QStringLiteral("approved isolation"), 180000),
                 qPrintable(m_output));
        QVERIFY2(waitUntilSent(2, 60000), qPrintable(m_output));
        // The approval queue shows the analyst that both went out, and who approved them.
        QVERIFY2(
            waitForOutput(console,
                          QStringLiteral("status isolate-endpoint: Sent | approved by ") + Analyst,
                          30000),
            qPrintable(m_output));
        QVERIFY2(
            waitForOutput(console,
                          QStringLiteral("status customer-message: Sent | approved by ") + Analyst,
                          30000),
            qPrintable(m_output));
        stopProcess(console);
    }
    verifyExactlyOnce();

    // A restart finds nothing left to send.
    QProcess console;
    startConsole(console, QStringLiteral("resume"));
    QVERIFY2(waitForOutput(console, QStringLiteral("shown"), 120000), qPrintable(m_output));
    QTest::qWait(3000); // more than one outbox poll
    stopProcess(console);
    verifyExactlyOnce();
}

void TestApproveAndSend::killedBetweenApprovalAndSendSendsOnceAfterRestart()
{
    // Central holds the answer to the first write for 6 s, so the console is killed with the
    // case update applied but unanswered and the isolation approved but not yet sent.
    addFault(QStringLiteral("latency"),
             QStringLiteral("PATCH"),
             QStringLiteral("/cases/v1/cases/"),
             6000);
    addFault(QStringLiteral("latency"),
             QStringLiteral("POST"),
             QStringLiteral("/endpoint/v1/endpoints/isolation"),
             6000);
    {
        QProcess console;
        startConsole(console, QStringLiteral("approve"));
        QVERIFY2(waitForOutput(console, QStringLiteral("approved isolation"), 180000),
                 qPrintable(m_output));
        console.kill(); // SIGKILL: no clean-up, no flush
        QVERIFY(console.waitForFinished(5000));
        QCOMPARE(console.exitStatus(), QProcess::CrashExit);
    }
    const auto held = outbox();
    QCOMPARE(held.size(), 2);
    for (const auto& item : held)
        QVERIFY(item.state != domain::OutboxItem::State::Sent);
    QCOMPARE(m_sink->messages().size(), 0);

    QProcess console;
    startConsole(console, QStringLiteral("resume"));
    QVERIFY2(waitUntilSent(2, 90000), qPrintable(m_output));
    stopProcess(console);
    verifyExactlyOnce();
}

void TestApproveAndSend::droppedConnectionsSendOnceAcrossRestart()
{
    // Central applies each write and closes the connection without answering.
    addFault(QStringLiteral("dropAfterApply"),
             QStringLiteral("PATCH"),
             QStringLiteral("/cases/v1/cases/"));
    addFault(QStringLiteral("dropAfterApply"),
             QStringLiteral("POST"),
             QStringLiteral("/endpoint/v1/endpoints/isolation"));
    {
        QProcess console;
        startConsole(console, QStringLiteral("approve"));
        QVERIFY2(waitForOutput(console, QStringLiteral("approved isolation"), 180000),
                 qPrintable(m_output));
        QVERIFY2(waitUntilSent(2, 90000), qPrintable(m_output));
        console.kill();
        QVERIFY(console.waitForFinished(5000));
    }
    verifyExactlyOnce();
    // The console read the isolation state back instead of sending again.
    QVERIFY(m_sim->count(QStringLiteral("GET"), QStringLiteral("/endpoint/v1/endpoints/")) >= 1);

    QProcess console;
    startConsole(console, QStringLiteral("resume"));
    QVERIFY2(waitForOutput(console, QStringLiteral("shown"), 120000), qPrintable(m_output));
    QTest::qWait(3000);
    stopProcess(console);
    verifyExactlyOnce();
}

void TestApproveAndSend::terminatedWhileTypingKeepsTheEdit()
{
    // A logout or `systemctl stop` sends SIGTERM: the edit typed a moment ago, before the next
    // autosave, is written before the console goes, and nothing is sent.
    QString caseId;
    {
        QProcess console;
        startConsole(console, QStringLiteral("edit"));
        QVERIFY2(waitForOutput(console, QStringLiteral("shown "), 180000), qPrintable(m_output));
        caseId = m_output.section(QStringLiteral("shown "), -1).section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(waitForOutput(console, QStringLiteral("typed"), 60000), qPrintable(m_output));
        console.terminate();
        QVERIFY(console.waitForFinished(20000));
        QCOMPARE(console.exitStatus(), QProcess::NormalExit);
        QCOMPARE(console.exitCode(), 0);
    }
    auto db = openWorkspace(*m_dir);
    QVERIFY(db);
    auto draft = store::DraftRepository(*db).get(caseId, domain::Draft::Kind::CustomerNotification);
    QVERIFY2(draft && draft.value(), qPrintable(caseId));
    QVERIFY2(draft.value()->analystText.endsWith(Edit), qPrintable(draft.value()->analystText));
    QCOMPARE(outbox().size(), 0);
    QCOMPARE(m_sink->messages().size(), 0);
}

int main(int argc, char** argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--console") == 0)
        return runConsole(argc, argv);
    QCoreApplication app(argc, argv);
    TestApproveAndSend test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestApproveAndSend.moc"
