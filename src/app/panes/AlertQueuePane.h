// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class AlertQueuePane;
}

namespace mtr::app {

/// The alert queue: Central alerts and cases across tenants, filterable and keyboard-triaged.
class AlertQueuePane : public QWidget
{
    Q_OBJECT

public:
    explicit AlertQueuePane(QWidget* parent = nullptr);
    ~AlertQueuePane() override;

    /// The widget that takes the keyboard focus when the analyst moves to this pane.
    QWidget* focusTarget() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::unique_ptr<Ui::AlertQueuePane> m_ui;
};

} // namespace mtr::app
