"""Start-up as the practitioner sees it: launch to the first frame and to this week in words, on
an X display, interleaved with the floor (a bare QMainWindow holding a QTableView) and GTimeLog.

Used by run_benchmarks.py. Each process reports through a paint probe (ui/shell/paint_probe.py
for the app, the bundle and the floor; benchmarks/gtimelog_probe.py for GTimeLog): a monotonic
timestamp at its first finished frame, another once its data is on screen, and memory (RSS and
PSS) then and 1.5 s later.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"  # the Python Debian's gtimelog is installed for
PREFIXES = ("first-paint", "words-paint", "data-paint", "settled")


@contextlib.contextmanager
def display(offscreen: bool) -> Iterator[dict[str, str]]:
    """Environment for the children: a private Xvfb display when Xvfb is installed, else the
    session's own display ($DISPLAY) when there is one, else offscreen; with a private D-Bus
    session on a display (GTimeLog and Qt's accessibility both look for one). `platform` names
    what was used and `note`, when there is one, says why start-up was not timed on Xvfb."""
    xvfb, dbus = shutil.which("Xvfb"), shutil.which("dbus-daemon")
    server = bus = None
    try:
        if offscreen:
            env = _offscreen("timed offscreen as asked (--offscreen), for information: the "
                             "start-up targets are set on a display")
        elif xvfb is not None:
            try:
                server, number = _start_xvfb(xvfb)
                # No QT_QPA_PLATFORM: Qt finds the display and chooses xcb, as on a desktop.
                env = {"DISPLAY": f":{number}", "platform": "Xvfb, xcb"}
            except RuntimeError as exc:
                env = _offscreen(f"{exc}, so start-up was timed offscreen, for information: the "
                                 "start-up targets are set on a display")
        elif os.environ.get("DISPLAY"):
            env = {"DISPLAY": os.environ["DISPLAY"], "platform": "this session's display, xcb",
                   "note": f"Xvfb is not installed, so start-up was timed on this session's own "
                           f"display ({os.environ['DISPLAY']}), where other windows and the "
                           f"window manager take part; CI times it on Xvfb"}
        else:
            env = _offscreen("no display: Xvfb is not installed and DISPLAY is not set, so "
                             "start-up was timed offscreen, for information: the start-up "
                             "targets are set on a display (install Xvfb)")
        if "DISPLAY" in env and dbus:
            bus = subprocess.Popen([dbus, "--session", "--nofork", "--print-address=1"],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()  # type: ignore[union-attr]
        yield env
    finally:
        for process in (bus, server):
            if process is not None:
                process.terminate()
                process.wait(timeout=10)


def _offscreen(note: str) -> dict[str, str]:
    return {"QT_QPA_PLATFORM": "offscreen", "platform": "offscreen", "note": note}


def _start_xvfb(xvfb: str) -> tuple[subprocess.Popen, int]:
    """A private Xvfb on the first free display number from :97, once it accepts clients."""
    number = next(n for n in range(97, 200) if not Path(f"/tmp/.X{n}-lock").exists()
                  and not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1920x1080x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or server.poll() is not None:
            server.terminate()
            server.wait(timeout=10)
            raise RuntimeError(f"Xvfb did not start on :{number}")
        time.sleep(0.05)
    return server, number


def child_env(home: Path, shown: dict[str, str]) -> dict[str, str]:
    """The display, and a throwaway home so no real settings or window geometry are read or
    kept. Bytecode is cached (in the throwaway folder, not the source tree) even where the shell
    says PYTHONDONTWRITEBYTECODE: an installed app starts from bytecode, so that is timed."""
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               PYTHONPYCACHEPREFIX=str(home / "pycache"))
    for key in ("PYTHONDONTWRITEBYTECODE", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM",
                "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(key, None)
    env.update({k: v for k, v in shown.items() if k not in ("platform", "note")})
    env["CASELOAD_COMPANION_EXIT_AFTER_PAINT"] = "1"
    return env


def write_timelog(data_dir: Path, target: Path) -> int:
    """GTimeLog's own file from the dataset's time entries (ten years, one line an entry), in
    its format: `YYYY-MM-DD HH:MM: activity`, each line ending the entry it names, the day
    opened with `arrived **`. Returns the number of lines."""
    db = sqlite3.connect(f"file:{data_dir / 'caseload.db'}?mode=ro", uri=True)
    rows = db.execute("SELECT e.date, e.start, e.minutes, a.name, c.reference FROM time_entries e "
                      "JOIN activities a ON a.id = e.activity_id "
                      "LEFT JOIN cases c ON c.id = e.case_id "
                      "ORDER BY e.date, e.start IS NULL, e.start, e.id").fetchall()
    db.close()
    lines, day, cursor = [], None, datetime.min
    for text, start, minutes, activity, reference in rows:
        if text != day:
            day, cursor = text, datetime.fromisoformat(f"{text}T{start or '09:00'}")
            lines.append(f"{cursor:%Y-%m-%d %H:%M}: arrived **")
        begins = max(cursor, datetime.fromisoformat(f"{text}T{start}") if start else cursor)
        if begins > cursor:
            lines.append(f"{begins:%Y-%m-%d %H:%M}: break **")
        end_of_day = datetime.fromisoformat(f"{text}T23:59")
        cursor = min(begins + timedelta(minutes=minutes), end_of_day)
        lines.append(f"{cursor:%Y-%m-%d %H:%M}: {activity.lower()}: {reference or 'office'}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n")
    return len(lines)


def time_to_paint(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from just before the process is started to its first finished frame (`painted`)
    and to the frame with its data (`data`: for the app, this week in words; the first frame
    itself when that already held them, else the paint of the words worked out alone); to the
    Overview worked out from the data (`overview`: the paint after the data filled the window,
    even when words came first); memory in KiB at the first frame and 1.5 s after the data (`rss`, `pss`, `settled_rss`,
    `settled_pss`); CPU seconds at the first frame."""
    began = time.monotonic()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=90)
    reports = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] in PREFIXES:
            reports[parts[0]] = {"at": float(parts[1]),
                                 **{k: float(v) for k, v in zip(parts[2::2], parts[3::2])}}
    if "first-paint" not in reports or "settled" not in reports:
        raise RuntimeError(f"{command} never reported a paint:\n{done.stdout}\n{done.stderr}")
    first, settled = reports["first-paint"], reports["settled"]
    # This week's words: in the first frame (kept), else worked out alone from the data file and
    # painted before the Overview (`words-paint`), else with the Overview itself.
    data = first if first.get("words") else reports.get("words-paint",
                                                        reports.get("data-paint", first))
    worked_out = reports.get("data-paint", first)  # the Overview from the data, never a snapshot
    return {"painted": first["at"] - began, "data": data["at"] - began, "cpu": first["cpu"],
            "overview": worked_out["at"] - began,
            "rss": first["rss_kib"], "pss": first.get("pss_kib", 0.0),
            "settled_rss": settled["rss_kib"], "settled_pss": settled.get("pss_kib", 0.0),
            "from_snapshot": float(bool(first.get("words"))),
            "settled_charts": settled.get("charts", 0.0)}  # the chart library loaded by then


def commands(data_dir: Path, demo_dir: Path, bundle: Path | None,
             bundle_dir: Path | None = None) -> dict[str, list[str]]:
    """The processes timed. The bundle runs on its own copy of the ten years (`bundle_dir`):
    kept words are painted only by the code that kept them (core.store.week_snapshot.code_stamp)
    and the bundle's code is not the source tree's, so on one folder each would find the
    other's words at every start and work its week out alone."""
    python, main = sys.executable, str(ROOT / "main.py")
    found = {
        "app": [python, main, "--data-dir", str(data_dir)],
        "app_demo": [python, main, "--data-dir", str(demo_dir)],
        "floor": [python, str(ROOT / "benchmarks" / "bare_window.py"), "--with-table"],
    }
    if Path(SYSTEM_PYTHON).exists() and shutil.which("gtimelog"):
        found["gtimelog"] = [SYSTEM_PYTHON, str(ROOT / "benchmarks" / "gtimelog_probe.py")]
    if bundle is not None:
        found["bundle"] = [str(bundle), "--data-dir", str(bundle_dir or data_dir)]
    return found


def copy_data(source: Path, folder: Path) -> Path:
    """`folder`, made, holding a copy of `source`'s data file (and nothing kept beside it)."""
    folder.mkdir(mode=0o700)
    with contextlib.closing(sqlite3.connect(f"file:{source / 'caseload.db'}?mode=ro",
                                            uri=True)) as original, \
            contextlib.closing(sqlite3.connect(folder / "caseload.db")) as copy:
        original.backup(copy)
    return folder


COLD = {"app_cold": "cold-ten-years", "app_demo_cold": "cold-demo"}  # key: folder in the home
# A day's first start: the data as the app left it when it quit the day before.
NEXT_DAY = {"app_day": "day-ten-years", "app_demo_day": "day-demo"}


def cold_copies(home: Path, data_dir: Path, demo_dir: Path) -> dict[str, list[str]]:
    """The app started with no kept words still true (a cold start: after a change from
    elsewhere, a new install, or the words dropped), each on its own copy of the data whose kept
    words are removed before every run (forget_snapshot); and a day's first start, on copies the
    app is started and quit on the day before each run (used_the_day_before). The dataset's own
    folder keeps its words for the warm runs."""
    found = {}
    for key, source in (("app_cold", data_dir), ("app_demo_cold", demo_dir),
                        ("app_day", data_dir), ("app_demo_day", demo_dir)):
        folder = copy_data(source, home / {**COLD, **NEXT_DAY}[key])
        found[key] = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder)]
    return found


def forget_snapshot(home: Path, key: str) -> None:
    """Before a cold run: the copy's kept words (this week's and the coming days', and a
    half-written one) removed."""
    from core.store.week_snapshot import COMING_DAYS_NAME, SNAPSHOT_NAME

    if key in COLD:
        for name in (SNAPSHOT_NAME, SNAPSHOT_NAME + ".new", COMING_DAYS_NAME,
                     COMING_DAYS_NAME + ".new"):
            (home / COLD[key] / name).unlink(missing_ok=True)


def used_the_day_before(home: Path, key: str, command: list[str], env: dict[str, str]) -> None:
    """Before a day's first start: the copy's kept words removed, then the app started and quit
    on it with the clock set to the same time the day before (it keeps its words as it quits,
    as after a day's use), so the timed start is the next day's first, the data untouched."""
    from core.store.week_snapshot import forget_snapshot as forget_kept

    if key not in NEXT_DAY:
        return
    forget_kept(home / NEXT_DAY[key])
    before = datetime.now() - timedelta(days=1)
    subprocess.run(command, env=dict(env, CASELOAD_COMPANION_NOW=before.isoformat(
        timespec="seconds")), cwd=ROOT, capture_output=True, timeout=90, check=True)


def make_demo(folder: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder), "demo"],
                   cwd=ROOT, check=True, capture_output=True, timeout=120,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


def measure_startup(data_dir: Path, runs: int, offscreen: bool = False,
                    bundle: Path | None = None) -> dict[str, object]:
    """Interleaved rounds (each process in turn, so a busy moment on the shared machine falls
    on all alike, each round in its own order) after two warm-up rounds; every run kept. `notes` say what could not be
    measured here and why (no display, no GTimeLog)."""
    with tempfile.TemporaryDirectory() as home_text, display(offscreen) as shown:
        home = Path(home_text)
        demo_dir = home / "demo"
        make_demo(demo_dir)
        # Both copies of the app remember this week's words for next time, as after a day's use.
        lines = write_timelog(data_dir, home / "data" / "gtimelog" / "timelog.txt")
        env = child_env(home, shown)
        bundle_dir = copy_data(data_dir, home / "bundle-ten-years") if bundle else None
        started = (commands(data_dir, demo_dir, bundle, bundle_dir)
                   | cold_copies(home, data_dir, demo_dir))
        notes = [shown["note"]] if "note" in shown else []
        if "gtimelog" not in started:
            notes.append("GTimeLog is not installed (Debian's gtimelog package, run with "
                         f"{SYSTEM_PYTHON}), so nothing is compared with it")
        elif "DISPLAY" not in shown:
            del started["gtimelog"]
            notes.append("GTimeLog needs a display, so it was not timed offscreen and nothing "
                         "is compared with it")
        runs_by_key: dict[str, list[dict[str, float]]] = {key: [] for key in started}
        for round_number in range(runs + 2):
            # Each round in its own (seeded) order, so that no process always starts just after
            # the same one has exited (what an exit leaves behind, on the buses or the disk,
            # falls on whichever comes next); turning the order round would keep the neighbours.
            order = list(started.items())
            random.Random(round_number).shuffle(order)
            for key, command in order:
                if key not in started:
                    continue
                forget_snapshot(home, key)
                used_the_day_before(home, key, command, env)
                try:
                    run = time_to_paint(command, env)
                except (RuntimeError, subprocess.TimeoutExpired) as exc:
                    if key != "gtimelog" or round_number > 0:
                        raise  # the app, the floor or the bundle failing is the benchmark failing
                    said = [line.strip() for line in str(exc).splitlines() if line.strip()]
                    why = said[-1] if said and "never reported" not in said[-1] \
                        else "it ended without painting a window"
                    notes.append(f"GTimeLog did not start here ({why}), so nothing is compared "
                                 "with it")
                    del started[key], runs_by_key[key]
                    continue
                if round_number >= 2:
                    runs_by_key[key].append(run)
        return {"platform": shown["platform"], "timelog_lines": lines, "runs": runs_by_key,
                "today": date.today().isoformat(), "notes": notes}
