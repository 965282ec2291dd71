// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/MainWindow.h"

#include "app/AppSettings.h"
#include "app/dialogs/SettingsDialog.h"
#include "app/panes/AlertQueuePane.h"
#include "app/panes/ApprovalQueuePane.h"
#include "app/panes/CaseTimelinePane.h"
#include "app/panes/DraftEditorPane.h"
#include "app/panes/EvidenceViewerPane.h"
#include "log/Log.h"
#include "ui_MainWindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>

#include <algorithm>

namespace mtr::app {
namespace {

constexpr int LayoutVersion = 1;
const QList<MainWindow::Pane> PaneOrder = {MainWindow::Pane::Queue,
                                           MainWindow::Pane::Timeline,
                                           MainWindow::Pane::Evidence,
                                           MainWindow::Pane::Drafts,
                                           MainWindow::Pane::Approvals};

} // namespace

MainWindow::MainWindow(secrets::SecretStore* secrets, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_secrets(secrets)
{
    m_ui->setupUi(this);
    setUpPanes();
    setUpActions();

    m_tenantLabel = new QLabel(this);
    m_tenantLabel->setTextFormat(Qt::PlainText);
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_tenantLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    retranslateUi();

    setAcceptDrops(true);
    m_defaultState = saveState(LayoutVersion);
    restoreLayout();
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        for (Pane pane : PaneOrder) {
            if (now && dock(pane)->isAncestorOf(now))
                m_lastPane = pane;
        }
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpPanes()
{
    m_queue = new AlertQueuePane(this);
    m_timeline = new CaseTimelinePane(this);
    m_evidence = new EvidenceViewerPane(this);
    m_drafts = new DraftEditorPane(this);
    m_approvals = new ApprovalQueuePane(this);
    m_ui->queueDock->setWidget(m_queue);
    m_ui->timelineDock->setWidget(m_timeline);
    m_ui->evidenceDock->setWidget(m_evidence);
    m_ui->draftsDock->setWidget(m_drafts);
    m_ui->approvalsDock->setWidget(m_approvals);

    // No central widget: every pane is a dock the analyst may move. Left column for queues,
    // right column for the case, the drafts across the bottom.
    setCentralWidget(nullptr);
    splitDockWidget(m_ui->queueDock, m_ui->approvalsDock, Qt::Vertical);
    splitDockWidget(m_ui->timelineDock, m_ui->evidenceDock, Qt::Vertical);
    resizeDocks({m_ui->queueDock, m_ui->timelineDock}, {640, 800}, Qt::Horizontal);
    resizeDocks({m_ui->queueDock, m_ui->approvalsDock}, {420, 220}, Qt::Vertical);
}

void MainWindow::setUpActions()
{
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_ui->actionSyncNow, &QAction::triggered, this, &MainWindow::syncRequested);
    connect(m_ui->actionImportEvidence, &QAction::triggered, this, &MainWindow::importRequested);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionResetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(m_ui->actionNextPane, &QAction::triggered, this, [this] {
        stepPane(1);
    });
    connect(m_ui->actionPreviousPane, &QAction::triggered, this, [this] {
        stepPane(-1);
    });
    const QList<QPair<QAction*, Pane>> focusActions = {
        {m_ui->actionFocusQueue, Pane::Queue},
        {m_ui->actionFocusTimeline, Pane::Timeline},
        {m_ui->actionFocusEvidence, Pane::Evidence},
        {m_ui->actionFocusDrafts, Pane::Drafts},
        {m_ui->actionFocusApprovals, Pane::Approvals},
    };
    for (const auto& [action, pane] : focusActions)
        connect(action, &QAction::triggered, this, [this, p = pane] {
            focusPane(p);
        });
}

QDockWidget* MainWindow::dock(Pane pane) const
{
    switch (pane) {
    case Pane::Queue:
        return m_ui->queueDock;
    case Pane::Timeline:
        return m_ui->timelineDock;
    case Pane::Evidence:
        return m_ui->evidenceDock;
    case Pane::Drafts:
        return m_ui->draftsDock;
    case Pane::Approvals:
        return m_ui->approvalsDock;
    }
    return m_ui->queueDock;
}

void MainWindow::focusPane(Pane pane)
{
    QDockWidget* target = dock(pane);
    target->show();
    target->raise();
    QWidget* focus = nullptr;
    switch (pane) {
    case Pane::Queue:
        focus = m_queue->focusTarget();
        break;
    case Pane::Timeline:
        focus = m_timeline->focusTarget();
        break;
    case Pane::Evidence:
        focus = m_evidence->focusTarget();
        break;
    case Pane::Drafts:
        focus = m_drafts->focusTarget();
        break;
    case Pane::Approvals:
        focus = m_approvals->focusTarget();
        break;
    }
    m_lastPane = pane;
    focus->setFocus(Qt::ShortcutFocusReason);
}

MainWindow::Pane MainWindow::currentPane() const
{
    return m_lastPane;
}

void MainWindow::stepPane(int delta)
{
    const qsizetype n = PaneOrder.size();
    const qsizetype index = PaneOrder.indexOf(currentPane());
    focusPane(PaneOrder.at(((index + delta) % n + n) % n));
}

void MainWindow::setTenantName(const QString& name)
{
    m_tenantName = name;
    retranslateUi();
}

void MainWindow::setConnectionState(ConnectionState state, const QString& detail)
{
    m_connectionState = state;
    m_connectionDetail = detail;
    retranslateUi();
}

QString MainWindow::tenantText() const
{
    return m_tenantLabel->text();
}

QString MainWindow::connectionText() const
{
    return m_connectionLabel->text();
}

void MainWindow::retranslateUi()
{
    m_ui->retranslateUi(this);
    m_tenantLabel->setText(m_tenantName.isEmpty() ? tr("Tenant: none")
                                                  : tr("Tenant: %1").arg(m_tenantName));
    QString state;
    switch (m_connectionState) {
    case ConnectionState::NotConfigured:
        state = tr("Sophos Central: not configured");
        break;
    case ConnectionState::Connecting:
        state = tr("Sophos Central: connecting…");
        break;
    case ConnectionState::Connected:
        state = tr("Sophos Central: connected");
        break;
    case ConnectionState::Failed:
        state = tr("Sophos Central: connection failed");
        break;
    case ConnectionState::Offline:
        state = tr("Sophos Central: offline");
        break;
    }
    if (!m_connectionDetail.isEmpty())
        state = tr("%1 (%2)").arg(state, m_connectionDetail);
    m_connectionLabel->setText(state);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("ui/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings.value(QStringLiteral("ui/windowState")).toByteArray();
    if (!state.isEmpty() && !restoreState(state, LayoutVersion))
        mtr::log::get("app")->warn("saved window layout not restored, using the default");
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("ui/windowState"), saveState(LayoutVersion));
    settings.sync();
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState, LayoutVersion);
    for (Pane pane : PaneOrder)
        dock(pane)->show();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl& u) {
            return u.isLocalFile();
        }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        paths << url.toLocalFile();
    event->acceptProposedAction();
    emit filesDropped(paths);
}

SettingsDialog* MainWindow::openSettings()
{
    auto* dialog = new SettingsDialog(m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSettings(AppSettings::load(QSettings()));
    connect(dialog, &SettingsDialog::saved, this, [this](bool sessionOnly) {
        statusBar()->showMessage(sessionOnly ? tr("Settings saved; a secret is kept for this "
                                                  "session only (no keychain available).")
                                             : tr("Settings saved."),
                                 8000);
        emit settingsChanged(sessionOnly);
    });
    dialog->open();
    return dialog;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
                       tr("About MTR Review Console"),
                       tr("MTR Review Console %1\nThe AI prepares every case; the analyst decides.")
                           .arg(QCoreApplication::applicationVersion()));
}

} // namespace mtr::app
