"""The synthetic people and the cards made for them. None of these persons exists.

Dates are dd/mm/yyyy as printed and stored in DG13. `generation` picks the DG13 layout and the QR:
"2021" (CCCD) or "2024" (căn cước, cccd.md §7.3, §10.2).
"""

# What our DG13 parser and the test kit take as "no expiry" in field 12 (the real text is [U]).
NO_EXPIRY_TEXT = "Không thời hạn"


def relative(full_name, *other_values):
    return {"fullName": full_name, "otherValues": list(other_values)}


PEOPLE = {
    "an": {
        "generation": "2021",
        "id": "001095012345",  # 001 Hà Nội, 0 = male 1900s, 95 = 1995
        "oldId": "012345678",
        "name": "Nguyễn Văn An",
        "mrzName": "NGUYEN<<VAN<AN",
        "dob": "15/06/1995",
        "sex": "Nam",
        "nationality": "Việt Nam",
        "ethnicity": "Kinh",
        "religion": "Không",
        "origin": "Xã Đông Hội, Huyện Đông Anh, Hà Nội",
        "residence": "Số 12 Ngõ 34 Phố Huế, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội",
        "marks": "Nốt ruồi C:2cm trên sau đuôi mắt trái",
        "issue": "10/08/2021",
        "expiry": "15/06/2035",  # issued at 26: valid to the 40th birthday
        "parents": [relative("Nguyễn Văn Bình"), relative("Trần Thị Cúc")],
        "spouse": relative("Lê Thị Dung"),
        "field16": "3F2A9C01B7D4E856",
    },
    "ngoc": {
        "generation": "2021",
        "id": "079158001234",  # 079 TP HCM, 1 = female 1900s, 58 = 1958
        "oldId": None,
        "name": "Trần Thị Bích Ngọc",
        "mrzName": "TRAN<<THI<BICH<NGOC",
        "dob": "02/07/1958",
        "sex": "Nữ",
        "nationality": "Việt Nam",
        "ethnicity": "Kinh",
        "religion": "Phật giáo",
        "origin": "Phường 4, Quận 5, TP Hồ Chí Minh",
        "residence": "88 Nguyễn Trãi, Phường 3, Quận 5, TP Hồ Chí Minh",
        "marks": "Sẹo chấm C:1cm dưới trước cằm",
        "issue": "20/04/2021",
        "expiry": None,  # issued at 62: no expiry, MRZ 991231
        "parents": [relative("Trần Văn Phúc"), relative("Lý Thị Hoa")],
        "spouse": None,
        "field16": "0B7E55C2A1903D4F",
    },
    "khanh": {
        "generation": "2024",
        "id": "046188007890",  # 046 Thừa Thiên Huế, 1 = female 1900s, 88 = 1988
        "oldId": "191456789",
        "name": "Tôn Nữ Hoàng Khánh Quỳnh Hương",
        # 31 characters: the last one is cut (ICAO 9303-3 truncation of the secondary identifier)
        "mrzName": "TON<<NU<HOANG<KHANH<QUYNH<HUONG",
        "dob": "12/11/1988",
        "sex": "Nữ",
        "nationality": "Việt Nam",
        "ethnicity": "Kinh",
        "religion": "Công giáo",
        "origin": "Phường Thuận Thành, Thành phố Huế, Thừa Thiên Huế",  # nơi đăng ký khai sinh
        "residence": "27 Lê Lợi, Phường Phú Hội, Thành phố Huế, Thừa Thiên Huế",  # nơi cư trú
        "marks": "Nốt ruồi C:1cm trên trước cánh mũi phải",
        "issue": "15/08/2024",
        "expiry": "12/11/2028",  # issued at 35: valid to the 40th birthday
        # 2024 layout: each relative carries their 12-digit ID after the name
        "parents": [
            relative("Tôn Thất Hoàng Long", "046058001122"),
            relative("Nguyễn Thị Ngọc Hân", "046160003344"),
        ],
        "spouse": relative("Đặng Quốc Việt", "048085005566"),
        "field16": "9C4D2E7F10A3B58C",
        "extraFields": [(17, "Bộ Công an")],  # 2024: issuing authority, beyond the 16 known fields
        "qrExtra": ["12112028", "Phường Thuận Thành, Thành phố Huế, Thừa Thiên Huế", ""],
    },
    "minh": {
        "generation": "2024",
        "id": "031213004567",  # 031 Hải Phòng, 2 = male 2000s, 13 = 2013
        "oldId": None,
        "name": "Phạm Đức Minh",
        "mrzName": "PHAM<<DUC<MINH",
        "dob": "21/03/2013",
        "sex": "Nam",
        "nationality": "Việt Nam",
        "ethnicity": "Kinh",
        "religion": "Không",
        "origin": "Phường Lạch Tray, Quận Ngô Quyền, Hải Phòng",
        "residence": "15 Lạch Tray, Phường Lạch Tray, Quận Ngô Quyền, Hải Phòng",
        "marks": "Sẹo chấm C:1cm dưới sau mép trái",
        "issue": "05/02/2025",
        "expiry": "21/03/2027",  # issued at 11: valid to the 14th birthday (Law on Identification
        #                          2023, cccd.md §2.3)
        "parents": [None, relative("Vũ Thị Lan", "031190007788")],  # father not known
        "spouse": None,
        "field16": "5A0C7B3E9D12F468",
        "extraFields": [(17, "Bộ Công an")],
        "qrExtra": ["21032027", "Phường Lạch Tray, Quận Ngô Quyền, Hải Phòng", ""],
    },
}

# The citizens' cards. ca: curve of the Chip Authentication key or None; aa: Active
# Authentication key ("RSA-2048" or a curve); image: (format, smallest, largest bytes).
CITIZENS = [
    {"name": "an-2021", "person": "an", "pace": False, "ca": "brainpoolP256r1",
     "aa": "brainpoolP256r1", "image": ("jpeg", 15000, 20000),
     "description": "2021 CCCD, male, old CMND, spouse and both parents; BAC only; CA + ECDSA AA. "
                    "The benchmark card (DG2 JPEG of 15-20 KB)."},
    {"name": "ngoc-2021-noexpiry", "person": "ngoc", "pace": True, "ca": "P-256", "aa": "P-256",
     "image": ("jpeg", 9000, 13000),
     "description": "2021 CCCD issued at 62: no expiry (MRZ 991231, DG13 field 12 text); no spouse, "
                    "no old CMND; PACE and BAC; CA + ECDSA AA on NIST P-256."},
    {"name": "khanh-2024", "person": "khanh", "pace": True, "ca": "brainpoolP256r1",
     "aa": "RSA-2048", "image": ("jp2", 11000, 13000),
     "description": "2024 căn cước, long name with diacritics (MRZ name truncated), relatives with "
                    "ID numbers, DG13 field 17; PACE and BAC; CA; RSA-2048 AA; DG2 JPEG 2000."},
    {"name": "minh-2024-child", "person": "minh", "pace": True, "ca": None, "aa": "P-256",
     "image": ("jpeg", 9000, 13000),
     "description": "2024 căn cước of a child (expiry at 14), only the mother known, no spouse; "
                    "PACE and BAC; no Chip Authentication (no DG14); ECDSA AA on P-256."},
]

# Copies of a citizen's card with one defect each. `signer` names the Document Signer of the
# re-signed EF.SOD ("ds", "ds-expired", "ds-revoked", "ds-untrusted"); `change` says which
# bytes change and whether that happens before signing ("...-signed") or after.
VARIANTS = [
    {"name": "tampered-dg13", "kind": "tampered", "change": "dg13-name-byte",
     "expected": {"passiveAuthentication": "HASH_MISMATCH", "mismatchedDataGroups": [13]},
     "description": "One byte of the name in DG13 changed after signing."},
    {"name": "tampered-dg2", "kind": "tampered", "change": "dg2-image-byte",
     "expected": {"passiveAuthentication": "HASH_MISMATCH", "mismatchedDataGroups": [2]},
     "description": "One byte inside the JPEG of DG2 changed after signing."},
    {"name": "wrong-ds", "kind": "tampered", "signer": "ds-untrusted",
     "expected": {"passiveAuthentication": "CHAIN_UNTRUSTED"},
     "description": "EF.SOD signed by a Document Signer of an untrusted CSCA (pki/untrusted-csca.pem)."},
    {"name": "expired-ds", "kind": "tampered", "signer": "ds-expired",
     "expected": {"passiveAuthentication": "DS_EXPIRED"},
     "description": "EF.SOD signed by a Document Signer whose certificate expired 30 days ago."},
    {"name": "revoked-ds", "kind": "tampered", "signer": "ds-revoked",
     "expected": {"passiveAuthentication": "DS_REVOKED"},
     "description": "EF.SOD signed by a Document Signer listed in trust/csca.crl."},
    {"name": "corrupt-signature", "kind": "tampered", "change": "sod-signature-bit",
     "expected": {"passiveAuthentication": "SIGNATURE_INVALID"},
     "description": "One bit of the EF.SOD signature flipped."},
    {"name": "malformed-dg13", "kind": "malformed", "change": "dg13-truncated-signed",
     "expected": {"passiveAuthentication": "passed", "dg13Parses": False},
     "description": "DG13 cut in the middle of a TLV, EF.SOD signed over the cut bytes: passive "
                    "authentication passes, parsing DG13 fails."},
    {"name": "truncated-sod", "kind": "malformed", "change": "sod-truncated",
     "expected": {"passiveAuthentication": "SOD_MALFORMED"},
     "description": "EF.SOD cut in half."},
    {"name": "bad-mrz-check", "kind": "malformed", "change": "dg1-check-digit-signed",
     "expected": {"passiveAuthentication": "passed", "mrzValid": False},
     "description": "DG1 with a wrong composite check digit, EF.SOD signed over it: passive "
                    "authentication passes, the MRZ does not validate. The BAC key is unchanged."},
]
VARIANT_BASE = "an-2021"
