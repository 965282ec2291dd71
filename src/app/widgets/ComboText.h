// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QComboBox>
#include <QStringList>

namespace mtr::app {

/// Fills a fixed-choice combo box on first call and only renames its items afterwards, so a
/// language change keeps the analyst's current choice.
inline void setComboItems(QComboBox* combo, const QStringList& texts)
{
    if (combo->count() != texts.size()) {
        combo->clear();
        combo->addItems(texts);
        return;
    }
    for (int i = 0; i < texts.size(); ++i)
        combo->setItemText(i, texts.at(i));
}

} // namespace mtr::app
