# Shared by the scripts in scripts/ (sourced, not run).
# Sets ROOT (the repo root), JUESUAN (absolute path of the juesuan binary,
# from $JUESUAN, default .build/release/juesuan under the repo root), VENV,
# and pass/fail/skip counters with a summary that prints the closing line
# "N passed, N failed".

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.build/tools/venv"

if [ -z "${JUESUAN:-}" ]; then
  JUESUAN="$ROOT/.build/release/juesuan"
  if [ ! -x "$JUESUAN" ] && [ -x "$ROOT/.build/debug/juesuan" ]; then
    JUESUAN_NOTE="no release build; using the debug one"
    JUESUAN="$ROOT/.build/debug/juesuan"
  fi
fi
case "$JUESUAN" in
  /*) ;;
  */*) if [ -e "$PWD/$JUESUAN" ]; then JUESUAN="$PWD/$JUESUAN"; else JUESUAN="$ROOT/$JUESUAN"; fi ;;
  *) JUESUAN="$(command -v "$JUESUAN" 2>/dev/null || echo "$ROOT/$JUESUAN")" ;;
esac
export JUESUAN

PASSED=0
FAILED=0
SKIPPED=0
pass() { PASSED=$((PASSED + 1)); echo "PASS: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }
skip() { SKIPPED=$((SKIPPED + 1)); echo "SKIP: $*"; }
step() { echo "==> $*"; }

# summary: prints the closing line and exits 0 when nothing failed.
summary() {
  if [ "$SKIPPED" -gt 0 ]; then
    echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
  else
    echo "$PASSED passed, $FAILED failed"
  fi
  [ "$FAILED" -eq 0 ]
}

# require_juesuan: the binary must exist; otherwise one failure and exit
# (or a skip with JUESUAN_E2E_SKIP_MISSING=1).
require_juesuan() {
  if [ ! -x "$JUESUAN" ]; then
    missing "juesuan binary not found at $JUESUAN (build it with 'swift build -c release', or set JUESUAN=path)"
  fi
  echo "juesuan: $JUESUAN${JUESUAN_NOTE:+ ($JUESUAN_NOTE)}"
}

# missing REASON: a prerequisite is absent. Fails (exit 1) unless
# JUESUAN_E2E_SKIP_MISSING=1, in which case the whole script is skipped (exit 0).
missing() {
  if [ "${JUESUAN_E2E_SKIP_MISSING:-0}" = 1 ]; then
    skip "$*"
  else
    fail "$*"
  fi
  summary
  exit $?
}

# A small draft report (部门决算公开稿) with exactly one template placeholder
# (text/placeholder) on line DRAFT_PLACEHOLDER_LINE (1-based).
DRAFT_PLACEHOLDER_LINE=9
write_defective_draft() {  # write_defective_draft FILE
  cat > "$1" <<'DRAFT'
# 示例区教育委员会2023年度部门决算

## 第一部分 部门概况

示例区教育委员会是主管全区教育工作的区政府工作部门。

## 第三部分 2023年度部门决算情况说明

2023年度一般公共预算财政拨款支出共计××万元，主要用于保障机构正常运转。
DRAFT
}

# The same draft with nothing a reviewer would call an error.
write_clean_draft() {  # write_clean_draft FILE
  cat > "$1" <<'DRAFT'
# 示例区教育委员会2023年度部门决算

## 第一部分 部门概况

示例区教育委员会是主管全区教育工作的区政府工作部门。

## 第三部分 2023年度部门决算情况说明

2023年度一般公共预算财政拨款支出主要用于保障机构正常运转。
DRAFT
}

# Lines (1-based, one per line) of FILE where text/placeholder is expected:
# from FILE's sibling NAME.expected.tsv (line TAB code) when there is one,
# else the lines holding a placeholder pattern.
placeholder_lines() {  # placeholder_lines FILE
  local expected="${1%.*}.expected.tsv"
  if [ -f "$expected" ] && grep -q $'\ttext/placeholder' "$expected"; then
    awk -F'\t' '$1 !~ /^#/ && $2 == "text/placeholder" { print $1 }' "$expected"
  else
    grep -nE '××|XX|＊＊|【】' "$1" | cut -d: -f1 || true
  fi
}
