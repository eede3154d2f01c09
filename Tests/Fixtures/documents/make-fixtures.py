#!/usr/bin/env python3
"""Makes the committed fixtures of JuesuanDocumentsTests (run from the repository root; needs the
zip tool and pdftotext). Deterministic: the same files every time, except for zip-tool.zip,
whose timestamps are the payloads' (set here).

  payload.txt, payload.bin          what the archives hold (text from a corpus report; seeded bytes)
  python-level-N.zip (N = 0…9)      Python's zipfile, ZIP_DEFLATED at level N (0: stored blocks),
                                    with the two payloads and an empty file
  python-stored.zip                 ZIP_STORED
  zip-tool.zip                      the zip tool (-9), with a data descriptor (-fd) from stdin
  features.docx                     scripts/docx-from-text.py --features
  income-page.bbox.xhtml            pdftotext -bbox-layout of page 8 (收入决算表) of wild report 01
  fixed / huffman-only / rle.deflate  raw DEFLATE of payload.txt with those zlib strategies
"""
import os
import random
import subprocess
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DATE = (2024, 1, 1, 0, 0, 0)

text = open(os.path.join(ROOT, "Tests/Corpus/001_85231ddb0bd15dfe.txt"), encoding="utf-8").read()[:12000]
open(os.path.join(HERE, "payload.txt"), "w", encoding="utf-8").write(text)
generator = random.Random(20261201)
payload = bytes(generator.randrange(256) for _ in range(3000)) + b"ab" * 1500
open(os.path.join(HERE, "payload.bin"), "wb").write(payload)


def archive(path, method, level=None):
    with zipfile.ZipFile(path, "w") as output:
        for name, data in [("payload.txt", text.encode("utf-8")), ("payload.bin", payload), ("empty.txt", b"")]:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = method
            output.writestr(info, data, compresslevel=level)


for level in range(10):
    archive(os.path.join(HERE, f"python-level-{level}.zip"), zipfile.ZIP_DEFLATED, level)
archive(os.path.join(HERE, "python-stored.zip"), zipfile.ZIP_STORED)

tool = os.path.join(HERE, "zip-tool.zip")
if os.path.exists(tool):
    os.remove(tool)
for name in ("payload.txt", "payload.bin"):
    os.utime(os.path.join(HERE, name), (1704067200, 1704067200))
subprocess.run(["zip", "-q", "-9", "-X", tool, "payload.txt", "payload.bin"], cwd=HERE, check=True)
with open(os.path.join(HERE, "payload.txt"), "rb") as source:
    subprocess.run(["zip", "-q", "-9", "-X", "-fd", tool, "-"], cwd=HERE, stdin=source, check=True)

subprocess.run(["python3", os.path.join(ROOT, "scripts/docx-from-text.py"), "--features",
                os.path.join(HERE, "features.docx")], check=True)
pdf = os.path.join(ROOT, "Tests/Fixtures/wild/01_shanghai-putuo-guihuaziyuan_2024_dept-final.pdf")
subprocess.run(["pdftotext", "-bbox-layout", "-f", "8", "-l", "8", pdf, os.path.join(HERE, "income-page.bbox.xhtml")],
               check=True)

# Raw DEFLATE streams of payload.txt with zlib's other strategies: fixed-Huffman blocks only,
# Huffman coding without matches, and run-length matches (distance 1) only.
import zlib  # noqa: E402

for name, strategy in [("fixed", zlib.Z_FIXED), ("huffman-only", zlib.Z_HUFFMAN_ONLY), ("rle", zlib.Z_RLE)]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15, 9, strategy)
    stream = compressor.compress(text.encode("utf-8")) + compressor.flush()
    open(os.path.join(HERE, f"{name}.deflate"), "wb").write(stream)
