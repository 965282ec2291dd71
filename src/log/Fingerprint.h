// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include <QByteArray>
#include <QString>

namespace mtr::log {

/// The one way to mention a customer value (host, user, IP, path, alert text) or a secret in a
/// log line: a short keyed hash, stable within one installation, that support can match against
/// a value the customer shows them but that cannot be reversed from the log alone.
QString fingerprint(const QString& value);

/// Sets the key behind fingerprint(). Called once by log::init(); tests may call it directly.
void setFingerprintKey(const QByteArray& key);

} // namespace mtr::log
