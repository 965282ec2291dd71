// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/AlertQueuePane.h"

#include "app/models/AlertQueueModel.h"
#include "app/widgets/ComboText.h"
#include "ui_AlertQueuePane.h"

#include <QEvent>
#include <QHeaderView>
#include <QShortcut>
#include <QTimer>

namespace mtr::app {

AlertQueuePane::AlertQueuePane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AlertQueuePane>())
    , m_filterDelay(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->tenantCombo->addItem(QString());
    retranslateUi();

    QTableView* view = m_ui->alertView;
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);

    // Typing in the filter waits for a pause, so a million-row count does not run per key.
    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(250);
    connect(m_filterDelay, &QTimer::timeout, this, &AlertQueuePane::applyFilter);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    for (QComboBox* combo : {m_ui->severityCombo, m_ui->tenantCombo, m_ui->statusCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &AlertQueuePane::applyFilter);

    const auto addKey = [this, view](const QKeySequence& keys, void (AlertQueuePane::*slot)()) {
        auto* shortcut = new QShortcut(keys, view);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    addKey(QKeySequence(Qt::Key_J), &AlertQueuePane::selectNext);
    addKey(QKeySequence(Qt::Key_K), &AlertQueuePane::selectPrevious);
    addKey(QKeySequence(Qt::Key_Return), &AlertQueuePane::openCurrent);
    addKey(QKeySequence(Qt::Key_Enter), &AlertQueuePane::openCurrent);
    addKey(QKeySequence(Qt::Key_A), &AlertQueuePane::acknowledgeCurrent);
    connect(view, &QTableView::doubleClicked, this, &AlertQueuePane::openCurrent);
}

AlertQueuePane::~AlertQueuePane() = default;

void AlertQueuePane::setStore(StoreExecutor* store)
{
    delete m_model;
    m_model = new AlertQueueModel(store, this);
    m_ui->alertView->setModel(m_model);
    m_ui->alertView->sortByColumn(AlertQueueModel::AgeColumn, Qt::AscendingOrder);
    connect(m_model, &AlertQueueModel::countChanged, this, &AlertQueuePane::updateHint);
    // A sync refreshes the queue every minute; the analyst keeps their place when the alert
    // is still on the first page, without reopening its case.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_ui->alertView->currentIndex();
        if (current.isValid())
            m_restoreId = current.data(AlertQueueModel::IdRole).toString();
    });
    connect(m_model, &AlertQueueModel::pageLoaded, this, [this](int page) {
        if (m_restoreId.isEmpty() || page != 0)
            return;
        const int rows = qMin(m_model->rowCount(), AlertQueueModel::PageSize);
        for (int row = 0; row < rows; ++row) {
            if (m_model->index(row, 0).data(AlertQueueModel::IdRole).toString() == m_restoreId) {
                const QSignalBlocker blocker(m_ui->alertView->selectionModel());
                m_ui->alertView->setCurrentIndex(m_model->index(row, 0));
                m_ui->alertView->viewport()->update();
                break;
            }
        }
        m_restoreId.clear();
    });
    connect(m_model, &AlertQueueModel::loadFailed, this, [this](const QString& error) {
        m_ui->hintLabel->setText(
            tr("The queue could not be read from the workspace: %1").arg(error));
    });
    connect(m_ui->alertView->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex& current) {
                if (current.isValid() && current.data(AlertQueueModel::LoadedRole).toBool())
                    emit alertOpened(current.data(AlertQueueModel::IdRole).toString(),
                                     current.data(AlertQueueModel::TenantIdRole).toString());
            });
    applyFilter();
}

void AlertQueuePane::setTenants(const QList<QPair<QString, QString>>& tenants)
{
    const QString current = m_ui->tenantCombo->currentData().toString();
    const QSignalBlocker blocker(m_ui->tenantCombo);
    while (m_ui->tenantCombo->count() > 1)
        m_ui->tenantCombo->removeItem(1);
    for (const auto& [id, name] : tenants)
        m_ui->tenantCombo->addItem(name.isEmpty() ? id : name, id);
    const int index = m_ui->tenantCombo->findData(current);
    m_ui->tenantCombo->setCurrentIndex(index < 0 ? 0 : index);
}

QWidget* AlertQueuePane::focusTarget() const
{
    return m_ui->alertView;
}

void AlertQueuePane::refresh()
{
    if (m_model)
        m_model->refresh();
}

void AlertQueuePane::applyFilter()
{
    if (!m_model)
        return;
    store::AlertQuery query = m_model->query();
    query.text = m_ui->filterEdit->text().trimmed();
    using domain::Severity;
    switch (m_ui->severityCombo->currentIndex()) {
    case 1:
        query.severities = {Severity::High, Severity::Critical};
        break;
    case 2:
        query.severities = {Severity::Medium, Severity::High, Severity::Critical};
        break;
    default:
        query.severities.clear();
    }
    const QString tenant = m_ui->tenantCombo->currentData().toString();
    query.tenantIds = tenant.isEmpty() ? QStringList() : QStringList{tenant};
    switch (m_ui->statusCombo->currentIndex()) {
    case 0:
        query.statuses = {QStringLiteral("new"), QStringLiteral("investigating")};
        break;
    case 2:
        query.statuses = {QStringLiteral("acknowledged")};
        break;
    default:
        query.statuses.clear();
    }
    m_model->setQuery(query);
}

void AlertQueuePane::selectNext()
{
    QTableView* view = m_ui->alertView;
    const int row = view->currentIndex().isValid() ? view->currentIndex().row() + 1 : 0;
    if (m_model && row < m_model->rowCount())
        view->setCurrentIndex(m_model->index(row, 0));
}

void AlertQueuePane::selectPrevious()
{
    QTableView* view = m_ui->alertView;
    const int row = view->currentIndex().row() - 1;
    if (m_model && row >= 0)
        view->setCurrentIndex(m_model->index(row, 0));
}

void AlertQueuePane::openCurrent()
{
    const QModelIndex current = m_ui->alertView->currentIndex();
    if (current.isValid() && current.data(AlertQueueModel::LoadedRole).toBool())
        emit alertActivated(current.data(AlertQueueModel::IdRole).toString(),
                            current.data(AlertQueueModel::TenantIdRole).toString());
}

void AlertQueuePane::acknowledgeCurrent()
{
    const QModelIndex current = m_ui->alertView->currentIndex();
    if (current.isValid() && current.data(AlertQueueModel::LoadedRole).toBool())
        emit acknowledgeRequested(current.data(AlertQueueModel::IdRole).toString(),
                                  current.data(AlertQueueModel::TenantIdRole).toString());
}

void AlertQueuePane::updateHint(qint64 count)
{
    m_count = count;
    m_ui->hintLabel->setText(tr("%n alert(s) shown", nullptr, int(qMin<qint64>(count, INT_MAX))));
}

void AlertQueuePane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AlertQueuePane::retranslateUi()
{
    m_ui->retranslateUi(this);
    setComboItems(m_ui->severityCombo,
                  {tr("All severities"), tr("High and above"), tr("Medium and above")});
    setComboItems(m_ui->statusCombo, {tr("Open alerts"), tr("All statuses"), tr("Acknowledged")});
    m_ui->tenantCombo->setItemText(0, tr("All tenants"));
    if (m_count >= 0)
        updateHint(m_count);
}

} // namespace mtr::app
