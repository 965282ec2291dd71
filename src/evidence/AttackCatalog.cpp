// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/AttackCatalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace mtr::evidence {

namespace {

QString readResource(const QString& path, ReadDiagnostics* diagnostics)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (diagnostics) {
            diagnostics->append(
                {ReadDiagnostic::Level::Error,
                 -1,
                 -1,
                 QCoreApplication::translate("mtr::evidence", "cannot open %1").arg(path)});
        }
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace

AttackCatalog AttackCatalog::loadEmbedded(ReadDiagnostics* diagnostics)
{
    return fromTsv(readResource(QStringLiteral(":/attack/enterprise-techniques.tsv"), diagnostics),
                   readResource(QStringLiteral(":/attack/tactics.tsv"), diagnostics),
                   diagnostics);
}

AttackCatalog AttackCatalog::fromTsv(const QString& techniques,
                                     const QString& tactics,
                                     ReadDiagnostics* diagnostics)
{
    QHash<QString, QString> tacticNames;
    const QStringList tacticLines = tactics.split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < tacticLines.size(); ++i) {
        const QStringList cells = tacticLines.at(i).trimmed().split(QLatin1Char('\t'));
        if (cells.size() >= 3) {
            tacticNames.insert(cells.at(1), cells.at(2));
        }
    }

    AttackCatalog catalog;
    static const QRegularExpression idFormat(QStringLiteral("^T\\d{4}(\\.\\d{3})?$"));
    const QStringList lines = techniques.split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QString line = lines.at(i);
        line.remove(QLatin1Char('\r'));
        if (line.isEmpty()) {
            continue;
        }
        const QStringList cells = line.split(QLatin1Char('\t'));
        if (cells.size() < 3 || !idFormat.match(cells.at(0)).hasMatch()) {
            if (diagnostics) {
                diagnostics->append(
                    {ReadDiagnostic::Level::Error,
                     i + 1,
                     -1,
                     QCoreApplication::translate("mtr::evidence",
                                                 "technique line not understood: skipped")});
            }
            continue;
        }
        domain::Technique technique{cells.at(0), cells.at(1), {}};
        for (const QString& tactic : cells.at(2).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            technique.tactics.append(tacticNames.value(tactic, tactic));
        }
        catalog.m_techniques.insert(technique.id, technique);
    }
    return catalog;
}

std::optional<domain::Technique> AttackCatalog::technique(const QString& id) const
{
    const auto it = m_techniques.constFind(id.trimmed().toUpper());
    if (it == m_techniques.constEnd()) {
        return std::nullopt;
    }
    return it.value();
}

QList<TechniqueMention> AttackCatalog::extractIds(const QString& text) const
{
    static const QRegularExpression re(
        QStringLiteral("(?<![\\w.])T\\d{4}(?:\\.\\d{3})?(?![\\w]|\\.\\d)"),
        QRegularExpression::CaseInsensitiveOption);
    QList<TechniqueMention> mentions;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString id = m.captured(0).toUpper();
        mentions.append({id, m.capturedStart(0), m.capturedLength(0), m_techniques.contains(id)});
    }
    return mentions;
}

} // namespace mtr::evidence
