#!/usr/bin/env bash
# A longer run of the randomized robustness harness (Tests/JuesuanRulesTests/RobustnessTests.swift):
# mangled corpus drafts through the parser and every rule. Bounded by iterations, and reproducible:
# a failure names its seed; rerun with JUESUAN_FUZZ_SEED to replay. Add each crash found as a
# fixed case to that file.
#   scripts/fuzz.sh [ITERATIONS_PER_BATCH (default 2000)] [BASE_SEED (default: time-based)]
set -euo pipefail
cd "$(dirname "$0")/.."
export JUESUAN_FUZZ_ITERATIONS="${1:-2000}"
export JUESUAN_FUZZ_SEED="${2:-$(date +%s)}"
echo "fuzzing: 4 batches × $JUESUAN_FUZZ_ITERATIONS drafts from seed $JUESUAN_FUZZ_SEED"
swift test -c release --filter RobustnessTests
