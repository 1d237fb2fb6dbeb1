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


def measure_log_keeping_words(data_dir: Path, runs: int) -> dict[str, list[float]]:
    """Milliseconds of wall-clock for `log` (a change to the data) as a whole process over ten
    years, on a copy of the data: with words kept for the folder, which the command keeps again
    for the changed data (core.workload.words_after_command), and with none, interleaved."""
    import sqlite3

    from core.common.clock import today
    from core.store.week_snapshot import data_state, save_snapshot, snapshot_path
    from core.workload.week_words import week_in_words_from_file

    found: dict[str, list[float]] = {"with kept words": [], "with none": []}
    with tempfile.TemporaryDirectory() as home:
        env = child_env(Path(home), {"QT_QPA_PLATFORM": "offscreen"})
        folder = Path(home) / "copy"
        folder.mkdir(mode=0o700)
        with sqlite3.connect(f"file:{data_dir / 'caseload.db'}?mode=ro", uri=True) as original:
            copy = sqlite3.connect(folder / "caseload.db")
            original.backup(copy)
            copy.close()
        words = week_in_words_from_file(folder, today())
        for slot in range(2 * (runs + 1)):
            key = ("with kept words", "with none")[(slot + slot // 2) % 2]  # each first in turn
            if key == "with none" or words is None:
                snapshot_path(folder).unlink(missing_ok=True)
            else:
                save_snapshot(folder, words._replace(data_state=data_state(folder)))
            begin, end = divmod(6 * 60 + slot, 60), divmod(6 * 60 + slot + 1, 60)
            entry = f"{begin[0]:02d}:{begin[1]:02d}-{end[0]:02d}:{end[1]:02d} admin"  # a minute
            command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder), "log",
                       "--date", "2016-01-05", entry]
            began = time.perf_counter()
            subprocess.run(command, env=env, cwd=ROOT, capture_output=True, check=True,
                           timeout=120)
            if slot >= 2:  # the first of each writes the bytecode
                found[key].append((time.perf_counter() - began) * 1000)
    return found


LIBRARY_MEMORY = """
import importlib, json, sys
def memory():
    found = {}
    for source, key in (("/proc/self/status", "VmRSS"), ("/proc/self/smaps_rollup", "Pss")):
        for line in open(source):
            if line.startswith(key + ":"):
                found[key] = int(line.split()[1])
    return found
as_app = sys.argv[1:] == ["as-app"]
costs, last = {}, memory()
from PySide6.QtWidgets import QApplication
if as_app:  # as ui/shell/app.py does, at once
    from ui.widgets.lean_imports import import_pyqtgraph, stop_keeping_module_sources
    stop_keeping_module_sources()
app = QApplication([])
now = memory()
costs["PySide6 widgets and a QApplication"], last = {k: now[k] - last[k] for k in now}, now
for name in ("numpy", "sqlite_utils", "holidays", "pyqtgraph"):
    if as_app and name == "pyqtgraph":
        import_pyqtgraph()  # as the charts do
    else:
        importlib.import_module(name)
    now = memory()
    costs[name], last = {k: now[k] - last[k] for k in now}, now
print(json.dumps(costs))
"""


def _library_runs(runs: int, as_app: bool) -> list[dict[str, dict[str, int]]]:
    found = []
    for _ in range(max(3, runs // 2)):
        done = subprocess.run([sys.executable, "-c", LIBRARY_MEMORY, *(["as-app"] if as_app else [])],
                              capture_output=True, text=True, check=True, timeout=60, cwd=ROOT,
                              env=dict(os.environ, QT_QPA_PLATFORM="offscreen",
                                       PYTHONPATH=str(ROOT)))
        found.append(json.loads(done.stdout))
    return found


def library_memory(runs: int) -> dict[str, list[float]]:
    """MiB of resident memory each library adds when imported, in fresh processes."""
    found: dict[str, list[float]] = {}
    for run in _library_runs(runs, as_app=False):
        for name, kib in run.items():
            found.setdefault(name, []).append(kib["VmRSS"] / 1024)
    return found


def library_memory_as_app(runs: int) -> dict[str, list[float]]:
    """The same, imported as the app imports them (PySide6 keeping no module's source, pyqtgraph
    building Qt classes only when used: ui/widgets/lean_imports.py), RSS and PSS:
    {"numpy (RSS)": [MiB, …], "numpy (PSS)": […], …}."""
    found: dict[str, list[float]] = {}
    for run in _library_runs(runs, as_app=True):
        for name, kib in run.items():
            for key, label in (("VmRSS", "RSS"), ("Pss", "PSS")):
                found.setdefault(f"{name} ({label})", []).append(kib[key] / 1024)
    return found
