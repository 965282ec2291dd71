// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/models/IndicatorModel.h"

#include <QHash>

#include <algorithm>

namespace mtr::app {

IndicatorModel::IndicatorModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

QString IndicatorModel::typeName(domain::Indicator::Type type)
{
    using T = domain::Indicator::Type;
    switch (type) {
    case T::IPv4:
        return tr("IPv4");
    case T::IPv6:
        return tr("IPv6");
    case T::Domain:
        return tr("Domain");
    case T::Url:
        return tr("URL");
    case T::Email:
        return tr("E-mail");
    case T::Md5:
        return tr("MD5");
    case T::Sha1:
        return tr("SHA-1");
    case T::Sha256:
        return tr("SHA-256");
    case T::WindowsPath:
        return tr("Windows path");
    case T::UnixPath:
        return tr("Unix path");
    case T::RegistryKey:
        return tr("Registry key");
    case T::Cve:
        return tr("CVE");
    }
    return {};
}

void IndicatorModel::setIndicators(const QList<domain::Indicator>& indicators)
{
    beginResetModel();
    m_rows.clear();
    QHash<QString, int> index;
    for (const domain::Indicator& indicator : indicators) {
        const QString key =
            QString::number(int(indicator.type)) + QLatin1Char('|') + indicator.value;
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.insert(key, int(m_rows.size()));
            m_rows.append(Row{indicator.type, indicator.value, {}});
        }
        m_rows[*it].occurrences.append(indicator);
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) {
        return a.type != b.type ? a.type < b.type : a.value < b.value;
    });
    endResetModel();
}

const IndicatorModel::Row* IndicatorModel::row(int index) const
{
    return index >= 0 && index < m_rows.size() ? &m_rows.at(index) : nullptr;
}

int IndicatorModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IndicatorModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IndicatorModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    const Row& r = m_rows.at(index.row());
    switch (index.column()) {
    case TypeColumn:
        return typeName(r.type);
    case ValueColumn:
        return r.value;
    case CountColumn:
        return int(r.occurrences.size());
    }
    return {};
}

QVariant IndicatorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TypeColumn:
        return tr("Type");
    case ValueColumn:
        return tr("Indicator");
    case CountColumn:
        return tr("Seen");
    }
    return {};
}

} // namespace mtr::app
