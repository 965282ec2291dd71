// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Evidence.h"

#include <QAbstractTableModel>
#include <QList>

namespace mtr::app {

/// The indicators of a case, one row per distinct (type, value) with how often and in how many
/// sources it was found; each row keeps every occurrence so the viewer can list them.
class IndicatorModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TypeColumn,
        ValueColumn,
        CountColumn,
        ColumnCount
    };

    struct Row
    {
        domain::Indicator::Type type;
        QString value;
        QList<domain::Indicator> occurrences;
    };

    explicit IndicatorModel(QObject* parent = nullptr);

    void setIndicators(const QList<domain::Indicator>& indicators);
    const Row* row(int index) const;

    static QString typeName(domain::Indicator::Type type);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Row> m_rows;
};

} // namespace mtr::app
