// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "ai/LlmBackend.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace mtr::ai {

/// Where and how to reach an OpenAI-compatible chat completions server.
struct OpenAiConfig
{
    /// Server families differ in URL layout and auth header.
    enum class Flavor
    {
        OpenAi,
        Azure, ///< /openai/deployments/<deployment>/chat/completions?api-version=..., api-key
               ///< header
        Ollama,
        LlamaCpp,
        Vllm,
        LmStudio,
    };

    Flavor flavor = Flavor::OpenAi;
    QUrl baseUrl; ///< "https://api.openai.com/v1", "http://127.0.0.1:11434/v1"
    QString model;
    QString apiKey; ///< from the keychain; never logged
    QString azureDeployment;
    QString azureApiVersion = QStringLiteral("2024-10-21");
    bool onPremises = false; ///< set by the caller explicitly; allows http and unredacted prompts
    /// An on-premises server's own CA, trusted in addition to the system's.
    QList<QSslCertificate> extraCaCertificates;
    bool stream = true;
    bool jsonSchema = true; ///< send response_format json_schema; the answer is validated anyway
    int firstByteTimeoutMs = 60000;
    int idleTimeoutMs = 30000;
    int maxRetries = 3; ///< for 429 and 5xx before any text arrived
    int backoffBaseMs = 500;
    int maxBackoffMs = 30000;
};

/// Chat completions over HTTP(S) for OpenAI, Azure OpenAI, Ollama, llama.cpp, vLLM and LM
/// Studio, streamed as server-sent events. TLS is verified (errors are never ignored); plain
/// http is refused unless the host is loopback or the caller marked the server on-premises.
class OpenAiCompatibleBackend : public LlmBackend
{
    Q_OBJECT

public:
    /// A backend with its own network access manager.
    explicit OpenAiCompatibleBackend(OpenAiConfig config, QObject* parent = nullptr);
    ~OpenAiCompatibleBackend() override;

    void start(const LlmRequest& request) override;
    void cancel() override;

    bool isOnPremises() const override
    {
        return m_config.onPremises;
    }

    QString name() const override;

    /// The chat completions URL for a config, or why it is not allowed.
    static Result<QUrl> endpointUrl(const OpenAiConfig& config);

    /// The JSON body sent for a request.
    QByteArray requestBody(const LlmRequest& request) const;

private:
    enum class Abort
    {
        None,
        Cancelled,
        Timeout,
    };

    void send();
    void onReadyRead();
    void onFinished();
    void consumeEvents(bool flush);
    bool scheduleRetry(int status);
    void finish(bool ok, Error error = {});
    void dropReply();

    OpenAiConfig m_config;
    QNetworkAccessManager* m_network;
    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    QByteArray m_body;
    QByteArray m_buffer;
    QString m_text;
    int m_attempt = 0;
    bool m_streamed = false;
    bool m_sawDone = false;
    bool m_running = false;
    Abort m_abort = Abort::None;
    QTimer m_idleTimer;
    QTimer m_retryTimer;
};

} // namespace mtr::ai
