"""Reads and writes 8-bit RGB(A) PNGs with the standard library only (zlib), for the browser test:
is a screenshot blank, and a crop of it to look at."""
import struct
import zlib


def read(path):
    """(width, height, channels, rows) where rows are bytearrays of width * channels bytes."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"{path}: only 8-bit RGB/RGBA, not interlaced (got depth {depth}, colour {colour})")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def write(path, width, height, channels, rows):
    raw = b"".join(b"\x00" + bytes(row) for row in rows)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    colour = 2 if channels == 3 else 6
    with open(path, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)))
        handle.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        handle.write(chunk(b"IEND", b""))


def crop(source, target, top, height):
    width, full, channels, rows = read(source)
    top = max(0, min(top, full - 1))
    rows = rows[top:top + height]
    write(target, width, len(rows), channels, rows)


def statistics(path):
    """(distinct colours, share of pixels unlike the most common colour, luminance standard deviation)."""
    width, height, channels, rows = read(path)
    counts = {}
    total = luminance = squares = 0
    for row in rows[::2]:
        for x in range(0, width * channels, channels * 2):
            pixel = bytes(row[x:x + 3])
            counts[pixel] = counts.get(pixel, 0) + 1
            value = (299 * pixel[0] + 587 * pixel[1] + 114 * pixel[2]) / 1000
            luminance += value
            squares += value * value
            total += 1
    mean = luminance / total
    deviation = max(0.0, squares / total - mean * mean) ** 0.5
    background = max(counts.values())
    return len(counts), 1 - background / total, deviation
