#!/usr/bin/env bash
# The language server's concurrent parts (actor, debounced diagnostics, cancellation, the stdio
# reader thread) under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
swift test --sanitize=thread --scratch-path .build-tsan --filter 'JuesuanServerTests|JSONRPCTests'
