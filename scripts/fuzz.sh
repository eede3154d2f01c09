#!/usr/bin/env bash
# Randomized fuzzing for a bounded wall time, in one release test process, all harnesses at once:
#   - the JSON-RPC frame reader: random, mutated, lying and truncated Content-Length streams, read
#     whole and in random chunks (Tests/JSONRPCTests/FrameFuzzTests.swift);
#   - JSON-RPC message decoding: random envelopes against an oracle, truncated / non-UTF-8 /
#     non-object / mangled bodies (Tests/JSONRPCTests/MessageFuzzTests.swift), and the JSON reader
#     and decoder against Foundation's JSONDecoder (Tests/JSONRPCTests/JSONValueTests.swift);
#   - mangled drafts through the document parser and every rule
#     (Tests/JuesuanRulesTests/RobustnessTests.swift);
#   - random LSP sessions against the server: hostile documents, impossible edits, every request,
#     cancellations, settings, malformed bodies; each request answered once, serving goes on
#     (Tests/JuesuanServerTests/ServerFuzzTests.swift);
#   - random edits of the corpus reports and of three reports in one file, the incremental parse
#     and lint compared with full ones after each: SECONDS × 5 edits per test
#     (Tests/JuesuanModelTests/IncrementalParseTests.swift, ReportPartsTests/incrementalEqualsFull).
#
#   scripts/fuzz.sh [SECONDS (default 300)] [BASE_SEED (default: time-based)]
#
# The release build comes first and is not counted. The base seed is printed: a failure names the
# seed of its iteration; replay one with (lane 0 runs SEED itself)
#   JUESUAN_FUZZ_SEED=SEED JUESUAN_FUZZ_ITERATIONS=1 swift test --filter 'FrameFuzzTests|MessageFuzzTests|JSONValueTests|ServerFuzzTests|mangledDrafts'
# After a crash, or a hang (killed 2 minutes past the budget), the seed each harness was running
# is printed. Keep every input that broke something in Tests/Fixtures/fuzz-regressions/ (see its
# README): the normal test suite replays them. JUESUAN_FUZZ_SCRATCH sets the build folder.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
seed="${2:-$(date +%s)}"
scratch="${JUESUAN_FUZZ_SCRATCH:-.build}"
filter='FrameFuzzTests|MessageFuzzTests|JSONValueTests|ServerFuzzTests|RobustnessTests/mangledDrafts|IncrementalParseTests|ReportPartsTests/incrementalEqualsFull'

echo "building (release, $scratch)"
swift build --build-tests -c release --scratch-path "$scratch"

trace="$(mktemp -d)"
trap 'rm -rf "$trace"' EXIT
export JUESUAN_FUZZ_SECONDS="$seconds" JUESUAN_FUZZ_SEED="$seed" JUESUAN_FUZZ_TRACE="$trace"
export JUESUAN_INCREMENTAL_EDITS="${JUESUAN_INCREMENTAL_EDITS:-$((seconds * 5))}"
echo "fuzzing for ${seconds}s from base seed $seed (replay: JUESUAN_FUZZ_SEED=$seed)"
log="$scratch/fuzz.log"
status=0
timeout --kill-after=10 "$((seconds + 120))" \
  swift test -c release --skip-build --scratch-path "$scratch" --filter "$filter" >"$log" 2>&1 || status=$?
grep -a -E '^fuzz |↳ seed|✘|Fatal error|Test run with' "$log" | cut -c1-400 || true
if [[ "$status" -ne 0 ]]; then
  echo "FAILED (exit $status) from base seed $seed (full log: $log); what each harness was running:"
  for file in "$trace"/*; do echo "  $(basename "$file"): $(cat "$file")"; done
  exit "$status"
fi
echo "fuzzing: no failures in ${seconds}s from base seed $seed"
