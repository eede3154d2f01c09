#!/usr/bin/env bash
# The concurrent parts under ThreadSanitizer: the language server (actor, debounced diagnostics,
# cancellation, the stdio reader thread) and the linter (reports of one file, and the two lanes
# of rules, checked on several threads).
set -euo pipefail
cd "$(dirname "$0")/.."
swift test --sanitize=thread --scratch-path .build-tsan --filter 'JuesuanServerTests|JSONRPCTests|ReportPartsTests/samplesConcatenated'
