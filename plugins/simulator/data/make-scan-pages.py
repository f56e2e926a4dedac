#!/usr/bin/env python3
"""Writes the simulator's default scan pages: small synthetic grayscale PNGs (no real documents).

Each page is 120 x 170 px (an A4 shape at 14.5 dpi): a white sheet with a border, a dark header
bar, grey "text lines" and N black blocks in the corner for page N. Standard library only.
Run from this folder: ./make-scan-pages.py  (writes scan/page-1.png … scan/page-3.png)
"""
import os
import struct
import zlib

WIDTH, HEIGHT, PAGES = 120, 170, 3


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def page_pixels(number):
    rows = []
    for y in range(HEIGHT):
        row = bytearray()
        for x in range(WIDTH):
            value = 255
            if x < 2 or y < 2 or x >= WIDTH - 2 or y >= HEIGHT - 2:
                value = 0
            elif 10 <= y < 22 and 10 <= x < WIDTH - 10:
                value = 40
            elif y >= 34 and (y - 34) % 10 < 3 and 10 <= x < WIDTH - 10 - (y * 7 % 30):
                value = 120
            for n in range(number):
                if HEIGHT - 20 <= y < HEIGHT - 10 and WIDTH - 20 - n * 14 <= x < WIDTH - 10 - n * 14:
                    value = 0
            row.append(value)
        rows.append(b"\x00" + bytes(row))  # filter type 0 per scanline
    return b"".join(rows)


def write_png(path, number):
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 0, 0, 0, 0)  # 8-bit grayscale
    data = zlib.compress(page_pixels(number), 9)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data)
                  + chunk(b"IEND", b""))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "scan"), exist_ok=True)
    for n in range(1, PAGES + 1):
        write_png(os.path.join(here, "scan", "page-%d.png" % n), n)
