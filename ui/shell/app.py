"""Qt application setup shared by main.py and tests: names, settings, and calm error handling."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from ui.widgets.lean_imports import stop_keeping_module_sources

# At once, before the window's own modules: PySide6 would otherwise keep the source text of
# every module imported after it (ui.widgets.lean_imports).
stop_keeping_module_sources()

from core.store.paths import APP_NAME, ORG_NAME  # noqa: E402


def create_application(argv: list[str] | None = None, guard: bool = True,
                       explain: Callable[[], str | None] | None = None) -> QApplication:
    """The QApplication, with organisation and application names set before any path lookup.

    `guard=False` leaves the return guard (ui.widgets.return_guard) to the caller: main.py
    installs it once the window's first frame is painted and before any dialog can open,
    since it watches every event through Python. With `explain`, a QApplication that cannot
    start (see `_made_or_explained`) ends the process with exit code 1 and one line on stderr:
    what `explain()` says, else Qt's own reason."""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance()
    if app is None:
        # Made in Fusion, the style every look draws over (ui.shell.theme), whatever the
        # desktop's own: Qt makes it, and the first frame needs no style handed over from Python.
        app = _made_or_explained([*(argv or sys.argv[:1]), "-style", "Fusion"], explain)
        app.fusion_at_start = True  # type: ignore[attr-defined]
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName(APP_NAME)
    from PySide6.QtWidgets import QComboBox, QTabBar

    from ui.widgets import stack_accessible
    from ui.widgets.accessible_factories import register_when_met

    # A combo box is named by its label on the bus, not its value (ui.widgets.combo_accessible,
    # imported when a screen reader first meets a combo box).
    register_when_met(QComboBox, "ui.widgets.combo_accessible")
    # A tab bar is named by what it is, and says its page only while it has the keyboard.
    register_when_met(QTabBar, "ui.widgets.tab_bar_accessible")
    stack_accessible.install()  # an unnamed page stack is not said on the way to a control
    if guard:
        from ui.widgets import return_guard

        return_guard.install(app)  # before the first dialog (the passphrase, the recovery screen)
    return app


def _made_or_explained(argv: list[str], explain: Callable[[], str | None] | None) -> QApplication:
    """Qt aborts the process (exit 134) when its platform plugin cannot start: no display, or
    system libraries missing (its message then blames xcb-cursor0 whatever is missing). While
    the QApplication is made, a message handler waits for that fatal message and says why in
    one line instead; checking beforehand, on every start, cost 10-15 ms. Qt's other messages
    meanwhile are written to stderr as Qt writes them, once the application stands."""
    if explain is None:
        return QApplication(argv)
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    held: list[str] = []

    def handler(kind, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        if kind == QtMsgType.QtFatalMsg:
            print(explain() or message, file=sys.stderr, flush=True)
            os._exit(1)  # nothing has been opened or written yet
        held.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        app = QApplication(argv)
    finally:
        qInstallMessageHandler(previous)
    for message in held:
        print(message, file=sys.stderr)
    return app


def app_settings() -> QSettings:
    """Window state and view preferences (not case data: that lives only in the database)."""
    return QSettings(ORG_NAME, APP_NAME)


def show_error(parent: QWidget | None, message: str, title: str = "Something went wrong") -> None:
    from PySide6.QtWidgets import QMessageBox  # its enums are set up when first named: not at start

    from core.common.paths import shown_path

    QMessageBox.warning(parent, title, shown_path(message))  # a path in it need not be UTF-8


def failure_text(exc: BaseException) -> str:
    """What the window says about an unexpected error: a full disk and a read-only folder are
    named as such; anything else is a calm generic sentence."""
    from core.store.disk_space import storage_failure

    return storage_failure(exc) or ("That did not work, and nothing you had saved has been lost. "
            "The details are in the app's log file.")


# After a message about an error closes, the same error again within this many seconds is only
# logged: one that comes back as soon as the window has the keyboard again (a screen reader
# asking the window about something gone) would otherwise reopen the message at every OK.
QUIET_AFTER_SAME_ERROR = 60.0


class _ErrorMessages:
    """Which errors get a message: none while one is open, and not the same error again soon
    after its message closed."""

    def __init__(self, clock: Callable[[], float]):
        self._clock = clock
        self._open = False
        self._last: tuple[str, ...] | None = None
        self._closed_at = 0.0

    def may_show(self, key: tuple[str, ...]) -> bool:
        if self._open:
            return False
        return key != self._last or self._clock() - self._closed_at >= QUIET_AFTER_SAME_ERROR

    def show(self, key: tuple[str, ...], show: Callable[[], None]) -> None:
        self._open, self._last = True, key
        try:
            show()
        finally:
            self._open, self._closed_at = False, self._clock()


def _same_error_key(kind: type[BaseException], value: BaseException,
                    tb: TracebackType | None) -> tuple[str, ...]:
    """The kind, words and innermost line of an error: equal for the same error raised again."""
    where = traceback.extract_tb(tb)[-1] if tb is not None else None
    place = f"{where.filename}:{where.lineno}" if where is not None else ""
    return (kind.__qualname__, str(value), place)


def install_excepthook(data_dir: Path | None = None,
                       clock: Callable[[], float] | None = None) -> None:
    """Log any unexpected error and show a calm message instead of a traceback. With `data_dir`,
    an error before the log is set up (the window does that after its first frame) sets it up
    in that folder first, so the log the message points to holds the details. An error while
    its message (or another's) is open, or the same error again soon after, is only logged:
    a message can never bring itself back (`clock` gives seconds, for tests)."""
    import time

    messages = _ErrorMessages(clock or time.monotonic)

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from core.store.applog import get_logger, log_to_file_now  # not before the first frame

        log_to_file_now(data_dir)
        key = _same_error_key(kind, value, tb)
        shown = messages.may_show(key)
        get_logger("ui").error("".join(traceback.format_exception(kind, value, tb))
                               + ("" if shown else "(only logged: a message was open, or had just said this)"))
        if not shown:
            return
        parent = QApplication.activeWindow()
        from core.store.transactions import BUSY_MESSAGE, is_busy  # not before the window shows

        if is_busy(value):  # another process kept the write lock past the busy timeout
            messages.show(key, lambda: show_error(parent, BUSY_MESSAGE, "Nothing was saved"))
            return
        messages.show(key, lambda: show_error(parent, failure_text(value)))

    sys.excepthook = hook
