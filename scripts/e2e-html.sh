#!/usr/bin/env bash
# Browser test of `check --format html`: the page for a batch (a wild PDF, a .docx made from a
# corpus report, the defective sample, and a draft whose text holds a <script>) is opened in
# headless Chromium, which dumps its DOM and takes a screenshot. Checked with Python (stdlib):
#   - every finding of the JSON output for the same files has its note (code, line, character,
#     message) and at least one <mark> on its line that the browser laid out with a box and a
#     background colour (measured in the page by a probe script added to a copy of it);
#   - the summary has a row per file; the report's own <script> is text, never run;
#   - the page loads nothing from outside (no src=, no <link>, no url());
#   - the screenshot is not blank (colours, pixels unlike the background, contrast).
# The screenshot is kept at .build/e2e-html/review.png (and a crop of a table with findings at
# .build/e2e-html/table.png) to look at.
# Usage: scripts/e2e-html.sh       Env: JUESUAN, CHROMIUM, KEEP=1, JUESUAN_E2E_SKIP_MISSING=1
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

step "HTML report in headless Chromium"
require_juesuan
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
[ -n "$CHROMIUM" ] || missing "chromium not found (run scripts/install-test-tools.sh)"
command -v pdftotext >/dev/null || missing "pdftotext not found (run scripts/install-test-tools.sh)"
echo "chromium: $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null | head -n1))"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/juesuan-e2e-html.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
KEPT="$ROOT/.build/e2e-html"
mkdir -p "$KEPT"

cp "$ROOT/Tests/Fixtures/wild/01_shanghai-putuo-guihuaziyuan_2024_dept-final.pdf" "$WORK/report.pdf"
python3 "$ROOT/scripts/docx-from-text.py" "$ROOT/Tests/Corpus/002_ef201cd30c8bda91.txt" "$WORK/draft.docx"
cp "$ROOT/samples/defective.md" "$WORK/defective.md"
cat > "$WORK/hostile.md" <<'DRAFT'
# 示例区2023年度部门决算<script>document.documentElement.setAttribute("data-pwned", "1")</script>

2023年度一般公共预算财政拨款支出共计××万元，较上年增加（减少）5.00万元。<img src=x onerror="document.documentElement.setAttribute('data-pwned','1')">
DRAFT
FILES=("$WORK/report.pdf" "$WORK/draft.docx" "$WORK/defective.md" "$WORK/hostile.md")

set +e
(cd "$WORK" && JUESUAN_PROGRESS=0 "$JUESUAN" check --format json "${FILES[@]}" >"$WORK/findings.json" 2>"$WORK/json.err")
(cd "$WORK" && JUESUAN_PROGRESS=0 "$JUESUAN" check --format html -o "$WORK/review.html" "${FILES[@]}" 2>"$WORK/html.err")
rc=$?
set -e
if [ "$rc" -eq 1 ] && [ -s "$WORK/review.html" ]; then
  pass "check --format html -o review.html: exit 1 (findings), $(wc -c < "$WORK/review.html") bytes"
else
  fail "check --format html exited $rc: $(head -c 300 "$WORK/html.err")"
  summary
  exit 1
fi
if grep -Eq '<link|<script[^>]* src=|url\(|https?://[^"]*\.(css|js|woff)' "$WORK/review.html"; then
  fail "the page refers to something outside itself"
else
  pass "the page is self-contained (no <link>, no script src, no url(), no web fonts)"
fi

# The probe: after the page's own script has run, measure every mark and note as laid out.
python3 - "$WORK/review.html" "$WORK/probe.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
probe = """<script>
window.addEventListener("load", function () {
  document.querySelectorAll("mark.hl, .note").forEach(function (element) {
    var box = element.getBoundingClientRect();
    var style = getComputedStyle(element);
    var painted = style.backgroundColor !== "rgba(0, 0, 0, 0)" && style.backgroundColor !== "transparent";
    var shown = style.display !== "none" && style.visibility !== "hidden";
    element.setAttribute("data-probe", (box.width > 0 && box.height > 0 && painted && shown) ? "visible" : "hidden");
  });
  document.documentElement.setAttribute("data-probed", "1");
});
</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", probe + "</body>"))
PY

browser() {  # browser ARGS... : headless Chromium with a time limit
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$WORK/profile" --virtual-time-budget=5000 "$@" 2>>"$WORK/chromium.log"
}
browser --dump-dom "file://$WORK/probe.html" >"$WORK/dom.html" || true
browser --window-size=1400,1000 --screenshot="$WORK/review.png" "file://$WORK/review.html" >/dev/null || true
browser --window-size=1400,16000 --screenshot="$WORK/tall.png" "file://$WORK/review.html" >/dev/null || true
[ -s "$WORK/dom.html" ] || fail "chromium dumped no DOM: $(tail -n 3 "$WORK/chromium.log")"
[ -s "$WORK/review.png" ] || fail "chromium took no screenshot: $(tail -n 3 "$WORK/chromium.log")"

if python3 - "$WORK/dom.html" "$WORK/findings.json" "$WORK" <<'PY'
import html.parser, json, sys
dom_path, json_path, work = sys.argv[1:]

class Page(html.parser.HTMLParser):
    """Notes, marks (with the line they are on) and summary rows, per file section."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.notes, self.marks, self.rows, self.root = [], [], [], [], {}
        self.section = self.line = None
        self.note = None
        self.depth_note = 0
    def handle_starttag(self, tag, attributes):
        a = dict(attributes)
        if tag == "html":
            self.root = a
        if tag in ("br", "img", "meta", "input", "hr", "link"):
            return
        self.stack.append((tag, a))
        if tag == "section" and "file" in a.get("class", ""):
            self.section = a.get("data-path")
        if tag == "tr" and "data-path" in a:
            self.rows.append(a["data-path"])
        if tag == "div" and a.get("class") == "line":
            self.line = int(a["data-line"])
        if tag == "mark" and "hl" in a.get("class", ""):
            self.marks.append({"section": self.section, "line": self.line, "f": a.get("data-f", "").split(),
                               "probe": a.get("data-probe")})
        if tag == "div" and "note" in a.get("class", "").split():
            self.note = dict(a, section=self.section, text="")
            self.notes.append(self.note)
        if tag == "p" and a.get("class") == "message" and self.note is not None:
            self.note["collect"] = True
    def handle_endtag(self, tag):
        if not self.stack:
            return
        closed, a = self.stack.pop()
        if closed == "p" and self.note is not None and self.note.get("collect"):
            self.note["collect"] = False
        if closed == "div" and a.get("class") == "line":
            self.line = None
        if closed == "div" and "note" in a.get("class", "").split():
            self.note = None
    def handle_data(self, data):
        if self.note is not None and self.note.get("collect"):
            self.note["text"] += data

page = Page()
page.feed(open(dom_path, encoding="utf-8").read())
files = json.load(open(json_path, encoding="utf-8"))["files"]
problems, total = [], 0
if page.root.get("data-probed") != "1":
    problems.append("the probe did not run (no data-probed on <html>)")
if page.root.get("data-pwned"):
    problems.append("the report's <script> or onerror ran: the text was not escaped")
for file in files:
    path = file["path"]
    if path not in page.rows:
        problems.append(f"no summary row for {path}")
    notes = [n for n in page.notes if n["section"] == path]
    marks = [m for m in page.marks if m["section"] == path]
    for diagnostic in file["diagnostics"]:
        total += 1
        start = diagnostic["range"]["start"]
        matching = [n for n in notes if n.get("data-code") == diagnostic["code"]
                    and int(n.get("data-line", -1)) == start["line"]
                    and int(n.get("data-character", -1)) == start["character"]
                    and n["text"] == diagnostic["message"]]
        if not matching:
            problems.append(f"{path}: no note for {diagnostic['code']} at {start}: {diagnostic['message'][:60]}")
            continue
        if not any(n.get("data-probe") == "visible" for n in matching):
            problems.append(f"{path}: the note of {diagnostic['code']} at {start} is not shown")
        numbers = {n["data-f"] for n in matching}
        highlighted = [m for m in marks if numbers & set(m["f"]) and m["line"] == start["line"]
                       and m["probe"] == "visible"]
        if not highlighted:
            problems.append(f"{path}: {diagnostic['code']} at {start} is not highlighted on its line")
hostile = [n for n in page.notes if n["section"] and n["section"].endswith("hostile.md")]
if not any("text/placeholder" == n.get("data-code") for n in hostile):
    problems.append("hostile.md: its placeholder finding is missing")
raw = open(dom_path, encoding="utf-8").read()
if "&lt;script&gt;document.documentElement" not in raw:
    problems.append("hostile.md: its <script> is not shown as text")
for problem in problems[:20]:
    print("  " + problem)
print(f"  {total} findings of {len(files)} files; {len(page.notes)} notes, {len(page.marks)} marks; "
      f"{len(problems)} problems")
sys.exit(1 if problems or total == 0 else 0)
PY
then pass "every finding of the JSON output is on the page, with its note and a visible highlight on its line"
else fail "findings missing or not highlighted on the page"
fi

if python3 - "$WORK/review.png" "$WORK/tall.png" "$KEPT" <<PY
import shutil, sys
sys.path.insert(0, "$ROOT/scripts/lib")
import png
shot, tall, kept = sys.argv[1:]
colours, ink, contrast = png.statistics(shot)
print(f"  screenshot: {colours} colours, {ink:.1%} of pixels unlike the background, luminance deviation {contrast:.1f}")
shutil.copy(shot, f"{kept}/review.png")
try:
    png.crop(tall, f"{kept}/table.png", 6200, 1400)
except Exception as error:
    print(f"  (no crop: {error})")
sys.exit(0 if colours > 50 and ink > 0.05 and contrast > 10 else 1)
PY
then pass "the screenshot is not blank (kept at .build/e2e-html/review.png)"
else fail "the screenshot is blank"
fi

summary
