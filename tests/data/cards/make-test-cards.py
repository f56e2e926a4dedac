#!/usr/bin/python3
"""Writes the synthetic CCCD test-card set (tests/data/README.md lists the cards).

usage: /usr/bin/python3 make-test-cards.py OUTDIR           generate the set into OUTDIR
       /usr/bin/python3 make-test-cards.py --check OUTDIR   verify a generated set with openssl

Everything is synthetic: the persons do not exist and the keys, made fresh on each run, are
worthless outside tests. Only Debian packages are needed: python3-cryptography, python3-pil
(with OpenJPEG), qrencode and fonts-dejavu-core for the card images (testcards/card_image.py),
and the openssl command for --check. The cards and their defects are data in
testcards/people.py; the byte layouts follow shared/domain/cccd.md.
"""
import argparse
import json
import os
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__

try:  # the package modules import cryptography and PIL
    from PIL import features
    from testcards import build, card_image, check, pki
    from testcards.people import CITIZENS, PEOPLE, VARIANT_BASE, VARIANTS
except ImportError as missing:
    sys.exit(f"make-test-cards: Python module {missing.name} is missing; install "
             "python3-cryptography and python3-pil and run with /usr/bin/python3")
if not features.check("jpg_2000"):
    sys.exit("make-test-cards: this PIL has no JPEG 2000 support (Debian's python3-pil has)")

KEY_MODE = 0o600


def write(path, data, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    with os.fdopen(os.open(path, flags, mode), "wb") as f:
        f.write(data)
    os.chmod(path, mode)


def write_json(path, value):
    write(path, (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def make_pki(outdir):
    """Returns the Document Signers by name; writes trust/ and pki/."""
    csca_key, csca = pki.make_csca("TEST CSCA Vietnam")
    untrusted_key, untrusted = pki.make_csca("TEST untrusted CSCA")
    signers = {
        "ds": pki.make_ds(csca_key, csca, "TEST Document Signer CCCD"),
        "ds-expired": pki.make_ds(csca_key, csca, "TEST Document Signer CCCD expired",
                                  not_before=pki.NOW - 800 * pki.DAY,
                                  not_after=pki.NOW - 30 * pki.DAY),
        "ds-revoked": pki.make_ds(csca_key, csca, "TEST Document Signer CCCD revoked"),
        "ds-untrusted": pki.make_ds(untrusted_key, untrusted, "TEST Document Signer untrusted"),
    }
    crl = pki.make_crl(csca_key, csca, [signers["ds-revoked"][1].serial_number])
    write(os.path.join(outdir, "trust", "csca.pem"), pki.cert_pem(csca))
    write(os.path.join(outdir, "trust", "csca.crl"), pki.crl_pem(crl))
    write(os.path.join(outdir, "pki", "csca-key.pem"), pki.key_pem(csca_key), KEY_MODE)
    write(os.path.join(outdir, "pki", "untrusted-csca.pem"), pki.cert_pem(untrusted))
    write(os.path.join(outdir, "pki", "untrusted-csca-key.pem"), pki.key_pem(untrusted_key), KEY_MODE)
    for name, (key, cert) in signers.items():
        write(os.path.join(outdir, "pki", f"{name}.pem"), pki.cert_pem(cert))
        write(os.path.join(outdir, "pki", f"{name}-key.pem"), pki.key_pem(key), KEY_MODE)
    return signers


def write_card(outdir, card, kind, based_on):
    folder = os.path.join(outdir, card.spec["name"])
    files = card.files()
    for name, data in files.items():
        write(os.path.join(folder, name), data)
    if card.chip_auth_key:
        write(os.path.join(folder, "chip-auth-key.pem"), pki.key_pem(card.chip_auth_key), KEY_MODE)
    write(os.path.join(folder, "active-auth-key.pem"), pki.key_pem(card.active_auth_key), KEY_MODE)
    write_json(os.path.join(folder, "chip.json"), card.chip_json())
    write_json(os.path.join(folder, "card.json"), card.card_json(kind, based_on, files))
    entry = {"name": card.spec["name"], "description": card.spec["description"], "kind": kind}
    if based_on:
        entry["basedOn"] = based_on
    return entry


def generate(outdir):
    if os.path.exists(os.path.join(outdir, "cards.json")):
        sys.exit(f"make-test-cards: {outdir} already holds a card set; use an empty directory")
    try:
        card_image.require_tools()
    except card_image.MissingTool as missing:
        sys.exit(f"make-test-cards: {missing}")
    signers = make_pki(outdir)
    index, citizens = [], {}
    for spec in CITIZENS:
        card = build.Card(spec, PEOPLE[spec["person"]])
        card.build_citizen()
        card.sign(signers["ds"])
        citizens[spec["name"]] = card
        index.append(write_card(outdir, card, "citizen", None))
        card_image.write_card_images(os.path.join(outdir, spec["name"]), card.person,
                                     build.qr_payload(card.person), card.mrz)
    for spec in VARIANTS:
        card = citizens[VARIANT_BASE].variant(spec)
        build.apply_change(card, spec.get("change"), signers[spec.get("signer", "ds")])
        index.append(write_card(outdir, card, spec["kind"], VARIANT_BASE))
    write_json(os.path.join(outdir, "cards.json"), {"cards": index})  # written last: the set is whole
    print(f"make-test-cards: {len(index)} cards in {outdir}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="verify an existing set with openssl instead of generating one")
    parser.add_argument("outdir")
    args = parser.parse_args()
    if args.check:
        problems = check.check_set(args.outdir)
        for problem in problems:
            print("FAIL:", problem)
        print(f"make-test-cards --check: {len(problems)} problem(s)")
        sys.exit(1 if problems else 0)
    generate(args.outdir)


if __name__ == "__main__":
    main()
