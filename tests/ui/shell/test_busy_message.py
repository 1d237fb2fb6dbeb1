"""A save that cannot get through because another process kept the data busy says so calmly in
the window, with the same words as the command line (issue 11, item 3)."""

from __future__ import annotations

import sqlite3
import sys

from core.store.transactions import BUSY_MESSAGE, DataBusyError
from ui.shell import app as app_module


def _shown_for(exc: BaseException, monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(app_module, "show_error",
                        lambda parent, message, title="": shown.append((title, message)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    app_module.install_excepthook()
    sys.excepthook(type(exc), exc, None)
    return shown


def test_busy_data_gets_the_calm_message(qapp, monkeypatch):
    assert _shown_for(DataBusyError(), monkeypatch) == [("Nothing was saved", BUSY_MESSAGE)]


def test_a_plain_sqlite_lock_error_gets_it_too(qapp, monkeypatch):
    shown = _shown_for(sqlite3.OperationalError("database is locked"), monkeypatch)
    assert shown == [("Nothing was saved", BUSY_MESSAGE)]


def test_other_errors_keep_the_general_message(qapp, monkeypatch):
    (title, message), = _shown_for(ValueError("x"), monkeypatch)
    assert "nothing you had saved has been lost" in message
