"""The LDS files of a CCCD (cccd.md §2, §5, §7, §8, §9) built from a person's description."""
import hashlib

from . import der

OID_SHA256 = "2.16.840.1.101.3.4.2.1"
OID_ECDSA_SHA256 = "1.2.840.10045.4.3.2"
OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
OID_LDS_SECURITY_OBJECT = "2.23.136.1.1.1"
OID_AA_PROTOCOL = "2.23.136.1.1.5"
OID_ECDSA_PLAIN_SHA256 = "0.4.0.127.0.7.1.1.4.1.3"  # BSI TR-03111, as ICAO 9303-11 §9.2.10 names
OID_PK_ECDH = "0.4.0.127.0.7.2.2.1.2"
OID_CA_ECDH_AES128 = "0.4.0.127.0.7.2.2.3.2.2"
OID_PACE_ECDH_GM_AES128 = "0.4.0.127.0.7.2.2.4.2.2"
OID_DG13_UTF8 = "1.0.10646.1.0.8"
PACE_PARAMETER_BRAINPOOL_P256R1 = 13

DG_TAGS = {1: 0x61, 2: 0x75, 3: 0x63, 13: 0x6D, 14: 0x6E, 15: 0x6F}

# ---------------------------------------------------------------------------------------------
# MRZ (TD1, Vietnamese layout, cccd.md §2.1)
# ---------------------------------------------------------------------------------------------
_MRZ_VALUES = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
_MRZ_VALUES["<"] = 0


def check_digit(text):
    return str(sum(_MRZ_VALUES[c] * (7, 3, 1)[i % 3] for i, c in enumerate(text)) % 10)


def yymmdd(ddmmyyyy):
    d, m, y = ddmmyyyy.split("/")
    return y[2:] + m + d


def mrz_lines(person):
    """The three 30-character lines and the 24-character BAC MRZ_information."""
    doc = person["id"][3:]
    line1 = "IDVNM" + doc + check_digit(doc) + person["id"] + "<<" + check_digit(person["id"])
    dob = yymmdd(person["dob"])
    doe = yymmdd(person["expiry"]) if person["expiry"] else "991231"
    sex = "M" if person["sex"] == "Nam" else "F"
    line2 = dob + check_digit(dob) + sex + doe + check_digit(doe) + "VNM" + "<" * 11
    line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    line3 = (person["mrzName"] + "<" * 30)[:30]  # ICAO truncation: cut what does not fit
    assert len(line1) == len(line2) == 30, (line1, line2)
    mrz_information = doc + check_digit(doc) + dob + check_digit(dob) + doe + check_digit(doe)
    return [line1, line2, line3], mrz_information


def break_composite_check_digit(lines):
    """The same MRZ with a wrong composite check digit (line 2, position 30)."""
    wrong = str((int(lines[1][29]) + 1) % 10)
    return [lines[0], lines[1][:29] + wrong, lines[2]]


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------
def ef_com(data_groups):
    tags = bytes(DG_TAGS[n] for n in data_groups)
    return der.tlv(0x60, der.tlv(0x5F01, b"0107") + der.tlv(0x5F36, b"040000") + der.tlv(0x5C, tags))


def dg1(lines):
    return der.tlv(0x61, der.tlv(0x5F1F, "".join(lines).encode("ascii")))


IMAGE_TYPE_JPEG, IMAGE_TYPE_JPEG2000 = 0, 1


def dg2(image, image_type, width, height, sex):
    """ISO/IEC 19794-5:2005 facial record ("FAC") with one image, in the ICAO biometric template."""
    facial_information = (b"\x00\x00"                                 # feature points
                          + bytes([1 if sex == "Nam" else 2, 0, 0])  # gender, eye, hair colour
                          + b"\x00\x00\x00" + b"\x00\x00"             # property mask, expression
                          + b"\x00" * 6)                              # pose angles, uncertainty
    image_information = (bytes([1, image_type]) + width.to_bytes(2, "big")
                         + height.to_bytes(2, "big")
                         + bytes([1, 2])                 # sRGB, digital still camera
                         + b"\x00\x00" + b"\x00\x00")    # device type, quality
    face = facial_information + image_information + image
    face = (len(face) + 4).to_bytes(4, "big") + face
    record = b"FAC\x00" + b"010\x00" + (14 + len(face)).to_bytes(4, "big") + b"\x00\x01" + face
    header = der.tlv(0xA1, der.tlv(0x80, b"\x01\x01") + der.tlv(0x81, b"\x02")
                     + der.tlv(0x87, b"\x01\x01") + der.tlv(0x88, b"\x00\x08"))
    return der.tlv(0x75, der.tlv(0x7F61, der.integer(1)
                                 + der.tlv(0x7F60, header + der.tlv(0x5F2E, record))))


def _relative(record):
    """One person of DG13 field 13/14: name, then (2024 layout) further values such as an ID."""
    if record is None:
        return der.seq()  # an absent parent keeps its place: empty SEQUENCE
    return der.seq(der.utf8(record["fullName"]), *[der.printable(v) for v in record["otherValues"]])


def dg13(fields):
    """fields: [(number, kind, value)] in card order; kind picks the encoding."""
    encoded = []
    for number, kind, value in fields:
        if kind == "utf8":
            body = der.utf8(value)
        elif kind == "printable":
            body = der.printable(value)
        elif kind == "relatives":
            body = b"".join(_relative(r) for r in value)
        elif kind == "raw":
            body = value
        else:
            raise ValueError(kind)
        encoded.append(der.seq(der.integer(number), body))
    return der.tlv(0x6D, der.seq(der.integer(1), der.oid(OID_DG13_UTF8), der.set_in_order(*encoded)))


def dg14(chip_auth_spki, active_auth_ecdsa):
    infos = [der.seq(der.oid(OID_CA_ECDH_AES128), der.integer(1)),
             der.seq(der.oid(OID_PK_ECDH), chip_auth_spki)]
    if active_auth_ecdsa:
        infos.append(der.seq(der.oid(OID_AA_PROTOCOL), der.integer(1), der.oid(OID_ECDSA_PLAIN_SHA256)))
    return der.tlv(0x6E, der.set_of(*infos))


def dg15(active_auth_spki):
    return der.tlv(0x6F, active_auth_spki)


def card_access():
    return der.set_of(der.seq(der.oid(OID_PACE_ECDH_GM_AES128), der.integer(2),
                              der.integer(PACE_PARAMETER_BRAINPOOL_P256R1)))


def lds_security_object(data_groups):
    """LDSSecurityObject v0 with the SHA-256 hash of every data group given {number: bytes}."""
    hashes = [der.seq(der.integer(n), der.octets(hashlib.sha256(data_groups[n]).digest()))
              for n in sorted(data_groups)]
    return der.seq(der.integer(0), der.seq(der.oid(OID_SHA256)), der.seq(*hashes))


def ef_sod(data_groups, sign, ds_cert_der, ds_issuer_der, ds_serial):
    """Tag 77 around a CMS SignedData; `sign(bytes)` returns the DER ECDSA signature."""
    content = lds_security_object(data_groups)
    attributes = der.set_of(
        der.seq(der.oid(OID_CONTENT_TYPE), der.set_of(der.oid(OID_LDS_SECURITY_OBJECT))),
        der.seq(der.oid(OID_MESSAGE_DIGEST), der.set_of(der.octets(hashlib.sha256(content).digest()))))
    signature = sign(attributes)  # the DER SET OF is what is signed; it is stored as [0] IMPLICIT
    sha256 = der.seq(der.oid(OID_SHA256))
    signer_info = der.seq(der.integer(1), der.seq(ds_issuer_der, der.integer(ds_serial)), sha256,
                          b"\xA0" + attributes[1:], der.seq(der.oid(OID_ECDSA_SHA256)),
                          der.octets(signature))
    signed_data = der.seq(der.integer(3), der.set_of(sha256),
                          der.seq(der.oid(OID_LDS_SECURITY_OBJECT), der.tlv(0xA0, der.octets(content))),
                          der.tlv(0xA0, ds_cert_der), der.set_of(signer_info))
    return der.tlv(0x77, der.seq(der.oid(OID_SIGNED_DATA), der.tlv(0xA0, signed_data)))


def sod_signature_position(sod):
    """Offset of the last byte of the SignerInfo's signature value inside EF.SOD."""
    _, value = der.children(sod)[0]
    _, content_info = der.children(value)[0]
    _, explicit = der.children(content_info)[1]
    signed_data = der.children(explicit)[0][1]
    signer_infos = der.children(signed_data)[-1][1]
    signer_info = der.children(signer_infos)[0][1]
    signature = der.children(signer_info)[-1][1]
    position = sod.rfind(signature)
    assert position > 0 and sod.count(signature) == 1
    return position + len(signature) - 1
