#!/usr/bin/env python3
"""Builds provinces.json, wards.json and old-to-new.json from the public dataset
thanglequoc/vietnamese-provinces-database (MIT licence; see README.md for the version used).

usage: convert.py <git-dir-of-that-repository> [commit]

Inputs (read with `git show`, no work tree needed):
  json/full_json_generated_data_vn_units_*.json      34 provinces, 3,321 communes (codes, names)
  dataset-generation-scripts/sapnhap-bando-crawler/donvi_tinhthanh.json
                                                     per commune the free-text list of the units
                                                     it was formed from ("truocsapnhap")
The province composition (merged_from) is residence.md §6.2 (QĐ 19/2025), kept below as data.
"""
import json
import re
import subprocess
import sys
import unicodedata

MERGED_FROM = {
    "01": ["Hà Nội"], "04": ["Cao Bằng"], "08": ["Tuyên Quang", "Hà Giang"], "11": ["Điện Biên"],
    "12": ["Lai Châu"], "14": ["Sơn La"], "15": ["Lào Cai", "Yên Bái"],
    "19": ["Thái Nguyên", "Bắc Kạn"], "20": ["Lạng Sơn"], "22": ["Quảng Ninh"],
    "24": ["Bắc Ninh", "Bắc Giang"], "25": ["Phú Thọ", "Vĩnh Phúc", "Hòa Bình"],
    "31": ["Hải Phòng", "Hải Dương"], "33": ["Hưng Yên", "Thái Bình"],
    "37": ["Ninh Bình", "Hà Nam", "Nam Định"], "38": ["Thanh Hóa"], "40": ["Nghệ An"],
    "42": ["Hà Tĩnh"], "44": ["Quảng Trị", "Quảng Bình"], "46": ["Thừa Thiên Huế"],
    "48": ["Đà Nẵng", "Quảng Nam"], "51": ["Quảng Ngãi", "Kon Tum"], "52": ["Gia Lai", "Bình Định"],
    "56": ["Khánh Hòa", "Ninh Thuận"], "66": ["Đắk Lắk", "Phú Yên"],
    "68": ["Lâm Đồng", "Đắk Nông", "Bình Thuận"], "75": ["Đồng Nai", "Bình Phước"],
    "79": ["Hồ Chí Minh", "Bình Dương", "Bà Rịa – Vũng Tàu"], "80": ["Tây Ninh", "Long An"],
    "82": ["Đồng Tháp", "Tiền Giang"], "86": ["Vĩnh Long", "Bến Tre", "Trà Vinh"],
    "91": ["An Giang", "Kiên Giang"], "92": ["Cần Thơ", "Sóc Trăng", "Hậu Giang"],
    "96": ["Cà Mau", "Bạc Liêu"],
}
WARD_KIND = {"Phường": "phuong", "Xã": "xa", "Đặc khu": "dac_khu"}
PREFIX = re.compile(r"(?:^|\s)(phường|xã|thị trấn)\s+", re.IGNORECASE)
PARTIAL = re.compile(r"một phần|phần còn lại", re.IGNORECASE)
NOISE = re.compile(r"\(.*?\)|sau khi s[ắá]p (?:x[ếe]p|nhập)|sắp Xếp", re.IGNORECASE)


def nfc(s):
    return unicodedata.normalize("NFC", s).strip()


def git_show(git_dir, commit, path):
    return subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def old_units(text):
    """[(name without prefix, partial)] from a "truocsapnhap" text (best effort: free text)."""
    out = []
    partial = False
    for segment in re.split(r",|\svà\s|;", NOISE.sub(" ", nfc(text))):
        segment = " ".join(segment.split())
        if PARTIAL.search(segment):
            partial = True  # the whole units come first; after "một phần", the split ones
        matches = list(PREFIX.finditer(segment))
        name = segment[matches[-1].end():] if matches else segment
        name = re.sub(r"^(các|của)\s+", "", name).strip(" .")
        if not name or PARTIAL.search(name) or not (name[0].isupper() or name[0].isdigit()):
            continue
        if len(name.split()) > 5:
            continue
        out.append((name, partial))
    return out


def main():
    git_dir = sys.argv[1]
    commit = sys.argv[2] if len(sys.argv) > 2 else "HEAD"
    listing = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "--name-only", commit, "json/"],
                             check=True, capture_output=True, text=True).stdout.split()
    full = [p for p in listing if p.startswith("json/full_json_generated_data_vn_units_")]
    assert len(full) == 1, full
    units = json.loads(git_show(git_dir, commit, full[0]))
    merges = json.loads(git_show(
        git_dir, commit, "dataset-generation-scripts/sapnhap-bando-crawler/donvi_tinhthanh.json"))

    provinces, wards = [], []
    for p in sorted(units, key=lambda p: p["Code"]):
        provinces.append({
            "code": p["Code"], "name": nfc(p["FullName"]), "short": nfc(p["Name"]),
            "kind": "thanh_pho" if p["AdministrativeUnitShortName"] == "Thành phố" else "tinh",
            "merged_from": MERGED_FROM[p["Code"]],
        })
        for w in p["Wards"]:
            wards.append({"code": w["Code"], "name": nfc(w["FullName"]),
                          "kind": WARD_KIND[w["AdministrativeUnitShortName"]],
                          "province_code": p["Code"]})
    wards.sort(key=lambda w: w["code"])
    known = {w["code"] for w in wards}
    assert len(provinces) == 34 and len(wards) == 3321, (len(provinces), len(wards))

    old_to_new = []
    for m in merges:
        if len(m["ma"]) != 5 or m["ma"] not in known:
            continue
        for name, partial in old_units(m["truocsapnhap"]):
            old_to_new.append({"old_ward": name, "new_ward_code": m["ma"], "partial": partial})
    old_to_new.sort(key=lambda e: (e["new_ward_code"], e["old_ward"]))

    meta = {"source": "github.com/thanglequoc/vietnamese-provinces-database",
            "commit": subprocess.run(["git", "--git-dir", git_dir, "rev-parse", commit], check=True,
                                     capture_output=True, text=True).stdout.strip(),
            "file": full[0]}
    def write(name, key, rows):
        with open(name, "w", encoding="utf-8") as f:
            json.dump({"generated_by": "config/admin-units/convert.py", **meta, key: rows}, f,
                      ensure_ascii=False, indent=0, separators=(",", ":"))
            f.write("\n")
    write("provinces.json", "provinces", provinces)
    write("wards.json", "wards", wards)
    write("old-to-new.json", "entries", old_to_new)
    print(len(provinces), "provinces,", len(wards), "wards,", len(old_to_new), "old->new entries")


if __name__ == "__main__":
    main()
