// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class DraftEditorPane;
}

namespace mtr::app {

/// The AI draft beside the analyst's version, with the differences shown.
class DraftEditorPane : public QWidget
{
    Q_OBJECT

public:
    explicit DraftEditorPane(QWidget* parent = nullptr);
    ~DraftEditorPane() override;

    /// The widget that takes the keyboard focus when the analyst moves to this pane.
    QWidget* focusTarget() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::unique_ptr<Ui::DraftEditorPane> m_ui;
};

} // namespace mtr::app
