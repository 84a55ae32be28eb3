"""Cut a CID-keyed CFF font down to the glyphs a PDF uses, fast.

fontTools' subsetter does this too but parses the whole 63,000-glyph font and re-runs every
charstring, which costs more than rendering the page. WeasyPrint's own subset is already
desubroutinized, so the glyphs can be copied byte for byte: this module reads the table
directory, the CFF INDEXes and DICTs, and writes a new bare CFF whose charset keeps each glyph's
CID (what the page content refers to). Anything unexpected returns None and the caller falls
back to fontTools.
"""

from __future__ import annotations

import struct

CHARSTRINGS, CHARSET, PRIVATE, SUBRS = 17, 15, 18, 19
ROS, FDARRAY, FDSELECT = 1230, 1236, 1237  # escaped operators 12 x → 1200 + x


class Unsupported(Exception):
    pass


def read_index(data: bytes, pos: int) -> tuple[list[bytes], int]:
    count = struct.unpack_from(">H", data, pos)[0]
    if count == 0:
        return [], pos + 2
    size = data[pos + 2]
    base = pos + 3
    offsets = [int.from_bytes(data[base + i * size : base + (i + 1) * size], "big") for i in range(count + 1)]
    start = base + (count + 1) * size - 1
    return [data[start + offsets[i] : start + offsets[i + 1]] for i in range(count)], start + offsets[-1]


def index_items(data: bytes, pos: int, wanted: list[int]) -> tuple[list[bytes], int]:
    """The INDEX's items at `wanted` positions (all in range), and its item count: only their offsets are read,
    not the other ≈ 63,000 of a CJK font's charstrings."""
    count = struct.unpack_from(">H", data, pos)[0]
    if count == 0:
        return [], 0
    size = data[pos + 2]
    base = pos + 3
    start = base + (count + 1) * size - 1

    def offset(i: int) -> int:
        at = base + i * size
        return int.from_bytes(data[at : at + size], "big")

    return [data[start + offset(i) : start + offset(i + 1)] for i in wanted], count


def write_index(items: list[bytes]) -> bytes:
    if not items:
        return b"\x00\x00"
    offsets, total = [1], 1
    for item in items:
        total += len(item)
        offsets.append(total)
    size = 1 if total < 1 << 8 else 2 if total < 1 << 16 else 3 if total < 1 << 24 else 4
    head = struct.pack(">HB", len(items), size)
    return head + b"".join(o.to_bytes(size, "big") for o in offsets) + b"".join(items)


def read_dict(data: bytes) -> list[tuple[int, bytes, list]]:
    """[(operator, raw operand bytes, integer operands or None for reals)]."""
    out: list[tuple[int, bytes, list]] = []
    values: list = []
    pos = start = 0
    while pos < len(data):
        b0 = data[pos]
        if b0 <= 21:
            op = 1200 + data[pos + 1] if b0 == 12 else b0
            end = pos + (2 if b0 == 12 else 1)
            out.append((op, data[start:pos], values))
            pos = start = end
            values = []
        elif b0 == 28:
            values.append(struct.unpack_from(">h", data, pos + 1)[0])
            pos += 3
        elif b0 == 29:
            values.append(struct.unpack_from(">i", data, pos + 1)[0])
            pos += 5
        elif b0 == 30:
            pos += 1
            while pos < len(data) and (data[pos] & 0x0F) != 0x0F and (data[pos] >> 4) != 0x0F:
                pos += 1
            pos += 1
            values.append(None)
        elif 32 <= b0 <= 246:
            values.append(b0 - 139)
            pos += 1
        elif 247 <= b0 <= 250:
            values.append((b0 - 247) * 256 + data[pos + 1] + 108)
            pos += 2
        elif 251 <= b0 <= 254:
            values.append(-(b0 - 251) * 256 - data[pos + 1] - 108)
            pos += 2
        else:
            raise Unsupported(f"DICT byte {b0}")
    return out


def op_bytes(op: int) -> bytes:
    return bytes((12, op - 1200)) if op >= 1200 else bytes((op,))


def int5(value: int) -> bytes:
    return b"\x1d" + struct.pack(">i", value)


def write_dict(entries: list[tuple[int, bytes, list]], replace: dict[int, list[int] | None]) -> bytes:
    out = []
    for op, raw, _ in entries:
        if op in replace:
            continue
        out.append(raw + op_bytes(op))
    for op, values in replace.items():
        if values is not None:
            out.append(b"".join(int5(v) for v in values) + op_bytes(op))
    return b"".join(out)


def cff_table(sfnt: bytes) -> bytes:
    if sfnt[:4] != b"OTTO":
        raise Unsupported("not an OpenType CFF font")
    count = struct.unpack_from(">H", sfnt, 4)[0]
    for i in range(count):
        tag, _, offset, length = struct.unpack_from(">4sLLL", sfnt, 12 + 16 * i)
        if tag == b"CFF ":
            return sfnt[offset : offset + length]
    raise Unsupported("no CFF table")


def charset_cids(data: bytes, pos: int, glyphs: int) -> list[int]:
    fmt, pos = data[pos], pos + 1
    cids = [0]
    if fmt == 0:
        cids += list(struct.unpack_from(f">{glyphs - 1}H", data, pos))
        return cids
    while len(cids) < glyphs:
        if fmt == 1:
            first, left = struct.unpack_from(">HB", data, pos)
            pos += 3
        elif fmt == 2:
            first, left = struct.unpack_from(">HH", data, pos)
            pos += 4
        else:
            raise Unsupported(f"charset format {fmt}")
        cids.extend(range(first, first + left + 1))
    return cids[:glyphs]


def fd_select(data: bytes, pos: int, glyphs: int) -> list[int]:
    fmt = data[pos]
    if fmt == 0:
        return list(data[pos + 1 : pos + 1 + glyphs])
    if fmt != 3:
        raise Unsupported(f"FDSelect format {fmt}")
    ranges = struct.unpack_from(">H", data, pos + 1)[0]
    fds = [0] * glyphs
    for r in range(ranges):
        first, fd = struct.unpack_from(">HB", data, pos + 3 + 3 * r)
        end = struct.unpack_from(">H", data, pos + 3 + 3 * (r + 1))[0]
        fds[first : min(end, glyphs)] = [fd] * (min(end, glyphs) - first)
    return fds


def subset(sfnt: bytes, gids: set[int]) -> bytes:
    """A bare CID-keyed CFF holding .notdef and `gids`; raises Unsupported when unsure."""
    data = cff_table(sfnt)
    hdr = data[2]
    names, pos = read_index(data, hdr)
    tops, pos = read_index(data, pos)
    strings_start = pos
    _, pos = read_index(data, pos)
    strings_raw = data[strings_start:pos]
    gsubrs, _ = read_index(data, pos)
    if len(tops) != 1 or gsubrs:
        raise Unsupported("several fonts or global subroutines")
    top = read_dict(tops[0])
    ops = {op: values for op, _, values in top}
    if ROS not in ops or any(k not in ops for k in (CHARSTRINGS, CHARSET, FDARRAY, FDSELECT)):
        raise Unsupported("not CID-keyed")
    glyphs = struct.unpack_from(">H", data, ops[CHARSTRINGS][0])[0]
    if glyphs == 0:
        raise Unsupported("no glyphs")
    keep = [0] + sorted(g for g in gids if 0 < g < glyphs)
    charstrings, _ = index_items(data, ops[CHARSTRINGS][0], keep)
    cids = charset_cids(data, ops[CHARSET][0], glyphs)
    fds = fd_select(data, ops[FDSELECT][0], glyphs)
    font_dicts, _ = read_index(data, ops[FDARRAY][0])
    privates: list[tuple[list, bytes]] = []
    for raw in font_dicts:
        entries = read_dict(raw)
        private = {op: values for op, _, values in entries}.get(PRIVATE)
        if not private or len(private) != 2:
            raise Unsupported("font DICT without Private")
        size, offset = private
        body = read_dict(data[offset : offset + size])
        subrs = {op: values for op, _, values in body}.get(SUBRS)
        if subrs:
            local, _ = read_index(data, offset + subrs[0])
            if local:
                raise Unsupported("local subroutines")
        privates.append((entries, write_dict(body, {SUBRS: None})))

    header = bytes((1, 0, 4, 4))
    name_index = write_index(names)
    charset = b"\x00" + b"".join(struct.pack(">H", cids[g]) for g in keep[1:])
    select = b"\x00" + bytes(fds[g] for g in keep)
    charstring_index = write_index(charstrings)
    gsubr_index = write_index([])
    # Top DICT size does not depend on the offsets (5-byte integers), so lay out in one pass.
    placeholder = write_dict(top, {CHARSET: [0], FDSELECT: [0], CHARSTRINGS: [0], FDARRAY: [0]})
    top_len = len(write_index([placeholder]))
    at = len(header) + len(name_index) + top_len + len(strings_raw) + len(gsubr_index)
    charset_at = at
    select_at = charset_at + len(charset)
    charstrings_at = select_at + len(select)
    fdarray_at = charstrings_at + len(charstring_index)
    fd_placeholders = [write_dict(entries, {PRIVATE: [0, 0]}) for entries, _ in privates]
    private_at = fdarray_at + len(write_index(fd_placeholders))
    font_dicts_out, private_blobs = [], []
    for entries, blob in privates:
        font_dicts_out.append(write_dict(entries, {PRIVATE: [len(blob), private_at]}))
        private_blobs.append(blob)
        private_at += len(blob)
    top_out = write_dict(
        top, {CHARSET: [charset_at], FDSELECT: [select_at], CHARSTRINGS: [charstrings_at], FDARRAY: [fdarray_at]}
    )
    return b"".join(
        [
            header,
            name_index,
            write_index([top_out]),
            strings_raw,
            gsubr_index,
            charset,
            select,
            charstring_index,
            write_index(font_dicts_out),
            *private_blobs,
        ]
    )
