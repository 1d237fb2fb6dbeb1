"""Test setup: Qt offscreen before any Qt import; every test gets its own data folder."""

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# Property tests' budgets (tests/examples.py): `quick` by default, `ci` in .ci/run.
settings.register_profile("quick", deadline=None, derandomize=True, database=None)
settings.register_profile("ci", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Never touch the real user's folders: data dir, settings and home all point into tmp_path."""
    monkeypatch.setenv("CASELOAD_COMPANION_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    yield


@pytest.fixture
def db():
    """A fresh, migrated in-memory database."""
    from core.store.database import open_database

    database = open_database(None)
    yield database
    database.close()


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


@pytest.fixture(autouse=True)
def _no_file_access_beside_sqlite():
    """No test may see the app read, copy or replace a data file outside SQLite while a
    connection to it is open: that close drops SQLite's locks (tests/live_file_guard.py)."""
    from tests import live_file_guard

    live_file_guard.install()
    live_file_guard.violations.clear()
    yield
    found = list(live_file_guard.violations)
    live_file_guard.violations.clear()
    assert not found, "\n".join(found[:3])


@pytest.fixture(autouse=True)
def _qtbots_windows_deleted(request):
    """qtbot closes a test's windows and asks Qt to delete them later, which Qt does only in an
    event loop: outside tests/ui (whose conftest does this and more) a window test's window
    otherwise stayed for the rest of the process, in every later restyle and repaint."""
    yield
    if "qtbot" in request.fixturenames:
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
