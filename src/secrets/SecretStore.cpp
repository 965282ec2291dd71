// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "secrets/SecretStore.h"

#include "log/Log.h"

#include <QEventLoop>
#include <QPointer>
#include <qt6keychain/keychain.h>

namespace mtr::secrets {
namespace {

auto logger()
{
    return mtr::log::get("secrets");
}

} // namespace

SecretStore::SecretStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

bool SecretStore::isUnavailableError(int keychainError)
{
    // Debian's libsecret backend reports a missing D-Bus session or a locked collection that
    // cannot prompt as OtherError; NoBackendAvailable is the portable code for the same case.
    return keychainError == QKeychain::NoBackendAvailable || keychainError == QKeychain::OtherError
           || keychainError == QKeychain::NotImplemented;
}

void SecretStore::write(const QString& key, const Secret& value, WriteCallback done)
{
    if (value.isEmpty()) {
        remove(key, std::move(done));
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(value.reveal());
    connect(job, &QKeychain::Job::finished, this, [this, key, value, done, job] {
        if (job->error() == QKeychain::NoError) {
            m_sessionValues.remove(key);
            logger()->info("secret stored in keychain key={}", key);
            done(Outcome::Stored, {});
        } else if (isUnavailableError(job->error())) {
            m_sessionValues.insert(key, value);
            m_sessionOnly = true;
            logger()->warn("keychain unavailable, secret kept for this session only key={} "
                           "keychain_error={}",
                           key,
                           int(job->error()));
            done(Outcome::StoredForSession, job->errorString());
        } else {
            logger()->error("keychain write failed key={} keychain_error={}",
                            key,
                            int(job->error()));
            done(Outcome::Failed, job->errorString());
        }
    });
    job->start();
}

void SecretStore::read(const QString& key, ReadCallback done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, done, job] {
        const auto session = m_sessionValues.constFind(key);
        if (job->error() == QKeychain::NoError) {
            done(Outcome::Found, Secret(job->textData()), {});
        } else if (session != m_sessionValues.cend()) {
            done(Outcome::FoundInSession, *session, {});
        } else if (job->error() == QKeychain::EntryNotFound || isUnavailableError(job->error())) {
            done(Outcome::NotFound, Secret(), job->errorString());
        } else {
            logger()->error("keychain read failed key={} keychain_error={}",
                            key,
                            int(job->error()));
            done(Outcome::Failed, Secret(), job->errorString());
        }
    });
    job->start();
}

void SecretStore::remove(const QString& key, WriteCallback done)
{
    m_sessionValues.remove(key);
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [key, done, job] {
        const bool gone = job->error() == QKeychain::NoError
                          || job->error() == QKeychain::EntryNotFound
                          || isUnavailableError(job->error());
        if (gone) {
            logger()->info("secret removed key={}", key);
            done(Outcome::Deleted, {});
        } else {
            done(Outcome::Failed, job->errorString());
        }
    });
    job->start();
}

SecretStore::Outcome
SecretStore::readBlocking(const QString& key, Secret* value, QString* errorText)
{
    QEventLoop loop;
    Outcome outcome = Outcome::Failed;
    bool finished = false;
    read(key, [&](Outcome o, const Secret& s, const QString& err) {
        outcome = o;
        finished = true;
        if (value)
            *value = s;
        if (errorText)
            *errorText = err;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return outcome;
}

} // namespace mtr::secrets
