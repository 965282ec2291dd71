// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "evidence/IndicatorExtractor.h"

#include <QDir>
#include <QFile>
#include <QTest>

using mtr::evidence::IndicatorExtractor;

namespace {

/// The iocextract lists are GPL-2.0 and stay in ../shared; this check reads them from there.
QString iocDir()
{
    return QStringLiteral(MTR_SHARED_FIXTURES_DIR "/evidence/ioc/iocextract");
}

QStringList nonEmptyLines(const QString& name)
{
    QFile file(iocDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QStringList lines;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty()) {
            lines.append(line.trimmed());
        }
    }
    return lines;
}

} // namespace

/// Precision and recall of indicator extraction on python-iocextract's test lists: every line of
/// valid.txt holds an indicator, no line of invalid.txt does. Skips when ../shared is absent.
class TestIocQuality : public QObject
{
    Q_OBJECT

private slots:
    void precisionAndRecall();
};

void TestIocQuality::precisionAndRecall()
{
    if (!QDir(iocDir()).exists()) {
        QSKIP("../shared/fixtures/evidence/ioc/iocextract is absent (not redistributed: GPL-2.0)");
    }
    const QStringList valid = nonEmptyLines(QStringLiteral("iocextract-test_data-valid.txt"));
    const QStringList invalid = nonEmptyLines(QStringLiteral("iocextract-test_data-invalid.txt"));
    const QStringList input = nonEmptyLines(QStringLiteral("iocextract-test_data-input.txt"));
    QVERIFY(!valid.isEmpty() && !invalid.isEmpty() && !input.isEmpty());

    int truePositives = 0;
    QStringList missed;
    for (const QString& line : valid) {
        if (IndicatorExtractor::extract(line).isEmpty()) {
            missed.append(line);
        } else {
            ++truePositives;
        }
    }
    int falsePositives = 0;
    for (const QString& line : invalid) {
        falsePositives += IndicatorExtractor::extract(line).isEmpty() ? 0 : 1;
    }
    int inputLinesWithIndicator = 0;
    for (const QString& line : input) {
        inputLinesWithIndicator += IndicatorExtractor::extract(line).isEmpty() ? 0 : 1;
    }

    const double recall = double(truePositives) / double(valid.size());
    const double precision = double(truePositives) / double(truePositives + falsePositives);
    const double inputRecall = double(inputLinesWithIndicator) / double(input.size());
    qInfo().noquote() << QStringLiteral("ioc_precision %1 ratio").arg(precision, 0, 'f', 3);
    qInfo().noquote() << QStringLiteral("ioc_recall %1 ratio").arg(recall, 0, 'f', 3);
    qInfo().noquote()
        << QStringLiteral("ioc_input_lines_with_indicator %1 ratio").arg(inputRecall, 0, 'f', 3);
    qInfo().noquote() << QStringLiteral("ioc_missed %1 lines: %2")
                             .arg(missed.size())
                             .arg(missed.join(QStringLiteral(" | ")));

    // Floors from the first measured run; a regression below them fails the check.
    QVERIFY2(recall >= 0.9, qPrintable(QString::number(recall)));
    QVERIFY2(precision >= 0.95, qPrintable(QString::number(precision)));
}

QTEST_GUILESS_MAIN(TestIocQuality)
#include "TestIocQuality.moc"
