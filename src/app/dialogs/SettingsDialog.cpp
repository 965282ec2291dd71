// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/dialogs/SettingsDialog.h"

#include "log/Log.h"
#include "secrets/SecretStore.h"
#include "ui_SettingsDialog.h"

#include <QEvent>
#include <QFileDialog>
#include <QPushButton>
#include <QSettings>

namespace mtr::app {

SettingsDialog::SettingsDialog(secrets::SecretStore* secrets, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_secrets(secrets)
{
    m_ui->setupUi(this);
    const QList<QPair<QString, QString>> kinds = {
        {QStringLiteral("offline"), QString()},
        {QStringLiteral("openai"), QStringLiteral("OpenAI")},
        {QStringLiteral("azure"), QStringLiteral("Azure OpenAI")},
        {QStringLiteral("ollama"), QStringLiteral("Ollama")},
        {QStringLiteral("llamacpp"), QStringLiteral("llama.cpp server")},
        {QStringLiteral("vllm"), QStringLiteral("vLLM")},
        {QStringLiteral("lmstudio"), QStringLiteral("LM Studio")},
    };
    for (const auto& [key, label] : kinds)
        m_ui->aiKindCombo->addItem(label, key);
    retranslateUi();

    connect(m_ui->caBrowseButton, &QPushButton::clicked, this, &SettingsDialog::browseCaFile);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(this, &SettingsDialog::saved, this, [this](bool sessionOnly) {
        if (!sessionOnly && m_failures.isEmpty())
            accept();
    });
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::retranslateUi()
{
    m_ui->retranslateUi(this);
    m_ui->aiKindCombo->setItemText(0, tr("Built-in offline drafter (no model)"));
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::setSettings(const AppSettings& s)
{
    m_ui->clientIdEdit->setText(s.centralClientId);
    m_ui->identityUrlEdit->setText(s.centralIdentityUrl);
    m_ui->apiUrlEdit->setText(s.centralApiUrl);
    m_ui->caFileEdit->setText(s.centralCaFile);
    const int kind = m_ui->aiKindCombo->findData(s.aiKind);
    m_ui->aiKindCombo->setCurrentIndex(kind < 0 ? 0 : kind);
    m_ui->aiBaseUrlEdit->setText(s.aiBaseUrl);
    m_ui->aiModelEdit->setText(s.aiModel);
    m_ui->aiOnPremisesCheck->setChecked(s.aiOnPremises);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s;
    s.centralClientId = m_ui->clientIdEdit->text().trimmed();
    s.centralIdentityUrl = m_ui->identityUrlEdit->text().trimmed();
    s.centralApiUrl = m_ui->apiUrlEdit->text().trimmed();
    s.centralCaFile = m_ui->caFileEdit->text().trimmed();
    s.aiKind = m_ui->aiKindCombo->currentData().toString();
    s.aiBaseUrl = m_ui->aiBaseUrlEdit->text().trimmed();
    s.aiModel = m_ui->aiModelEdit->text().trimmed();
    s.aiOnPremises = m_ui->aiOnPremisesCheck->isChecked();
    return s;
}

void SettingsDialog::browseCaFile()
{
    const QString file =
        QFileDialog::getOpenFileName(this,
                                     tr("Choose a CA certificate"),
                                     m_ui->caFileEdit->text(),
                                     tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!file.isEmpty())
        m_ui->caFileEdit->setText(file);
}

void SettingsDialog::save()
{
    QSettings store;
    AppSettings current = AppSettings::load(store);
    AppSettings edited = settings();
    edited.logLevel = current.logLevel;
    edited.save(store);
    mtr::log::get("app")->info("settings saved ai_kind={} on_premises={}",
                               edited.aiKind,
                               edited.aiOnPremises);

    // Empty secret fields mean "keep what is stored", so an analyst who only changes the model
    // does not wipe the Central secret.
    const QList<QPair<const char*, QString>> secrets = {
        {AppSettings::CentralSecretKey, m_ui->clientSecretEdit->text()},
        {AppSettings::LlmApiKeyKey, m_ui->aiKeyEdit->text()},
    };
    m_pendingSecrets = 0;
    m_sessionOnly = false;
    m_failures.clear();
    for (const auto& [key, value] : secrets) {
        if (value.isEmpty())
            continue;
        ++m_pendingSecrets;
        m_secrets->write(QString::fromLatin1(key),
                         secrets::Secret(value),
                         [this](secrets::SecretStore::Outcome outcome, const QString& error) {
                             using O = secrets::SecretStore::Outcome;
                             finishSecret(outcome == O::StoredForSession,
                                          outcome == O::Failed ? error : QString());
                         });
    }
    if (m_pendingSecrets == 0)
        emit saved(false);
}

void SettingsDialog::finishSecret(bool sessionOnly, const QString& failure)
{
    m_sessionOnly = m_sessionOnly || sessionOnly;
    if (!failure.isEmpty())
        m_failures << failure;
    if (--m_pendingSecrets > 0)
        return;
    m_ui->clientSecretEdit->clear();
    m_ui->aiKeyEdit->clear();
    if (!m_failures.isEmpty()) {
        m_ui->hintLabel->setText(tr("The keychain refused to store a secret: %1")
                                     .arg(m_failures.join(QStringLiteral("; "))));
    } else if (m_sessionOnly) {
        m_ui->buttonBox->setStandardButtons(QDialogButtonBox::Close);
        m_ui->hintLabel->setText(
            tr("No system keychain is available. The secret is kept for this session only and "
               "will be asked for again after a restart. It was not written to disk."));
    }
    emit saved(m_sessionOnly);
}

} // namespace mtr::app
