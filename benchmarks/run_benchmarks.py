"""Measure the issue's performance targets against a generated dataset; print a table of medians.

Usage: .venv/bin/python benchmarks/run_benchmarks.py DIR [--runs 7] [--json FILE] [--offscreen]
       [--bundle PROGRAM]

DIR holds a dataset from generate_dataset.py. Start-up is timed in fresh processes on a private
Xvfb display when Xvfb is installed (benchmarks/startup.py): launch to the first frame and to this
week in words, for the app on demo data and on ten years (with a kept snapshot, and without one)
and for the Linux bundle, and to the Overview worked out from the data, in interleaved rounds with
the floor (a bare QMainWindow holding a QTableView) and GTimeLog; each ratio is the median of the
per-round ratios (benchmarks/startup_rows.py); memory settled, RSS and PSS. Each command over
ten years is timed as a whole process (benchmarks/whole_processes.py); the imports before the
app's first paint with `python -X importtime`. Everything else is timed in this process, after
start-up.

Exit code 0 when every target is met, 3 when a figure misses its target (the figures are all
there), anything else when the benchmark itself failed. What could not be measured here (no
display, no GTimeLog, no bundle) is said in a note above the table and in a row of its own.
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

from benchmarks.startup import child_env  # noqa: E402
from benchmarks.startup_rows import TARGET_MISSED, row as _row, startup_rows  # noqa: E402
from benchmarks.whole_processes import (  # noqa: E402
    library_memory,
    library_memory_as_app,
    measure_commands,
    measure_log_keeping_words,
)
from ui.shell.paint_probe import PAINTED_PREFIX  # noqa: E402

Row = dict[str, object]


def _child_env(home: Path) -> dict[str, str]:
    """Offscreen (for the import timings), with a throwaway home; see startup.child_env."""
    return child_env(home, {"QT_QPA_PLATFORM": "offscreen"})


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


def command_rows(data_dir: Path, runs: int) -> list[Row]:
    rows: list[Row] = []
    for key, (wall, cpu) in measure_commands(data_dir, runs).items():
        rows.append(_row(f"`{key}`, ten years, whole process", wall, "ms", "< 1 s",
                         statistics.median(wall) < 1000))
        rows.append(_row(f"`{key}`, CPU time", cpu, "ms", "(for information)", None))
    for key, wall in measure_log_keeping_words(data_dir, runs).items():
        rows.append(_row(f"`log` (a change), ten years, whole process, {key} for the folder",
                         wall, "ms", "< 1 s", statistics.median(wall) < 1000))
    return rows


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
    # What the Time view offers over the whole history (benchmarks/time_view.py).
    from benchmarks.time_view import measure_time_view

    result.update(measure_time_view(window, app, runs))
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
    # Sorting the whole history of cases by each column in turn (a click on its heading).
    bar.set_status("all")
    app.processEvents()
    table = window.view("caseload").table
    result["sort all 600 cases by a column"] = []
    for _ in range(runs):
        for column in range(table.model().columnCount()):
            for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
                result["sort all 600 cases by a column"] += timed_ms(
                    lambda c=column, o=order: (table.sortByColumn(c, o), app.processEvents()), 1)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
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


def library_rows(runs: int) -> list[Row]:
    """What each library adds to resident memory when imported, in a fresh process (MiB)."""
    rows = [_row(f"memory: importing {name} adds (RSS)", values, "MiB", "(for information)",
                 None) for name, values in library_memory(runs).items()]
    # The same libraries imported as the app imports them (ui/widgets/lean_imports.py).
    return rows + [_row(f"memory: importing {name.replace(' (', ' as the app does adds (')}",
                        values, "MiB", "(for information)", None)
                   for name, values in library_memory_as_app(runs).items()]


def measure(data_dir: Path, runs: int, offscreen: bool = False,
            bundle: Path | None = None) -> list[Row]:
    from core.store.database import open_database
    from core.store.paths import database_path

    rows: list[Row] = startup_rows(data_dir, runs, offscreen, bundle)
    rows += library_rows(runs)
    rows += import_rows(data_dir, runs)
    db = open_database(database_path(data_dir))
    try:
        status = measure_status(db, runs)
        rows.append(_row("`status` work, two years of weekly history", status, "ms", "< 50 ms",
                         statistics.median(status) < 50))
        rows += command_rows(data_dir, runs)
        for what, values in measure_window(db, data_dir, runs).items():
            if what.endswith("first time"):  # the 50 ms is for every opening after it
                rows.append(_row(what, values, "ms", "(for information)", None))
            else:
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
    parser.add_argument("--offscreen", action="store_true",
                        help="time start-up offscreen even where Xvfb is installed")
    parser.add_argument("--bundle", type=Path, metavar="PROGRAM",
                        help="also time this PyInstaller build (default: "
                             "dist/caseload-companion/caseload-companion, if built)")
    args = parser.parse_args(argv)
    from core.store.paths import database_path

    if not database_path(args.dir).exists():
        parser.error(f"no dataset in {args.dir}; run benchmarks/generate_dataset.py {args.dir}")
    if args.bundle is not None and not args.bundle.is_file():
        parser.error(f"no bundle at {args.bundle}; build it with packaging/build.py")
    bundle = args.bundle or ROOT / "dist" / "caseload-companion" / "caseload-companion"
    rows = measure(args.dir, max(1, args.runs), args.offscreen,
                   bundle if bundle.is_file() else None)
    import PySide6

    machine = (f"{platform.platform()}, {platform.processor() or platform.machine()}, "
               f"{os.cpu_count()} cores, Python {platform.python_version()}, "
               f"PySide6 {PySide6.__version__}")
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"Medians of {args.runs} runs, {date.today()}, {machine}, load average {load}\n")
    notes = [str(row["what"])[6:] for row in rows if str(row["what"]).startswith("note: ")]
    for note in notes:
        print(f"Note: {note}.")
    print("\n" if notes else "", end="")
    print(table(rows))
    for row in rows:
        if "÷" in str(row["what"]) and row["ok"] is not None:
            print(f"\n{row['what']}, in each round: "
                  + ", ".join(f"{r:.2f}" for r in row["runs"]))
    if args.json:
        args.json.write_text(json.dumps({
            "date": date.today().isoformat(), "machine": machine, "runs": args.runs,
            "load_average": [round(v, 2) for v in os.getloadavg()],
            "results": rows}, indent=2) + "\n")
    return 0 if all(row["ok"] is not False for row in rows) else TARGET_MISSED


if __name__ == "__main__":
    sys.exit(main())
