#!/usr/bin/env bash
# Runs every test of the project: formatting, the Swift test suite, the generated-docs check,
# the editor integrations (static checks; Neovim, Emacs and pre-commit end-to-end when the
# tools are installed — scripts/install-test-tools.sh installs them, and CI does so first), and
# PDF / Word input and the HTML page in headless Chromium (e2e-documents, e2e-html).
# In CI (or with JUESUAN_TSAN=1) the server's tests also run under ThreadSanitizer, and (or with
# JUESUAN_FUZZ=1) the property tests run at full size with the fuzz harnesses (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
failures=0
run() {
  local name=$1
  shift
  if "$@"; then
    echo "ok: $name"
  else
    echo "FAILED: $name"
    failures=$((failures + 1))
  fi
}

if [[ "${CI:-}" == "true" || "${JUESUAN_INSTALL_TOOLS:-}" == "1" ]]; then
  step "installing test tools (Neovim, Emacs + eglot, pre-commit, poppler, qpdf, img2pdf, zip, Chromium)"
  bash scripts/install-test-tools.sh --require || { echo "FAILED: installing test tools"; failures=$((failures + 1)); }
fi

step "swift format lint --strict"
run "format" swift format lint --strict -r Sources Tests Package.swift

step "swift build -c release"
swift build -c release
export JUESUAN="$PWD/.build/release/juesuan"

step "swift test"
run "swift test" swift test --parallel

if [[ "${CI:-}" == "true" || "${JUESUAN_TSAN:-}" == "1" ]]; then
  step "ThreadSanitizer (the server's concurrent parts)"
  run "tsan" bash scripts/tsan.sh
fi

if [[ "${CI:-}" == "true" || "${JUESUAN_FUZZ:-}" == "1" ]]; then
  # 30 s of every fuzz harness from a fixed base seed, in a release build; then, in that build,
  # the property tests at full size: 3000 random edits of each corpus report (and of three
  # reports in one file), the incremental parse and lint equal to full ones after each.
  step "fuzzing (release, 30 s) and the property tests at full size (3000 incremental edits each)"
  run "fuzz" bash scripts/fuzz.sh 30 20261201
  run "property tests" env JUESUAN_INCREMENTAL_EDITS=3000 swift test -c release --skip-build \
    --filter 'IncrementalParseTests/incrementalEqualsFull|ReportPartsTests/incrementalEqualsFull'
  # Each edit is also linted afresh: 300 of each corpus report, within lines and within the
  # contents and cover, about thirty seconds.
  run "reuse property tests" env JUESUAN_INCREMENTAL_EDITS=300 swift test -c release --skip-build \
    --filter 'ElementReuseTests/randomEdits|ElementReuseTests/contentsAndUnitEdits'
fi

step "docs/rules.md is up to date"
run "docs/rules.md" diff -u docs/rules.md <("$JUESUAN" rules --markdown)

for script in check-editors e2e-nvim e2e-emacs e2e-precommit e2e-documents e2e-html; do
  if [[ -f "scripts/$script.sh" ]]; then
    step "$script"
    run "$script" bash "scripts/$script.sh"
  fi
done

step "summary"
if ((failures > 0)); then
  echo "$failures step(s) failed"
  exit 1
fi
echo "all steps passed"
