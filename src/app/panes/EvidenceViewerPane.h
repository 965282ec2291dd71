// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Evidence.h"

#include <QWidget>

#include <memory>

namespace Ui {
class EvidenceViewerPane;
}

namespace mtr::app {

class IndicatorModel;

/// The evidence viewer: raw evidence as plain text (never rich text: it is attacker-controlled),
/// the indicators found in it highlighted, every occurrence of a chosen indicator listed with
/// its source, and text that reads like instructions to an AI flagged.
class EvidenceViewerPane : public QWidget
{
    Q_OBJECT

public:
    explicit EvidenceViewerPane(QWidget* parent = nullptr);
    ~EvidenceViewerPane() override;

    void setEvidence(const QList<domain::EvidenceItem>& items,
                     const QList<domain::Indicator>& indicators);
    /// Shows one item; `offset`/`length` select a span in it (e.g. one indicator occurrence).
    bool showItem(const QString& itemId, qsizetype offset = -1, qsizetype length = 0);
    QString currentItemId() const;
    QString warningText() const;

    IndicatorModel* indicatorModel() const
    {
        return m_indicators;
    }

    /// The widget that takes the keyboard focus when the analyst moves to this pane.
    QWidget* focusTarget() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showCurrentItem();
    void highlight(qsizetype selectOffset, qsizetype selectLength);
    void listOccurrences();
    void openOccurrence(int row);

    std::unique_ptr<Ui::EvidenceViewerPane> m_ui;
    IndicatorModel* m_indicators;
    QList<domain::EvidenceItem> m_items;
    QList<domain::Indicator> m_allIndicators;
};

} // namespace mtr::app
