"""Qt application setup shared by main.py and tests: names, settings, and calm error handling."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.widgets.lean_imports import stop_keeping_module_sources

# At once, before the window's own modules: PySide6 would otherwise keep the source text of
# every module imported after it (ui.widgets.lean_imports).
stop_keeping_module_sources()

from core.store.applog import get_logger  # noqa: E402
from core.store.paths import APP_NAME, ORG_NAME  # noqa: E402


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with organisation and application names set before any path lookup."""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName(APP_NAME)
    from ui.widgets import return_guard

    return_guard.install(app)  # before the first dialog (the passphrase, the recovery screen)
    return app


def app_settings() -> QSettings:
    """Window state and view preferences (not case data: that lives only in the database)."""
    return QSettings(ORG_NAME, APP_NAME)


def show_error(parent: QWidget | None, message: str, title: str = "Something went wrong") -> None:
    QMessageBox.warning(parent, title, message)


def failure_text(exc: BaseException) -> str:
    """What the window says about an unexpected error: a full disk and a read-only folder are
    named as such; anything else is a calm generic sentence."""
    from core.store.disk_space import storage_failure

    return storage_failure(exc) or ("That did not work, and nothing you had saved has been lost. "
            "The details are in the app's log file.")


def install_excepthook() -> None:
    """Log any unexpected error and show a calm message instead of a traceback."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        get_logger("ui").error("".join(traceback.format_exception(kind, value, tb)))
        parent = QApplication.activeWindow()
        from core.store.transactions import BUSY_MESSAGE, is_busy  # not before the window shows

        if is_busy(value):  # another process kept the write lock past the busy timeout
            show_error(parent, BUSY_MESSAGE, "Nothing was saved")
            return
        show_error(parent, failure_text(value))

    sys.excepthook = hook
