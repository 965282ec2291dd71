// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class CaseTimelinePane;
}

namespace mtr::app {

/// The case timeline: every source on one UTC clock, grouped by host and process tree.
class CaseTimelinePane : public QWidget
{
    Q_OBJECT

public:
    explicit CaseTimelinePane(QWidget* parent = nullptr);
    ~CaseTimelinePane() override;

    /// The widget that takes the keyboard focus when the analyst moves to this pane.
    QWidget* focusTarget() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::unique_ptr<Ui::CaseTimelinePane> m_ui;
};

} // namespace mtr::app
