// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

/// A throw-away certificate authority and a server certificate for 127.0.0.1 and localhost,
/// made with OpenSSL's C API, so that clients can verify central-sim's TLS properly by
/// trusting the written ca.pem instead of switching verification off.

#include <QByteArray>
#include <QString>

#include <optional>

namespace mtr::simulator {

/// PEM texts of the server certificate and key, and where the CA certificate was written.
struct TlsMaterial
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
    QString caFile;
};

/// Writes dir/ca.pem (and dir/ca-key.pem, mode 0600) unless both exist already, in which
/// case that CA is reused so clients that trust it keep working across restarts. Then
/// issues a fresh server certificate signed by the CA. nullopt with `error` on failure.
std::optional<TlsMaterial> makeTlsMaterial(const QString& dir, QString& error);

} // namespace mtr::simulator
