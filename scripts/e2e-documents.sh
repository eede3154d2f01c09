#!/usr/bin/env bash
# End-to-end test of PDF and Word input through the built juesuan:
#   - check X.pdf finds at least what check finds on the -layout text of the same PDF (same codes,
#     same statements), and every error it adds is on the reviewer's list (Tests/Fixtures/wild);
#   - a .docx made from each corpus report (scripts/docx-from-text.py, Python's zipfile, levels 0,
#     6 and 9) reads back to the report's text and gives exactly the same findings;
#   - a PDF without a text layer (pdftoppm + img2pdf), a password-protected PDF (qpdf), a file
#     that is not a PDF, a truncated and a garbage .docx, a zip without a document, a zip bomb
#     (80 MB of zeros in 80 KB) and a missing pdftotext each give exit 2 and one line on stderr,
#     within a time limit;
#   - fix refuses .pdf and .docx; extract prints the text check read;
#   - a folder of mixed files is checked together: the unreadable one is one line on stderr and
#     a row of its own, the others are checked, the exit code is the worst, the progress line counts.
# Usage: scripts/e2e-documents.sh       Env: JUESUAN, KEEP=1, JUESUAN_E2E_SKIP_MISSING=1
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

step "PDF and Word input end-to-end"
require_juesuan
for tool in pdftotext pdftoppm img2pdf qpdf zip python3; do
  command -v "$tool" >/dev/null || missing "$tool not found (run scripts/install-test-tools.sh)"
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/juesuan-e2e-documents.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
WILD="$ROOT/Tests/Fixtures/wild"

# run_juesuan OUT ERR ARGS...: runs juesuan with a time limit, returns its status.
run_juesuan() {
  local out=$1 err=$2
  shift 2
  set +e
  JUESUAN_PROGRESS=0 timeout 120 "$JUESUAN" "$@" >"$out" 2>"$err"
  local rc=$?
  set -e
  return $rc
}

step "PDF against its -layout text, and the reviewer's list"
for pdf in "$WILD"/*.pdf; do
  base="${pdf%.pdf}"
  name="$(basename "$base")"
  rc=0; run_juesuan "$WORK/pdf.json" "$WORK/pdf.err" check --format json "$pdf" || rc=$?
  run_juesuan "$WORK/layout.json" "$WORK/layout.err" check --format json "${base}_layout.txt" || true
  run_juesuan "$WORK/extract.txt" "$WORK/extract.err" extract "$pdf" || true
  if [ "$rc" -gt 1 ]; then fail "$name.pdf: exit $rc ($(head -c 300 "$WORK/pdf.err"))"; continue; fi
  if python3 - "$WORK/pdf.json" "$WORK/layout.json" "$WORK/extract.txt" "${base}_layout.txt" "${base}_layout.tsv" <<'PY'
import collections, csv, json, re, sys
pdf_json, layout_json, pdf_text, layout_text, truth_tsv = sys.argv[1:]
def lines(path):
    return open(path, encoding="utf-8").read().split("\n")
def squeeze(text):
    return re.sub(r"\s+", "", text)
def key(diagnostic, text):
    # The same statement: its code, its message less line references (the two texts number their
    # lines differently), and the line it is on, spaces and the punctuation that ends it removed
    # (pdftotext -layout may put a sentence's last "。" on a line of its own).
    message = re.sub(r"第 ?\d+(?:[–-]\d+)? ?行", "第N行", diagnostic["message"])
    line = text[diagnostic["range"]["start"]["line"]] if diagnostic["range"]["start"]["line"] < len(text) else ""
    return (diagnostic["code"], message, squeeze(line).rstrip("。，；："))
def diagnostics(path):
    return [d for f in json.load(open(path, encoding="utf-8"))["files"] for d in f["diagnostics"]]
pdf_lines, layout_lines = lines(pdf_text), lines(layout_text)
pdf = collections.Counter(key(d, pdf_lines) for d in diagnostics(pdf_json))
layout = collections.Counter(key(d, layout_lines) for d in diagnostics(layout_json))
missing = layout - pdf
truth = [row for row in csv.DictReader(open(truth_tsv, encoding="utf-8"), delimiter="\t")
         if row.get("kind") in ("defect", "minor")]
added_errors = [k for d in diagnostics(pdf_json) if d["severity"] == 1
                for k in [key(d, pdf_lines)] if layout[k] == 0]
unlisted = [k for k in added_errors
            if not any(row["code"] == k[0] and squeeze(row["evidence"])[:12] in k[2] for row in truth)]
for k in missing:
    print(f"  missing on the PDF: {k[0]} {k[1][:100]} [{k[2][:40]}]")
for k in unlisted:
    print(f"  an error the reviewer's list does not hold: {k[0]} {k[1][:100]} [{k[2][:40]}]")
print(f"  layout {sum(layout.values())} findings, PDF {sum(pdf.values())}; missing {sum(missing.values())}, "
      f"added errors {len(added_errors)} ({len(unlisted)} not on the list)")
sys.exit(1 if missing or unlisted else 0)
PY
  then pass "$name.pdf finds what its -layout text gives, and adds no error off the reviewer's list"
  else fail "$name.pdf differs from its -layout text"
  fi
  if grep -q 'p[0-9]' <("$JUESUAN" check "$pdf" 2>/dev/null | head -n 3) \
    && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); ds=[x for f in d["files"] for x in f["diagnostics"]]; sys.exit(0 if ds and all(isinstance(x.get("page"), int) and x["page"] >= 1 for x in ds) else 1)' "$WORK/pdf.json"; then
    pass "$name.pdf: text output names the page (file:pN:line:col), JSON adds \"page\""
  else
    fail "$name.pdf: findings do not name their page"
  fi
done

step "a .docx made from each corpus report gives the report's findings"
for report in "$ROOT"/Tests/Corpus/*.txt; do
  name="$(basename "$report" .txt)"
  for level in 0 6 9; do
    python3 "$ROOT/scripts/docx-from-text.py" "$report" "$WORK/$name.docx" --level "$level"
    run_juesuan "$WORK/docx.json" "$WORK/docx.err" check --format json "$WORK/$name.docx" || true
    run_juesuan "$WORK/text.json" "$WORK/text.err" check --format json "$report" || true
    run_juesuan "$WORK/back.txt" "$WORK/back.err" extract "$WORK/$name.docx" || true
    if python3 - "$WORK/docx.json" "$WORK/text.json" "$WORK/back.txt" "$report" <<'PY'
import json, sys
docx, text, back, report = sys.argv[1:]
def findings(path):
    return [(d["code"], d["severity"], json.dumps(d["range"], sort_keys=True), d["message"])
            for f in json.load(open(path, encoding="utf-8"))["files"] for d in f["diagnostics"]]
a, b = findings(docx), findings(text)
same_text = open(back, encoding="utf-8").read().rstrip("\n") == open(report, encoding="utf-8").read().rstrip("\n")
located = all("location" in d for f in json.load(open(docx, encoding="utf-8"))["files"] for d in f["diagnostics"])
print(f"  {len(a)} findings from the .docx, {len(b)} from the text; same text: {same_text}; all located: {located}")
sys.exit(0 if a == b and a and same_text and located else 1)
PY
    then pass "$name.docx (zip level $level): same text, same findings, each naming its paragraph or cell"
    else fail "$name.docx (zip level $level): findings differ from the text's"
    fi
  done
done

step "files that cannot be read: exit 2, one line, no crash, no hang"
cp "$WILD/02_shanghai-putuo-shehuigongzuobu_2024_dept-final.pdf" "$WORK/report.pdf"
pdftoppm -r 40 -f 1 -l 2 -png "$WORK/report.pdf" "$WORK/page"
img2pdf "$WORK"/page-*.png -o "$WORK/scanned.pdf"
qpdf --encrypt secret secret 256 -- "$WORK/report.pdf" "$WORK/encrypted.pdf"
printf '这不是 PDF\n' > "$WORK/fake.pdf"
python3 "$ROOT/scripts/docx-from-text.py" "$ROOT/Tests/Corpus/000_33a80e0c6a11fb6c.txt" "$WORK/whole.docx"
head -c 4000 "$WORK/whole.docx" > "$WORK/truncated.docx"
head -c 3000 /dev/urandom > "$WORK/garbage.docx"
(cd "$WORK" && printf 'x' > readme.txt && zip -q nodocument.docx readme.txt)
python3 - "$WORK/bomb.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
    archive.writestr("[Content_Types].xml", "<Types/>")
    archive.writestr("word/document.xml", b"<w:document>" + b"\0" * (80 << 20))
PY
echo "  bomb.docx: $(wc -c < "$WORK/bomb.docx") bytes"
expect_refusal() {  # expect_refusal NAME PATTERN [ENV...] -- ARGS...
  local name=$1 pattern=$2
  shift 2
  local started rc=0
  started=$(date +%s)
  set +e
  env JUESUAN_PROGRESS=0 "$@" >"$WORK/out" 2>"$WORK/err"
  rc=$?
  set -e
  local lines elapsed=$(($(date +%s) - started))
  lines=$(wc -l < "$WORK/err")
  if [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] && grep -q -- "$pattern" "$WORK/err" && [ "$elapsed" -lt 30 ]; then
    pass "$name: exit 2, one line: $(cat "$WORK/err")"
  else
    fail "$name: exit $rc, $lines line(s) on stderr in ${elapsed}s: $(head -c 400 "$WORK/err")"
  fi
}
expect_refusal "PDF without a text layer" "文字层" timeout 60 "$JUESUAN" check "$WORK/scanned.pdf"
expect_refusal "password-protected PDF" "加密" timeout 60 "$JUESUAN" check "$WORK/encrypted.pdf"
expect_refusal "not a PDF" "PDF" timeout 60 "$JUESUAN" check "$WORK/fake.pdf"
expect_refusal "truncated .docx" "docx\|压缩包" timeout 60 "$JUESUAN" check "$WORK/truncated.docx"
expect_refusal "garbage .docx" "docx\|压缩包" timeout 60 "$JUESUAN" check "$WORK/garbage.docx"
expect_refusal "zip without a document" "document.xml" timeout 60 "$JUESUAN" check "$WORK/nodocument.docx"
expect_refusal "zip bomb" "64 MB" timeout 60 "$JUESUAN" check "$WORK/bomb.docx"
expect_refusal "pdftotext missing" "poppler-utils" timeout 60 env PATH=/nonexistent "$JUESUAN" check "$WORK/report.pdf"
expect_refusal "extract of a scanned PDF" "文字层" timeout 60 "$JUESUAN" extract "$WORK/scanned.pdf"

step "fix refuses PDF and Word files; extract prints what check read"
cp "$WORK/whole.docx" "$WORK/fixme.docx"
expect_refusal "fix on a .pdf" "不改写" "$JUESUAN" fix "$WORK/report.pdf"
expect_refusal "fix on a .docx" "不改写" "$JUESUAN" fix "$WORK/fixme.docx"
if cmp -s "$WORK/whole.docx" "$WORK/fixme.docx"; then pass "the .docx is left unchanged"; else fail "fix changed the .docx"; fi
run_juesuan "$WORK/extract.txt" "$WORK/extract.err" extract "$WORK/report.pdf" || true
run_juesuan "$WORK/check.txt" "$WORK/check.err" check --no-color "$WORK/report.pdf" || true
if python3 - "$WORK/extract.txt" "$WORK/check.txt" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read().split("\n")
pages = 1
checked = 0
for row in open(sys.argv[2], encoding="utf-8"):
    match = re.match(r".*\.pdf:p(\d+):(\d+):(\d+): ", row)
    if not match:
        continue
    page, line = int(match[1]), int(match[2])
    # The page of line N of the extracted text is one more than the form feeds before it.
    if line > len(text) or sum(l.count("\f") for l in text[:line]) + 1 != page:
        print("  wrong place:", row.strip()[:120])
        sys.exit(1)
    checked += 1
print(f"  {checked} findings' pages and lines agree with extract's text ({len(text)} lines)")
sys.exit(0 if checked else 1)
PY
then pass "extract prints the text check read: every finding's pN:line lies on that page"
else fail "extract's text does not match check's pages and lines"
fi

step "a folder of mixed files"
mkdir -p "$WORK/batch/sub"
cp "$WILD"/*.pdf "$WORK/batch/"
cp "$WORK/whole.docx" "$WORK/batch/sub/draft.docx"
cp "$ROOT/samples/clean.md" "$WORK/batch/clean.md"
cp "$ROOT/samples/defective.md" "$WORK/batch/sub/defective.txt"
cp "$WORK/truncated.docx" "$WORK/batch/broken.docx"
set +e
JUESUAN_PROGRESS=1 timeout 300 "$JUESUAN" check --format json "$WORK/batch" >"$WORK/batch.json" 2>"$WORK/batch.err"
rc=$?
set -e
if [ "$rc" -eq 2 ] && python3 - "$WORK/batch.json" "$WORK/batch.err" <<'PY'
import json, sys
files = json.load(open(sys.argv[1], encoding="utf-8"))["files"]
errors = open(sys.argv[2], encoding="utf-8").read()
lines = [l for l in errors.replace("\x1b[K", "").replace("\r", "\n").split("\n") if l.strip() and "已检查" not in l]
broken = [f for f in files if f.get("error")]
checked = [f for f in files if not f.get("error") and f["diagnostics"]]
print(f"  {len(files)} files, {len(broken)} unreadable, {len(checked)} with findings; stderr: {lines}")
ok = (len(files) == 6 and len(broken) == 1 and broken[0]["path"].endswith("broken.docx") and len(checked) >= 4
      and len(lines) == 1 and "broken.docx" in lines[0] and "已检查 6/6 个文件" in errors)
sys.exit(0 if ok else 1)
PY
then pass "a folder: 6 files checked in parallel, the broken one one line and a row of its own, exit 2, progress 6/6"
else fail "the folder batch (exit $rc): $(head -c 600 "$WORK/batch.err")"
fi

summary
