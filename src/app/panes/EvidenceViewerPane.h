// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class EvidenceViewerPane;
}

namespace mtr::app {

/// The evidence viewer: raw evidence as plain text beside the indicators found in it.
class EvidenceViewerPane : public QWidget
{
    Q_OBJECT

public:
    explicit EvidenceViewerPane(QWidget* parent = nullptr);
    ~EvidenceViewerPane() override;

    /// The widget that takes the keyboard focus when the analyst moves to this pane.
    QWidget* focusTarget() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::unique_ptr<Ui::EvidenceViewerPane> m_ui;
};

} // namespace mtr::app
