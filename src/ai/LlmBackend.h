// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "domain/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace mtr::ai {

/// One chat message ("system", "user", "assistant").
struct ChatMessage
{
    QString role;
    QString content;
};

/// What a backend is asked: messages and, optionally, the JSON schema of the answer.
struct LlmRequest
{
    QList<ChatMessage> messages;
    QJsonObject jsonSchema; ///< empty: free text
    QString schemaName = QStringLiteral("draft");
    double temperature = 0.2;
};

/// How a request ended. `text` holds what arrived even when it failed mid-stream.
struct LlmAnswer
{
    bool ok = false;
    QString text;
    Error error;
    QByteArray requestBody; ///< exactly what was sent (already redacted by the caller)
    int attempts = 0;
    bool streamed = false;
};

/// A model that answers chat requests asynchronously. One request at a time per instance.
class LlmBackend : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Starts a request; chunkReceived() then finished() follow. A request already running
    /// is cancelled first.
    virtual void start(const LlmRequest& request) = 0;

    /// Stops the running request; finished() reports Error::Code::Cancelled.
    virtual void cancel() = 0;

    /// Whether the model runs on the customer's or our own premises; only then may prompts
    /// go unredacted.
    virtual bool isOnPremises() const = 0;

    /// Name for audit and the draft's origin ("openai-compatible:gpt-4o-mini").
    virtual QString name() const = 0;

signals:
    /// A piece of the answer as it streams in.
    void chunkReceived(const QString& text);
    /// A retry is scheduled after a 429/5xx before any text arrived.
    void retryScheduled(int attempt, int delayMs);
    /// The request ended, successfully or not.
    void finished(const mtr::ai::LlmAnswer& answer);
};

} // namespace mtr::ai

Q_DECLARE_METATYPE(mtr::ai::LlmAnswer)
