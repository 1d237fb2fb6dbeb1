"""The first day, by keyboard, from an empty folder: the welcome with part-time hours and a
working pattern, a caseload set up from WMT counts, a morning's time typed as people type it;
then the Overview, the Time view, `status` and the one-page summary describe the same week."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import main
from core.store.database import open_database
from core.store.paths import database_path
from ui.caseload.wmt_setup_dialog import WmtSetupDialog
from ui.shell.welcome_dialog import WelcomeDialog, maybe_show_welcome

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                          "does not support raise",
                                          "does not support grabbing the keyboard")

NOW = "2026-11-25T12:30:00"  # a Wednesday, half past twelve: the morning is over
KEY, ALT, CTRL = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.AltModifier, \
    Qt.KeyboardModifier.ControlModifier


def press(qtbot, key, modifier=KEY) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_text(qtbot, text: str) -> None:
    for char in text:  # one key at a time, each to whatever has focus by then
        qtbot.keyClicks(QApplication.focusWidget(), char)


def when_shown(qtbot, kind: type, action: Callable[[QWidget], None], log: list) -> None:
    """Run `action` on the modal dialog of `kind` as soon as it is up (it may open only after
    an earlier dialog closes): event-driven, never a sleep."""
    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(0, attempt)
            return
        dialog.activateWindow()  # as the desktop would; offscreen nothing else does
        qtbot.waitUntil(dialog.isActiveWindow)
        log.append(kind.__name__)
        action(dialog)
    QTimer.singleShot(0, attempt)


def welcome_by_keyboard(qtbot) -> Callable[[QWidget], None]:
    def act(dialog: WelcomeDialog) -> None:
        assert QApplication.focusWidget() is dialog.next_button
        press(qtbot, Qt.Key.Key_Return)  # step 2: about your role
        press(qtbot, Qt.Key.Key_C, ALT)  # Contracted hours
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "22.2")
        press(qtbot, Qt.Key.Key_Tab)  # into the working days, Monday first
        assert QApplication.focusWidget() is dialog.working_days.days[0]
        for _ in range(3):
            press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Space)  # Thursday off
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Space)  # Friday off
        press(qtbot, Qt.Key.Key_Return)  # step 3: how to start
        press(qtbot, Qt.Key.Key_W, ALT)  # Set up from my WMT caseload (an animated click)
        qtbot.waitUntil(lambda: dialog.chosen_start() == "wmt")
        press(qtbot, Qt.Key.Key_Return)  # Get started
    return act


def wmt_by_keyboard(qtbot) -> Callable[[QWidget], None]:
    def act(dialog: WmtSetupDialog) -> None:
        table = dialog.tables[0]
        assert QApplication.focusWidget() is table
        # Rows A3, A2, A1, A0, B3, B2 …; columns Community, Licence, Custody.
        # Community B2: 8, Community C2: 4, Licence A1: 3 (moves from the cell before).
        for rows, columns, count in ((5, 0, "8"), (4, 0, "4"), (-7, 1, "3")):
            for _ in range(abs(rows)):
                press(qtbot, Qt.Key.Key_Down if rows > 0 else Qt.Key.Key_Up)
            for _ in range(columns):
                press(qtbot, Qt.Key.Key_Right)
            type_text(qtbot, count)
            press(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
        assert dialog.total.text().startswith("15 cases: C01 to C15")
        press(qtbot, Qt.Key.Key_C, ALT)  # Create cases
    return act


def test_the_first_day_end_to_end(qtbot, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", NOW)
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    db = open_database(database_path(folder))
    window = main.build_window(db, folder, QSettings(str(tmp_path / "w.ini"),
                                                     QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    seen: list[str] = []
    maybe_show_welcome(window, db, window.hub)  # as main.py does on the first start
    when_shown(qtbot, WelcomeDialog, welcome_by_keyboard(qtbot), seen)
    when_shown(qtbot, WmtSetupDialog, wmt_by_keyboard(qtbot), seen)
    qtbot.waitUntil(lambda: window.is_created("caseload")
                    and window.view("caseload").pages.currentIndex() == 0, timeout=20000)
    caseload = window.view("caseload")
    assert seen == ["WelcomeDialog", "WmtSetupDialog"]
    assert "Made 15 cases, C01 to C15, starting today." in caseload.message.text()

    # The morning, typed into the Time view as people type it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, Qt.Key.Key_3, CTRL)  # View > Time
    time_view = window.view("time")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is time_view.quick)
    for line, said in (("9am-10.30am home visit C03", "for C03"),
                       ("11am-noon mappa @C05", "for C05"),
                       ("-20 recording", "Recording and admin")):
        type_text(qtbot, line)
        press(qtbot, Qt.Key.Key_Return)
        assert said in time_view.message.text(), (line, time_view.problems.text())
    week_line = time_view.week_label.text()
    assert "2 hours 50 minutes logged of 7 hours 24 minutes contracted" in week_line
    assert "Contracted hours count from Wednesday 25 November" in week_line

    # `status`, on the same file while the window is open.
    capsys.readouterr()
    assert main.main(["--data-dir", str(folder), "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert (status["caseload_count"], status["contracted_hours"]) == (15, 22.2)
    assert status["week"] == "2026-W48" and status["so_far_this_week"]

    # The Overview says what `status` says.
    window.show_view("overview")
    overview = window.view("overview")
    overview.refresh()
    assert overview.summary.estimate.caseload_count == 15
    assert overview.words.headline == status["headline"]
    assert overview.words.caseload_headline == status["caseload_headline"]
    assert overview.words.caseload_figures == status["caseload_figures"]
    assert "15 cases on 22 hours 12 minutes a week" in status["caseload_figures"]

    # The one-page summary of the week: the same headline and the same hours.
    out = tmp_path / "week.md"
    assert main.main(["--data-dir", str(folder), "export", "--from", "2026-11-23", "--to",
                      "2026-11-29", "--format", "md", "--out", str(out)]) == 0
    summary = out.read_text(encoding="utf-8")
    assert f"Weighted estimate: {status['headline'].lower()}," in summary
    assert status["caseload_figures"] in summary
    assert "2 hours 50 minutes logged against about 7 hours 24 minutes contracted" in summary
    assert "22 hours 12 minutes a week" in summary and "22.2" not in summary  # one way
    db.close()
