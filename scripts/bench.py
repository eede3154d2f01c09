#!/usr/bin/env python3
"""juesuan's benchmark: one run, one table.

    scripts/bench.py [--binary .build/release/juesuan] [--no-reference] [--rounds N]

Measures, on a release build:
  - `check --format json` on each corpus report, and on 1 MB and 10 MB documents made by
    concatenating them: wall time (best of N) and MB/s; the 1 MB → 10 MB cost ratio;
  - process start-to-exit for a single report (what pre-commit pays per file);
  - peak RSS for the 10 MB document (from /proc via wait4's rusage);
  - the language server, in-process without debounce (`juesuan lsp --bench`) on a report and on
    the 1 MB document: didOpen → first diagnostics, edit → diagnostics p50/p99, RSS; and over
    stdio (with the 150 ms debounce) on a report;
  - the same files through autocorrect-py (a CJK prose linter from PyPI) as a side-by-side ratio,
    installed into .build/tools/venv when missing (skip with --no-reference).
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "Tests" / "Corpus").glob("*.txt"))
VENV = ROOT / ".build" / "tools" / "venv"


def run_timed(cmd, stdin=None):
    """Wall seconds and peak RSS (KiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if stdin:
        proc.stdin.write(stdin)
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def best(cmd, rounds):
    times, rss = [], 0
    for _ in range(rounds):
        seconds, peak, code = run_timed(cmd)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(map(str, cmd))} exited {code}")
        times.append(seconds)
        rss = max(rss, peak)
    return min(times), rss


def make_documents(folder):
    text = "\n".join(p.read_text(encoding="utf-8") for p in CORPUS)
    docs = {}
    for label, size in (("1MB", 1 << 20), ("10MB", 10 << 20)):
        repeated = (text * (size // len(text.encode()) + 1)).encode()[:size]
        repeated = repeated.decode("utf-8", "ignore").encode()
        path = folder / f"bench-{label}.txt"
        path.write_bytes(repeated)
        docs[label] = path
    return docs


def lsp_latency(binary, document, edits=200):
    """Opens the document, applies `edits` single-character edits, and times each until the
    server publishes diagnostics for that version."""
    proc = subprocess.Popen([str(binary), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)

    def send(obj):
        body = json.dumps(obj, ensure_ascii=False).encode()
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        proc.stdin.flush()

    def read():
        headers = {}
        while True:
            line = proc.stdout.readline()
            if not line:
                raise EOFError("server closed")
            if line in (b"\r\n", b"\n"):
                break
            key, _, value = line.decode().partition(":")
            headers[key.strip().lower()] = value.strip()
        return json.loads(proc.stdout.read(int(headers["content-length"])))

    uri = document.resolve().as_uri()
    text = document.read_text(encoding="utf-8")
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    while read().get("id") != 1:
        pass
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    latencies = []
    line_count = text.count("\n")
    for version in range(2, edits + 2):
        line = (version * 37) % max(line_count, 1)
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version},
                         "contentChanges": [{"range": {"start": {"line": line, "character": 0},
                                                       "end": {"line": line, "character": 0}},
                                             "text": "。" if version % 2 else ""}]}})
        while True:
            message = read()
            if message.get("method") == "textDocument/publishDiagnostics" \
                    and message["params"].get("version") == version:
                break
        latencies.append(time.perf_counter() - start)
    rss = 0
    try:
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1])
    except OSError:
        pass
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    proc.wait(timeout=10)
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return statistics.median(latencies), p99, rss


def reference_linter(no_reference):
    if no_reference:
        return None
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False)
    probe = subprocess.run([str(python), "-c", "import autocorrect_py"], capture_output=True)
    if probe.returncode != 0:
        subprocess.run([str(python), "-m", "pip", "install", "-q", "autocorrect-py"], check=False)
        probe = subprocess.run([str(python), "-c", "import autocorrect_py"], capture_output=True)
    if probe.returncode != 0:
        return None
    script = "import sys, autocorrect_py as a; t = open(sys.argv[1], encoding='utf-8').read(); a.lint_for(t, 'text.md')"
    return lambda path: [str(python), "-c", script, str(path)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "juesuan"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-reference", action="store_true")
    parser.add_argument("--no-lsp", action="store_true")
    args = parser.parse_args()
    binary = Path(args.binary)
    if not binary.exists():
        raise SystemExit(f"{binary} not found: run `swift build -c release` first")
    reference = reference_linter(args.no_reference)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        docs = make_documents(Path(tmp))
        inputs = [(p.name, p) for p in CORPUS] + [(k, v) for k, v in docs.items()]
        for name, path in inputs:
            size = path.stat().st_size
            rounds = args.rounds if size < (5 << 20) else 1
            seconds, rss = best([str(binary), "check", "--format", "json", str(path)], rounds)
            ref = None
            if reference:
                ref_seconds, _ = best(reference(path), max(1, rounds // 2))
                ref = ref_seconds / seconds
            rows.append((name, size, seconds, size / seconds / 1e6, rss, ref))
        print(f"{'input':28}{'bytes':>12}{'wall ms':>10}{'MB/s':>9}{'peak RSS MiB':>14}{'RSS/input':>11}{'autocorrect ×':>15}")
        for name, size, seconds, mbps, rss, ref in rows:
            ratio = rss * 1024 / size
            print(f"{name:28}{size:>12}{seconds * 1000:>10.1f}{mbps:>9.1f}{rss / 1024:>14.1f}{ratio:>11.1f}"
                  f"{('%.2f' % ref) if ref else '-':>15}")
        one, ten = rows[-2], rows[-1]
        print(f"\n10 MB / 1 MB wall-time ratio: {ten[2] / one[2]:.2f} (linear would be 10)")
        single = min(best([str(binary), "check", "--format", "json", str(CORPUS[0])], args.rounds)[0], 10)
        print(f"single report, whole process: {single * 1000:.1f} ms")
        if not args.no_lsp:
            for label, path in ((CORPUS[2].name, CORPUS[2]), ("1MB", docs["1MB"])):
                # In-process, debounce 0: didOpen → first diagnostics, one-character edit → diagnostics.
                result = subprocess.run([str(binary), "lsp", "--bench", str(path), "--edits", "100", "--budget", "120"],
                                        capture_output=True, text=True)
                print(f"\nlsp --bench {label}:\n" + (result.stdout.strip() or result.stderr.strip()))
            try:
                p50, p99, rss = lsp_latency(binary, CORPUS[2])
                print("over stdio, including the server's 150 ms debounce:")
                print(f"LSP edit→diagnostics on {CORPUS[2].name}: p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
                      f"server peak RSS {rss / 1024:.1f} MiB")
            except (EOFError, KeyError, ValueError, subprocess.TimeoutExpired, BrokenPipeError) as error:
                print(f"LSP latency: not measured ({type(error).__name__}: {error})")
        if reference is None and not args.no_reference:
            print("autocorrect-py: not installed (PyPI unreachable?) — no reference ratio")
        print("autocorrect × = autocorrect-py's time ÷ juesuan's time on the same file (higher: juesuan faster)")


if __name__ == "__main__":
    main()
