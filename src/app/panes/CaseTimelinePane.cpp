// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/panes/CaseTimelinePane.h"

#include "app/models/CaseTimelineModel.h"
#include "app/widgets/ComboText.h"
#include "ui_CaseTimelinePane.h"

#include <QEvent>
#include <QHeaderView>

namespace mtr::app {
namespace {

// The combo's entries in order, as TimelineEvent::source words ("" = every source).
const QStringList SourceKeys = {QString(),
                                QStringLiteral("detection"),
                                QStringLiteral("process"),
                                QStringLiteral("firewall"),
                                QStringLiteral("live-response"),
                                QStringLiteral("siem")};

} // namespace

CaseTimelinePane::CaseTimelinePane(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CaseTimelinePane>())
    , m_model(new CaseTimelineModel(this))
{
    m_ui->setupUi(this);
    retranslateUi();
    m_ui->timelineView->setModel(m_model);
    m_ui->timelineView->header()->setStretchLastSection(false);
    m_ui->timelineView->header()->setSectionResizeMode(CaseTimelineModel::SummaryColumn,
                                                       QHeaderView::Stretch);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &CaseTimelinePane::applyFilter);
    connect(m_ui->sourceCombo,
            &QComboBox::currentIndexChanged,
            this,
            &CaseTimelinePane::applyFilter);
    connect(m_ui->timeCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->fromEdit->setEnabled(on);
        m_ui->toEdit->setEnabled(on);
        applyFilter();
    });
    connect(m_ui->fromEdit, &QDateTimeEdit::dateTimeChanged, this, &CaseTimelinePane::applyFilter);
    connect(m_ui->toEdit, &QDateTimeEdit::dateTimeChanged, this, &CaseTimelinePane::applyFilter);
    const auto showSource = [this](const QModelIndex& index) {
        const QString source = index.data(CaseTimelineModel::SourceIdRole).toString();
        if (!source.isEmpty())
            emit sourceRequested(source);
    };
    connect(m_ui->timelineView, &QTreeView::activated, this, showSource);
    connect(m_ui->timelineView, &QTreeView::clicked, this, showSource);
}

CaseTimelinePane::~CaseTimelinePane() = default;

void CaseTimelinePane::setEvents(const QList<domain::TimelineEvent>& events)
{
    m_model->setEvents(events);
    if (!events.isEmpty()) {
        const QSignalBlocker a(m_ui->fromEdit);
        const QSignalBlocker b(m_ui->toEdit);
        m_ui->fromEdit->setDateTime(m_model->events().first().timeUtc);
        m_ui->toEdit->setDateTime(m_model->events().last().timeUtc.addSecs(60));
    }
    applyFilter();
}

QWidget* CaseTimelinePane::focusTarget() const
{
    return m_ui->timelineView;
}

void CaseTimelinePane::applyFilter()
{
    const bool window = m_ui->timeCheck->isChecked();
    m_model->setFilter(SourceKeys.value(m_ui->sourceCombo->currentIndex()),
                       m_ui->filterEdit->text(),
                       window ? m_ui->fromEdit->dateTime() : QDateTime(),
                       window ? m_ui->toEdit->dateTime() : QDateTime());
    m_ui->timelineView->expandAll();
    for (int c = 0; c < CaseTimelineModel::ColumnCount; ++c)
        if (c != CaseTimelineModel::SummaryColumn)
            m_ui->timelineView->resizeColumnToContents(c);
    m_ui->hintLabel->setText(tr("%1 of %n event(s) shown", nullptr, int(m_model->events().size()))
                                 .arg(m_model->visibleEventCount()));
}

void CaseTimelinePane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CaseTimelinePane::retranslateUi()
{
    m_ui->retranslateUi(this);
    setComboItems(m_ui->sourceCombo,
                  {tr("All sources"),
                   tr("Detections"),
                   tr("Processes"),
                   tr("Firewall"),
                   tr("Live Response"),
                   tr("SIEM events")});
}

} // namespace mtr::app
