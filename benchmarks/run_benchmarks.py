"""Measure the issue's performance targets against a generated dataset; print a table of medians.

Usage: .venv/bin/python benchmarks/run_benchmarks.py DIR [--runs 7] [--json FILE] [--offscreen]
       [--bundle PROGRAM]

DIR holds a dataset from generate_dataset.py. Start-up is timed in fresh processes on a private
Xvfb display when Xvfb is installed (benchmarks/startup.py): launch to the first frame and to this
week in words, for the app on demo data and on ten years and for the Linux bundle, in interleaved
rounds with the floor (a bare QMainWindow holding a QTableView) and GTimeLog; memory settled, RSS
and PSS. Each command over ten years is timed as a whole process (benchmarks/whole_processes.py);
the imports before the app's first paint with `python -X importtime`. Everything else is timed in
this process, after start-up.

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

from benchmarks.startup import child_env, measure_startup  # noqa: E402
from benchmarks.whole_processes import (  # noqa: E402
    library_memory,
    library_memory_as_app,
    measure_commands,
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


def _row(what: str, values: list[float], unit: str, target: str, ok: bool | None) -> Row:
    median = statistics.median(values)
    text = f"{median:.2f}" if unit == "×" else f"{median:.0f} {unit}" if median >= 10 \
        else f"{median:.1f} {unit}"
    return {"what": what, "median": round(median, 3), "unit": unit, "text": text,
            "target": target, "ok": ok, "runs": [round(v, 3) for v in values]}


def _ratio_row(what: str, app_ms: list[float], bare_ms: list[float], limit: float | None,
               below: bool = False) -> Row:
    """The ratio of the medians (not the median of the ratios), checked against `limit`
    (`below`: strictly less, i.e. ahead of the peer)."""
    ratio = statistics.median(app_ms) / statistics.median(bare_ms)
    target = "(for information)" if limit is None else f"< {limit}" if below else f"≤ {limit}"
    row = _row(what, [a / b for a, b in zip(app_ms, bare_ms)], "×", target,
               None if limit is None else ratio < limit if below else ratio <= limit)
    row["median"], row["text"] = round(ratio, 3), f"{ratio:.2f}"
    return row


TARGET_MISSED = 3  # the exit code when every figure was measured but a target was missed
MIB_LIMIT = 130  # memory settled, with the Overview shown
WORDS_LIMIT = 1.5  # this week in words, as a multiple of the floor's first paint


def startup_rows(data_dir: Path, runs: int, offscreen: bool, bundle: Path | None) -> list[Row]:
    """Launch to the first frame and to this week in words, against the floor and GTimeLog in
    the same rounds; memory settled (RSS and PSS, MiB) with the Overview shown."""
    found = measure_startup(data_dir, runs, offscreen, bundle)
    runs_by_key: dict[str, list[dict[str, float]]] = found["runs"]  # type: ignore[assignment]

    def ms(key: str, what: str) -> list[float]:
        return [run[what] * 1000 for run in runs_by_key[key]]

    rows: list[Row] = [_row(f"display: {found['platform']}; GTimeLog reads "
                            f"{found['timelog_lines']} lines of timelog.txt", [0.0], "",
                            "(for information)", None)]
    rows[0]["text"] = ""
    notes: list[str] = found["notes"]  # type: ignore[assignment]
    if bundle is None:
        notes = notes + ["no Linux bundle is built (packaging/build.py; or name one with "
                         "--bundle), so it was not timed"]
    for note in notes:
        rows.append(_row(f"note: {note}", [0.0], "", "(for information)", None))
        rows[-1]["text"] = ""
    floor = ms("floor", "painted")
    rows.append(_row("floor: bare QMainWindow with a QTableView, first paint", floor, "ms", "",
                     None))
    peers = {"floor": floor}
    if "gtimelog" in runs_by_key:
        rows.append(_row("GTimeLog (ten years of timelog.txt), first paint",
                         ms("gtimelog", "painted"), "ms", "", None))
        rows.append(_row("GTimeLog, its log loaded and painted", ms("gtimelog", "data"), "ms",
                         "(for information)", None))
        peers["GTimeLog"] = ms("gtimelog", "painted")
    for key, label in (("app", "ten years"), ("app_demo", "demo data"),
                       ("bundle", "Linux bundle, ten years")):
        if key not in runs_by_key:
            continue
        first, words = ms(key, "painted"), ms(key, "data")
        snapshot = sum(run["from_snapshot"] for run in runs_by_key[key])
        rows.append(_row(f"app ({label}): launch to first frame", first, "ms", "", None))
        rows.append(_row(f"app ({label}): launch to this week in words (in the first frame in "
                         f"{snapshot:.0f} of {len(words)} runs)", words, "ms", "", None))
        rows.append(_ratio_row(f"app ({label}): first frame ÷ floor", first, floor, None))
        rows.append(_ratio_row(f"app ({label}): this week in words ÷ floor's first paint", words,
                               floor, WORDS_LIMIT))
        if "GTimeLog" in peers:
            rows.append(_ratio_row(f"app ({label}): first frame ÷ GTimeLog's first paint", first,
                                   peers["GTimeLog"], None))
            rows.append(_ratio_row(f"app ({label}): this week in words ÷ GTimeLog's first paint",
                                   words, peers["GTimeLog"], 1.0, below=True))
        rows.append(_ratio_row(f"app ({label}): CPU time to first frame ÷ floor's",
                               [r["cpu"] for r in runs_by_key[key]],
                               [r["cpu"] for r in runs_by_key["floor"]], None))
        if "gtimelog" in runs_by_key:  # steadier than wall-clock while the machine is shared
            rows.append(_ratio_row(f"app ({label}): CPU time to first frame ÷ GTimeLog's",
                                   [r["cpu"] for r in runs_by_key[key]],
                                   [r["cpu"] for r in runs_by_key["gtimelog"]], None))
        for what, name in (("settled_rss", "RSS"), ("settled_pss", "PSS")):
            mib = [run[what] / 1024 for run in runs_by_key[key]]
            rows.append(_row(f"app ({label}): memory settled, Overview shown ({name})", mib,
                             "MiB", f"< {MIB_LIMIT} MiB", statistics.median(mib) < MIB_LIMIT))
    if "gtimelog" in runs_by_key:
        for what, name in (("settled_rss", "RSS"), ("settled_pss", "PSS")):
            rows.append(_row(f"GTimeLog: memory settled ({name})",
                             [run[what] / 1024 for run in runs_by_key["gtimelog"]], "MiB",
                             "(for information)", None))
    return rows


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
