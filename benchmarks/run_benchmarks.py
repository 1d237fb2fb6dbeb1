"""Measure the issue's performance targets against a generated dataset; print a table of medians.

Usage: .venv/bin/python benchmarks/run_benchmarks.py DIR [--runs 5] [--json benchmarks/results.json]

DIR holds a dataset from generate_dataset.py. Start-up is timed in fresh processes, in interleaved
rounds (the app, then the floor: a bare PySide6 QMainWindow holding a QTableView, then two more
bare windows for information), all offscreen, all reporting their first paint through
CASELOAD_COMPANION_EXIT_AFTER_PAINT=1; the ratio is kept for every round. The imports on the path
to the app's first paint are timed with `python -X importtime`. Everything else is timed in this
process, after start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlite_utils import Database  # noqa: E402

from ui.shell.paint_probe import (  # noqa: E402
    DATA_PAINTED_PREFIX,
    EXIT_AFTER_PAINT_ENV,
    PAINTED_PREFIX,
    SETTLED_PREFIX,
)

Row = dict[str, object]


def _child_env(home: Path) -> dict[str, str]:
    """Offscreen, and a throwaway home so no real settings or window geometry are read or kept.

    Bytecode is cached (in the throwaway folder, not the source tree) even where the shell says
    PYTHONDONTWRITEBYTECODE: an installed app starts from bytecode, so that is what is timed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               PYTHONPYCACHEPREFIX=str(home / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env[EXIT_AFTER_PAINT_ENV] = "1"
    return env


def time_to_paint(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from just before the process is started to its first finished paint (`painted`)
    and, for the app, to the paint with the data in the window (`data`); resident memory (KiB)
    at the first paint (`rss`) and once deferred work (charts) has been done (`settled`)."""
    began = time.monotonic()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    reports = {line.split()[0]: line.split() for line in done.stdout.splitlines()
               if line.startswith((PAINTED_PREFIX, DATA_PAINTED_PREFIX, SETTLED_PREFIX))}
    if PAINTED_PREFIX not in reports or SETTLED_PREFIX not in reports:
        raise RuntimeError(f"{command} never reported a paint:\n{done.stdout}\n{done.stderr}")
    painted, settled = reports[PAINTED_PREFIX], reports[SETTLED_PREFIX]
    result = {"painted": float(painted[1]) - began, "rss": int(painted[3]),
              "settled": int(settled[3]), "cpu": float(painted[7])}
    if DATA_PAINTED_PREFIX in reports:
        result["data"] = float(reports[DATA_PAINTED_PREFIX][1]) - began
    return result


def measure_startup(data_dir: Path, runs: int) -> dict[str, list[float]]:
    python = sys.executable
    commands = {
        "app": [python, str(ROOT / "main.py"), "--data-dir", str(data_dir)],
        "floor": [python, str(ROOT / "benchmarks" / "bare_window.py"), "--with-table"],
        "bare": [python, str(ROOT / "benchmarks" / "bare_window.py")],
        "bare_text": [python, str(ROOT / "benchmarks" / "bare_window.py"), "--with-text"],
    }
    result: dict[str, list[float]] = {"app": [], "app_data": [], "floor": [], "bare": [],
                                      "bare_text": [], "rss_mb": [], "settled_mb": [],
                                      "app_cpu": [], "floor_cpu": []}
    with tempfile.TemporaryDirectory() as home:
        env = _child_env(Path(home))
        for _ in range(2):  # write the bytecode and warm the file cache before counting
            for command in commands.values():
                time_to_paint(command, env)
        for _ in range(runs):  # in turn, so a busy moment on the machine hits each alike
            for key, command in commands.items():
                run = time_to_paint(command, env)
                result[key].append(run["painted"])
                if key in ("app", "floor"):
                    result[f"{key}_cpu"].append(run["cpu"])
                if key == "app":
                    result["app_data"].append(run["data"])
                    result["rss_mb"].append(run["rss"] * 1024 / 1e6)
                    result["settled_mb"].append(run["settled"] * 1024 / 1e6)
    return result


def imports_before_paint(data_dir: Path, runs: int) -> dict[str, float]:
    """Milliseconds of import, per top-level package, before the app's first paint (medians).

    Read from `python -X importtime` up to the probe's marker on stderr; each module's own time
    (without the modules it imports) is counted under its first dotted name (`PySide6`,
    `shiboken6`, `ui`, `core`, `logging`, …), so nothing is counted twice."""
    per_package: dict[str, list[float]] = {}
    command = [sys.executable, "-X", "importtime", str(ROOT / "main.py"), "--data-dir",
               str(data_dir)]
    with tempfile.TemporaryDirectory() as home:
        env = _child_env(Path(home))
        subprocess.run(command, env=env, cwd=ROOT, capture_output=True, timeout=60)  # warm
        for _ in range(runs):
            done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True,
                                  timeout=60)
            totals: dict[str, float] = {}
            for line in done.stderr.splitlines():
                if line.strip() == PAINTED_PREFIX:
                    break
                if not line.startswith("import time:") or "|" not in line:
                    continue
                own, _cumulative, name = line[len("import time:"):].split("|")
                if not own.strip().isdigit():
                    continue  # the header
                top = name.strip().split(".")[0]
                totals[top] = totals.get(top, 0.0) + int(own) / 1000
            for top, ms in totals.items():
                per_package.setdefault(top, []).append(ms)
    return {top: statistics.median(v + [0.0] * (runs - len(v))) for top, v in per_package.items()}


def timed_ms(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return times


def measure_status(db: Database, runs: int) -> list[float]:
    """The work `status` does: load the inputs, two years of weekly estimates, the words."""
    from core.workload.estimate import load_inputs
    from core.workload.history import workload_status
    from core.workload.status_words import status_words

    today = date.today()
    return timed_ms(lambda: status_words(workload_status(load_inputs(db), today), today), runs)


def measure_status_command(data_dir: Path, runs: int) -> list[float]:
    command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "status"]

    with tempfile.TemporaryDirectory() as home:
        env = _child_env(Path(home))

        def run() -> None:
            subprocess.run(command, env=env, cwd=ROOT, capture_output=True, check=True, timeout=60)

        run()
        return timed_ms(run, runs)


def measure_window(db: Database, data_dir: Path, runs: int) -> dict[str, list[float]]:
    """Switch to each view and filter the case list, each followed by the repaint it causes."""
    from PySide6.QtCore import QSettings, Qt

    from main import build_window
    from ui.shell.app import create_application

    app = create_application()
    settings_dir = tempfile.mkdtemp()
    window = build_window(db, data_dir, QSettings(str(Path(settings_dir) / "bench.ini"),
                                                  QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    # The Overview's trend chart (pyqtgraph) is made just after the first paint: let that
    # happen now, so it is not counted against the first view opened.
    window.view("overview").ensure_trend()
    app.processEvents()
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    result: dict[str, list[float]] = {f"switch to {k}": [] for k in keys}
    first: dict[str, list[float]] = {}

    def show(key: str) -> None:
        window.show_view(key)
        app.processEvents()

    def open_tab(index: int) -> Callable[[], None]:
        def run() -> None:
            window.view("time").tabs.setCurrentIndex(index)
            app.processEvents()
        return run

    for key in keys[1:]:  # views (and Settings' first page) are made when first opened
        first[f"open {key}, first time"] = timed_ms(lambda k=key: show(k), 1)
        if key == "time":
            # At once, before the Time view has had the moment it takes to build the charts
            # ahead: the slowest a first opening can be.
            first["open Time > Charts, first time"] = timed_ms(open_tab(1), 1)
            open_tab(0)()
    for _ in range(runs):
        for key in keys:  # each view is left and come back to, as the practitioner would
            result[f"switch to {key}"] += timed_ms(lambda k=key: show(k), 1)
    result.update(first)
    show("time")
    result["open Time > Charts again"] = []
    for _ in range(runs):
        timed_ms(open_tab(0), 1)
        result["open Time > Charts again"] += timed_ms(open_tab(1), 1)
    show("caseload")
    bar = window.view("caseload").filter_bar

    def search(text: str) -> Callable[[], None]:
        def run() -> None:
            bar.search.setText(text)
            app.processEvents()
        return run

    result["filter active cases"] = []
    result["filter all 600 cases"] = []
    for _ in range(runs):
        bar.set_status("active")
        app.processEvents()
        result["filter active cases"] += timed_ms(search("C5"), 1) + timed_ms(search(""), 1)
        bar.set_status("all")
        app.processEvents()
        result["filter all 600 cases"] += timed_ms(search("C5"), 1) + timed_ms(search(""), 1)
    bar.set_status("active")
    window.close()
    app.processEvents()
    shutil.rmtree(settings_dir, ignore_errors=True)
    return result


def measure_pdf(db: Database, runs: int) -> list[float]:
    from core.supervision.summary import SummaryOptions
    from ui.supervision.pdf_export import ensure_gui_application, fitted_summary, write_pdf

    ensure_gui_application()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "summary.pdf"

        def export() -> None:
            target.unlink(missing_ok=True)
            write_pdf(fitted_summary(db, SummaryOptions(), date.today()), target)

        return timed_ms(export, runs)


def _row(what: str, values: list[float], unit: str, target: str, ok: bool | None) -> Row:
    median = statistics.median(values)
    text = f"{median:.2f}" if unit == "×" else f"{median:.0f} {unit}" if median >= 10 \
        else f"{median:.1f} {unit}"
    return {"what": what, "median": round(median, 3), "unit": unit, "text": text,
            "target": target, "ok": ok, "runs": [round(v, 3) for v in values]}


def _ratio_row(what: str, app_ms: list[float], bare_ms: list[float], limit: float | None) -> Row:
    """The ratio of the medians (not the median of the ratios), checked against `limit`."""
    ratio = statistics.median(app_ms) / statistics.median(bare_ms)
    row = _row(what, [a / b for a, b in zip(app_ms, bare_ms)], "×",
               f"≤ {limit}" if limit else "(for information)", None if limit is None
               else ratio <= limit)
    row["median"], row["text"] = round(ratio, 3), f"{ratio:.2f}"
    return row


def measure(data_dir: Path, runs: int) -> list[Row]:
    from core.store.database import open_database
    from core.store.paths import database_path

    rows: list[Row] = []
    startup = measure_startup(data_dir, runs)
    rows += import_rows(data_dir, runs)
    ms = {key: [s * 1000 for s in values] for key, values in startup.items()}
    rows.append(_row("start to main window painted (menus, navigation, view title)", ms["app"],
                     "ms", "", None))
    rows.append(_row("start to the week shown in words (Overview filled)", ms["app_data"], "ms",
                     "(for information)", None))
    rows.append(_row("floor: bare PySide6 window with a QTableView, same way", ms["floor"], "ms",
                     "", None))
    rows.append(_row("bare PySide6 window, empty", ms["bare"], "ms", "(for information)", None))
    rows.append(_row("bare window with a menu, a list and a label", ms["bare_text"], "ms",
                     "(for information)", None))
    rows.append(_ratio_row("start-up ratio (app ÷ floor)", ms["app"], ms["floor"], 1.3))
    rows.append(_ratio_row("CPU time to first paint (app ÷ floor)", startup["app_cpu"],
                           startup["floor_cpu"], None))
    rows.append(_ratio_row("start-up ratio (app ÷ empty window)", ms["app"], ms["bare"], None))
    rows.append(_ratio_row("start-up ratio (app ÷ bare window with text)", ms["app"],
                           ms["bare_text"], None))
    # MB of 1,000,000 bytes, as the target is written; MiB (what top shows) beside it.
    rows.append(_row("memory at first paint (RSS)", startup["rss_mb"], "MB", "", None))
    settled = startup["settled_mb"]
    rows.append(_row("memory after start, charts loaded (RSS)", settled, "MB", "< 150 MB",
                     statistics.median(settled) < 150))
    for row in rows[-2:]:
        median = float(row["median"])  # type: ignore[arg-type]
        row["text"] = f"{median:.0f} MB ({median / 1.048576:.0f} MiB)"
    db = open_database(database_path(data_dir))
    try:
        status = measure_status(db, runs)
        rows.append(_row("`status` work, two years of weekly history", status, "ms", "< 50 ms",
                         statistics.median(status) < 50))
        rows.append(_row("`python main.py status`, whole process", measure_status_command(
            data_dir, runs), "ms", "(for information)", None))
        for what, values in measure_window(db, data_dir, runs).items():
            rows.append(_row(what, values, "ms", "< 50 ms", statistics.median(values) < 50))
        pdf = measure_pdf(db, runs)
        rows.append(_row("one-page PDF export", pdf, "ms", "< 1 s", statistics.median(pdf) < 1000))
    finally:
        db.close()
    return rows


def import_rows(data_dir: Path, runs: int) -> list[Row]:
    """One row per top-level package imported before the first paint, largest first."""
    found = imports_before_paint(data_dir, runs)
    return [_row(f"import before first paint: `{top}`", [ms], "ms", "(for information)", None)
            for top, ms in sorted(found.items(), key=lambda kv: -kv[1]) if ms >= 0.5]


def table(rows: list[Row]) -> str:
    lines = ["| what | median | target | ok |", "|---|---:|---|---|"]
    for row in rows:
        ok = {True: "yes", False: "**no**", None: ""}[row["ok"]]  # type: ignore[index]
        lines.append(f"| {row['what']} | {row['text']} | {row['target']} | {ok} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("dir", type=Path, help="a folder written by generate_dataset.py")
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (default 7)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results here")
    args = parser.parse_args(argv)
    from core.store.paths import database_path

    if not database_path(args.dir).exists():
        parser.error(f"no dataset in {args.dir}; run benchmarks/generate_dataset.py {args.dir}")
    rows = measure(args.dir, max(1, args.runs))
    import PySide6

    machine = (f"{platform.platform()}, {platform.processor() or platform.machine()}, "
               f"{os.cpu_count()} cores, Python {platform.python_version()}, "
               f"PySide6 {PySide6.__version__}")
    print(f"Medians of {args.runs} runs, {date.today()}, {machine}\n")
    print(table(rows))
    for row in rows:
        if str(row["what"]).startswith("start-up ratio (app ÷ floor)"):
            print("\nratio in each round: " + ", ".join(f"{r:.2f}" for r in row["runs"]))
    if args.json:
        args.json.write_text(json.dumps({
            "date": date.today().isoformat(), "machine": machine, "runs": args.runs,
            "results": rows}, indent=2) + "\n")
    return 0 if all(row["ok"] is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
