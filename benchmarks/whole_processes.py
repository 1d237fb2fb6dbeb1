"""Whole processes timed or weighed from outside, for run_benchmarks.py: each command over ten
years (wall-clock and CPU), and what each library adds to memory when imported."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.startup import ROOT, child_env

TEN_YEAR_COMMANDS = (
    ["log", "list", "--from", "2016-01-01", "--to", "2026-12-31", "--json"],
    ["log", "list", "--from", "2016-01-01", "--to", "2026-12-31"],
    ["history", "--weeks", "520", "--json"],
    ["status", "--json"],
    ["cases", "list", "--all", "--json"],
    ["export", "--from", "2016-01-01", "--to", "2026-12-31", "--format", "csv", "--out", "{out}"],
)


def measure_commands(data_dir: Path, runs: int) -> dict[str, tuple[list[float], list[float]]]:
    """Milliseconds of wall-clock and of CPU time for each command as a whole process over
    ten years, in interleaved rounds after one that writes the bytecode; output is read from a
    pipe and thrown away."""
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as home:
        env = child_env(Path(home), {"QT_QPA_PLATFORM": "offscreen"})
        out = Path(home) / "out.csv"
        for round_number in range(runs + 1):
            for args in TEN_YEAR_COMMANDS:
                out.unlink(missing_ok=True)
                command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           *[a.replace("{out}", str(out)) for a in args]]
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                began = time.perf_counter()
                subprocess.run(command, env=env, cwd=ROOT, capture_output=True, check=True,
                               timeout=120)
                took = time.perf_counter() - began
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                if round_number:
                    key = " ".join(args).replace(" --out {out}", "")
                    wall.setdefault(key, []).append(took * 1000)
                    cpu.setdefault(key, []).append((after.ru_utime - before.ru_utime
                                                    + after.ru_stime - before.ru_stime) * 1000)
    return {key: (wall[key], cpu[key]) for key in wall}


LIBRARY_MEMORY = """
import importlib, json
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1])
costs, last = {}, rss()
from PySide6.QtWidgets import QApplication
app = QApplication([])
costs["PySide6 widgets and a QApplication"], last = rss() - last, rss()
for name in ("numpy", "sqlite_utils", "holidays", "pyqtgraph"):
    importlib.import_module(name)
    costs[name], last = rss() - last, rss()
print(json.dumps(costs))
"""


def library_memory(runs: int) -> dict[str, list[float]]:
    """MiB of resident memory each library adds when imported, in fresh processes."""
    found: dict[str, list[float]] = {}
    for _ in range(max(3, runs // 2)):
        done = subprocess.run([sys.executable, "-c", LIBRARY_MEMORY], capture_output=True,
                              text=True, check=True, timeout=60,
                              env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        for name, kib in json.loads(done.stdout).items():
            found.setdefault(name, []).append(kib / 1024)
    return found
