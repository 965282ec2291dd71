// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Evidence.h"

#include <QWidget>

#include <memory>

namespace Ui {
class CaseTimelinePane;
}

namespace mtr::app {

class CaseTimelineModel;

/// The case timeline: every source on one UTC clock, grouped by host and process tree, filtered
/// by source, text and time window.
class CaseTimelinePane : public QWidget
{
    Q_OBJECT

public:
    explicit CaseTimelinePane(QWidget* parent = nullptr);
    ~CaseTimelinePane() override;

    void setEvents(const QList<domain::TimelineEvent>& events);

    CaseTimelineModel* model() const
    {
        return m_model;
    }

    /// The widget that takes the keyboard focus when the analyst moves to this pane.
    QWidget* focusTarget() const;

signals:
    /// The analyst picked an event: show the evidence item it was read from.
    void sourceRequested(const QString& evidenceItemId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void applyFilter();

    std::unique_ptr<Ui::CaseTimelinePane> m_ui;
    CaseTimelineModel* m_model;
};

} // namespace mtr::app
