"""Assembles one card (its LDS files, chip secrets and test truth) from the catalogue in people.py."""
import copy
import hashlib

from . import face, lds, pki
from .people import NO_EXPIRY_TEXT

DG13_TEXT_FIELDS = [  # (number, person key, encoding) as in cccd.md §7.2
    (1, "id", "printable"), (2, "name", "utf8"), (3, "dob", "printable"), (4, "sex", "utf8"),
    (5, "nationality", "utf8"), (6, "ethnicity", "utf8"), (7, "religion", "utf8"),
    (8, "origin", "utf8"), (9, "residence", "utf8"), (10, "marks", "utf8"),
    (11, "issue", "printable"),
]


def dg13_fields(person):
    """[(number, encoding, value)] in card order and the values a parser must report by number."""
    fields = [(n, kind, person[key]) for n, key, kind in DG13_TEXT_FIELDS]
    fields.append((12, "utf8", person["expiry"] or NO_EXPIRY_TEXT))
    fields.append((13, "relatives", person["parents"]))
    fields.append((14, "relatives", [person["spouse"]] if person["spouse"] else []))
    if person["oldId"]:
        fields.append((15, "printable", person["oldId"]))
    fields.append((16, "printable", person["field16"]))
    for number, text in person.get("extraFields", []):
        fields.append((number, "utf8", text))
    expected = {str(n): value for n, _, value in fields}
    expected.setdefault("15", None)
    return fields, expected


def qr_payload(person):
    """The printed QR text: 7 fields on the 2021 card, 10 on the 2024 card (cccd.md §10)."""
    base = [person["id"], person["oldId"] or "", person["name"], person["dob"].replace("/", ""),
            person["sex"], person["residence"], person["issue"].replace("/", "")]
    return "|".join(base + person.get("qrExtra", []))


class Card:
    """The bytes of one card. `dgs` maps data-group numbers to file contents."""

    def __init__(self, spec, person):
        self.spec = spec
        self.person = person
        self.mrz, self.mrz_information = lds.mrz_lines(person)
        self.dg13_fields, self.dg13_expected = dg13_fields(person)
        self.dgs = {}
        self.card_access = None
        self.sod = None
        self.image = None
        self.image_name = None
        self.chip_auth_key = None
        self.active_auth_key = None
        self.expected = {}

    def build_citizen(self):
        spec, person = self.spec, self.person
        image_format, low, high = spec["image"]
        drawing = face.draw_face(spec["name"], person["sex"] == "Nữ")
        if image_format == "jpeg":
            self.image, image_type, self.image_name = (face.jpeg_in_range(drawing, low, high),
                                                       lds.IMAGE_TYPE_JPEG, "face.jpg")
        else:
            self.image, image_type, self.image_name = (face.jpeg2000(drawing, (low + high) // 2),
                                                       lds.IMAGE_TYPE_JPEG2000, "face.jp2")
        self.active_auth_key = pki.new_key(spec["aa"])
        ecdsa_aa = spec["aa"] != "RSA-2048"
        self.dgs[1] = lds.dg1(self.mrz)
        self.dgs[2] = lds.dg2(self.image, image_type, face.WIDTH, face.HEIGHT, person["sex"])
        self.dgs[13] = lds.dg13(self.dg13_fields)
        if spec["ca"]:
            self.chip_auth_key = pki.new_key(spec["ca"])
            self.dgs[14] = lds.dg14(pki.spki_der(self.chip_auth_key), ecdsa_aa)
        self.dgs[15] = lds.dg15(pki.spki_der(self.active_auth_key))
        if spec["pace"]:
            self.card_access = lds.card_access()
        self.expected = {"passiveAuthentication": "passed", "mismatchedDataGroups": [],
                         "dg13Parses": True, "mrzValid": True,
                         "aa": "ecdsa" if ecdsa_aa else "rsa", "ca": bool(spec["ca"]),
                         "pace": bool(spec["pace"])}

    def variant(self, spec):
        """A copy of this card for a VARIANTS entry (files and keys shared, SOD not yet made)."""
        out = copy.copy(self)
        out.spec = spec
        out.dgs = dict(self.dgs)
        out.mrz = list(self.mrz)
        out.dg13_expected = copy.deepcopy(self.dg13_expected)
        out.expected = dict(self.expected, **spec["expected"])
        return out

    def sign(self, signer):
        ds_key, ds_cert = signer
        self.sod = lds.ef_sod(self.dgs, pki.ecdsa_signer(ds_key), pki.cert_der(ds_cert),
                              ds_cert.issuer.public_bytes(), ds_cert.serial_number)

    def com(self):
        # Real cards list DG1, DG2, DG3, DG13, DG15, DG14 in that order (cccd.md §5); DG3 is
        # listed although absent here, as it is unreadable on real cards (Terminal Authentication).
        return lds.ef_com([n for n in (1, 2, 3, 13, 15, 14) if n in self.dgs or n == 3])

    def files(self):
        out = {"EF.COM.bin": self.com()}
        out.update({f"EF.DG{n}.bin": data for n, data in sorted(self.dgs.items())})
        out["EF.SOD.bin"] = self.sod
        if self.card_access is not None:
            out["EF.CardAccess.bin"] = self.card_access
        out[self.image_name] = self.image
        return out

    def chip_json(self):
        return {"mrzInformation": self.mrz_information, "can": self.person["id"][-6:],
                "pace": self.card_access is not None,
                "chipAuthenticationKey": "chip-auth-key.pem" if self.chip_auth_key else None,
                "activeAuthenticationKey": "active-auth-key.pem" if self.active_auth_key else None}

    def card_json(self, kind, based_on, files):
        p = self.person
        printed = {k: p[k] for k in ("id", "oldId", "name", "dob", "sex", "nationality",
                                     "ethnicity", "religion", "origin", "residence", "marks",
                                     "issue", "expiry")}
        truth = {
            "name": self.spec["name"], "kind": kind, "description": self.spec["description"],
            "generation": "CAN_CUOC_2024" if p["generation"] == "2024" else "CCCD_2021",
            "printed": printed,
            "mrz": self.mrz,
            "bac": {"documentNumber": p["id"][3:], "dateOfBirth": lds.yymmdd(p["dob"]),
                    "dateOfExpiry": self.mrz_information[17:23],
                    "mrzInformation": self.mrz_information},
            "can": p["id"][-6:],
            f"qr{p['generation']}": qr_payload(p),
            "qr": qr_payload(p),  # the text of the card's QR, whatever the generation
            "dg13": self.dg13_expected,
            "files": {name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                      for name, data in files.items()},
            "expected": self.expected,
        }
        if based_on:
            truth["basedOn"] = based_on
        return truth


def apply_change(card, change, signer):
    """Makes a VARIANTS defect; signs EF.SOD before or after it as the defect requires."""
    if change is None:
        card.sign(signer)
    elif change == "dg13-name-byte":
        card.sign(signer)
        name = card.person["name"].encode("utf-8")
        at = card.dgs[13].index(name) + len(name) - 1  # last letter, ASCII: stays valid UTF-8
        changed = bytearray(card.dgs[13])
        changed[at] = ord("h") if changed[at] != ord("h") else ord("k")
        card.dgs[13] = bytes(changed)
        card.dg13_expected["2"] = bytes(changed[at - len(name) + 1:at + 1]).decode("utf-8")
    elif change == "dg2-image-byte":
        card.sign(signer)
        image_at = card.dgs[2].index(card.image)
        at = image_at + len(card.image) // 2  # inside the entropy-coded data
        while card.dgs[2][at] in (0xFF, 0x00, 0xFE):
            at += 1
        changed = bytearray(card.dgs[2])
        changed[at] ^= 0x01
        card.dgs[2] = bytes(changed)
        card.image = bytes(changed[image_at:image_at + len(card.image)])
    elif change == "sod-signature-bit":
        card.sign(signer)
        changed = bytearray(card.sod)
        changed[lds.sod_signature_position(card.sod)] ^= 0x01
        card.sod = bytes(changed)
    elif change == "dg13-truncated-signed":
        card.dgs[13] = card.dgs[13][:len(card.dgs[13]) * 2 // 3]
        card.dg13_expected = None
        card.sign(signer)
    elif change == "sod-truncated":
        card.sign(signer)
        card.sod = card.sod[:len(card.sod) // 2]
    elif change == "dg1-check-digit-signed":
        card.mrz = lds.break_composite_check_digit(card.mrz)
        card.dgs[1] = lds.dg1(card.mrz)
        card.sign(signer)
    else:
        raise ValueError(change)
