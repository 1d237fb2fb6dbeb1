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


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_window_thread(request):
    """As in the app (main.build_window): a window test's worker threads (a calendar read, an
    export) never run Python's collector, which freed the window thread's Qt objects from
    theirs, at random; and whatever test follows in this process still has its cycles freed."""
    if "qtbot" in request.fixturenames:
        request.getfixturevalue("qapp")
        from ui.widgets import main_thread_gc

        main_thread_gc.install()
    yield
    if "ui.widgets.main_thread_gc" in sys.modules:
        sys.modules["ui.widgets.main_thread_gc"].collect_if_due()


_quit_left_by: list[str] = []  # the first test found to have left a quit waiting


@pytest.fixture(autouse=True)
def _qt_as_every_test_finds_it(request):
    """Every test meets the shared application as a fresh start would have it, and one that
    leaves it otherwise fails by name rather than some later test by chance.

    Before: no key or mouse button is held. A synthetic press whose release went to a window
    closed in between (a click that closed its dialog) stays held in Qt's own record, which no
    real desktop leaves. After: an event loop still runs. A quit delivered outside the app's
    own loop ends every later one (each dialog's, each qtbot wait) the moment it begins."""
    qt = sys.modules.get("PySide6.QtWidgets")
    app = qt.QApplication.instance() if qt is not None else None
    if app is not None:
        _release_held_keys_and_buttons()
    yield
    qt = sys.modules.get("PySide6.QtWidgets")
    if qt is None or qt.QApplication.instance() is None:
        return
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(0, lambda: loop.exit(1))
    if loop.exec() != 1:
        _quit_left_by[:1] = _quit_left_by[:1] or [request.node.nodeid]
        pytest.fail(f"{_quit_left_by[0]} left a quit that ends every event loop as it begins "
                    "(each dialog's, each qtbot wait) for the rest of this process", pytrace=False)


def _release_held_keys_and_buttons() -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QGuiApplication, QWindow
    from PySide6.QtTest import QTest

    keys = QGuiApplication.keyboardModifiers()
    buttons = QGuiApplication.mouseButtons()
    if keys == Qt.KeyboardModifier.NoModifier and buttons == Qt.MouseButton.NoButton:
        return
    probe = QWindow()  # never shown: the releases only update Qt's record of what is held
    probe.resize(10, 10)
    if keys != Qt.KeyboardModifier.NoModifier:
        QTest.keyRelease(probe, Qt.Key.Key_Control)
    if buttons != Qt.MouseButton.NoButton:
        for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton,
                       Qt.MouseButton.MiddleButton):
            if buttons & button:
                QTest.mouseRelease(probe, button, Qt.KeyboardModifier.NoModifier, QPoint(1, 1))
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    assert QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton
