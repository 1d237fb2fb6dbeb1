"""Wires time logging into the window: the Time view, Log time (Ctrl+L), Undo/Redo, tray, pages."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from sqlite_utils import Database

from core.common.clock import now as clock_now
from core.time.timer import stale_timer
from ui.shell.first_paint import after_first_paint
from ui.shell.hub import Hub
from ui.shell.main_window import MainWindow, made_when_shown
from ui.shell.settings_view import SettingsView
from ui.time.time_operations import record
from ui.time.tray import TimeTray

if TYPE_CHECKING:  # imported when first made, not at start-up
    from ui.time.time_view import TimeView


def install_time(
    window: MainWindow,
    db: Database,
    hub: Hub,
    clock: Callable[[], datetime] = clock_now,
    undo_stack: QUndoStack | None = None,
) -> None:
    """Add the Time view (call before the Settings view is added) and its window-wide actions.

    The view itself is made when first shown; Log time, Undo/Redo and the tray work without it.
    Undo/Redo act on `undo_stack`, the window's one stack (the Caseload pushes to it too).
    """
    stack = undo_stack if undo_stack is not None else QUndoStack(window)
    # A restore or delete-all replaces every row the stack's steps point at: forget them all,
    # whether or not the Time view has been made yet.
    hub.dataReplaced.connect(stack.clear)

    def time_view() -> TimeView:
        return window.view("time")  # type: ignore[return-value]

    def make_view() -> TimeView:
        from ui.time.time_view import TimeView

        view = TimeView(db, hub, stack, clock)
        view.timer.changed.connect(lambda _c: tray.refresh())
        return view

    window.add_view("time", "Time", make_view)

    def quick_entry() -> None:
        from ui.time.quick_entry_dialog import QuickEntryDialog
        from ui.time.time_wording import change_message
        from ui.widgets.step_said import say_result

        change = QuickEntryDialog.get_change(window, db, clock)
        if change is not None:
            # Undo and redo are said and shown wherever the practitioner is (ui.widgets.step_said).
            record(stack, db, hub, change, "Log time", parent=window)
            say_result(window, change_message(change))  # seen in Time, heard wherever it was typed

    log_action = QAction("&Log time…", window)
    log_action.setShortcut(QKeySequence("Ctrl+L"))
    log_action.setToolTip("Log time in one line, from anywhere in the app (Ctrl+L)")
    log_action.triggered.connect(quick_entry)
    window.addAction(log_action)  # window-wide, whichever view is shown
    file_menu = window.menu("&File")
    file_menu.insertAction(file_menu.actions()[0] if file_menu.actions() else None, log_action)

    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    undo.setProperty("shortcutWords", "Undo")  # the shortcuts page's words (SHORTCUT_WORDS)
    redo = stack.createRedoAction(window, "&Redo")
    redo.setProperty("shortcutWords", "Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    from ui.widgets.nothing_to_undo import MEETING_HAS_OWN

    for step in (undo, redo):  # the meeting's own take back only its steps (meeting_screen)
        step.setProperty(MEETING_HAS_OWN, True)
    edit_menu = window.menu("&Edit")
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    window.addAction(undo)
    window.addAction(redo)
    from ui.widgets import nothing_to_undo

    nothing_to_undo.install(window, stack, undo.shortcuts(), redo.shortcuts())  # said, not mute
    from ui.widgets import undo_keys

    undo_keys.install()  # Ctrl+Z in a field with nothing of its own to undo is the window's
    undo_keys.follow(stack)  # a save or undo settles a spin box's unsaved steps
    from ui.time.calendar_import_action import install_calendar_import

    install_calendar_import(window, db, hub, stack, clock)  # File > Import calendar…
    window.undo_stack = stack  # type: ignore[attr-defined]
    window.time_undo_stack = stack  # type: ignore[attr-defined]  # the older name, still used

    tray = TimeTray(
        db,
        window,
        start=lambda: time_view().timer.start(),
        stop=lambda: time_view().timer.stop(),
        quick_entry=quick_entry,
        clock=clock,
    )
    hub.timeLogged.connect(tray.refresh)
    window.time_tray = tray  # type: ignore[attr-defined]

    def check_stale_timer() -> None:
        # Only a timer left running needs the Time view (and its question) at open.
        try:
            stale = window.is_created("time") or stale_timer(db, clock()) is not None
        except sqlite3.ProgrammingError:  # the file was closed first (a restore, or closing)
            return
        if stale:
            time_view().check_stale_timer()

    # Asked once, just after the window first shows: what to keep of a timer left running.
    QTimer.singleShot(0, window, lambda: after_first_paint(window, check_stale_timer))


def add_time_pages(settings_view: SettingsView, db: Database, hub: Hub) -> None:
    settings_view.add_page("Activities",
                           made_when_shown("ui.settings.activities_page", "ActivitiesPage", db, hub))
    settings_view.add_page("Working week", made_when_shown(
        "ui.settings.working_pattern_page", "WorkingPatternPage", db, hub))
