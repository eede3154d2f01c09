#!/usr/bin/env python3
"""juesuan's benchmark: one run, one table.

    scripts/bench.py [--binary .build/release/juesuan] [--no-reference] [--no-lsp] [--rounds N] [--edits N]

Measures, on a release build:
  - `check --format json` on each corpus report, and on 1 MB and 10 MB documents made by
    concatenating them: wall time (best of N) and MB/s; the 1 MB → 10 MB cost ratio;
  - process start-to-exit for a single report (what pre-commit pays per file);
  - peak RSS for the 10 MB document (from /proc via wait4's rusage);
  - the language server on a report and on the 1 MB document: in-process without debounce
    (`juesuan lsp --bench`), and beside it over stdio from a client process (`lsp_probe.py`), one
    session pulling diagnostics and one taking pushed ones: didOpen → first diagnostics, edit →
    diagnostics p50/p99/max, RSS;
  - the same files through autocorrect-py (a CJK prose linter from PyPI) as a side-by-side ratio,
    installed into .build/tools/venv when missing (skip with --no-reference).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import lsp_probe

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
    parser.add_argument("--edits", type=int, default=300, help="edits per language server session over stdio")
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
                print(f"\nlsp --bench {label} (in-process):\n" + (result.stdout.strip() or result.stderr.strip()))
                # The same server as an editor sees it: a client process over stdio (scripts/lsp_probe.py).
                print(f"over stdio, {args.edits} one-character edits at random places:")
                for mode in ("pull", "push"):
                    try:
                        print(f"  {mode}: " + lsp_probe.describe(lsp_probe.measure(binary, path, mode, args.edits)))
                    except (OSError, RuntimeError, ValueError) as error:
                        print(f"  {mode}: not measured ({type(error).__name__}: {error})")
        if reference is None and not args.no_reference:
            print("autocorrect-py: not installed (PyPI unreachable?) — no reference ratio")
        print("autocorrect × = autocorrect-py's time ÷ juesuan's time on the same file (higher: juesuan faster)")


if __name__ == "__main__":
    main()
