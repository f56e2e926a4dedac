"""A minimal DER writer: just what the LDS files, DG13 and the CMS SignedData need."""


def length(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, value):
    tag_bytes = tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")
    return tag_bytes + length(len(value)) + value


def seq(*items):
    return tlv(0x30, b"".join(items))


def set_of(*items):
    """DER SET OF: elements sorted by their encoding."""
    return tlv(0x31, b"".join(sorted(items)))


def set_in_order(*items):
    """A SET whose elements keep the given order (DG13 lists its fields by number)."""
    return tlv(0x31, b"".join(items))


def integer(v):
    if v == 0:
        return tlv(0x02, b"\x00")
    return tlv(0x02, v.to_bytes((v.bit_length() + 8) // 8, "big"))  # leading 00 keeps it positive


def oid(dotted):
    parts = [int(p) for p in dotted.split(".")]
    out = bytearray([parts[0] * 40 + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        p >>= 7
        while p:
            chunk.insert(0, 0x80 | (p & 0x7F))
            p >>= 7
        out += bytes(chunk)
    return tlv(0x06, bytes(out))


def octets(b):
    return tlv(0x04, b)


def utf8(s):
    return tlv(0x0C, s.encode("utf-8"))


def printable(s):
    return tlv(0x13, s.encode("ascii"))


def read_header(data, pos=0):
    """(tag, header length, value length) of the TLV at `pos`; raises ValueError when truncated."""
    start = pos
    if pos >= len(data):
        raise ValueError("no TLV")
    tag = data[pos]
    pos += 1
    if tag & 0x1F == 0x1F:
        while True:
            if pos >= len(data):
                raise ValueError("truncated tag")
            tag = (tag << 8) | data[pos]
            pos += 1
            if not data[pos - 1] & 0x80:
                break
    if pos >= len(data):
        raise ValueError("no length")
    first = data[pos]
    pos += 1
    if first < 0x80:
        size = first
    else:
        count = first & 0x7F
        if count == 0 or pos + count > len(data):
            raise ValueError("bad length")
        size = int.from_bytes(data[pos:pos + count], "big")
        pos += count
    if pos + size > len(data):
        raise ValueError("value runs past the end")
    return tag, pos - start, size


def children(data):
    """The TLVs that make up `data`, as (tag, value) pairs."""
    out, pos = [], 0
    while pos < len(data):
        tag, header, size = read_header(data, pos)
        out.append((tag, data[pos + header:pos + header + size]))
        pos += header + size
    return out
