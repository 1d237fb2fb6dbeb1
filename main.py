"""Caseload Companion: the composition root. Parses arguments, opens the data, starts GUI or CLI."""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

from core.common.terminal import not_utf8 as _not_utf8

if TYPE_CHECKING:
    import argparse


def _import_sqlite_utils_without_numpy() -> None:
    """sqlite-utils without numpy, nor OpenSSL until it uses it (core.store.lean_sqlite_utils)."""
    from core.store.lean_sqlite_utils import import_sqlite_utils

    import_sqlite_utils()


__version__ = "0.1.0"

# The views in navigation order; the window frame shows these before the data is open.
VIEWS = (("overview", "Overview"), ("caseload", "Caseload"), ("time", "Time"),
         ("supervision", "Supervision"), ("settings", "Settings"))


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """Every subcommand; given the command line, only the module of the command it names is
    imported, and the others are listed by name and help alone (cli.COMMANDS)."""
    from cli import add_commands
    from cli.common import OneLineParser

    parser = OneLineParser(
        prog="caseload-companion",
        description="Your caseload, time and workload in plain words. Works offline, always.",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="use this folder for your data")
    parser.add_argument("--version", action="version", version=f"Caseload Companion {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_commands(sub, argv)
    selfcheck = sub.choices.get("selfcheck")
    if selfcheck is not None and selfcheck.get_default("stand_in") is None:
        # it runs the real start path, handed in from here
        from cli.selfcheck_commands import AppEntry

        sub.choices["selfcheck"].set_defaults(app=AppEntry(main, build_parser, window_frame,
                                                           build_window))
    # --data-dir is accepted after any subcommand too (`main.py demo --data-dir X`).
    for choice in list(sub.choices.values()):
        _accept_data_dir(choice)
    return parser


def _accept_data_dir(parser: argparse.ArgumentParser) -> None:
    import argparse

    if not any("--data-dir" in a.option_strings for a in parser._actions):
        parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                            help=argparse.SUPPRESS)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _accept_data_dir(child)


def main(argv: list[str] | None = None) -> int:
    os.umask(0o077)  # every file the app creates (database, WAL, backups, exports) is owner-only
    argv = sys.argv[1:] if argv is None else argv
    unreadable = next((i for i, a in enumerate(argv, 1) if _not_utf8(a)), None)
    if unreadable is not None:  # bytes the terminal sent in another encoding: not guessed at
        print(f"error: argument {unreadable} is not readable text (not UTF-8); type it again "
              "with your keyboard's usual letters. Nothing was changed.", file=sys.stderr)
        return 2
    args = _window_args(argv)
    if args is None:
        _import_sqlite_utils_without_numpy()  # before the commands' modules import it
        args = build_parser(argv).parse_args(argv)
        if getattr(args, "stand_in", False):  # not where cli.command_named looked
            args = build_parser().parse_args(argv)
    from core.store.paths import empty_data_dir_problem

    problem = empty_data_dir_problem(getattr(args, "data_dir", None))
    if problem:  # before anything is opened: never the usual folder by default
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if args.command is None:
        return run_gui(args)
    from cli.running import run_command

    return run_command(args)


def _window_args(argv: list[str]) -> SimpleNamespace | None:
    """Plain `main.py [--data-dir DIR]` opens the window without importing every command's
    module for the parser (~45 ms of start-up), nor argparse itself; anything else goes through
    the full parser."""
    if argv and argv[0].startswith("--data-dir="):
        argv = ["--data-dir", argv[0].partition("=")[2], *argv[1:]]
    if argv == [] or (len(argv) == 2 and argv[0] == "--data-dir" and argv[1]
                      and not argv[1].startswith("-")):
        return SimpleNamespace(data_dir=argv[1] if argv else None, command=None)
    return None


def window_frame(settings, data_dir=None):  # type: ignore[no-untyped-def]
    """The main window before any data is open: menus, navigation and each view's title. It is
    painted first, so the window is on screen while the data file is opened. The last view
    shown is remembered per data folder."""
    from ui.shell.main_window import MainWindow
    from ui.shell.week_words_first import kept_words
    from ui.shell.window_state import folder_key

    window = MainWindow(settings)
    if data_dir is not None:
        window.view_key = folder_key(data_dir, "window/view")
    for key, title in VIEWS:
        window.reserve_view(key, title, kept_words(window, data_dir) if key == "overview"
                            else None)
    from ui.shell.main_window import reserve_action

    reserve_action(window, "&View", "supervisionMeeting", "Supervision &meeting")  # needs the data
    from ui.shell.contrast import install_contrast_action

    install_contrast_action(window, settings)  # View > High contrast: needs no data
    return window


def build_window(db, data_dir, settings, window=None):  # type: ignore[no-untyped-def]
    """Wire the views: each gets the database, the hub and only what else it needs.

    The Overview is made at once; the other views and the Settings pages are factories, made
    (and their modules imported) the first time they are shown. Given a `window_frame`, the
    views fill its reserved places; otherwise a new window is made.
    """
    from PySide6.QtGui import QUndoStack

    from ui.shell.hub import Hub
    from ui.shell.main_window import MainWindow, made_when_shown
    from ui.overview.overview_setup import install_overview
    from ui.shell.settings_view import SettingsView
    from ui.shell.storage_setup import install_storage
    from ui.time.time_setup import add_time_pages, install_time
    from ui.shell.welcome_dialog import install_welcome
    from ui.shell.window_state import folder_key

    from ui.widgets import current_row, dialog_return, return_guard, screen_fit
    from ui.widgets import focus_in_view, main_thread_gc, tab_into_text, vanished_row

    return_guard.install()  # every dialog from here on: Return never presses Delete
    screen_fit.install()  # and fits the screen, its body scrolling, never its buttons
    current_row.install()  # a table's actions act on the row the keyboard arrives on
    vanished_row.install()  # and land on its neighbour, said, when that row goes
    tab_into_text.install()  # a field Tab reaches is said before its text is selected
    focus_in_view.install()  # and the control with the keyboard is scrolled into sight
    dialog_return.install()  # a dialog closed without acting: the keyboard back where it was
    main_thread_gc.install()  # Qt objects freed on the thread that made them, never a worker's
    hub = Hub()
    window = window if window is not None else MainWindow(settings)
    window.hub = hub  # kept alive with the window

    window.view_key = folder_key(data_dir, "window/view")  # last view and figures: per folder
    install_overview(window, db, hub, settings, data_dir)  # first view; Help > How is… (F1)
    undo_stack = QUndoStack(window)  # one Undo for the window: time logged and case changes
    window.add_view("caseload", "Caseload",
                    made_when_shown("ui.caseload.caseload_view", "CaseloadView", db, hub, undo_stack))
    install_time(window, db, hub, undo_stack=undo_stack)  # Time view, Log time, Undo/Redo, tray
    window.add_view("supervision", "Supervision",
                    made_when_shown("ui.supervision.supervision_view", "SupervisionView", db, hub))

    settings_view = SettingsView()
    settings_view.add_page("Profile", made_when_shown("ui.settings.profile_page", "ProfilePage", db, hub))
    settings_view.add_page("Reductions && reports",
                           made_when_shown("ui.settings.reductions_page", "ReductionsPage", db, hub))
    settings_view.add_page("Weightings",
                           made_when_shown("ui.settings.weightings_page", "WeightingsPage", db, hub))
    add_time_pages(settings_view, db, hub)  # Activities, Working week
    install_storage(window, db, hub, settings_view, data_dir, __version__)  # Data & privacy, About
    window.add_view("settings", "Settings", settings_view)
    from ui.supervision.meeting_operations import install_meeting

    install_meeting(window, db, hub, undo_stack)  # View > Supervision meeting (F11)

    install_welcome(window, db, hub)  # Help > Welcome tour
    from ui.shell.contrast import install_contrast_action

    install_contrast_action(window, settings)  # View > High contrast
    return window


NO_DISPLAY = ("No display found; the app needs a desktop session. The command line works "
              "without one: main.py --help")


def no_display() -> bool:
    """Linux with no X11 or Wayland display that answers (unset, or left pointing at nothing)
    and no QT_QPA_PLATFORM chosen: Qt would abort (ui.shell.display_probe)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    from ui.shell.display_probe import display_reachable

    return not display_reachable()


def missing_qt_libraries() -> str | None:
    """Linux: the system libraries Qt's xcb plugin cannot find, with the apt command, or None
    (ui.shell.qt_libraries)."""
    if not sys.platform.startswith("linux"):
        return None
    from ui.shell.qt_libraries import qt_libraries_problem

    return qt_libraries_problem()


def why_no_window() -> str | None:
    """Why Qt could not open a window, in one line (when Qt has given up: ui.shell.app)."""
    return NO_DISPLAY if no_display() else missing_qt_libraries()


def run_gui(args: argparse.Namespace | SimpleNamespace) -> int:
    """Paint the window frame first, then open the data into it (passphrase, recovery and
    first-run welcome all appear over the window)."""
    from core.store.paths import resolve_data_dir
    from ui.shell.app import app_settings, create_application, install_excepthook
    from ui.shell.first_paint import after_first_paint
    from ui.shell.single_instance import bring_forward
    from ui.shell.week_words_first import work_out_ahead, words_first
    from ui.shell.theme import LOOK_KEY, apply_theme

    # No display, or libraries missing: one line (exit 1) instead of Qt's abort (exit 134).
    app = create_application(guard=False, explain=why_no_window)  # guard: after the paint
    install_excepthook(resolve_data_dir(args.data_dir))  # from here any error is logged, said
    from core.common.clock import clock_problem

    problem = clock_problem()
    if problem:  # nothing is opened, so nothing is written that could never be shown
        from PySide6.QtWidgets import QMessageBox

        print(problem, file=sys.stderr)
        QMessageBox.critical(None, "Check your computer's clock", problem)
        return 1
    owner = claim_folder(args)
    if isinstance(owner, int):
        return owner  # the first window came forward (0), or the folder stayed busy (1)
    settings = app_settings()
    from ui.shell.contrast import saved_choice

    # Drawn as the system asked at the last start (asked again once the frame is painted), in
    # high contrast if View > High contrast was chosen; kept alive with the app.
    app.theme = apply_theme(app, high_contrast=saved_choice(settings),
                            last_look=settings.value(LOOK_KEY))
    window = window_frame(settings, resolve_data_dir(args.data_dir))
    window.folder_owner = owner  # held until the app ends
    owner.activated.connect(lambda: bring_forward(window))
    owner.lost.connect(lambda: _folder_lost(window))
    window.restore_state()
    probe = bool(os.environ.get("CASELOAD_COMPANION_EXIT_AFTER_PAINT"))
    if probe:  # benchmarks/: time to the frame's first paint, then to the data's
        from ui.shell.paint_probe import exit_after_first_paint

        exit_after_first_paint(window, wait_for_data=True)
    work_out_ahead(window, args.data_dir)  # this week's words, while the frame is painted
    window.show()
    exit_code: list[int] = []
    after_first_paint(window, lambda: words_first(window, args.data_dir, probe, lambda: (
        _before_any_dialog(app),  # the passphrase, the recovery screen, the welcome
        settings.setValue(LOOK_KEY, app.theme.follow_system()),  # a look changed since: now
        owner.listen(),  # later starts bring this window forward
        exit_code.extend(_open_into(window, args, settings, probe)))))
    code = app.exec()
    # Qt ends by closing the windows, and the last one closing queues a second quit that no
    # event loop is left to take: delivered later in the same process (run_gui called from
    # Python, as the tests do), it ended every event loop started after it, a dialog's
    # included, the moment it began.
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.removePostedEvents(None, QEvent.Type.Quit)
    owner.release()
    return exit_code[0] if exit_code else code


def _before_any_dialog(app) -> None:  # type: ignore[no-untyped-def]
    """Return never presses a destructive button, and every dialog fits its screen. Both are
    imported here, after the first frame: the screen fit names Qt's `Qt` namespace, whose
    enums take 12-25 ms to set up."""
    from ui.widgets import return_guard, screen_fit

    return_guard.install(app)
    screen_fit.install()


def _folder_lost(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(window, "Your data folder has gone",
                        "The folder this window's data is in has been moved or removed while the "
                        "app was open, so what you change now may not be kept. Close the app and "
                        "open it again.")


def claim_folder(args: argparse.Namespace | SimpleNamespace):  # type: ignore[no-untyped-def]
    """Make this the one window on its data folder: the FolderOwner, or an exit code when
    another window has it (0: that window was brought forward; 1: a command is replacing the
    data and did not finish within a few seconds, said in a message)."""
    import time

    from core.common.errors import ValidationError
    from core.store.paths import ensure_private_dir, resolve_data_dir
    from ui.shell.app import show_error
    from ui.shell.single_instance import FolderOwner, ask_first_window_forward

    data_dir = resolve_data_dir(args.data_dir)
    owner = FolderOwner(data_dir)
    deadline = time.monotonic() + 5
    while True:
        try:
            ensure_private_dir(data_dir)
            if owner.claim():
                return owner
        except (OSError, ValidationError):  # a read-only folder, or a file: opening says why
            return owner
        if ask_first_window_forward(data_dir):
            return 0
        if time.monotonic() > deadline:
            show_error(None, "Caseload Companion is already open on this data folder, or a "
                       "command is changing your data. Try again in a moment.",
                       "Your data is in use")
            return 1
        time.sleep(0.2)  # a restore or encryption change from the command line is finishing


def _open_into(window, args: argparse.Namespace | SimpleNamespace, settings, probe: bool) -> list[int]:  # type: ignore[no-untyped-def]
    """Open the data and fill the frame's views; [exit code] when the app must end instead."""
    from PySide6.QtWidgets import QApplication

    _import_sqlite_utils_without_numpy()
    from core.common.errors import ValidationError
    from core.store.applog import get_logger, setup_logging  # logging: not before the first frame
    from core.store.database import StorageError
    from core.store.paths import ensure_private_dir, not_a_folder_problem, resolve_data_dir
    from ui.shell.app import show_error
    from ui.shell.first_paint import after_first_paint
    from ui.shell.storage_setup import open_data

    def end(code: int) -> list[int]:
        window.hide()
        QApplication.exit(code)
        return [code]

    data_dir = resolve_data_dir(args.data_dir)
    if not_a_folder_problem(data_dir) is None:  # a file has no logs folder to hold a log
        setup_logging(data_dir)
    try:
        ensure_private_dir(data_dir)
        db = open_data(data_dir, window)  # asks for the passphrase, or offers recovery if damaged
        if db is None:  # the practitioner chose to quit
            return end(0)
        build_window(db, data_dir, settings, window)
    except (StorageError, OSError, ValidationError) as exc:
        get_logger("gui").exception("could not open data")
        show_error(window, str(exc), "Your data could not be opened")
        return end(1)
    except Exception:  # noqa: BLE001 - no traceback ever reaches the user
        get_logger("gui").exception("could not start")
        show_error(window, "Caseload Companion could not start. Nothing you had saved has been "
                   "changed. The details are in the app's log file.", "Could not start")
        return end(1)
    if probe:
        from ui.shell.paint_probe import report_data_painted

        report_data_painted(window)
    after_first_paint(window, lambda: _once_the_data_shows(window, db, data_dir))
    return []


def _once_the_data_shows(window, db, data_dir) -> None:  # type: ignore[no-untyped-def]
    """Work that waits until the practitioner can see their data: the daily backup, on the
    first start only the welcome over the (empty) Overview, and keeping the week in words for
    the next start's first frame."""
    from core.store.paths import database_path
    from ui.shell.auto_backup import schedule_automatic_backup
    from ui.shell.welcome_dialog import maybe_show_welcome

    from PySide6.QtWidgets import QApplication

    from ui.overview.last_week_stand_in import keep_week

    schedule_automatic_backup(db, database_path(data_dir), data_dir)
    maybe_show_welcome(window, db, window.hub)
    overview = window.view("overview")
    keep_week(overview, db, data_dir)  # the next start paints this week at once
    overview.refreshed.connect(lambda: keep_week(overview, db, data_dir))  # and keeps it current
    QApplication.instance().aboutToQuit.connect(
        lambda: keep_week(overview, db, data_dir, at_quit=True))


if __name__ == "__main__":
    sys.exit(main())
