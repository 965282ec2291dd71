// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QList>
#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;

namespace Ui {
class MainWindow;
}

namespace mtr::secrets {
class SecretStore;
}

namespace mtr::app {

class AlertQueuePane;
class ApprovalQueuePane;
class CaseTimelinePane;
class DraftEditorPane;
class EvidenceViewerPane;

/// The console's main window: five panes as dock widgets, menus, pane shortcuts, a status bar
/// with the tenant and the connection state; the layout is restored at the next start.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Pane
    {
        Queue,
        Timeline,
        Evidence,
        Drafts,
        Approvals
    };
    Q_ENUM(Pane)

    enum class ConnectionState
    {
        NotConfigured,
        Connecting,
        Connected,
        Failed,
        Offline
    };
    Q_ENUM(ConnectionState)

    explicit MainWindow(secrets::SecretStore* secrets, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Raises the pane's dock and gives the keyboard focus to its main widget.
    void focusPane(Pane pane);
    /// The pane that holds the focus, or the last one focused.
    Pane currentPane() const;
    QDockWidget* dock(Pane pane) const;

    void setTenantName(const QString& name);
    void setConnectionState(ConnectionState state, const QString& detail = {});
    QString tenantText() const;
    QString connectionText() const;

    AlertQueuePane* queuePane() const
    {
        return m_queue;
    }

    CaseTimelinePane* timelinePane() const
    {
        return m_timeline;
    }

    EvidenceViewerPane* evidencePane() const
    {
        return m_evidence;
    }

    DraftEditorPane* draftPane() const
    {
        return m_drafts;
    }

    ApprovalQueuePane* approvalPane() const
    {
        return m_approvals;
    }

    /// Writes geometry and dock layout to QSettings (also done on close).
    void saveLayout() const;

    /// Opens the settings dialog (non-modal to the event loop; returns at once).
    class SettingsDialog* openSettings();

signals:
    /// Settings were saved; `sessionOnly` when a secret could only be kept in memory.
    void settingsChanged(bool sessionOnly);
    void syncRequested();
    void importRequested();
    /// Files dropped on the window: real-format evidence for the open case.
    void filesDropped(const QStringList& paths);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void setUpPanes();
    void setUpActions();
    void restoreLayout();
    void resetLayout();
    void stepPane(int delta);
    void retranslateUi();
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    secrets::SecretStore* m_secrets;
    AlertQueuePane* m_queue = nullptr;
    CaseTimelinePane* m_timeline = nullptr;
    EvidenceViewerPane* m_evidence = nullptr;
    DraftEditorPane* m_drafts = nullptr;
    ApprovalQueuePane* m_approvals = nullptr;
    QLabel* m_tenantLabel = nullptr;
    QLabel* m_connectionLabel = nullptr;
    QByteArray m_defaultState;
    QString m_tenantName;
    ConnectionState m_connectionState = ConnectionState::NotConfigured;
    QString m_connectionDetail;
    Pane m_lastPane = Pane::Queue;
};

} // namespace mtr::app
