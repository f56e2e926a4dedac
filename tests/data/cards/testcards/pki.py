"""Throw-away test PKI: the trusted CSCA, Document Signers, an untrusted CSCA and the CRL."""
import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

NOW = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
DAY = datetime.timedelta(days=1)

CURVES = {"P-256": ec.SECP256R1, "P-384": ec.SECP384R1,
          "brainpoolP256r1": ec.BrainpoolP256R1, "brainpoolP384r1": ec.BrainpoolP384R1}


def new_key(kind):
    """kind: a curve name of CURVES or "RSA-2048"."""
    if kind == "RSA-2048":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ec.generate_private_key(CURVES[kind]())


def name(common_name):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "TEST ONLY - not a government authority"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def make_csca(common_name):
    key = new_key("P-384")
    subject = name(common_name)
    cert = (x509.CertificateBuilder()
            .subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            # issued years ago, like the real one (2021), so that the expired DS fits inside it
            .not_valid_before(NOW - 5 * 365 * DAY).not_valid_after(NOW + 15 * 365 * DAY)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                           critical=False)
            .sign(key, hashes.SHA384()))
    return key, cert


def make_ds(csca_key, csca_cert, common_name, not_before=None, not_after=None):
    key = new_key("brainpoolP384r1")  # the curve reported for CCCD Document Signers (cccd.md §11.2)
    cert = (x509.CertificateBuilder()
            .subject_name(name(common_name)).issuer_name(csca_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(not_before or NOW - DAY)
            .not_valid_after(not_after or NOW + 365 * 11 * DAY)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False, crl_sign=False,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(csca_key.public_key()),
                           critical=False)
            .sign(csca_key, hashes.SHA384()))
    return key, cert


def make_crl(csca_key, csca_cert, revoked_serials):
    builder = (x509.CertificateRevocationListBuilder()
               .issuer_name(csca_cert.subject)
               .last_update(NOW - DAY).next_update(NOW + 30 * DAY)
               .add_extension(x509.CRLNumber(1), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                   csca_key.public_key()), critical=False))
    for serial in revoked_serials:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial)
            .revocation_date(NOW - DAY).build())
    return builder.sign(csca_key, hashes.SHA384())


def ecdsa_signer(key):
    return lambda data: key.sign(data, ec.ECDSA(hashes.SHA256()))


def cert_pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM)


def cert_der(cert):
    return cert.public_bytes(serialization.Encoding.DER)


def key_pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def spki_der(key):
    return key.public_key().public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)


def crl_pem(crl):
    return crl.public_bytes(serialization.Encoding.PEM)
