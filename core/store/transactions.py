"""Writes that queue behind each other: every read-check-write is one BEGIN IMMEDIATE transaction.

A deferred transaction (sqlite-utils' plain `BEGIN`) reads first and asks for the write lock
only at its first write; if another process committed in between, SQLite cannot wait and fails
at once ("database is locked"), and a check made on the earlier read (say, that a time slot is
free) may no longer hold. `BEGIN IMMEDIATE` takes the write lock before the first read, waiting
up to the busy timeout (core.store.database.BUSY_TIMEOUT_S) for another writer to finish, so
the check and the write see the same data (sqlite.org/lang_transaction.html).
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from typing import Any, Callable, Generator, TypeVar, cast

from sqlite_utils import Database

from core.common.crash_points import crash_point
from core.common.free_text import check_write

BUSY_MESSAGE = "Your data is busy in another window; nothing was saved. Try again."
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6

F = TypeVar("F", bound=Callable[..., Any])


class DataBusyError(Exception):
    """Another process held the write lock longer than the busy timeout; nothing was saved."""

    def __init__(self, message: str = BUSY_MESSAGE):
        super().__init__(message)


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked"/"busy" (the plain and the SQLCipher driver)."""
    if isinstance(exc, DataBusyError):
        return True
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text


class CaseloadDatabase(Database):
    """sqlite-utils' Database whose `atomic()` begins IMMEDIATE (nested blocks: savepoints).

    Raises DataBusyError (the transaction rolled back) when the write lock cannot be had
    within the busy timeout, or the commit cannot finish.
    """

    # True when the file sits where nothing can be written (core.store.database sets it on
    # opening; the window then shows its read-only notice).
    read_only: bool = False

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        """Every statement, with text that would be stored checked first (free_text): a
        control character or direction override is refused with ValidationError."""
        check_write(sql, parameters)
        return super().execute(sql, parameters)

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise DataBusyError() from exc
            raise
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        crash_point("transaction.before_commit")
        try:
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self.rollback()
            if is_busy(exc):
                raise DataBusyError() from exc
            raise


def in_one_transaction(func: F) -> F:
    """Run a store function (first argument a Database, or an object with `.db`) as one
    IMMEDIATE transaction, so what it reads to check and what it writes cannot drift apart."""

    @functools.wraps(func)
    def wrapper(first: Any, *args: Any, **kwargs: Any) -> Any:
        db = getattr(first, "db", first)
        with db.atomic():
            return func(first, *args, **kwargs)

    return cast(F, wrapper)
