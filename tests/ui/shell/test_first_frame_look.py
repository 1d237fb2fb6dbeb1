"""The window's first frame is drawn in the look (light, dark, high contrast) the system asked for
at the last start; the system is asked again once the frame is on screen, and a change since is
followed then and kept for the next start."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTableView

import main
from ui.shell.palettes import is_dark
from ui.shell.theme import LOOK_KEY, apply_theme

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class Unstyled:
    """In place of the app's theme where run_gui runs: the shared test application keeps its
    look."""

    def follow_system(self) -> str:
        return "light"

    def high_contrast(self) -> bool:
        return False

    def set_high_contrast(self, on: bool | None) -> None:
        pass


@pytest.fixture
def restored_app(qapp):
    """These tests change the shared application: put its look back afterwards."""
    palette, sheet, style = QPalette(qapp.palette()), qapp.styleSheet(), qapp.style().name()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    if style:
        qapp.setStyle(style)


def test_the_first_frame_is_dark_when_the_last_start_was_dark(restored_app):
    apply_theme(restored_app, Qt.ColorScheme.Light, last_look="dark")
    assert is_dark(restored_app.palette())
    assert "viewTitle" in restored_app.styleSheet()


def test_a_change_since_the_last_start_is_followed_once_the_frame_shows(qtbot, restored_app):
    theme = apply_theme(restored_app, Qt.ColorScheme.Light, last_look="dark")
    assert theme.follow_system() == "light"
    assert not is_dark(restored_app.palette())
    table = QTableView()  # the app's own style is in place again: Tab leaves a table
    qtbot.addWidget(table)
    table.show()
    assert not table.tabKeyNavigation()


def test_with_no_look_kept_the_system_is_asked_at_once(restored_app):
    theme = apply_theme(restored_app, Qt.ColorScheme.Dark)
    assert is_dark(restored_app.palette())
    assert theme.applied == "dark"
    assert theme.follow_system() == "dark"


def test_a_start_keeps_its_look_for_the_next_start(monkeypatch, tmp_path):
    """The look the system asks for, once the window shows, is drawn in the next start's first
    frame (each start here stops at the passphrase, as when the practitioner quits there)."""
    import ui.shell.storage_setup
    import ui.shell.theme
    from ui.shell.app import app_settings

    asked_for: list[object] = []

    class DarkSystem(Unstyled):
        def follow_system(self) -> str:
            return "dark"

    def apply(app, high_contrast=None, last_look=None):  # type: ignore[no-untyped-def]
        asked_for.append(last_look)
        return DarkSystem()

    monkeypatch.setattr(ui.shell.theme, "apply_theme", apply)
    monkeypatch.setattr(ui.shell.storage_setup, "open_data", lambda data_dir, parent=None: None)
    app_settings().remove(LOOK_KEY)
    for _ in range(2):
        assert main.run_gui(argparse.Namespace(data_dir=str(tmp_path / "d"), command=None)) == 0
    assert asked_for == [None, "dark"]


@pytest.fixture
def unwatched_app(qapp):
    """The application without the one filter earlier tests installed (ui/widgets/app_watch.py),
    and with it again afterwards. Putting back only the module's name for it left the filter
    this test's start made watching in its place, and everything later asked to watch (Lock
    now's keys in a dialog, the row the keyboard is on) went to the one no longer installed."""
    from ui.widgets import app_watch

    earlier = app_watch._watch
    if earlier is not None:  # installed by an earlier test in this process
        qapp.removeEventFilter(earlier)
    app_watch._watch = None
    yield qapp
    if app_watch._watch is not None:
        qapp.removeEventFilter(app_watch._watch)
        app_watch._watch.deleteLater()
    app_watch._watch = earlier
    if earlier is not None:
        qapp.installEventFilter(earlier)


def test_the_return_guard_watches_the_first_question_over_the_window(unwatched_app, monkeypatch,
                                                                       tmp_path):
    """The passphrase is the first question a start can ask: the guard that keeps Return from
    pressing a destructive button is installed (after the first paint) before it is asked."""
    import ui.shell.storage_setup
    import ui.shell.theme
    from ui.widgets import app_watch, return_guard

    qapp = unwatched_app
    guarded: list[bool] = []

    def passphrase(data_dir, parent=None):  # type: ignore[no-untyped-def]
        watching = app_watch._watch
        guarded.append(watching is not None and watching.parent() is qapp
                       and return_guard._dialog_shown in watching.shown
                       and return_guard._key_pressed in watching.pressed)
        return None

    monkeypatch.setattr(ui.shell.theme, "apply_theme", lambda app, **_: Unstyled())
    monkeypatch.setattr(ui.shell.storage_setup, "open_data", passphrase)
    assert main.run_gui(argparse.Namespace(data_dir=str(tmp_path / "d"), command=None)) == 0
    assert guarded == [True]


def test_the_window_icon_is_set_once_the_frame_shows(restored_app):
    from PySide6.QtGui import QIcon

    restored_app.setWindowIcon(QIcon())
    theme = apply_theme(restored_app, Qt.ColorScheme.Light, last_look="light")
    theme.follow_system()
    assert not restored_app.windowIcon().isNull()


@pytest.mark.parametrize("last_look", ["light", "dark"])
def test_the_first_frame_is_drawn_in_fusion_whatever_the_desktops_style(last_look):
    """A desktop whose own style is another (KDE's Breeze; Windows here, set as a desktop sets
    it) still gets the app's look in the first frame: Fusion's measures, under the app's style
    sheet; and the app's own style after it (Tab leaves a table)."""
    import os
    import subprocess
    import sys

    code = (
        "from PySide6.QtWidgets import QStyle, QStyleFactory, QTableView\n"
        "from ui.shell.app import create_application\n"
        "from ui.shell.theme import apply_theme\n"
        "app = create_application()\n"
        f"theme = apply_theme(app, last_look={last_look!r})\n"
        "table = QTableView(); table.show(); app.processEvents()\n"
        "P = QStyle.PixelMetric\n"
        "kinds = (P.PM_ScrollBarExtent, P.PM_DefaultFrameWidth, P.PM_MenuBarItemSpacing)\n"
        "fusion = QStyleFactory.create('Fusion')\n"
        "first = [table.style().pixelMetric(k, None, table) == fusion.pixelMetric(k) "
        "for k in kinds]\n"
        "theme.follow_system()\n"
        "later = QTableView(); later.show(); app.processEvents()\n"
        "print(all(first), later.tabKeyNavigation())\n")
    env = {**os.environ, "QT_STYLE_OVERRIDE": "Windows", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120, env=env)
    assert done.stdout.split() == ["True", "False"]
