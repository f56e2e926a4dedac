#!/usr/bin/python3
"""Writes the simulator's default document pages: synthetic A4 forms scanned at 150 dpi.

Three 1240 x 1754 px 8-bit grayscale PNGs with a 150 dpi pHYs chunk: a declaration form with
boxes and tick boxes, an application letter, a table of residence data. All text is made up
(nobody's data) and every page says "MẪU THỬ — TÀI LIỆU GIẢ LẬP". Needs Debian's python3-pil
and fonts-dejavu-core. Run from anywhere: ./make-scan-pages.py  (writes scan/page-1.png …
scan/page-3.png beside this script; each stays under 150 kB, they are committed).
"""
import os
import random

from PIL import Image, ImageDraw, ImageFont

DPI = 150
WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dpi
FONT_DIR = "/usr/share/fonts/truetype/dejavu"
MARK = "MẪU THỬ — TÀI LIỆU GIẢ LẬP (SYNTHETIC TEST PAGE)"
INK = 25


def font(size, bold=False, serif=True):
    family = "DejaVuSerif" if serif else "DejaVuSans"
    return ImageFont.truetype(os.path.join(FONT_DIR, family + ("-Bold" if bold else "") + ".ttf"),
                              size)


def centred(d, y, text, fnt):
    d.text(((WIDTH - d.textlength(text, font=fnt)) / 2, y), text, font=fnt, fill=INK)


def header(d, title, subtitle):
    centred(d, 90, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font(26, bold=True))
    centred(d, 128, "Độc lập - Tự do - Hạnh phúc", font(24, bold=True))
    d.line([470, 170, 770, 170], fill=INK, width=2)
    centred(d, 215, title, font(32, bold=True))
    centred(d, 262, subtitle, font(22))


def mark(d):
    fnt = font(20, bold=True, serif=False)
    w = d.textlength(MARK, font=fnt)
    d.rectangle([(WIDTH - w) / 2 - 12, 30, (WIDTH + w) / 2 + 12, 62], outline=90, width=2)
    centred(d, 34, MARK, fnt)


def field_row(d, y, label, value, box_chars=0):
    """A label, then either a row of character boxes or a dotted line with a typed value."""
    d.text((120, y), label, font=font(22), fill=INK)
    x = 120 + d.textlength(label, font=font(22)) + 14
    if box_chars:
        for i in range(box_chars):
            d.rectangle([x + i * 34, y - 4, x + i * 34 + 30, y + 30], outline=INK, width=2)
            if i < len(value):
                d.text((x + i * 34 + 8, y - 1), value[i], font=font(22), fill=INK)
        return
    for dot in range(int(x), WIDTH - 120, 8):
        d.point([(dot, y + 26)], fill=110)
    d.text((x + 6, y - 2), value, font=font(22, serif=False), fill=60)


def tick_row(d, y, label, options, ticked):
    d.text((120, y), label, font=font(22), fill=INK)
    x = 120 + d.textlength(label, font=font(22)) + 24
    for i, option in enumerate(options):
        d.rectangle([x, y + 2, x + 24, y + 26], outline=INK, width=2)
        if i == ticked:
            d.line([x + 4, y + 14, x + 10, y + 22, x + 22, y + 4], fill=INK, width=3)
        d.text((x + 34, y), option, font=font(22), fill=INK)
        x += 34 + d.textlength(option, font=font(22)) + 40


def paragraph(d, y, text, fnt, indent=120, right=120, leading=34):
    line = ""
    for word in text.split():
        trial = (line + " " + word).strip()
        if d.textlength(trial, font=fnt) > WIDTH - indent - right and line:
            d.text((indent, y), line, font=fnt, fill=INK)
            y += leading
            line = word
        else:
            line = trial
    d.text((indent, y), line, font=fnt, fill=INK)
    return y + leading


def signature(d, y, who):
    centred_x = 860
    for i, (text, fnt) in enumerate((("Ngày 14 tháng 3 năm 2026", font(22)),
                                     ("NGƯỜI KHAI", font(22, bold=True)),
                                     ("(Ký, ghi rõ họ tên)", font(20)))):
        d.text((centred_x - d.textlength(text, font=fnt) / 2, y + i * 34), text, font=fnt, fill=INK)
    rng = random.Random(who)
    points = [(760 + i * 12, y + 150 + rng.randint(-14, 14)) for i in range(18)]
    d.line(points, fill=40, width=3)
    d.text((centred_x - d.textlength(who, font=font(22)) / 2, y + 200), who, font=font(22),
           fill=INK)


def page_declaration(d):
    header(d, "TỜ KHAI CĂN CƯỚC", "(Mẫu giả lập dùng để thử máy quét — không có giá trị)")
    y = 340
    field_row(d, y, "1. Họ, chữ đệm và tên khai sinh:", "NGUYỄN THỊ MẪU")
    field_row(d, y + 60, "2. Ngày, tháng, năm sinh:", "01011990", box_chars=8)
    tick_row(d, y + 120, "3. Giới tính:", ["Nam", "Nữ"], 1)
    field_row(d, y + 180, "4. Số định danh cá nhân:", "000190000000", box_chars=12)
    field_row(d, y + 240, "5. Nơi đăng ký khai sinh:", "Phường Thử Nghiệm, Thành phố Mẫu")
    field_row(d, y + 300, "6. Quê quán:", "Xã Giả Lập, Huyện Ví Dụ, Tỉnh Mẫu")
    field_row(d, y + 360, "7. Nơi thường trú:", "Số 1 đường Thử, Phường Mẫu")
    field_row(d, y + 420, "8. Nơi ở hiện tại:", "Như trên")
    tick_row(d, y + 480, "9. Đề nghị:", ["Cấp mới", "Cấp đổi", "Cấp lại"], 1)
    d.rectangle([120, y + 560, WIDTH - 120, y + 820], outline=INK, width=2)
    d.text((140, y + 575), "Phần dành cho cán bộ tiếp nhận", font=font(22, bold=True), fill=INK)
    for row in range(4):
        d.line([140, y + 640 + row * 45, WIDTH - 140, y + 640 + row * 45], fill=150, width=1)
    signature(d, y + 880, "Nguyễn Thị Mẫu")


def page_letter(d):
    header(d, "ĐƠN ĐỀ NGHỊ", "Về việc xác nhận thông tin cư trú (mẫu giả lập)")
    d.text((120, 340), "Kính gửi: Công an phường Thử Nghiệm", font=font(24, bold=True), fill=INK)
    y = 410
    for text in (
        "Tôi tên là Nguyễn Thị Mẫu, sinh ngày 01/01/1990, số định danh cá nhân 000190000000, "
        "hiện cư trú tại số 1 đường Thử, phường Mẫu. Nội dung trang này hoàn toàn giả lập, dùng "
        "để thử chức năng quét tài liệu của phần mềm một cửa.",
        "Tôi đề nghị quý cơ quan xác nhận thông tin về cư trú của tôi để bổ sung hồ sơ thủ tục "
        "hành chính. Tôi xin cam đoan những thông tin đã khai là đúng sự thật và chịu trách nhiệm "
        "trước pháp luật về nội dung đã khai.",
        "Kèm theo đơn này gồm: bản chụp thẻ căn cước; giấy tờ chứng minh chỗ ở hợp pháp; tờ khai "
        "thay đổi thông tin cư trú. Số lượng: 01 bộ.",
    ):
        y = paragraph(d, y, "        " + text, font(24), leading=40) + 20
    signature(d, y + 60, "Nguyễn Thị Mẫu")


def page_table(d):
    header(d, "GIẤY XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ", "Số: 000/XN-GL (mẫu giả lập)")
    columns = [120, 190, 560, 760, 900, WIDTH - 120]
    titles = ["TT", "Họ và tên", "Ngày sinh", "Giới tính", "Quan hệ"]
    rows = [("1", "Nguyễn Văn Chủ", "05/05/1960", "Nam", "Chủ hộ"),
            ("2", "Trần Thị Vợ", "06/06/1962", "Nữ", "Vợ"),
            ("3", "Nguyễn Thị Mẫu", "01/01/1990", "Nữ", "Con"),
            ("4", "Nguyễn Văn Thử", "02/02/1993", "Nam", "Con"),
            ("5", "Nguyễn Minh Cháu", "03/03/2018", "Nam", "Cháu")]
    top, row_h = 360, 58
    for r in range(len(rows) + 2):
        d.line([columns[0], top + r * row_h, columns[-1], top + r * row_h], fill=INK, width=2)
    for x in columns:
        d.line([x, top, x, top + (len(rows) + 1) * row_h], fill=INK, width=2)
    for i, title in enumerate(titles):
        d.text((columns[i] + 10, top + 15), title, font=font(20, bold=True), fill=INK)
    for r, row in enumerate(rows, start=1):
        for i, cell in enumerate(row):
            d.text((columns[i] + 10, top + r * row_h + 15), cell, font=font(21), fill=INK)
    y = top + (len(rows) + 1) * row_h + 50
    y = paragraph(d, y, "Địa chỉ nơi thường trú: số 1 đường Thử, phường Mẫu, thành phố Giả Lập. "
                        "Giấy này có giá trị 30 ngày kể từ ngày ký (nội dung giả lập).", font(22))
    d.ellipse([700, y + 60, 940, y + 300], outline=90, width=4)  # a stamp's ring, no emblem
    centred_text = "CÔNG AN PHƯỜNG THỬ"
    d.text((820 - d.textlength(centred_text, font=font(15, bold=True)) / 2, y + 170), centred_text,
           font=font(15, bold=True), fill=90)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "scan"), exist_ok=True)
    for number, draw in enumerate((page_declaration, page_letter, page_table), start=1):
        page = Image.new("L", (WIDTH, HEIGHT), 255)
        d = ImageDraw.Draw(page)
        mark(d)
        draw(d)
        d.text((WIDTH - 200, HEIGHT - 70), f"Trang {number}/3", font=font(20), fill=INK)
        path = os.path.join(here, "scan", f"page-{number}.png")
        page.save(path, dpi=(DPI, DPI), optimize=True)
        size = os.path.getsize(path)
        if size >= 150_000:
            raise SystemExit(f"make-scan-pages: {path} is {size} bytes, over the 150 kB budget")
        print(f"make-scan-pages: {path} ({size} bytes)")


if __name__ == "__main__":
    main()
