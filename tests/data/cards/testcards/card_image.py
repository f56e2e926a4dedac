"""The printed side of a synthetic card that carries the QR code, and flatbed scans of it.

2021 CCCD: the front, QR top right (cccd.md §10.1). 2024 căn cước: the back, QR top left, the MRZ
below (§10.2). The layout follows the real cards loosely; every card is marked "MẪU THỬ —
SYNTHETIC TEST CARD" and shows a grey box instead of a photo. The QR is drawn by the `qrencode`
command (Debian's qrencode), so our decoder is tested against an independent encoder.

Files per card folder:
  card-qr-side-600dpi.png  the card alone, ISO/IEC 7810 ID-1 (85.6 × 54 mm) at 600 dpi
  glass-300dpi.png         an A4 flatbed scan (2480 × 3508) with the card near the top-left
                           corner, turned by about 2° as staff lay it down
  glass-150dpi.png         the same scan at 150 dpi (1240 × 1754)
"""
import math
import os
import random
import shutil
import subprocess

from PIL import Image, ImageDraw, ImageFilter, ImageFont

CARD_MM = (85.6, 54.0)
A4_MM = (210.0, 297.0)
CARD_DPI = 600
GLASS_DPIS = (300, 150)
QR_MM = 20.0  # the symbol's printed width without its quiet zone, about as on both generations
FONT_DIR = "/usr/share/fonts/truetype/dejavu"
MARK = "MẪU THỬ — SYNTHETIC TEST CARD"


class MissingTool(RuntimeError):
    pass


def require_tools():
    """Fails early, with the fix, when the QR encoder or the fonts are missing."""
    if shutil.which("qrencode") is None:
        raise MissingTool("the qrencode command is missing (Debian package qrencode; "
                          "scripts/setup installs it)")
    if not os.path.exists(os.path.join(FONT_DIR, "DejaVuSans.ttf")):
        raise MissingTool(f"the DejaVu fonts are missing in {FONT_DIR} (Debian package "
                          "fonts-dejavu-core; scripts/setup installs it)")


def px(mm, dpi=CARD_DPI):
    return int(round(mm * dpi / 25.4))


def font(size_mm, bold=False, mono=False):
    name = "DejaVuSansMono.ttf" if mono else ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    return ImageFont.truetype(os.path.join(FONT_DIR, name), px(size_mm))


def qr_image(payload, size_mm):
    """The payload's QR symbol from qrencode (level M, 8-bit UTF-8), about size_mm wide at whole
    pixels per module, inside a white quiet zone of 2 modules (cards print less than the 4 of
    ISO/IEC 18004; decoders cope)."""
    text = subprocess.run(["qrencode", "-l", "M", "-m", "0", "-t", "ASCII", "-o", "-", payload],
                          check=True, capture_output=True, text=True).stdout
    rows = [row[::2] for row in text.splitlines() if row]  # "##" is one dark module
    modules = len(rows)
    symbol = Image.new("L", (modules, modules), 255)
    symbol.putdata([0 if c == "#" else 255 for row in rows for c in row.ljust(modules)])
    scale = max(1, round(px(size_mm) / modules))
    symbol = symbol.resize((modules * scale, modules * scale), Image.NEAREST)
    framed = Image.new("L", ((modules + 4) * scale,) * 2, 255)
    framed.paste(symbol, (2 * scale, 2 * scale))
    return framed.convert("RGB")


def background(seed):
    """A pale card base with guilloche-like waves (cheap to draw, no likeness of the real print)."""
    w, h = px(CARD_MM[0]), px(CARD_MM[1])
    card = Image.new("RGB", (w, h), (226, 240, 236))
    d = ImageDraw.Draw(card)
    rng = random.Random(seed)
    for i in range(18):
        phase, amp = rng.uniform(0, 6.28), rng.uniform(20, 60)
        y0 = h * i / 18
        points = [(x, y0 + amp * math.sin(x / 140 + phase)) for x in range(0, w + 20, 20)]
        d.line(points, fill=(206, 226, 222), width=3)
    return card


def wrapped(d, xy, text, fnt, width_px, fill, line_mm=3.0):
    """Draws `text` wrapped at word boundaries; returns the y below it."""
    x, y = xy
    line = ""
    for word in text.split():
        trial = (line + " " + word).strip()
        if d.textlength(trial, font=fnt) > width_px and line:
            d.text((x, y), line, font=fnt, fill=fill)
            y += px(line_mm)
            line = word
        else:
            line = trial
    if line:
        d.text((x, y), line, font=fnt, fill=fill)
        y += px(line_mm)
    return y


def labelled(d, x, y, label, value, width_px, value_font=None):
    """A bilingual label in small grey type and its value below it."""
    d.text((x, y), label, font=font(1.4), fill=(70, 80, 90))
    return wrapped(d, (x, y + px(1.8)), value, value_font or font(1.9, bold=True), width_px,
                   (20, 20, 30), line_mm=2.4) + px(0.4)


def emblem(d, x, y, size):
    """A red disc with a yellow star: a stand-in for the national emblem."""
    d.ellipse([x, y, x + size, y + size], fill=(200, 30, 40), outline=(220, 170, 40), width=6)
    cx, cy, r = x + size / 2, y + size / 2, size * 0.32
    star = [(cx + (r if i % 2 == 0 else r * 0.4) * math.sin(i * math.pi / 5),
             cy - (r if i % 2 == 0 else r * 0.4) * math.cos(i * math.pi / 5)) for i in range(10)]
    d.polygon(star, fill=(250, 210, 40))


def synthetic_mark(d, y):
    fnt = font(2.6, bold=True)
    w = d.textlength(MARK, font=fnt)
    x = (px(CARD_MM[0]) - w) / 2
    d.rectangle([x - px(1), y - px(0.5), x + w + px(1), y + px(3.6)], outline=(200, 0, 0),
                width=px(0.3))
    d.text((x, y), MARK, font=fnt, fill=(200, 0, 0))


def front_2021(person, payload):
    card = background(person["id"])
    d = ImageDraw.Draw(card)
    w = card.size[0]
    emblem(d, px(3), px(3), px(11))
    qr = qr_image(payload, QR_MM)
    qr_left = w - qr.size[0] - px(2)
    card.paste(qr, (qr_left, px(2)))
    centre = (px(15) + qr_left) / 2  # the headings sit between the emblem and the QR
    for text, y, fnt in (("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 3.5, font(1.8, bold=True)),
                         ("Độc lập - Tự do - Hạnh phúc", 6.2, font(1.7)),
                         ("CĂN CƯỚC CÔNG DÂN", 9.4, font(2.8, bold=True))):
        tw = d.textlength(text, font=fnt)
        d.text((centre - tw / 2, px(y)), text, font=fnt,
               fill=(180, 20, 30) if y > 9 else (20, 20, 30))
    d.rectangle([px(3), px(17), px(22), px(43)], fill=(170, 170, 170))  # photo: none on a test card
    d.text((px(3), px(44.5)), "Có giá trị đến:", font=font(1.5), fill=(70, 80, 90))
    d.text((px(3), px(46.5)), person["expiry"] or "Không thời hạn", font=font(1.9, bold=True),
           fill=(20, 20, 30))
    x, width = px(24), w - px(24) - px(3)
    d.text((x, px(16.5)), "Số / No.: " + person["id"], font=font(2.3, bold=True),
           fill=(180, 20, 30))
    y = labelled(d, x, px(20.5), "Họ và tên / Full name:", person["name"].upper(),
                 qr_left - x - px(1))
    y = labelled(d, x, y, "Ngày sinh / Date of birth:", person["dob"], width)
    labelled(d, x + px(26), y, "Quốc tịch / Nationality:", person["nationality"], width)
    y = labelled(d, x, y, "Giới tính / Sex:", person["sex"], width)
    y = labelled(d, x, y, "Quê quán / Place of origin:", person["origin"], width, font(1.8))
    labelled(d, x, y, "Nơi thường trú / Place of residence:", person["residence"], width,
             font(1.8))
    synthetic_mark(d, px(49.5))
    return card


def back_2024(person, payload, mrz):
    card = background(person["id"] + "back")
    d = ImageDraw.Draw(card)
    w = card.size[0]
    qr = qr_image(payload, QR_MM)
    card.paste(qr, (px(2.5), px(2.5)))
    x, width = px(2.5) + qr.size[0] + px(2.5), w - qr.size[0] - px(8)
    d.text((x, px(2.3)), "CĂN CƯỚC", font=font(2.6, bold=True), fill=(180, 20, 30))
    y = labelled(d, x, px(6.0), "Nơi cư trú / Place of residence:", person["residence"], width,
                 font(1.8))
    y = labelled(d, x, y, "Nơi đăng ký khai sinh / Place of birth:", person["origin"], width,
                 font(1.8))
    y = labelled(d, x, y, "Ngày, tháng, năm cấp / Date of issue:", person["issue"], width)
    labelled(d, x, y, "Ngày, tháng, năm hết hạn / Date of expiry:",
             person["expiry"] or "Không thời hạn", width)
    d.text((px(4), px(3) + qr.size[1]), "BỘ CÔNG AN", font=font(2.0, bold=True), fill=(20, 20, 30))
    synthetic_mark(d, px(28.4))
    d.rectangle([0, px(33), w, card.size[1]], fill=(245, 247, 246))  # the MRZ's clear band
    for i, line in enumerate(mrz):
        d.text((px(4), px(35 + i * 5.6)), line, font=font(3.6, mono=True), fill=(15, 15, 15))
    return card


def rounded(card):
    """The card with ISO ID-1 rounded corners (3.18 mm) as a mask for pasting."""
    mask = Image.new("L", card.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, card.size[0] - 1, card.size[1] - 1],
                                           radius=px(3.18), fill=255)
    return mask


def glass_scan(card, mask, dpi, angle):
    """An A4 flatbed scan at `dpi`: the card 12 × 15 mm from the top-left corner, turned by
    `angle` degrees, its edge a faint shadow, softened a little as scanner optics do (only the
    card's patch is blurred: the rest of the page is white anyway)."""
    size = (px(CARD_MM[0], dpi), px(CARD_MM[1], dpi))
    small, small_mask = card.resize(size, Image.LANCZOS), mask.resize(size, Image.LANCZOS)
    turned = small.rotate(angle, Image.BICUBIC, expand=True)
    turned_mask = small_mask.rotate(angle, Image.BICUBIC, expand=True)
    margin = 4
    patch = Image.new("RGB", (turned.size[0] + 2 * margin, turned.size[1] + 2 * margin),
                      (255, 255, 255))
    patch.paste((150, 150, 150), (margin + 1, margin + 1), turned_mask)  # the card's edge
    patch.paste(turned, (margin, margin), turned_mask)
    page = Image.new("RGB", (px(A4_MM[0], dpi), px(A4_MM[1], dpi)), (255, 255, 255))
    page.paste(patch.filter(ImageFilter.GaussianBlur(0.5)),
               (px(12, dpi) - margin, px(15, dpi) - margin))
    return page


def write_card_images(folder, person, payload, mrz):
    """Writes the card side with the QR and its glass scans into `folder`."""
    if person["generation"] == "2021":
        card = front_2021(person, payload)
    else:
        card = back_2024(person, payload, mrz)
    mask = rounded(card)
    white = Image.new("RGB", card.size, (255, 255, 255))
    white.paste(card, (0, 0), mask)
    white.save(os.path.join(folder, "card-qr-side-600dpi.png"), dpi=(CARD_DPI, CARD_DPI),
               optimize=False, compress_level=6)
    angle = 2.0 if person["generation"] == "2021" else -1.8
    for dpi in GLASS_DPIS:
        glass_scan(card, mask, dpi, angle).save(os.path.join(folder, f"glass-{dpi}dpi.png"),
                                                 dpi=(dpi, dpi), compress_level=6)
