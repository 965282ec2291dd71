// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/ConsoleController.h"
#include "app/MainWindow.h"
#include "app/models/AlertQueueModel.h"
#include "app/models/CaseTimelineModel.h"
#include "app/models/IndicatorModel.h"
#include "app/panes/AlertQueuePane.h"
#include "app/panes/CaseTimelinePane.h"
#include "app/panes/DraftEditorPane.h"
#include "app/panes/EvidenceViewerPane.h"
#include "secrets/SecretStore.h"
#include "support/FakeLlmServer.h"
#include "workflow/EvidenceImportJob.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using mtr::app::ConsoleController;
using mtr::app::MainWindow;

/// The README's demo as a test: the console syncs the demo tenants from central-sim, opens the
/// newest alert's case, drafts it with the offline drafter, and takes a firewall log and Live
/// Response outputs into the same case's timeline with their indicators.
class TestConsoleDemo : public QObject
{
    Q_OBJECT

private slots:

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
        m_sim.setProgram(QStringLiteral(MTR_CENTRAL_SIM));
        m_sim.setArguments({QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("sim"))});
        m_sim.start();
        QVERIFY(m_sim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_sim.canReadLine(), 20000);
        const QString url = QString::fromUtf8(m_sim.readLine()).trimmed();
        QTRY_VERIFY_WITH_TIMEOUT(m_sim.canReadLine(), 5000);
        const QString ca =
            QString::fromUtf8(m_sim.readLine()).trimmed().remove(QStringLiteral("ca-file: "));
        QVERIFY(url.startsWith(QStringLiteral("https://127.0.0.1:")));

        QSettings settings;
        settings.clear();
        settings.setValue(QStringLiteral("central/identityUrl"), url);
        settings.setValue(QStringLiteral("central/apiUrl"), url);
        settings.setValue(QStringLiteral("central/clientId"), QStringLiteral("demo-client"));
        settings.setValue(QStringLiteral("central/caFile"), ca);
        if (qEnvironmentVariable("MTR_TEST_DB") == QLatin1String("postgres")) {
            QFile port(qEnvironmentVariable("PG_FIXTURE_DIR") + QStringLiteral("/port"));
            QVERIFY2(port.open(QIODevice::ReadOnly), "the pg fixture did not start");
            const QString database =
                QStringLiteral("demo_%1").arg(QCoreApplication::applicationPid());
            const int pgPort = QString::fromUtf8(port.readAll()).trimmed().toInt();
            createPostgresDatabase(pgPort, database);
            settings.setValue(
                QStringLiteral("store/postgresUrl"),
                QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(pgPort).arg(database));
        } else {
            settings.setValue(QStringLiteral("store/sqlitePath"),
                              m_dir.filePath(QStringLiteral("ws.sqlite")));
        }
        settings.sync();
        qputenv("MTR_CENTRAL_CLIENT_SECRET", "demo-secret");
    }

    void demoCaseIsShownAndEnriched()
    {
        mtr::secrets::SecretStore secrets(QStringLiteral("mtr-test"));
        MainWindow window(&secrets);
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConsoleController controller(&window, &secrets);
        QSignalSpy shown(&controller, &ConsoleController::demoDataShown);
        controller.start();
        QVERIFY(shown.wait(120000));

        QVERIFY(window.queuePane()->model()->rowCount() > 0);
        QVERIFY(window.connectionText().contains(QStringLiteral("connected")));
        QVERIFY(!window.draftPane()->aiText().isEmpty());
        QVERIFY(!window.draftPane()->analystText().isEmpty());
        const QString caseId = controller.currentCaseId();
        QVERIFY(caseId.startsWith(QStringLiteral("alert:")));
        QVERIFY(window.evidencePane()->indicatorModel()->rowCount() > 0
                || window.timelinePane()->model()->events().size() > 0);

        // The firewall log and Live Response outputs go into the same case.
        for (const QString& file : {QStringLiteral("/firewall/sfos18.5-firewall-rule-and-dos.log"),
                                    QStringLiteral("/live-response/jc-win10-netstat-aon.out")}) {
            const QString path = findTestData(file);
            QVERIFY2(!path.isEmpty(), qPrintable(file));
            importInto(controller, caseId, path);
        }
        QSignalSpy loaded(&controller, &ConsoleController::caseLoaded);
        controller.reloadCase();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(loaded.last().first().toString(), caseId);
        QTRY_VERIFY_WITH_TIMEOUT(hasSource(window, QStringLiteral("firewall"))
                                     && hasSource(window, QStringLiteral("live-response")),
                                 30000);
        QVERIFY(window.evidencePane()->indicatorModel()->rowCount() > 0);

        const QString shot = QStringLiteral(MTR_TEST_OUTPUT_DIR "/demo-")
                             + qEnvironmentVariable("MTR_TEST_DB") + QStringLiteral(".png");
        QVERIFY(window.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));

        askForANewDraftWithANote(window, controller);
    }

    void cleanupTestCase()
    {
        m_sim.terminate();
        m_sim.waitForFinished(5000);
    }

private:
    /// Without a model a note cannot be followed, and the console says so. Once the analyst
    /// saves a model in Settings (no restart), the note reaches that model for that draft.
    void askForANewDraftWithANote(MainWindow& window, ConsoleController& controller)
    {
        mtr::app::DraftEditorPane* drafts = window.draftPane();
        const QString caseId = controller.currentCaseId();
        const QString note = QStringLiteral("Keep it to two sentences.");
        emit drafts->redraftRequested(caseId, mtr::domain::Draft::Kind::CustomerNotification, note);
        auto* status = drafts->findChild<QLabel*>(QStringLiteral("statusLabel"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("No language model")),
                 qPrintable(status->text()));

        mtr::test::FakeLlmServer model;
        QVERIFY(model.listen());
        model.setDefaultReply(mtr::test::FakeLlmServer::answer(QStringLiteral(
            R"({"sentences":[{"text":"Central raised an alert.","evidenceIds":[]}]})")));
        {
            QSettings settings;
            settings.setValue(QStringLiteral("ai/kind"), QStringLiteral("openai"));
            settings.setValue(QStringLiteral("ai/baseUrl"), model.baseUrl().toString());
            settings.setValue(QStringLiteral("ai/model"), QStringLiteral("fake-model"));
        }
        qputenv("MTR_LLM_API_KEY", "test-key");
        emit window.settingsChanged(false);
        emit drafts->redraftRequested(caseId, mtr::domain::Draft::Kind::CustomerNotification, note);
        QTRY_VERIFY_WITH_TIMEOUT(model.requests().size() >= 3, 60000);
        int withNote = 0;
        for (const auto& request : model.requests())
            withNote += request.body.contains(note.toUtf8()) ? 1 : 0;
        QCOMPARE(withNote, 1);
        // The run ends and the pane says how it went.
        QTRY_VERIFY2_WITH_TIMEOUT(
            status->text().contains(QStringLiteral("Drafts ready"))
                || status->text().contains(QStringLiteral("could not finish")),
            qPrintable(status->text() + QStringLiteral(" requests=")
                       + QString::number(model.requests().size())),
            60000);
        // Central came back on the same settings after the restart.
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionText().contains(QStringLiteral("connected")),
                                 60000);
        qunsetenv("MTR_LLM_API_KEY");
    }

    static bool hasSource(MainWindow& window, const QString& source)
    {
        for (const auto& e : window.timelinePane()->model()->events())
            if (e.source == source)
                return true;
        return false;
    }

    static QString findTestData(const QString& relative)
    {
        const QString path = QStringLiteral(MTR_TEST_DATA_DIR "/evidence") + relative;
        return QFile::exists(path) ? path : QString();
    }

    void importInto(ConsoleController& controller, const QString& caseId, const QString& path)
    {
        mtr::workflow::EvidenceImportRequest request;
        request.filePath = path;
        request.caseId = caseId;
        request.tenantId = controller.currentTenantId();
        mtr::workflow::EvidenceImportJob job(databaseConfig(), request);
        QSignalSpy finished(&job, &mtr::workflow::EvidenceImportJob::finished);
        QSignalSpy failed(&job, &mtr::workflow::EvidenceImportJob::failed);
        QVERIFY(job.start());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(path));
    }

    mtr::store::DatabaseConfig databaseConfig() const
    {
        const QSettings settings;
        const QString pg = settings.value(QStringLiteral("store/postgresUrl")).toString();
        if (!pg.isEmpty())
            return mtr::store::DatabaseConfig::fromPostgresUrl(pg).value();
        return mtr::store::DatabaseConfig::sqlite(
            settings.value(QStringLiteral("store/sqlitePath")).toString());
    }

    void createPostgresDatabase(int port, const QString& name)
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(port);
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(QStringLiteral("postgres"));
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("CREATE DATABASE %1").arg(name));
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
    }

    QTemporaryDir m_dir;
    QProcess m_sim;
};

QTEST_MAIN(TestConsoleDemo)
#include "TestConsoleDemo.moc"
