// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#pragma once

#include "app/AppSettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace mtr::secrets {
class SecretStore;
}

namespace mtr::app {

/// Edits the Sophos Central connection and the AI backend. Non-secrets go to QSettings; the
/// client secret and the API key go to the keychain, and a field left empty keeps what is stored.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(secrets::SecretStore* secrets, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void setSettings(const AppSettings& settings);
    AppSettings settings() const;

    /// Saves everything; emits saved() once the keychain has answered for each secret.
    void save();

signals:
    /// `sessionOnly` is true when a secret could not reach the keychain and is held in memory.
    void saved(bool sessionOnly);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void browseCaFile();
    void finishSecret(bool sessionOnly, const QString& failure);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    secrets::SecretStore* m_secrets;
    int m_pendingSecrets = 0;
    bool m_sessionOnly = false;
    QStringList m_failures;
};

} // namespace mtr::app
