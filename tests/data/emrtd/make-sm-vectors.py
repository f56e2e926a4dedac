#!/usr/bin/python3
"""Independent secure-messaging vectors for tests/unit/emrtd/secure_messaging_test.cpp.

Computes, with python3-cryptography only (no code shared with onestop), the protected APDUs
that the C++ SecureMessaging must produce or accept in cases the ICAO 9303-11 worked example
does not cover: AES-128 (PACE session keys of ICAO 9303-11 Appendix G.1, SSC 0), a 3DES
response without DO'99', a protected 6282 warning and an extended-length READ BINARY.
Run: /usr/bin/python3 tests/data/emrtd/make-sm-vectors.py   (prints the vectors)
"""
import warnings

from cryptography.hazmat.primitives import cmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

warnings.simplefilter("ignore")  # TripleDES deprecation notices


def pad(data, block):
    data = data + b"\x80"
    return data + b"\x00" * (-len(data) % block)


def ber_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


class Session:
    def __init__(self, kind, ks_enc, ks_mac, ssc):
        self.kind, self.enc, self.mac_key = kind, ks_enc, ks_mac
        self.block = 8 if kind == "3DES" else 16
        self.ssc = int.from_bytes(ssc, "big")

    def ssc_bytes(self):
        return self.ssc.to_bytes(self.block, "big")

    def iv(self):
        if self.kind == "3DES":
            return b"\x00" * 8
        e = Cipher(algorithms.AES(self.enc), modes.ECB()).encryptor()
        return e.update(self.ssc_bytes()) + e.finalize()

    def encrypt(self, plain):
        alg = algorithms.TripleDES(self.enc) if self.kind == "3DES" else algorithms.AES(self.enc)
        e = Cipher(alg, modes.CBC(self.iv())).encryptor()
        return e.update(pad(plain, self.block)) + e.finalize()

    def mac(self, data):
        data = pad(data, self.block)
        if self.kind == "AES":
            c = cmac.CMAC(algorithms.AES(self.mac_key))
            c.update(data)
            return c.finalize()[:8]
        k1, k2 = self.mac_key[:8], self.mac_key[8:16]
        e = Cipher(algorithms.TripleDES(k1), modes.CBC(b"\x00" * 8)).encryptor()
        h = (e.update(data) + e.finalize())[-8:]
        d = Cipher(algorithms.TripleDES(k2), modes.ECB()).decryptor()
        h = d.update(h) + d.finalize()
        e = Cipher(algorithms.TripleDES(k1), modes.ECB()).encryptor()
        return e.update(h) + e.finalize()

    def command(self, cla, ins, p1, p2, data=b"", ne=None, extended=False):
        self.ssc += 1
        header = bytes([cla | 0x0C, ins, p1, p2])
        body = b""
        if data:
            c = b"\x01" + self.encrypt(data)
            body += b"\x87" + ber_len(len(c)) + c
        if ne is not None:
            body += b"\x97\x01" + bytes([ne & 0xFF]) if ne <= 256 else b"\x97\x02" + (ne & 0xFFFF).to_bytes(2, "big")
        body += b"\x8e\x08" + self.mac(self.ssc_bytes() + pad(header, self.block) + body)
        if extended:
            return header + b"\x00" + len(body).to_bytes(2, "big") + body + b"\x00\x00"
        return header + bytes([len(body)]) + body + b"\x00"

    def response(self, data, sw, do99=True):
        self.ssc += 1
        out = b""
        if data:
            c = b"\x01" + self.encrypt(data)
            out += b"\x87" + ber_len(len(c)) + c
        if do99:
            out += b"\x99\x02" + sw.to_bytes(2, "big")
        out += b"\x8e\x08" + self.mac(self.ssc_bytes() + out)
        return out + sw.to_bytes(2, "big")


def show(name, value):
    print(f"{name}: {value.hex().upper()}")


aes = Session("AES", bytes.fromhex("F5F0E35C0D7161EE6724EE513A0D9A7F"),
              bytes.fromhex("FE251C7858B356B24514B3BD5F4297D1"), bytes(16))
show("AES-128 SELECT 011E", aes.command(0x00, 0xA4, 0x02, 0x0C, bytes.fromhex("011E")))
show("AES-128 response 9000", aes.response(b"", 0x9000))
show("AES-128 READ BINARY 0 4", aes.command(0x00, 0xB0, 0x00, 0x00, ne=4))
show("AES-128 response 60145F01", aes.response(bytes.fromhex("60145F01"), 0x9000))
show("AES-128 READ BINARY 4 1000 extended", aes.command(0x00, 0xB0, 0x00, 0x04, ne=1000, extended=True))

des = Session("3DES", bytes.fromhex("979EC13B1CBFE9DCD01AB0FED307EAE5"),
              bytes.fromhex("F1CB1F1FB5ADF208806B89DC579DC1F8"), bytes.fromhex("887022120C06C22C"))
des.ssc += 1  # a command was sent
show("3DES response without DO'99' (SSC ...2E)", des.response(bytes.fromhex("0102030405"), 0x9000, do99=False))
des.ssc += 1
show("3DES protected 6282 with data (SSC ...30)", des.response(bytes.fromhex("3030305C026175"), 0x6282))
des.ssc += 1
show("3DES protected 6A82 without data (SSC ...32)", des.response(b"", 0x6A82))
