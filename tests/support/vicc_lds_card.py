#!/usr/bin/python3
"""A third-party eMRTD chip for the PC/SC integration tests: Debian's vsmartcard vicc (python3-
virtualsmartcard 3.3, card type "ePass") serving a folder of generated LDS files with BAC and 3DES
secure messaging, connected to the vpcd reader driver of the fixture's private pcscd.

usage: /usr/bin/python3 vicc_lds_card.py LDS_DIR [--port 35963] [--do99] [--card-access]
                                                 [--replayable]

LDS_DIR holds whole TLV files EF.COM.bin, EF.SOD.bin, EF.DG1.bin ... EF.DG16.bin (and optionally
EF.CardAccess.bin). The BAC keys come from the MRZ in EF.DG1.bin (TD1, the CCCD's format, or TD3).

The chip logic is vicc's own (the point of a third-party cross-check); this launcher only repairs
what keeps the package from working on Python 3, at run time and without touching installed
files:
  - the package is installed off sys.path, and imports PyCrypto's "Crypto" name, which Debian
    ships as pycryptodome's "Cryptodome";
  - a few helpers on the secure-messaging path mix str and bytes (Python 2 leftovers), and the
    TLV encoder writes the length 127 in long form (81 7F) where DER wants one byte: the launcher
    brings its own DER-length encoder and response protection;
  - the retail MAC prefixes the send sequence counter without its leading zero bytes, so about one
    BAC session in 256 fails with 6988 on every protected command;
  - its BAC key seed assumes a passport (TD3) MRZ;
  - a protected 6282 (end of file) response carries data but no MAC;
  - vpcd writes the length and the APDU separately and vicc reads with plain recv(): a read can
    come back short, and with Nagle + delayed ACK every APDU waits ~40 ms.
What vicc does not do, and this script does not add: PACE, Chip Authentication, Active
Authentication (INTERNAL AUTHENTICATE answers, but not with the DG15 key), access control (files
are readable without BAC). A wrong BAC key is answered 6988 (real chips: 6300).
Serving EF.CardAccess (--card-access) advertises PACE that the chip cannot do, so it is off by
default: to a reader, this chip is a BAC-only card.
--replayable (benchmarks only) makes the chip's challenge and key share constant, so that a reader
with fixed random numbers gets the same session keys every time and a recorded conversation can
be replayed byte for byte against the chip.
"""
import argparse
import hashlib
import logging
import os
import signal
import socket
import sys
import time

PACKAGE_ROOT = "/usr/lib/python3/site-packages/virtualsmartcard"
EMRTD_AID = bytes.fromhex("A0000002471001")
# File name -> (FID, short EF identifier), ICAO 9303-10 §3.
LDS_FILES = {"EF.COM": (0x011E, 0x1E), "EF.SOD": (0x011D, 0x1D)}
LDS_FILES.update({f"EF.DG{n}": (0x0100 + n, n) for n in range(1, 17)})


def import_vicc():
    """Makes the Debian package importable; returns its modules by short name."""
    if not os.path.isdir(os.path.join(PACKAGE_ROOT, "virtualsmartcard")):
        sys.exit("vicc_lds_card: python3-virtualsmartcard is not installed")
    sys.path.insert(0, PACKAGE_ROOT)
    try:
        import Cryptodome
        import Cryptodome.Cipher
        import Cryptodome.Hash
    except ImportError:
        sys.exit("vicc_lds_card: python3-pycryptodome missing (run with /usr/bin/python3)")
    for suffix in ("", ".Cipher", ".Hash"):
        sys.modules.setdefault("Crypto" + suffix, sys.modules["Cryptodome" + suffix])
    import virtualsmartcard.CryptoUtils as crypto
    import virtualsmartcard.SEutils as se
    import virtualsmartcard.SmartcardFilesystem as fs
    import virtualsmartcard.SWutils as sw
    import virtualsmartcard.TLVutils as tlv
    import virtualsmartcard.utils as utils
    import virtualsmartcard.VirtualSmartcard as vs
    from virtualsmartcard.cards.ePass import PassportSAM
    return {"crypto": crypto, "se": se, "fs": fs, "sw": sw, "tlv": tlv, "utils": utils, "vs": vs,
            "PassportSAM": PassportSAM}


def encode_ber_length(length):
    if length < 0x80:
        return bytes([length])
    octets = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(octets)]) + octets


def ber_pack(items, recalculate_length=False):
    """vicc's TLVutils.pack interface ((tag, length, value) triples), with BER long-form lengths."""
    out = b""
    for tag, length, value in (item[:3] for item in items):
        if tag in (0x00, 0xFF):  # padding bytes
            out += bytes([tag])
            continue
        if not isinstance(value, (bytes, bytearray)):
            value = ber_pack(value, recalculate_length)
        if recalculate_length:
            length = len(value)
        out += tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")
        out += encode_ber_length(length) + bytes(value)
    return out


def repair_package(m, put_do99):
    crypto, se, tlv, utils = m["crypto"], m["se"], m["tlv"], m["utils"]

    # Every module that did `from TLVutils import pack` holds its own reference.
    original_pack = tlv.pack
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("virtualsmartcard") and \
                getattr(module, "pack", None) is original_pack:
            module.pack = ber_pack

    crypto.operation_on_string = lambda a, b, op: bytes(op(x, y) for x, y in zip(a, b))
    string_to_int = utils.stringtoint
    se.stringtoint = lambda d: d if isinstance(d, int) else string_to_int(d)

    checksum = crypto.crypto_checksum

    def checksum_with_whole_ssc(algo, key, data, iv=None, ssc=None):
        # ICAO 9303-11 §9.8.6: the SSC is always 8 bytes in front of the MACed data.
        if algo == "CC" and ssc is not None:
            return checksum(algo, key, (ssc % (1 << 64)).to_bytes(8, "big") + data, iv, None)
        return checksum(algo, key, data, iv, ssc)

    crypto.crypto_checksum = checksum_with_whole_ssc

    # parse_SM_CAPDU compares bytes with the str literals "" and "\x01".
    code = se.Security_Environment.parse_SM_CAPDU.__code__
    se.Security_Environment.parse_SM_CAPDU.__code__ = code.replace(co_consts=tuple(
        c.encode("latin-1") if isinstance(c, str) and c in ("", "\x01") else c
        for c in code.co_consts))

    normal = m["sw"].SW["NORMAL"]

    def protect_response(self, status, data):
        """DO'87' (01 || 3DES-CBC of the padded data), DO'99' when asked, DO'8E' MAC over both."""
        body = b""
        if data:
            cryptogram = b"\x01" + self.encipher(0x82, 0x80, data)
            body = b"\x87" + encode_ber_length(len(cryptogram)) + cryptogram
        is_warning = (status >> 8) in (0x62, 0x63)
        if put_do99:
            body += b"\x99\x02" + status.to_bytes(2, "big")
        elif not (status == normal or (is_warning and body)):
            return status, b""  # vicc's default: errors as a plain status word
        if self.cct.algorithm != "CC":
            return status, body
        mac = self.compute_cryptographic_checksum(
            0x8E, 0x80, crypto.append_padding(self.cct.blocklength, body))
        return status, body + b"\x8e\x08" + mac

    se.Security_Environment.protect_response = protect_response


def make_replayable(m):
    """Constant RND.ICC and K.ICC: both come from os.urandom, imported by name in two modules."""
    import virtualsmartcard.SmartcardSAM as sam_module
    import virtualsmartcard.cards.ePass as epass_module

    def constant(count):
        return hashlib.sha256(b"onestop replayable vicc").digest()[:count]

    sam_module.urandom = constant
    epass_module.urandom = constant


def tlv_value(data, expected_tag):
    """The value of the BER-TLV object at the start of data, whose tag must be expected_tag."""
    tag_length = 2 if data[0] & 0x1F == 0x1F else 1
    tag = int.from_bytes(data[:tag_length], "big")
    if tag != expected_tag:
        raise ValueError(f"tag {tag:X} where {expected_tag:X} was expected")
    pos = tag_length
    length = data[pos]
    pos += 1
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(data[pos:pos + count], "big")
        pos += count
    return data[pos:pos + length]


def bac_key_seed(dg1):
    """K_seed = SHA-1(MRZ_information)[0:16] (ICAO 9303-11 §9.7.1) from EF.DG1's MRZ."""
    mrz = tlv_value(tlv_value(dg1, 0x61), 0x5F1F)
    if len(mrz) == 90:  # TD1: document number + check (line 1, 6-15), birth, expiry (line 2)
        info = mrz[5:15] + mrz[30:37] + mrz[38:45]
    elif len(mrz) == 88:  # TD3
        info = mrz[44:54] + mrz[57:64] + mrz[65:72]
    else:
        raise ValueError(f"MRZ of {len(mrz)} characters is neither TD1 nor TD3")
    return hashlib.sha1(info).digest()[:16]


def build_chip(m, lds_dir, serve_card_access):
    fs = m["fs"]
    dg1_path = os.path.join(lds_dir, "EF.DG1.bin")
    if not os.path.isfile(dg1_path):
        sys.exit(f"vicc_lds_card: {dg1_path} missing (the BAC keys come from it)")

    def elementary_file(parent, fid, sfi, path):
        with open(path, "rb") as f:
            return fs.TransparentStructureEF(parent=parent, fid=fid, shortfid=sfi,
                                             filedescriptor=0, data=f.read())

    mf = fs.MF()
    card_access = os.path.join(lds_dir, "EF.CardAccess.bin")
    if serve_card_access and os.path.isfile(card_access):
        mf.append(elementary_file(mf, 0x011C, 0x1C, card_access))
    application = fs.DF(parent=mf, fid=0x0004, dfname=EMRTD_AID, bertlv_data=[])
    for name, (fid, sfi) in LDS_FILES.items():
        path = os.path.join(lds_dir, name + ".bin")
        if os.path.isfile(path):
            application.append(elementary_file(application, fid, sfi, path))
    mf.append(application)

    sam = m["PassportSAM"](mf)  # derives TD3 keys from DG1; replaced by the TD1-aware ones
    with open(dg1_path, "rb") as f:
        seed = bac_key_seed(f.read())
    derive = m["PassportSAM"].derive_key
    sam.KSeed, sam.KEnc, sam.KMac = seed, derive(seed, 1), derive(seed, 2)
    return mf, sam


class ExactQuickAckSocket(socket.socket):
    """recv(n) returns exactly n bytes (or fewer at EOF), acknowledging each segment at once."""

    def recv(self, n, *args):
        data = b""
        while len(data) < n:
            self.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            chunk = super().recv(n - len(data), *args)
            if not chunk:
                break
            data += chunk
        return data


def connect_to_vpcd(host, port, timeout_seconds=10.0):
    deadline = time.monotonic() + timeout_seconds
    while True:
        sock = ExactQuickAckSocket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            sock.connect((host, port))
            return sock
        except OSError as error:
            sock.close()
            if time.monotonic() > deadline:
                sys.exit(f"vicc_lds_card: no vpcd at {host}:{port}: {error}")
            time.sleep(0.1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lds_dir")
    parser.add_argument("--port", type=int, default=35963)
    parser.add_argument("--do99", action="store_true",
                        help="put DO'99' into every protected response, as real chips do")
    parser.add_argument("--card-access", action="store_true",
                        help="serve EF.CardAccess (advertises PACE, which vicc cannot do)")
    parser.add_argument("--replayable", action="store_true",
                        help="constant chip randomness, so a recorded session replays (benchmarks)")
    args = parser.parse_args()

    modules = import_vicc()
    repair_package(modules, args.do99)
    if args.replayable:
        make_replayable(modules)
    mf, sam = build_chip(modules, args.lds_dir, args.card_access)

    vs = modules["vs"]

    class LdsCardGenerator(vs.CardGenerator):  # VirtualICC asks its generator for (MF, SAM)
        def getCard(self):
            return mf, sam

    vs.CardGenerator = LdsCardGenerator
    vs.VirtualICC.connectToPort = staticmethod(connect_to_vpcd)
    # The fixture stops the card with SIGTERM: leave at once, as a pulled card would.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    vicc = vs.VirtualICC(None, "ePass", "127.0.0.1", args.port, logginglevel=logging.ERROR)
    print(f"vicc_lds_card: serving {args.lds_dir} on port {args.port}", file=sys.stderr, flush=True)
    vicc.run()


if __name__ == "__main__":
    main()
