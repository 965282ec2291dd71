// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: MTR Review Console contributors
#include "simulator/TlsCert.h"

#include <QDir>
#include <QFile>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace mtr::simulator {
namespace {

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

constexpr long DaySeconds = 86400;

bool addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

bool setRandomSerial(X509* cert)
{
    std::unique_ptr<BIGNUM, decltype(&BN_free)> bn(BN_new(), &BN_free);
    if (!bn || BN_rand(bn.get(), 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1)
        return false;
    return BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert)) != nullptr;
}

/// A certificate for `key` named `commonName`, signed by issuerKey (self-signed when issuer
/// is null), with the extensions of a CA or of a TLS server.
CertPtr
makeCertificate(EVP_PKEY* key, const char* commonName, X509* issuer, EVP_PKEY* issuerKey, long days)
{
    CertPtr cert(X509_new(), &X509_free);
    if (!cert || X509_set_version(cert.get(), 2) != 1 || !setRandomSerial(cert.get()))
        return {nullptr, &X509_free};
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), days * DaySeconds);
    X509_set_pubkey(cert.get(), key);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name,
                               "O",
                               MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("central-sim"),
                               -1,
                               -1,
                               0);
    X509_NAME_add_entry_by_txt(name,
                               "CN",
                               MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(commonName),
                               -1,
                               -1,
                               0);
    X509* signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));

    const bool isCa = issuer == nullptr;
    const bool ok =
        isCa
            ? addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
                  && addExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign")
                  && addExtension(cert.get(), signer, NID_subject_key_identifier, "hash")
            : addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE")
                  && addExtension(cert.get(),
                                  signer,
                                  NID_key_usage,
                                  "critical,digitalSignature,keyEncipherment")
                  && addExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth")
                  && addExtension(cert.get(),
                                  signer,
                                  NID_subject_alt_name,
                                  "DNS:localhost,IP:127.0.0.1")
                  && addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    if (!ok || X509_sign(cert.get(), issuerKey, EVP_sha256()) == 0)
        return {nullptr, &X509_free};
    return cert;
}

QByteArray bioText(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

QByteArray certPem(X509* cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_X509(bio.get(), cert);
    return bioText(bio.get());
}

QByteArray keyPem(EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioText(bio.get());
}

bool writeFile(const QString& path, const QByteArray& data, bool secret)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (secret)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(data) == data.size();
}

/// Loads dir's CA when both files are there and readable.
bool loadCa(const QString& caPath, const QString& keyPath, KeyPtr& key, CertPtr& cert)
{
    QFile certFile(caPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    const QByteArray certText = certFile.readAll();
    const QByteArray keyText = keyFile.readAll();
    BioPtr certBio(BIO_new_mem_buf(certText.constData(), int(certText.size())), &BIO_free);
    BioPtr keyBio(BIO_new_mem_buf(keyText.constData(), int(keyText.size())), &BIO_free);
    cert.reset(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
    key.reset(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    return cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
}

} // namespace

std::optional<TlsMaterial> makeTlsMaterial(const QString& dir, QString& error)
{
    if (!QDir().mkpath(dir)) {
        error = QStringLiteral("cannot create %1").arg(dir);
        return std::nullopt;
    }
    const QString caPath = QDir(dir).filePath(QStringLiteral("ca.pem"));
    const QString caKeyPath = QDir(dir).filePath(QStringLiteral("ca-key.pem"));

    KeyPtr caKey(nullptr, &EVP_PKEY_free);
    CertPtr ca(nullptr, &X509_free);
    if (!loadCa(caPath, caKeyPath, caKey, ca)) {
        caKey.reset(EVP_EC_gen("P-256"));
        if (caKey)
            ca = makeCertificate(caKey.get(), "central-sim test CA", nullptr, caKey.get(), 825);
        if (!ca || !writeFile(caKeyPath, keyPem(caKey.get()), true)
            || !writeFile(caPath, certPem(ca.get()), false)) {
            error = QStringLiteral("cannot create the CA in %1").arg(dir);
            return std::nullopt;
        }
    }
    KeyPtr serverKey(EVP_EC_gen("P-256"), &EVP_PKEY_free);
    CertPtr server(nullptr, &X509_free);
    if (serverKey)
        server = makeCertificate(serverKey.get(), "127.0.0.1", ca.get(), caKey.get(), 30);
    if (!server) {
        error = QStringLiteral("cannot issue the server certificate");
        return std::nullopt;
    }
    return TlsMaterial{certPem(server.get()), keyPem(serverKey.get()), caPath};
}

} // namespace mtr::simulator
