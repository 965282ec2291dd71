// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class ApprovalQueuePane;
}

namespace mtr::app {

/// Proposed actions and messages waiting for an analyst's approval.
class ApprovalQueuePane : public QWidget
{
    Q_OBJECT

public:
    explicit ApprovalQueuePane(QWidget* parent = nullptr);
    ~ApprovalQueuePane() override;

    /// The widget that takes the keyboard focus when the analyst moves to this pane.
    QWidget* focusTarget() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::unique_ptr<Ui::ApprovalQueuePane> m_ui;
};

} // namespace mtr::app
