"""Words kept by other code are never painted: an update changes the code that works out the words
(a sentence found untrue is reworded) and leaves the data file as it was, so the first start after
it would otherwise paint the earlier version's sentences. The kept words carry the stamp of the
code that kept them (core.store.week_snapshot.code_stamp); any module changed, even put back with
its old size and times, and none are painted until the new code keeps its own. The same keeps a
newer version's words from being painted beside its data file, which this version refuses."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

import main
from core.store import week_snapshot
from core.store.coming_days import coming_days_path, read_coming_days, save_coming_days
from core.store.database import open_database
from core.store.paths import database_path
from core.store.week_snapshot import data_state, read_snapshot, save_snapshot
from tests.demo_copy import demo_into
from ui.overview.last_week_stand_in import LastWeekStandIn, keep_week
from ui.overview.overview_view import OverviewView
from ui.shell.hub import Hub
from ui.shell.week_words_first import this_week_first

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
FRIDAY = date(2026, 12, 4)
MONDAY = date(2026, 12, 7)
WORDS_MODULE = Path("core", "workload", "history_words.py")  # a module the sentences come from


def at(monkeypatch, day: date) -> None:
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", f"{day.isoformat()}T17:00:00")


@pytest.fixture
def code(tmp_path, monkeypatch) -> Path:
    """A copy of the modules the stamp is taken from, standing for the installed code."""
    copy = tmp_path / "app"
    for folder in week_snapshot.CODE_FOLDERS:
        shutil.copytree(Path(week_snapshot.CODE_ROOT, folder), copy / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(week_snapshot, "CODE_ROOT", str(copy))
    monkeypatch.setattr(week_snapshot, "_stamp", None)
    return copy


def next_process(monkeypatch) -> None:
    """The stamp is taken once a process: a later start takes it again."""
    monkeypatch.setattr(week_snapshot, "_stamp", None)


@pytest.fixture
def folder(tmp_path, monkeypatch, code):
    at(monkeypatch, FRIDAY)
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    db = open_database(database_path(data))
    demo_into(db, FRIDAY)
    db.close()
    return data


def quit_on(qtbot, monkeypatch, folder, tmp_path, day: date) -> None:
    """A day's use ending in a quit: the Overview's words kept, and the coming days' with them."""
    at(monkeypatch, day)
    db = open_database(database_path(folder))
    try:
        view = OverviewView(db, Hub(), QSettings(str(tmp_path / "o.ini"),
                                                 QSettings.Format.IniFormat), today=lambda: day)
        qtbot.addWidget(view)
        keep_week(view, db, folder)
        keep_week(view, db, folder, at_quit=True)
    finally:
        db.close()


def start_on(qtbot, monkeypatch, folder, tmp_path, day: date):
    """A start's first frame on `day` (the window before the data is opened)."""
    at(monkeypatch, day)
    window = main.window_frame(QSettings(str(tmp_path / "frame.ini"),
                                         QSettings.Format.IniFormat), folder)
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    return window


def painted(window) -> list[str]:
    stand_in = window.findChild(LastWeekStandIn)
    return stand_in.texts() if stand_in is not None and stand_in.isVisible() else []


def touched(module: Path) -> None:
    later = module.stat().st_mtime_ns + 2_000_000_000
    os.utime(module, ns=(later, later))


def replaced_with_its_size_and_times(module: Path) -> None:
    """Other content of the same length, its times put back (`cp -p` of another version)."""
    info = module.stat()
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("weeks", "WEEKS", 1), encoding="utf-8")
    os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert (module.stat().st_size, module.stat().st_mtime_ns) == (info.st_size, info.st_mtime_ns)


def test_words_kept_by_the_same_code_are_painted(qtbot, monkeypatch, folder, tmp_path):
    quit_on(qtbot, monkeypatch, folder, tmp_path, FRIDAY)
    next_process(monkeypatch)
    kept = read_snapshot(folder)
    assert kept is not None and kept.body in painted(
        start_on(qtbot, monkeypatch, folder, tmp_path, FRIDAY))
    monday = start_on(qtbot, monkeypatch, folder, tmp_path, MONDAY)  # the coming days' words
    assert "Week 50, as of Monday 7 December 2026, so far this week" in painted(monday)


@pytest.mark.parametrize("change", [touched, replaced_with_its_size_and_times])
def test_after_a_words_module_changes_no_kept_words_are_painted(qtbot, monkeypatch, folder,
                                                                tmp_path, code, change):
    quit_on(qtbot, monkeypatch, folder, tmp_path, FRIDAY)
    change(code / WORDS_MODULE)
    next_process(monkeypatch)
    assert painted(start_on(qtbot, monkeypatch, folder, tmp_path, FRIDAY)) == []
    assert painted(start_on(qtbot, monkeypatch, folder, tmp_path, MONDAY)) == []
    # The new code's own keep replaces them, and its words are painted again.
    assert read_snapshot(folder) is None and read_coming_days(folder) == []
    quit_on(qtbot, monkeypatch, folder, tmp_path, FRIDAY)
    next_process(monkeypatch)
    assert painted(start_on(qtbot, monkeypatch, folder, tmp_path, FRIDAY)) != []
    assert painted(start_on(qtbot, monkeypatch, folder, tmp_path, MONDAY)) != []


def test_a_module_added_or_removed_is_another_stamp(code, monkeypatch):
    before = week_snapshot.code_stamp()
    (code / "core" / "workload" / "new_words.py").write_text("", encoding="utf-8")
    next_process(monkeypatch)
    added = week_snapshot.code_stamp()
    (code / "core" / "workload" / "new_words.py").unlink()
    (code / WORDS_MODULE).unlink()
    next_process(monkeypatch)
    assert len({before, added, week_snapshot.code_stamp()}) == 3


def test_a_newer_versions_words_beside_its_data_file_are_never_painted(qtbot, monkeypatch,
                                                                       folder, tmp_path):
    """A newer version migrated the data file and kept its words for it (the same format, its
    own code): this version refuses the file ("saved by a newer version"), and paints nothing
    before the refusal, neither those words nor any worked out alone."""
    quit_on(qtbot, monkeypatch, folder, tmp_path, FRIDAY)
    today_words, coming = read_snapshot(folder), read_coming_days(folder)
    with sqlite3.connect(database_path(folder)) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('caseload_companion', 'm999_from_a_newer_version', '2027-01-01')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    monkeypatch.setattr(week_snapshot, "_stamp", "the newer version's code")
    state = data_state(folder)
    assert save_snapshot(folder, today_words._replace(data_state=state))
    assert save_coming_days(folder, [day._replace(data_state=state) for day in coming])
    next_process(monkeypatch)
    for day in (FRIDAY, FRIDAY + timedelta(days=1), MONDAY):
        window = start_on(qtbot, monkeypatch, folder, tmp_path, day)
        assert painted(window) == []
        assert not this_week_first(window, str(folder), False)
    assert coming_days_path(folder).exists()  # the newer version's, left as they are


WORKS_OUT_WORDS = """
import sys
from datetime import date, timedelta
from pathlib import Path
from core.store.database import open_database
from core.workload.week_words import week_in_words_from_file, words_on_days
folder = Path(sys.argv[1])
db = open_database(folder / "caseload.db")
monday = date(2026, 12, 7)
assert all(words_on_days(db, [monday + timedelta(days=n) for n in range(22)]))
assert week_in_words_from_file(folder, monday) is not None
print("\\n".join(getattr(module, "__file__", None) or "" for name, module in sys.modules.items()
                 if name.split(".")[0] == "core"))
"""


def test_every_module_the_words_are_worked_out_from_is_in_the_stamp(tmp_path):
    """A module the words come from but the stamp does not look at could change in an update
    and the earlier version's words still be painted."""
    import subprocess
    import sys

    db = open_database(database_path(tmp_path))
    demo_into(db, MONDAY)
    db.close()
    root = Path(week_snapshot.CODE_ROOT)
    assert root == Path(main.__file__).resolve().parent
    folders = [root / folder for folder in week_snapshot.CODE_FOLDERS]
    env = {**os.environ, "PYTHONPATH": str(root), "CASELOAD_COMPANION_NOW": "2026-12-07T09:00"}
    done = subprocess.run([sys.executable, "-c", WORKS_OUT_WORDS, str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    used = [Path(line) for line in done.stdout.splitlines() if line]
    assert any(path.name == "wording.py" for path in used)  # the sentences' own module
    outside = [str(path) for path in used if path != root / "core" / "__init__.py"
               and not any(path.is_relative_to(folder) for folder in folders)]
    assert outside == []


def test_in_the_bundle_a_new_program_file_is_another_stamp(code, monkeypatch, tmp_path):
    """The bundle's program file holds its compiled modules where they are not files beside it
    (PyInstaller's archive): a new one, as an update installs, is another stamp."""
    import sys

    program = tmp_path / "caseload-companion"
    program.write_bytes(b"a build")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    before = week_snapshot.code_stamp()
    program.unlink()
    program.write_bytes(b"a build")  # the same size, written anew
    os.utime(program, ns=(0, 0))
    next_process(monkeypatch)
    assert week_snapshot.code_stamp() != before
