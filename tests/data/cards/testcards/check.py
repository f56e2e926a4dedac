"""Self-check of a generated set with tools independent of the onestop C++ code.

- `openssl cms -verify` of every EF.SOD against trust/csca.pem (+ CRL): must pass for cards whose
  expected verdict is "passed" or HASH_MISMATCH and fail for the others, for the right reason
  (an expired DS verifies at a time inside its validity, a revoked one without the CRL).
- The SHA-256 of every data group against the LDSSecurityObject that openssl extracted.
- The MRZ check digits of DG1, DG1 = card.json's MRZ, DG13 decoded = card.json's "dg13".
- File sizes and hashes against card.json, key files and modes, DG14/DG15 keys = chip keys.
- card.json "qr"; the citizen cards' card-side image and glass scans exist at their pixel sizes.
"""
import datetime
import hashlib
import json
import os
import stat
import struct
import subprocess
import tempfile

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from . import der, lds

VERIFYING = {"passed", "HASH_MISMATCH"}


def openssl_verify(sod_der_path, ca_file, extra=()):
    """(ok, eContent bytes) of `openssl cms -verify`."""
    with tempfile.NamedTemporaryFile() as content:
        run = subprocess.run(["openssl", "cms", "-verify", "-inform", "DER", "-in", sod_der_path,
                              "-CAfile", ca_file, "-binary", "-purpose", "any",
                              "-out", content.name, *extra], capture_output=True)
        return run.returncode == 0, open(content.name, "rb").read()


def lds_hashes(content):
    """{dg number: hash} from an LDSSecurityObject's DER."""
    fields = der.children(der.children(content)[0][1])
    return {int.from_bytes(der.children(entry)[0][1], "big"): der.children(entry)[1][1]
            for _, entry in der.children(fields[2][1])}


def mrz_valid(lines):
    l1, l2 = lines[0], lines[1]
    checks = [(l1[5:14], l1[14]), (l1[15:27], l1[29]), (l2[0:6], l2[6]), (l2[8:14], l2[14]),
              (l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29], l2[29])]
    return all(lds.check_digit(text) == digit for text, digit in checks)


def decode_dg13(data):
    """{number: value} with the same shapes as card.json; raises ValueError on broken TLVs."""
    (tag, body), = der.children(data)
    if tag != 0x6D:
        raise ValueError("not DG13")
    parts = der.children(der.children(body)[0][1])
    out = {"15": None}
    for _, field in der.children(parts[2][1]):
        items = der.children(field)
        number = int.from_bytes(items[0][1], "big")
        if number in (13, 14):
            records = []
            for _, record in items[1:]:
                texts = [v.decode("utf-8") for _, v in der.children(record)]
                records.append({"fullName": texts[0], "otherValues": texts[1:]} if texts else None)
            out[str(number)] = records
        else:
            out[str(number)] = items[1][1].decode("utf-8")
    return out


class CardChecker:
    def __init__(self, outdir, name, ca_with_crl):
        self.outdir, self.name, self.ca_with_crl = outdir, name, ca_with_crl
        self.folder = os.path.join(outdir, name)
        self.truth = json.load(open(os.path.join(self.folder, "card.json"), encoding="utf-8"))
        self.chip = json.load(open(os.path.join(self.folder, "chip.json"), encoding="utf-8"))
        self.expected = self.truth["expected"]
        self.problems = []

    def fail(self, what):
        self.problems.append(f"{self.name}: {what}")

    def read(self, name):
        return open(os.path.join(self.folder, name), "rb").read()

    def run(self):
        self.check_files()
        content = self.check_signature()
        if content is not None:
            self.check_hashes(content)
        self.check_mrz()
        self.check_dg13()
        self.check_keys()
        self.check_card_images()
        return self.problems

    def check_card_images(self):
        """Citizen cards carry their QR text and the card-side image with its glass scans (the
        QR content itself is checked by the C++ decoder tests, which have a QR reader)."""
        qr = self.truth.get("qr")
        if qr is None or qr != self.truth.get("qr2021", self.truth.get("qr2024")):
            self.fail("card.json \"qr\" is missing or differs from qr2021/qr2024")
        if self.truth["kind"] != "citizen":
            return
        for name, size in (("card-qr-side-600dpi.png", (2022, 1276)),
                           ("glass-300dpi.png", (2480, 3508)), ("glass-150dpi.png", (1240, 1754))):
            path = os.path.join(self.folder, name)
            if not os.path.exists(path):
                self.fail(f"{name} is missing")
                continue
            head = self.read(name)[:24]
            if head[:8] != b"\x89PNG\r\n\x1a\n" or struct.unpack(">II", head[16:24]) != size:
                self.fail(f"{name} is not a {size[0]} x {size[1]} PNG")

    def check_files(self):
        for name, info in self.truth["files"].items():
            data = self.read(name)
            if len(data) != info["size"] or hashlib.sha256(data).hexdigest() != info["sha256"]:
                self.fail(f"{name} differs from card.json")

    def check_signature(self):
        sod = self.read("EF.SOD.bin")
        verdict = self.expected["passiveAuthentication"]
        with tempfile.NamedTemporaryFile(suffix=".der") as cms:
            try:
                (tag, value), = der.children(sod)
                cms.write(value if tag == 0x77 else b"")
            except ValueError:
                cms.write(sod[2:])  # a truncated file: let openssl reject what is there
            cms.flush()
            ok, content = openssl_verify(cms.name, self.ca_with_crl, ["-crl_check"])
            if ok != (verdict in VERIFYING):
                self.fail(f"openssl cms -verify {'passed' if ok else 'failed'}, expected {verdict}")
            if verdict == "DS_EXPIRED":
                ds = x509.load_pem_x509_certificate(open(os.path.join(
                    self.outdir, "pki", "ds-expired.pem"), "rb").read())
                inside = ds.not_valid_before + (ds.not_valid_after - ds.not_valid_before) / 2
                at = str(int(inside.replace(tzinfo=datetime.timezone.utc).timestamp()))
                ok, content = openssl_verify(cms.name, self.ca_with_crl, ["-attime", at])
                if not ok:
                    self.fail("does not verify inside the DS validity: not only expired")
            if verdict == "DS_REVOKED":
                ca_only = os.path.join(self.outdir, "trust", "csca.pem")
                ok, content = openssl_verify(cms.name, ca_only)
                if not ok:
                    self.fail("does not verify without the CRL: not only revoked")
            return content if ok else None

    def check_hashes(self, content):
        hashes = lds_hashes(content)
        present = {int(n[len("EF.DG"):-len(".bin")]) for n in self.truth["files"] if
                   n.startswith("EF.DG")}
        if set(hashes) != present:
            self.fail(f"SOD lists DGs {sorted(hashes)}, files are {sorted(present)}")
        mismatched = sorted(n for n in present & set(hashes)
                            if hashlib.sha256(self.read(f"EF.DG{n}.bin")).digest() != hashes[n])
        if mismatched != self.expected["mismatchedDataGroups"]:
            self.fail(f"hash mismatches {mismatched}, expected "
                      f"{self.expected['mismatchedDataGroups']}")

    def check_mrz(self):
        (_, body), = der.children(self.read("EF.DG1.bin"))
        text = der.children(body)[0][1].decode("ascii")
        lines = [text[0:30], text[30:60], text[60:90]]
        if lines != self.truth["mrz"]:
            self.fail("DG1 MRZ differs from card.json")
        if mrz_valid(lines) != self.expected["mrzValid"]:
            self.fail(f"MRZ check digits valid = {mrz_valid(lines)}, expected the opposite")
        bac = self.truth["bac"]
        rebuilt = "".join(v + lds.check_digit(v) for v in (bac["documentNumber"], bac["dateOfBirth"],
                                                          bac["dateOfExpiry"]))
        if not bac["mrzInformation"] == self.chip["mrzInformation"] == rebuilt:
            self.fail("BAC inputs of card.json and chip.json disagree")
        if bac["documentNumber"] != lines[0][5:14] or bac["dateOfBirth"] != lines[1][0:6] or \
                bac["dateOfExpiry"] != lines[1][8:14]:
            self.fail("BAC inputs differ from the MRZ")

    def check_dg13(self):
        try:
            decoded = decode_dg13(self.read("EF.DG13.bin"))
        except (ValueError, IndexError, UnicodeDecodeError):
            decoded = None
        if (decoded is not None) != self.expected["dg13Parses"]:
            self.fail(f"DG13 decodes = {decoded is not None}, expected the opposite")
        elif decoded is not None and decoded != self.truth["dg13"]:
            self.fail("DG13 content differs from card.json")

    def check_keys(self):
        files = self.truth["files"]
        for role, dg, expected_flag in (("chipAuthenticationKey", 14, self.expected["ca"]),
                                        ("activeAuthenticationKey", 15, True)):
            name = self.chip[role]
            if (name is not None) != expected_flag or (f"EF.DG{dg}.bin" in files) != expected_flag:
                self.fail(f"{role}: key and DG{dg} presence do not match expected")
                continue
            if name is None:
                continue
            path = os.path.join(self.folder, name)
            if stat.S_IMODE(os.stat(path).st_mode) != 0o600:
                self.fail(f"{name} is not mode 0600")
            key = serialization.load_pem_private_key(open(path, "rb").read(), None)
            spki = key.public_key().public_bytes(serialization.Encoding.DER,
                                                 serialization.PublicFormat.SubjectPublicKeyInfo)
            if spki not in self.read(f"EF.DG{dg}.bin"):
                self.fail(f"DG{dg} does not hold the public key of {name}")
        if ("EF.CardAccess.bin" in files) != self.expected["pace"] or \
                self.chip["pace"] != self.expected["pace"]:
            self.fail("EF.CardAccess presence does not match expected pace")


def check_set(outdir):
    index = json.load(open(os.path.join(outdir, "cards.json"), encoding="utf-8"))
    problems = []
    with tempfile.NamedTemporaryFile(suffix=".pem") as ca_with_crl:
        for name in ("csca.pem", "csca.crl"):
            ca_with_crl.write(open(os.path.join(outdir, "trust", name), "rb").read())
        ca_with_crl.flush()
        for entry in index["cards"]:
            problems += CardChecker(outdir, entry["name"], ca_with_crl.name).run()
    for name in os.listdir(os.path.join(outdir, "pki")):
        if name.endswith("-key.pem") and \
                stat.S_IMODE(os.stat(os.path.join(outdir, "pki", name)).st_mode) != 0o600:
            problems.append(f"pki/{name} is not mode 0600")
    if len(index["cards"]) != 13:
        problems.append(f"{len(index['cards'])} cards, expected 13")
    return problems
