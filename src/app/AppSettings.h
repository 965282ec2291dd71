// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QString>

class QSettings;

namespace mtr::app {

/// The console's non-secret settings, kept in QSettings. Secrets (the Central client secret,
/// the model API key) are never fields here: they live in the keychain under the keys below.
struct AppSettings
{
    static constexpr const char* CentralSecretKey = "central-client-secret";
    static constexpr const char* LlmApiKeyKey = "llm-api-key";
    static constexpr const char* KeychainService = "mtr-review-console";

    QString centralClientId;
    QString centralIdentityUrl; ///< empty: https://id.sophos.com
    QString centralApiUrl;      ///< empty: https://api.central.sophos.com
    QString centralCaFile;

    QString aiKind =
        QStringLiteral("offline"); ///< offline, openai, azure, ollama, llamacpp, vllm, lmstudio
    QString aiBaseUrl;
    QString aiModel;
    bool aiOnPremises = false;

    QString logLevel = QStringLiteral("info");

    static AppSettings load(const QSettings& settings);
    void save(QSettings& settings) const;
};

} // namespace mtr::app
