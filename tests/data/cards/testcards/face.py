"""Synthetic passport-style face images (drawn shapes plus noise; nobody's likeness)."""
import io
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 240, 320


def draw_face(seed, female):
    """A cartoon head and shoulders with skin and background texture, reproducible per seed."""
    rng = random.Random(seed)
    img = Image.new("RGB", (WIDTH, HEIGHT), (232, 236, 242))
    d = ImageDraw.Draw(img)
    skin = (232, 196, 165) if female else (222, 184, 148)
    hair = (rng.randint(15, 40), rng.randint(12, 30), rng.randint(10, 25))
    d.rectangle([50, 255, 190, 320], fill=(40 + rng.randint(0, 30), 60, 110))   # shoulders
    d.rectangle([100, 210, 140, 262], fill=skin)                                # neck
    if female:
        d.rectangle([52, 100, 188, 250], fill=hair)                             # long hair
    d.ellipse([62, 60, 178, 232], fill=skin)                                    # face
    d.pieslice([56, 38, 184, 170], 180, 360, fill=hair)                         # hair top
    for x in (88, 136):
        d.ellipse([x, 120, x + 16, 131], fill=(250, 250, 250))                  # eyes
        d.ellipse([x + 4, 121, x + 12, 130], fill=(45, 32, 22))
        d.line([x - 2, 111, x + 18, 109], fill=hair, width=3)                   # eyebrows
    d.line([120, 132, 116, 170], fill=(190, 150, 120), width=2)                 # nose
    d.arc([96, 168, 144, 204], 20, 160, fill=(160, 70, 70), width=3)            # mouth
    # Texture: camera noise everywhere so the JPEG has the size of a real photo.
    pixels = img.load()
    for y in range(HEIGHT):
        for x in range(WIDTH):
            r, g, b = pixels[x, y]
            n = rng.randint(-14, 14)
            pixels[x, y] = (max(0, min(255, r + n)), max(0, min(255, g + n)), max(0, min(255, b + n)))
    return img.filter(ImageFilter.SMOOTH)


def jpeg_in_range(img, low, high):
    """The JPEG whose size falls in [low, high] bytes, found by searching the quality."""
    best = None
    lo, hi = 5, 95
    while lo <= hi:
        quality = (lo + hi) // 2
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality, optimize=True)
        data = buf.getvalue()
        if low <= len(data) <= high:
            return data
        best = data
        if len(data) < low:
            lo = quality + 1
        else:
            hi = quality - 1
    raise RuntimeError(f"no JPEG quality gives {low}-{high} bytes (last {len(best)})")


def jpeg2000(img, target_bytes):
    """A JP2 file (not a bare codestream) of about target_bytes."""
    raw = WIDTH * HEIGHT * 3
    buf = io.BytesIO()
    img.save(buf, "JPEG2000", irreversible=True, quality_mode="rates",
             quality_layers=[raw / target_bytes], no_jp2=False)
    data = buf.getvalue()
    assert data.startswith(b"\x00\x00\x00\x0cjP  \r\n\x87\n"), "not a JP2 file"
    return data
