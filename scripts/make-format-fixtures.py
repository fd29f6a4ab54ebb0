#!/usr/bin/env python3
"""Makes the DEFLATE and ZIP fixtures of Tests/PotenziamentoFormatsTests/Fixtures with Python's
zlib and zipfile and with Info-ZIP's `zip` (when installed): data compressed by implementations
that are not ours. Deterministic: the same run gives the same files (fixed seeds, fixed times).

    python3 scripts/make-format-fixtures.py

Writes Fixtures/deflate/ (originals, raw DEFLATE streams at levels 0, 1, 6, 9 and with zlib's
strategies, a few-MB sheet for the speed test) and Fixtures/zip/ (archives stored, deflated,
with a comment, with data descriptors, made by zip(1)).
"""
import io
import os
import random
import shutil
import subprocess
import tempfile
import zipfile
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "PotenziamentoFormatsTests", "Fixtures")
DEFLATE = os.path.join(ROOT, "deflate")
ZIP = os.path.join(ROOT, "zip")


def raw_deflate(data, level, strategy=zlib.Z_DEFAULT_STRATEGY):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return compressor.compress(data) + compressor.flush()


def sheet_xml(rows, seed):
    """A worksheet like the ones Excel writes, with names, numbers, dates and shared-string indices."""
    rng = random.Random(seed)
    names = ["Rossi", "Bianchi", "Esposito", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti"]
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for row in range(1, rows + 1):
        out.append(f'<row r="{row}" spans="1:6">')
        out.append(f'<c r="A{row}" t="inlineStr"><is><t>{rng.choice(names)} {rng.choice(names)}</t></is></c>')
        out.append(f'<c r="B{row}" t="s"><v>{rng.randrange(40)}</v></c>')
        out.append(f'<c r="C{row}"><v>{rng.randrange(1, 37)}</v></c>')
        out.append(f'<c r="D{row}" s="1"><v>{45000 + rng.randrange(800)}</v></c>')
        out.append(f'<c r="E{row}"><v>{rng.randrange(100000) / 100!r}</v></c>')
        out.append(f'<c r="F{row}" t="b"><v>{rng.randrange(2)}</v></c>')
        out.append('</row>')
    out.append('</sheetData></worksheet>')
    return "".join(out).encode()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def deflate_fixtures():
    shutil.rmtree(DEFLATE, ignore_errors=True)
    rng = random.Random(1951)
    originals = {
        "sheet.xml": sheet_xml(400, 7),
        "random.bin": bytes(rng.randrange(256) for _ in range(20000)),
        "repeats.txt": b"a" * 70000 + b"ab" * 5000 + b"abc" * 3000,
        "empty.bin": b"",
        "one.txt": b"x",
    }
    for name, data in originals.items():
        write(os.path.join(DEFLATE, name), data)
        for level in (0, 1, 6, 9):
            write(os.path.join(DEFLATE, f"{name}.l{level}.deflate"), raw_deflate(data, level))
        for label, strategy in (("fixed", zlib.Z_FIXED), ("huffman", zlib.Z_HUFFMAN_ONLY), ("rle", zlib.Z_RLE), ("filtered", zlib.Z_FILTERED)):
            write(os.path.join(DEFLATE, f"{name}.{label}.deflate"), raw_deflate(data, 6, strategy))
    # A few MB of worksheet XML for the speed test: only the compressed stream, its size and CRC-32.
    big = sheet_xml(16000, 11)
    write(os.path.join(DEFLATE, "big-sheet.xml.l6.deflate"), raw_deflate(big, 6))
    write(os.path.join(DEFLATE, "big-sheet.xml.size-crc"), f"{len(big)} {zlib.crc32(big)}\n".encode())


class Unseekable(io.RawIOBase):
    """A write-only stream that cannot seek, so zipfile writes data descriptors (flag bit 3)."""

    def __init__(self):
        self.buffer = bytearray()

    def writable(self):
        return True

    def write(self, data):
        self.buffer += data
        return len(data)


def zip_fixtures():
    shutil.rmtree(ZIP, ignore_errors=True)
    os.makedirs(ZIP)
    entries = [("mimetype", b"application/octet-stream"), ("dir/testo.txt", "città è più bella\n".encode() * 200),
               ("dati/vuoto.bin", b""), ("dati/casuale.bin", bytes(random.Random(3).randrange(256) for _ in range(3000)))]
    fixed = (1980, 1, 1, 0, 0, 0)

    def make(path, compression, comment=b"", level=None):
        with zipfile.ZipFile(path, "w") as archive:
            archive.comment = comment
            for name, data in entries:
                info = zipfile.ZipInfo(name, fixed)
                info.compress_type = compression
                archive.writestr(info, data, compresslevel=level)

    make(os.path.join(ZIP, "stored.zip"), zipfile.ZIP_STORED)
    make(os.path.join(ZIP, "deflated.zip"), zipfile.ZIP_DEFLATED, level=9)
    make(os.path.join(ZIP, "commented.zip"), zipfile.ZIP_DEFLATED, comment="un commento lungo: ".encode() * 40)
    stream = Unseekable()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            with archive.open(zipfile.ZipInfo(name, fixed), "w") as handle:
                handle.write(data)
    write(os.path.join(ZIP, "descriptors.zip"), bytes(stream.buffer))
    if shutil.which("zip"):
        with tempfile.TemporaryDirectory() as folder:
            for name, data in entries:
                write(os.path.join(folder, name), data)
                os.utime(os.path.join(folder, name), (315532800, 315532800))
            subprocess.run(["zip", "-X", "-q", "-9", "-r", os.path.abspath(os.path.join(ZIP, "infozip.zip"))] + [n for n, _ in entries],
                           cwd=folder, check=True, env=dict(os.environ, TZ="UTC"))


if __name__ == "__main__":
    deflate_fixtures()
    zip_fixtures()
    print("fixtures written to", os.path.normpath(ROOT))
