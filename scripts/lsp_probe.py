#!/usr/bin/env python3
"""Latency of `juesuan lsp` as an editor sees it: a client in a separate process, over stdio.

    scripts/lsp_probe.py [--binary BIN]... [--mode pull|push|both] [--edits N] [--rounds N]
                         [--budget SECONDS] [--json] FILE

For each binary (default .build/release/juesuan; several are run alternately, round by round, so
that a busy machine slows them alike) and each mode, one session per round:
  - pull: the client advertises pull diagnostics and sends `textDocument/diagnostic` (without a
    previousResultId, so every answer is the full list) after didOpen and after each edit;
  - push: the client leaves pull diagnostics out of its capabilities and waits for the
    `publishDiagnostics` of each version.
It prints didOpen → first diagnostics (push: the first publish, which for a file of several
reports holds its first report's diagnostics while the rest is checked, and "all", the last
publish of version 1 once none has followed for 0.3 s), edit → diagnostics p50 / p99 / max over N one-character
edits (insert "1" at a random place of a random line, then delete it: seed 7, as
../shared/tools/lsp_probe.py does), and the server's resident memory (VmRSS, peak VmHWM).
A time is taken when the whole answer has been read, before it is parsed.

Standard library only; `bench.py` imports `measure` from here.
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Session:
    """One `BIN lsp` process and a reader thread that timestamps every message as it arrives."""

    def __init__(self, binary, pull):
        self.proc = subprocess.Popen([str(binary), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.lock = threading.Condition()
        self.write_lock = threading.Lock()  # the reader thread answers the server's requests
        self.responses, self.published, self.eof = {}, {}, False
        self.publishes = []  # (uri, version, arrival time) of every publishDiagnostics, in order
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        capabilities = {
            "general": {"positionEncodings": ["utf-8", "utf-16"]},
            "workspace": {"configuration": True},
            "textDocument": {"publishDiagnostics": {"versionSupport": True, "tagSupport": {"valueSet": [1, 2]}}},
        }
        if pull:
            capabilities["textDocument"]["diagnostic"] = {"dynamicRegistration": False}
        result = self.wait_response(self.request("initialize", {
            "processId": os.getpid(), "rootUri": None, "capabilities": capabilities}), 30)
        if result is None:
            raise RuntimeError("initialize was not answered")
        self.capabilities = result[0].get("result", {}).get("capabilities", {})
        self.encoding = self.capabilities.get("positionEncoding", "utf-16")
        self.notify("initialized", {})

    def _read(self):
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line or line in (b"\r\n", b"\n"):
                    break
                key, _, value = line.partition(b":")
                if key.strip().lower() == b"content-length":
                    length = int(value)
            if not line or length is None:
                break
            body = stream.read(length)
            arrived = time.perf_counter()
            message = json.loads(body)
            if "id" in message and "method" in message:  # workspace/configuration and the like
                items = (message.get("params") or {}).get("items", [])
                self.send({"jsonrpc": "2.0", "id": message["id"],
                           "result": [None] * len(items) if message["method"] == "workspace/configuration" else None})
                continue
            with self.lock:
                if "id" in message:
                    self.responses[message["id"]] = (message, arrived)
                elif message.get("method") == "textDocument/publishDiagnostics":
                    params = message["params"]
                    self.published.setdefault((params["uri"], params.get("version")), (params, arrived))
                    self.publishes.append((params["uri"], params.get("version"), arrived))
                self.lock.notify_all()
        with self.lock:
            self.eof = True
            self.lock.notify_all()

    def send(self, message):
        body = json.dumps(message, ensure_ascii=False).encode()
        with self.write_lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def _wait(self, found, timeout):
        end = time.monotonic() + timeout
        with self.lock:
            while True:
                value = found()
                if value is not None or self.eof or time.monotonic() > end:
                    return value
                self.lock.wait(max(0.0, end - time.monotonic()))

    def wait_response(self, id_, timeout=10):
        """(message, arrival time) of the response to id_, None on timeout."""
        return self._wait(lambda: self.responses.pop(id_, None), timeout)

    def wait_published(self, uri, version, timeout=10):
        """(params, arrival time) of the diagnostics published for that version, None on timeout."""
        return self._wait(lambda: self.published.get((uri, version)), timeout)

    def last_published(self, uri, version, quiet=0.3, timeout=30):
        """Arrival time of the last publish for that version once none has followed for `quiet` s."""
        end = time.monotonic() + timeout
        while True:
            with self.lock:
                times = [arrived for u, v, arrived in self.publishes if (u, v) == (uri, version)]
            if times and time.perf_counter() - times[-1] >= quiet or time.monotonic() > end:
                return times[-1] if times else None
            time.sleep(0.02)

    def memory_mb(self):
        figures = {}
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    figures[key] = int(value.split()[0]) / 1024
        except OSError:
            pass
        return figures

    def close(self):
        try:
            self.wait_response(self.request("shutdown", None), 5)
            self.notify("exit", None)
            self.proc.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


def units(text, encoding):
    """Length of text in the code units of the position encoding."""
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def percentile(values, fraction):
    """Nearest rank, as `juesuan lsp --bench` and ../shared/tools/lsp_probe.py take it."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))] if ordered else None


def measure(binary, path, mode, edits=300, budget=60.0):
    """One session: {"open_ms", "open_all_ms", "n", "timeouts", "p50", "p99", "max", "rss_mb", "hwm_mb"}."""
    pull = mode == "pull"
    session = Session(binary, pull)
    try:
        text = Path(path).read_bytes().decode("utf-8", "replace")
        lines = text.split("\n")
        uri, version = Path(path).resolve().as_uri(), 1
        if pull and "diagnosticProvider" not in session.capabilities:
            raise RuntimeError("the server does not offer pull diagnostics")

        def diagnostics_after(start):
            """Milliseconds from start to the diagnostics of the current version, None on timeout."""
            if pull:
                got = session.wait_response(session.request("textDocument/diagnostic", {"textDocument": {"uri": uri}}))
            else:
                got = session.wait_published(uri, version)
            return None if got is None else (got[1] - start) * 1000

        start = time.perf_counter()
        session.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": version, "text": text}})
        opened = diagnostics_after(start)
        # Push: the whole lint's publish follows the first report's; the edits start after it.
        last = None if pull or opened is None else session.last_published(uri, version)
        opened_all = opened if last is None else (last - start) * 1000
        rng = random.Random(7)
        candidates = [index for index, line in enumerate(lines) if line]
        times, timeouts, end = [], 0, time.monotonic() + budget
        for index in range(edits):
            if time.monotonic() > end:
                break
            if index % 2 == 0:  # insert one character, then delete it on the next edit
                line = rng.choice(candidates)
                column = rng.randrange(len(lines[line]) + 1)
                old, new = lines[line], lines[line][:column] + "1" + lines[line][column:]
                first, last, inserted = column, column, "1"
            else:
                old, new = lines[line], lines[line][:column] + lines[line][column + 1:]
                first, last, inserted = column, column + 1, ""
            lines[line] = new
            version += 1
            change = {"range": {"start": {"line": line, "character": units(old[:first], session.encoding)},
                                "end": {"line": line, "character": units(old[:last], session.encoding)}},
                      "text": inserted}
            start = time.perf_counter()
            session.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                      "contentChanges": [change]})
            elapsed = diagnostics_after(start)
            if elapsed is None:
                timeouts += 1
            else:
                times.append(elapsed)
        memory = session.memory_mb()
        return {"open_ms": opened, "open_all_ms": opened_all, "n": len(times), "timeouts": timeouts, "p50": percentile(times, 0.5),
                "p99": percentile(times, 0.99), "max": max(times) if times else None,
                "rss_mb": memory.get("VmRSS"), "hwm_mb": memory.get("VmHWM")}
    finally:
        session.close()


def describe(result):
    def ms(value):
        return "-" if value is None else f"{value:.1f}"
    opened = ms(result["open_ms"])
    if result.get("open_all_ms") not in (None, result["open_ms"]):
        opened += f" (all {ms(result['open_all_ms'])})"
    return (f"open {opened:>6} ms   edits ({result['n']}{', %d timeouts' % result['timeouts'] if result['timeouts'] else ''})"
            f" p50 {ms(result['p50']):>5}  p99 {ms(result['p99']):>5}  max {ms(result['max']):>6} ms"
            f"   RSS {ms(result['rss_mb'])} MB (peak {ms(result['hwm_mb'])})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--binary", action="append", help="the server executable; repeat to compare")
    parser.add_argument("--mode", choices=["pull", "push", "both"], default="both")
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds of edits per session at most")
    parser.add_argument("--json", action="store_true", help="one JSON object per session")
    args = parser.parse_args()
    binaries = args.binary or [str(ROOT / ".build" / "release" / "juesuan")]
    modes = ["pull", "push"] if args.mode == "both" else [args.mode]
    for round_ in range(1, args.rounds + 1):
        for mode in modes:
            for binary in binaries:
                result = measure(binary, args.file, mode, args.edits, args.budget)
                if args.json:
                    print(json.dumps({"binary": binary, "mode": mode, "round": round_, **result}), flush=True)
                else:
                    print(f"{mode:4} {Path(binary).name:16} round {round_}: {describe(result)}", flush=True)


if __name__ == "__main__":
    main()
