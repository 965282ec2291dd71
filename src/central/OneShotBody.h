// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QByteArray>
#include <QIODevice>

namespace mtr::central {

/// A request body that can be read once and never rewound. Qt's HTTP stack silently resends a
/// request when a kept-alive connection closes before the answer; for a write that would apply
/// a change twice. With this body (and DoNotBufferUploadDataAttribute) Qt cannot resend and
/// reports ContentReSendError instead, which the transport turns into OutcomeUnknown.
class OneShotBody : public QIODevice
{
    Q_OBJECT

public:
    /// Opens the device read-only over `data`.
    explicit OneShotBody(QByteArray data, QObject* parent = nullptr);

    /// Always true: this is what stops Qt from rewinding.
    bool isSequential() const override;
    /// Bytes not read yet.
    qint64 bytesAvailable() const override;
    /// Refuses to rewind (quietly, unlike QIODevice's default).
    bool reset() override;
    /// Refuses every seek.
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 maxSize) override;

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace mtr::central
