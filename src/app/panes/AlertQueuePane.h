// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

#include <memory>

class QTimer;

namespace Ui {
class AlertQueuePane;
}

namespace mtr::app {

class AlertQueueModel;
class StoreExecutor;

/// The alert queue: Central alerts across tenants, filterable by text, severity, tenant and
/// status, with keyboard triage (J/K or arrows to move, Enter to open, A to acknowledge).
class AlertQueuePane : public QWidget
{
    Q_OBJECT

public:
    explicit AlertQueuePane(QWidget* parent = nullptr);
    ~AlertQueuePane() override;

    /// Connects the pane to a workspace; until then it shows an empty queue.
    void setStore(StoreExecutor* store);
    /// Tenants offered in the tenant filter: (id, name) pairs.
    void setTenants(const QList<QPair<QString, QString>>& tenants);

    AlertQueueModel* model() const
    {
        return m_model;
    }

    /// The widget that takes the keyboard focus when the analyst moves to this pane.
    QWidget* focusTarget() const;

    void selectNext();
    void selectPrevious();
    /// Re-reads the queue from the store (after a sync).
    void refresh();

signals:
    /// The current alert changed: the case panes show it.
    void alertOpened(const QString& alertId, const QString& tenantId);
    /// Enter or double-click: the analyst wants to work on the alert's case now.
    void alertActivated(const QString& alertId, const QString& tenantId);
    void acknowledgeRequested(const QString& alertId, const QString& tenantId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void applyFilter();
    void openCurrent();
    void acknowledgeCurrent();
    void updateHint(qint64 count);

    std::unique_ptr<Ui::AlertQueuePane> m_ui;
    AlertQueueModel* m_model = nullptr;
    QTimer* m_filterDelay = nullptr;
    qint64 m_count = -1;
    QString m_restoreId; ///< the alert that was current before a refresh reset the model
};

} // namespace mtr::app
