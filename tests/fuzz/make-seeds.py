#!/usr/bin/env python3
"""Writes the checked-in seed corpora of tests/fuzz/corpus (run by hand when a parser's input
format changes; scripts/fuzz only reads them).

  /usr/bin/python3 tests/fuzz/make-seeds.py CARDS_DIR [CORPUS_DIR]

CARDS_DIR is a set written by tests/data/cards/make-test-cards.py: its small LDS files are cut
from there. Everything else is made here: tiny JPEG / JPEG 2000 / PNG faces (python3-pil), a DG2
around them, MRZ and QR texts, secure-messaging responses. All data is synthetic."""
import io
import json
import pathlib
import sys

from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "data" / "cards"))
from testcards import der, lds  # noqa: E402


def tiny_face(mode="RGB", size=(8, 10)):
    img = Image.new(mode, size)
    for y in range(size[1]):
        for x in range(size[0]):
            v = (x * 29 + y * 13) & 0xFF
            img.putpixel((x, y), v if mode == "L" else (v, 255 - v, (v * 3) & 0xFF))
    return img


def encoded(img, fmt, **options):
    buf = io.BytesIO()
    img.save(buf, fmt, **options)
    return buf.getvalue()


def main():
    cards = pathlib.Path(sys.argv[1])
    corpus = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests" / "fuzz" / "corpus"
    seeds = {}

    def seed(target, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        seeds.setdefault(target, {})[name] = data

    def card_file(card, name):
        path = cards / card / name
        return path.read_bytes() if path.exists() else None

    for card in ("an-2021", "khanh-2024", "malformed-dg13", "bad-mrz-check"):
        info = json.loads((cards / card / "card.json").read_text())
        for name, target in (("EF.DG1.bin", "fuzz_dg1"), ("EF.DG13.bin", "fuzz_dg13"),
                             ("EF.DG14.bin", "fuzz_dg14"), ("EF.DG15.bin", "fuzz_dg15"),
                             ("EF.CardAccess.bin", "fuzz_card_access"),
                             ("EF.COM.bin", "fuzz_tlv"), ("EF.SOD.bin", "fuzz_sod")):
            data = card_file(card, name)
            if data is not None:
                seed(target, f"{card}-{name}", data)
        if card in ("an-2021", "khanh-2024"):
            seed("fuzz_tlv", f"{card}-EF.DG1.bin", card_file(card, "EF.DG1.bin"))
            seed("fuzz_tlv", f"{card}-EF.DG13.bin", card_file(card, "EF.DG13.bin"))
        seed("fuzz_mrz", f"{card}.txt", "".join(info["mrz"]))
        seed("fuzz_mrz", f"{card}-lines.txt", "\n".join(info["mrz"]) + "\n")
        for key in ("qr2021", "qr2024"):
            if info.get(key):
                seed("fuzz_qr_payload", f"{card}-{key}.txt", info[key])

    # The signed content alone (an LDSSecurityObject) for the parser that reads it.
    seed("fuzz_sod", "lds-security-object.der",
         lds.lds_security_object({1: b"\x61\x00", 2: b"\x75\x00", 13: b"\x6d\x00"}))

    jpeg = encoded(tiny_face(), "JPEG", quality=50)
    jp2 = encoded(tiny_face(), "JPEG2000", no_jp2=False, irreversible=False)
    j2k_gray = encoded(tiny_face("L"), "JPEG2000", no_jp2=True)
    j2k_lossy = encoded(tiny_face(size=(16, 16)), "JPEG2000", no_jp2=True, irreversible=True,
                        quality_mode="rates", quality_layers=[20])
    png = encoded(tiny_face(), "PNG")
    for name, data in (("face.jpg", jpeg), ("face.jp2", jp2), ("face-gray.j2k", j2k_gray),
                       ("face-lossy.j2k", j2k_lossy), ("face.png", png)):
        seed("fuzz_face_image", name, data)
    seed("fuzz_dg2", "dg2-jpeg.bin", lds.dg2(jpeg, 0, 8, 10, "Nam"))
    seed("fuzz_dg2", "dg2-jp2.bin", lds.dg2(jp2, 1, 8, 10, "Nữ"))
    seed("fuzz_tlv", "dg2-jpeg.bin", lds.dg2(jpeg, 0, 8, 10, "Nam"))
    seed("fuzz_tlv", "long-form-length.bin", der.tlv(0x04, bytes(200)))
    seed("fuzz_tlv", "three-byte-tag.bin", der.tlv(0x7F61, der.tlv(0x5F1F, b"ABC")))

    # Mode byte (bit 0: harness appends a valid MAC, bit 1: AES-128) then the response.
    seed("fuzz_secure_messaging_response", "plain-6982.bin", b"\x00\x69\x82")
    seed("fuzz_secure_messaging_response", "des-bad-mac.bin",
         b"\x00\x99\x02\x90\x00\x8e\x08" + bytes(8) + b"\x90\x00")
    seed("fuzz_secure_messaging_response", "des-status.bin", b"\x01\x99\x02\x90\x00")
    seed("fuzz_secure_messaging_response", "des-data.bin",
         b"\x01\x87\x09\x01" + bytes(8) + b"\x99\x02\x90\x00")
    seed("fuzz_secure_messaging_response", "aes-data.bin",
         b"\x03\x87\x11\x01" + bytes(16) + b"\x99\x02\x90\x00")
    seed("fuzz_secure_messaging_response", "aes-odd-ins.bin",
         b"\x03\x85\x10" + bytes(16) + b"\x99\x02\x62\x82")

    for target, files in sorted(seeds.items()):
        folder = corpus / target
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        print(f"{target}: {len(files)} seeds")


if __name__ == "__main__":
    main()
