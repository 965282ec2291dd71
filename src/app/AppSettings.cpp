// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "app/AppSettings.h"

#include <QSettings>

namespace mtr::app {

AppSettings AppSettings::load(const QSettings& settings)
{
    AppSettings s;
    s.centralClientId = settings.value(QStringLiteral("central/clientId")).toString();
    s.centralIdentityUrl = settings.value(QStringLiteral("central/identityUrl")).toString();
    s.centralApiUrl = settings.value(QStringLiteral("central/apiUrl")).toString();
    s.centralCaFile = settings.value(QStringLiteral("central/caFile")).toString();
    s.aiKind = settings.value(QStringLiteral("ai/kind"), s.aiKind).toString();
    s.aiBaseUrl = settings.value(QStringLiteral("ai/baseUrl")).toString();
    s.aiModel = settings.value(QStringLiteral("ai/model")).toString();
    s.aiOnPremises = settings.value(QStringLiteral("ai/onPremises"), false).toBool();
    s.logLevel = settings.value(QStringLiteral("log/level"), s.logLevel).toString();
    return s;
}

void AppSettings::save(QSettings& settings) const
{
    settings.setValue(QStringLiteral("central/clientId"), centralClientId);
    settings.setValue(QStringLiteral("central/identityUrl"), centralIdentityUrl);
    settings.setValue(QStringLiteral("central/apiUrl"), centralApiUrl);
    settings.setValue(QStringLiteral("central/caFile"), centralCaFile);
    settings.setValue(QStringLiteral("ai/kind"), aiKind);
    settings.setValue(QStringLiteral("ai/baseUrl"), aiBaseUrl);
    settings.setValue(QStringLiteral("ai/model"), aiModel);
    settings.setValue(QStringLiteral("ai/onPremises"), aiOnPremises);
    settings.setValue(QStringLiteral("log/level"), logLevel);
    settings.sync();
}

} // namespace mtr::app
