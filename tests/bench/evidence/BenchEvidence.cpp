// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
// Figures for the evidence part: indicator extraction over 1, 5 and 10 MB of mixed evidence
// text (its scaling shows whether extraction stays linear), JSON framing and firewall parsing.

#include "evidence/FirewallLogReader.h"
#include "evidence/IndicatorExtractor.h"
#include "evidence/JsonRecordFramer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

namespace {

/// Evidence-like text: log lines with indicators, defanged forms, near-misses and plain prose.
QString evidenceText(qsizetype bytes)
{
    const QString block = QStringLiteral(
        "2026-11-30 08:41:15 CONTOSO-WKS-0042 powershell.exe pid=6132 conn=203.0.113.50:443 "
        "peer(198.51.100.7) hxxps://files.example[.]net/u/payload.bin FileVersion v2.1.1.108\n"
        "Malware detected: 'Troj/Agent-BFXY' at 'C:\\Users\\pruefer01\\Downloads\\Rechnung.exe' "
        "sha256 01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b CVE-2017-0146\n"
        "The analyst reviewed the host and found nothing else of note in the remaining output "
        "lines "
        "mail j.doe@example.com key HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\n"
        "tcp6 0 0 [2001:db8::10]:8443 :::* LISTEN 812/sshd: /usr/sbin /tmp/.x/update.sh\n");
    QString text;
    text.reserve(bytes + block.size());
    while (text.size() < bytes) {
        text += block;
    }
    return text;
}

void print(const char* name, double value, const char* unit)
{
    std::printf("%s %.3f %s\n", name, value, unit);
}

void benchIndicators()
{
    double msPerMb[3] = {};
    const int sizes[3] = {1, 5, 10};
    for (int i = 0; i < 3; ++i) {
        const QString text = evidenceText(qsizetype(sizes[i]) * 1024 * 1024);
        QElapsedTimer timer;
        timer.start();
        const auto indicators = mtr::evidence::IndicatorExtractor::extract(text);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        msPerMb[i] = ms / sizes[i];
        std::printf("indicators_%dmb_ms %.1f ms\n", sizes[i], ms);
        std::printf("indicators_%dmb_count %lld count\n",
                    sizes[i],
                    static_cast<long long>(indicators.size()));
    }
    print("indicators_mb_per_s_10mb", 1000.0 / msPerMb[2], "MB/s");
    // 1.0 means perfectly linear; a quadratic scan would show ~10 here.
    print("indicators_scaling_10mb_vs_1mb", msPerMb[2] / msPerMb[0], "ratio");
}

void benchFraming()
{
    QByteArray data;
    for (int i = 0; i < 100000; ++i) {
        data +=
            QByteArray(R"({"id":"e-)") + QByteArray::number(i)
            + R"(","type":"Event::Endpoint::Threat::Detected","when":"2024-01-05T10:00:00.000Z","location":"WS-0231"})";
    }
    QElapsedTimer timer;
    timer.start();
    const auto framed = mtr::evidence::JsonRecordFramer::frame(data);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    print("json_frame_100k_concatenated_ms", ms, "ms");
    print("json_frame_records_per_s", framed.records.size() / (ms / 1000.0), "records/s");
}

void benchFirewall()
{
    const QString line = QStringLiteral(
        "device=\"SFW\" date=2026-11-30 time=09:41:20 timezone=\"CET\" device_name=\"XG310\" "
        "device_id=C3000- 6T22 log_id=010101600001 log_type=\"Firewall\" log_component=\"Firewall "
        "Rule\" "
        "src_ip=10.20.4.42 src_port=49735 dst_ip=198.51.100.44 dst_port=8443 protocol=\" TCP\" "
        "appresolvedby=\"Signature\n");
    QString text;
    for (int i = 0; i < 100000; ++i) {
        text += line;
    }
    QElapsedTimer timer;
    timer.start();
    const auto result = mtr::evidence::FirewallLogReader::read(text);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    print("firewall_100k_lines_ms", ms, "ms");
    print("firewall_lines_per_s", result.records.size() / (ms / 1000.0), "lines/s");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchIndicators();
    benchFraming();
    benchFirewall();
    return 0;
}
