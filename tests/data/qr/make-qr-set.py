#!/usr/bin/python3
"""Generates the degraded QR test set into OUTDIR (tests/data/qr/README in the CMakeLists).

make-qr-set.py OUTDIR

Synthetic payloads only (fictional citizens in the style of tests/data/cards), encoded with the
`qrencode` CLI (-l M, 8-bit), drawn on a card-sized background at realistic print sizes (a card QR
is 15-20 mm: ~200 px at 300 dpi, ~400 px at 600 dpi), then degraded one way per image.
manifest.json lists every image with the text a reader must return (null: must find nothing).
Deterministic: fixed seeds, no clock. Needs python3-pil and qrencode; nothing from pip.
"""

import io
import json
import math
import os
import random
import subprocess
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

# Fictional citizens. 2021 card: ID|old ID|name|birth|sex|residence|issue date (7 fields).
# 2024 card: at least 10 fields, the first 7 as on the 2021 card; the rest are not public, so they
# are filled with plausible values (a parser must not depend on them).
PAYLOADS = [
    ("cccd2021", "001089012345|123456789|Nguyễn Văn An|15031989|Nam|"
                 "Số 12 Ngõ 34 Phố Láng Hạ, Phường Láng Hạ, Quận Đống Đa, Hà Nội|01072021"),
    ("cccd2021", "079195004567||Trần Thị Bích Ngọc|02111995|Nữ|"
                 "88 Nguyễn Trãi, Phường 3, Quận 5, TP Hồ Chí Minh|20042022"),
    ("cccd2024", "046192008899|191234567|Tôn Nữ Hoàng Khánh Quỳnh Hương|30081992|Nữ|"
                 "Số 5 Kiệt 12 Đường Lê Lợi, Phường Phú Hội, Thành phố Huế, Thừa Thiên Huế|"
                 "15072024|30082032|Tôn Thất Khánh|Nguyễn Thị Ngọc Hân|"),
    ("cccd2024", "031214001122||Phạm Đức Minh|09092014|Nam|"
                 "Tổ 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|01082024|09092039|"
                 "Phạm Văn Đức|Lê Thị Mai"),
    ("url", "https://dichvucong.example.gov.vn/ho-so/tra-cuu?ma=HS-2026-000123"),
    ("text", "Phiếu hẹn trả kết quả: Hồ sơ số 2026/000123 — ngày hẹn 30/11/2026"),
    # A VietQR-like EMVCo merchant string (fictional account, CRC not checked by readers).
    ("vietqr", "00020101021138540010A00000072701240006970436011000123456780208QRIBFTTA"
               "53037045405500005802VN62150811HS2026000123630482B7"),
]

CARD_MM = (85.6, 54.0)
QR_MM = 17.0
A4_300DPI = (2480, 3508)


def qr_modules(text, encoding="utf-8"):
    """The symbol as a 1-px-per-module gray image with a 4-module quiet zone."""
    png = subprocess.run(["qrencode", "-l", "M", "-8", "-t", "PNG", "-s", "1", "-m", "4", "-o", "-"],
                         input=text.encode(encoding), capture_output=True, check=True).stdout
    symbol = Image.open(io.BytesIO(png)).convert("RGBA")
    # qrencode marks the background colour transparent: flatten it onto white paper.
    paper = Image.new("RGBA", symbol.size, (255, 255, 255, 255))
    return Image.alpha_composite(paper, symbol).convert("L")


def mm_to_px(mm, dpi):
    return int(round(mm / 25.4 * dpi))


def card_scan(text, dpi, rng, encoding="utf-8", boxes=None):
    """A card-sized colour scan: pale background, a few text-like bars, the QR at top right.
    The QR's box (left, top, right, bottom, quiet zone included) is appended to `boxes`."""
    width, height = mm_to_px(CARD_MM[0], dpi), mm_to_px(CARD_MM[1], dpi)
    card = Image.new("RGB", (width, height), (226, 236, 228))
    draw = ImageDraw.Draw(card)
    for i in range(6):
        y = int(height * (0.35 + i * 0.1))
        bar = int(width * rng.uniform(0.25, 0.5))
        draw.rectangle([int(width * 0.05), y, int(width * 0.05) + bar, y + max(2, dpi // 60)],
                       fill=(60, 60, 70))
    qr = qr_modules(text, encoding)
    side = mm_to_px(QR_MM, dpi)
    qr = qr.resize((side, side), Image.NEAREST).convert("RGB")
    left, top = width - side - mm_to_px(4, dpi), mm_to_px(4, dpi)
    card.paste(qr, (left, top))
    if boxes is not None:
        boxes.append([left, top, left + side, top + side])
    return card


def perspective_coefficients(source, target):
    """PIL's 8 PERSPECTIVE coefficients mapping target corners back to source corners."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(target, source):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    n = 8  # Gaussian elimination with partial pivoting: no numpy here
    m = [row + [b] for row, b in zip(rows, rhs)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [a - f * b for a, b in zip(m[r], m[col])]
    return [m[i][n] / m[i][i] for i in range(n)]


def skew(img):
    w, h = img.size
    target = [(0, 0), (w, 0), (w, h), (0, h)]
    source = [(w * 0.08, h * 0.04), (w * 0.97, 0), (w, h), (0, h * 0.93)]
    return img.transform((w, h), Image.PERSPECTIVE, perspective_coefficients(source, target),
                         Image.BICUBIC, fillcolor=(255, 255, 255))


def gaussian_noise(img, rng, sigma=28):
    tile = Image.new("L", (256, 256))
    tile.putdata([max(0, min(255, int(128 + rng.gauss(0, sigma)))) for _ in range(256 * 256)])
    noise = Image.new("L", img.size)
    for x in range(0, img.size[0], 256):
        for y in range(0, img.size[1], 256):
            noise.paste(tile, (x, y))
    gray = img.convert("L")
    return ImageChops.add(gray, noise, 1.0, -128)


def salt_and_pepper(img, rng, share=0.04):
    gray = img.convert("L")
    pixels = gray.load()
    w, h = gray.size
    for _ in range(int(w * h * share)):
        pixels[rng.randrange(w), rng.randrange(h)] = 0 if rng.random() < 0.5 else 255
    return gray


def low_contrast(img):
    # Grey print on grey paper: the whole range squeezed into 105..150.
    return img.convert("L").point(lambda v: 105 + v * 45 // 255)


def rotate(img, degrees):
    return img.rotate(degrees, resample=Image.BICUBIC, expand=True, fillcolor=(255, 255, 255))


def in_a4_page(card, rng):
    """The card (already at 300 dpi) on a white A4 page at 300 dpi, slightly tilted, off centre."""
    page = Image.new("RGB", A4_300DPI, (250, 250, 247))
    draw = ImageDraw.Draw(page)
    for i in range(30):  # a few lines of "text" above the card
        y = 250 + i * 40
        draw.rectangle([200, y, 200 + rng.randrange(900, 2000), y + 14], fill=(40, 40, 40))
    tilted = rotate(card, rng.uniform(-4, 4))
    page.paste(tilted, (rng.randrange(200, 1200), rng.randrange(1600, 2600)))
    return page


def save(img, directory, name, fmt, quality=None):
    path = os.path.join(directory, name)
    if fmt == "png":
        img.save(path, "PNG", compress_level=1)
    elif fmt == "jpeg":
        img.convert("RGB" if img.mode == "RGB" else "L").save(path, "JPEG", quality=quality or 85)
    else:  # binary PNM: P5 for gray, P6 for colour, as the SANE plugin delivers pages
        img.save(path, "PPM")
    return name


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-qr-set.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261123)
    entries = []

    def add(img, stem, kind, text, degradation, dpi, fmt="png", quality=None, **extra):
        ext = {"png": "png", "jpeg": "jpg", "pnm": "pnm"}[fmt]
        name = save(img, out, f"{stem}.{ext}", fmt, quality)
        entries.append({"file": name, "expected": text, "kind": kind, "degradation": degradation,
                        "dpi": dpi, "width": img.size[0], "height": img.size[1], **extra})

    for index, (kind, text) in enumerate(PAYLOADS):
        dpi = 300 if index % 2 == 0 else 600
        boxes = []
        card = card_scan(text, dpi, rng, boxes=boxes)
        stem = f"{index:02d}-{kind}"
        # The clean scan arrives as the scanner delivers it (PNM) for the first two payloads; its
        # QR box lets the tests check the reported position.
        add(card, f"{stem}-clean", kind, text, "clean", dpi, "pnm" if index < 2 else "png",
            qrBox=boxes[0])
        for degrees in (7, 33, 90, 180):
            add(rotate(card, degrees), f"{stem}-rot{degrees}", kind, text, f"rotated {degrees}°", dpi)
        add(card.filter(ImageFilter.GaussianBlur(1)), f"{stem}-blur1", kind, text,
            "gaussian blur r=1", dpi)
        add(card.filter(ImageFilter.GaussianBlur(2)), f"{stem}-blur2", kind, text,
            "gaussian blur r=2", dpi)
        add(card, f"{stem}-jpeg30", kind, text, "JPEG quality 30", dpi, "jpeg", 30)
        add(low_contrast(card), f"{stem}-lowcontrast", kind, text, "low contrast (105..150)", dpi)
        add(salt_and_pepper(card, rng), f"{stem}-saltpepper", kind, text,
            "salt-and-pepper noise 4%", dpi)
        add(gaussian_noise(card, rng), f"{stem}-noise", kind, text, "gaussian noise sigma 28", dpi)
        add(skew(card), f"{stem}-skew", kind, text, "perspective skew", dpi)
        add(ImageOps.invert(card.convert("L")), f"{stem}-inverted", kind, text,
            "inverted (light on dark)", dpi)

    # Small card on a 300 dpi A4 page: the cards of the four CCCD payloads.
    for index in range(4):
        kind, text = PAYLOADS[index]
        page = in_a4_page(card_scan(text, 300, rng), rng)
        add(page, f"a4-{index:02d}-{kind}", kind, text, "card on a 300 dpi A4 page", 300, "jpeg", 85)

    # A foreign QR in ISO-8859-1 (no ECI): must come out as the same characters, not cut short.
    latin1 = "Café naïve — São Paulo".replace("—", "-")
    add(card_scan(latin1, 300, rng, encoding="latin-1"), "foreign-latin1", "text", latin1,
        "ISO-8859-1 bytes, no ECI", 300)
    # Two different codes on one page: both must be found.
    first = card_scan(PAYLOADS[0][1], 300, rng)
    second = card_scan(PAYLOADS[4][1], 300, rng)
    pair = Image.new("RGB", (first.size[0], first.size[1] * 2 + 40), (255, 255, 255))
    pair.paste(first, (0, 0))
    pair.paste(second, (0, first.size[1] + 40))
    add(pair, "two-codes", "cccd2021", PAYLOADS[0][1], "two cards, two QR codes", 300,
        expectedAll=[PAYLOADS[0][1], PAYLOADS[4][1]])

    # Deliberately unreadable: a reader must find nothing (and not crash).
    kind, text = PAYLOADS[0]
    card = card_scan(text, 300, rng)
    add(card.filter(ImageFilter.GaussianBlur(6)), "unreadable-blur6", kind, None,
        "gaussian blur r=6", 300)
    w, h = card.size
    add(card.crop((0, 0, w - mm_to_px(4 + QR_MM / 2, 300), h)), "unreadable-cropped", kind, None,
        "QR cut in half", 300)
    add(Image.new("L", A4_300DPI, 250), "unreadable-blank-a4", "none", None, "blank A4 page", 300,
        "jpeg", 85)
    add(card.resize((w // 6, h // 6), Image.BILINEAR), "unreadable-tiny", kind, None,
        "modules smaller than a pixel", 50)
    noise = Image.new("L", (600, 400))
    noise.putdata([rng.randrange(256) for _ in range(600 * 400)])
    add(noise, "unreadable-noise", "none", None, "uniform noise, no symbol", 300)

    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": "tests/data/qr/make-qr-set.py", "images": entries}, f,
                  ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
