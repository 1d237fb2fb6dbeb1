"""What every subcommand shares: opening the data, exit codes, and JSON output."""

from __future__ import annotations

import argparse
import difflib
import functools
import itertools
import re
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Callable, NoReturn, Sequence

from sqlite_utils import Database

from cli.json_output import print_json  # noqa: F401  (every command's JSON goes through it)
from core.common.free_text import visible
from core.store import unreachable, writers_lock
from core.store.all_copies import open_folder
from core.store.operation_journal import pending
from core.store.folder_lock import IN_USE_MESSAGE, FolderLock
from core.common.clock import clock_problem
from core.common.dates import DateError, parse_date, shorten
from core.common.exact import too_precise
from core.store.paths import (
    database_path,
    ensure_private_dir,
    not_a_folder_problem,
    resolve_data_dir,
)

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class CommandError(Exception):
    """A one-line message for stderr, with the exit code to leave with."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


@dataclass
class Context:
    """What a subcommand handler receives: where the data is, opened on first use."""

    data_dir: Path
    _db: Database | None = None
    _locked: bool = False

    @property
    def db_path(self) -> Path:
        return database_path(self.data_dir)

    @property
    def db(self) -> Database:
        if self._db is None:
            problem = clock_problem()  # a wrong clock: nothing written it could never show
            if problem:
                raise CommandError(problem, EXIT_FAILED)
            ensure_private_dir(self.data_dir)
            from cli.passphrase import with_passphrase  # asks only if the data is encrypted

            # Held while the data is open, so nothing replaces the file under this command;
            # exclusive at first when a killed run is to be finished (core.store.writers_lock).
            finishing = pending(self.data_dir) is not None
            writers_lock.acquire(self.data_dir, exclusive=finishing)
            self._locked = True
            try:
                # open_folder also finishes what a killed encryption change or delete-all left.
                self._db = with_passphrase(lambda key: open_folder(self.data_dir, key))
            except BaseException:
                self._unlock()
                raise
            if finishing:
                writers_lock.downgrade(self.data_dir)
            for line in unreachable.sentences(self.data_dir):  # every start, until dealt with
                print(f"note: {line}", file=sys.stderr)
        return self._db

    @property
    def opened(self) -> Database | None:
        """The data, if the command opened it (without opening it now)."""
        return self._db

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            finally:
                self._db = None
                self._unlock()

    def _unlock(self) -> None:
        if self._locked:
            self._locked = False
            writers_lock.release(self.data_dir)


def make_context(args: argparse.Namespace) -> Context:
    return Context(resolve_data_dir(getattr(args, "data_dir", None)))


def no_data_message(data_dir: Path) -> str:
    return f"No data in {data_dir}. Open the app, or run `main.py demo` to try it."


def require_data(args: argparse.Namespace, ctx: Context) -> None:
    """A mistyped --data-dir must not become a new, empty caseload: only the commands that
    make data (`demo`, `cases import`, `profile`, `restore`; marked `creates_data`) or need
    none (`data_optional`) run on a folder without a data file. A folder that is a file is
    refused for every command. Raises CommandError (exit 2)."""
    problem = not_a_folder_problem(ctx.data_dir)
    if problem:
        raise CommandError(problem)
    if getattr(args, "creates_data", False) or getattr(args, "data_optional", False):
        return
    if not ctx.db_path.exists():
        raise CommandError(no_data_message(ctx.data_dir))


def undo_if_it_fails(args: argparse.Namespace, ctx: Context) -> Callable[[], None]:
    """For the commands that may make a data folder: what takes back everything a failed run
    made (the folder, its log, an empty data file), so bad input leaves nothing behind. Data
    that was there before is never touched."""
    if not getattr(args, "creates_data", False) or ctx.db_path.exists():
        return lambda: None
    folder_existed = ctx.data_dir.exists()
    logs_existed = (ctx.data_dir / "logs").exists()
    lock_existed = (ctx.data_dir / writers_lock.LOCK).exists()

    def undo() -> None:
        import logging
        import shutil

        try:
            ctx.close()
        except Exception:  # noqa: BLE001 - a full disk may fail the close; the files go anyway
            ctx._db = None
        for handler in list(logging.getLogger("caseload_companion").handlers):
            if str(getattr(handler, "baseFilename", "")).startswith(str(ctx.data_dir)):
                logging.getLogger("caseload_companion").removeHandler(handler)
                try:
                    handler.close()  # flushes, which fails on a full disk; the file still closes
                except OSError:
                    pass
        if not folder_existed:
            shutil.rmtree(ctx.data_dir, ignore_errors=True)
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{ctx.db_path}{suffix}").unlink(missing_ok=True)
        if not logs_existed:
            shutil.rmtree(ctx.data_dir / "logs", ignore_errors=True)
        if not lock_existed:
            (ctx.data_dir / writers_lock.LOCK).unlink(missing_ok=True)

    undo.removes_log = not logs_existed  # type: ignore[attr-defined]
    return undo


class OneLineParser(argparse.ArgumentParser):
    """Bad arguments get one line on stderr (exit 2), naming where to find the usage.

    Abbreviated options are off for this parser and every subcommand's (add_parser makes
    them of this class): `--include-backup` was taken as `--include-backups` and deleted the
    backups."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def, override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras and not getattr(parsed, "stand_in", False):  # (cli.add_commands: parsed again)
            # named with the subcommand they were given to
            command = getattr(parsed, "command", None)
            where = f"{self.prog} {command}" if command else self.prog
            self.exit(EXIT_BAD_INPUT, f"error: unrecognized arguments: {visible(' '.join(extras))}. "
                      f"See `{where} --help`.\n")
        return parsed

    def error(self, message: str) -> NoReturn:
        message = _suggest(message, self.prog.split()[1:]).rstrip(".")
        end = "" if message.endswith("?") else "."
        self.exit(EXIT_BAD_INPUT, f"error: {visible(message)}{end} See `{self.prog} --help`.\n")


_INVALID_CHOICE = re.compile(r"argument (?P<arg>[^:]+): invalid choice: '(?P<typed>[^']*)' "
                             r"\(choose from (?P<choices>.*)\)$")


def _suggest(message: str, parents: list[str]) -> str:
    """A mistyped subcommand (`stauts`) gets the nearest one named ("did you mean status?")
    instead of the whole list; with nothing near, the list stays. A start that begins only one
    command (`timer stat`) names that one."""
    found = _INVALID_CHOICE.match(message.strip())
    if not found:
        return message
    choices = re.findall(r"'([^']*)'", found["choices"])
    typed = found["typed"]
    starts = [c for c in choices if typed and c.startswith(typed.lower())]
    near = starts if len(starts) == 1 else difflib.get_close_matches(
        typed.lower(), choices, n=1, cutoff=0.6)
    what = f"a {' '.join(parents)} command" if parents else "a command"
    if near:
        return f"'{typed}' is not {what}; did you mean {near[0]}?"
    return f"'{typed}' is not {what}; choose from {', '.join(choices)}"


def one_line(problems: list[str]) -> str:
    """Every problem of a refused input on one line, joined with "; " (a sentence's own full
    stop kept only at the end), so an error is always one line on stderr."""
    parts = [p.strip().rstrip(".") for p in problems if p.strip()]
    text = ""
    for part in parts:  # a lead-in ending in a colon is followed by its list, not by "; "
        text += part if not text else (" " if text.endswith(":") else "; ") + part
    return text + "." if text else ""


def aligned_table(header: Sequence[str], rows: Sequence[Sequence[str]],
                  right: Sequence[int] = ()) -> list[str]:
    """A header row and the rows under it, each column as wide as its widest cell (so a long
    activity never pushes the next column out of line), two spaces between columns, the last
    column unpadded; columns in `right` are aligned to the right (lengths, counts)."""
    table = [list(map(str, row)) for row in [header, *rows]]
    last = len(header) - 1
    widths = [max(map(len, cells)) for cells in zip(*table)]
    # One format for every line (ten years of time entries are 300,000 cells: padded cell by
    # cell, this was most of `log list`).
    line = "  ".join("{:>%d}" % width if i in right else "{}" if i == last else "{:<%d}" % width
                     for i, width in enumerate(widths)).format
    return list(map(str.rstrip, itertools.starmap(line, table)))  # each line's loop in C


def date_arg(text: str) -> date:
    """argparse type for dates: 2026-11-28 or 28/11/2026, with a clear message otherwise."""
    try:
        return parse_date(text)
    except DateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


# No hours, percentage or count the app takes is anywhere near this; bounding every number at the
# parser keeps 400-digit input away from arithmetic (it would overflow or exhaust int conversion).
NUMBER_LIMIT = 1000


def positive_float(text: str) -> float:
    """argparse type for hours and percentages: a finite number no larger than NUMBER_LIMIT."""
    shown = shorten(text)
    if len(text) > 20:
        raise argparse.ArgumentTypeError(f"'{shown}' is not a number of a sensible size")
    try:
        if "_" in text:  # float reads '1_1_8' as 118: never what was meant
            raise ValueError(text)
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{shown}' is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"'{shown}' is not a number")
    if abs(value) > NUMBER_LIMIT:
        raise argparse.ArgumentTypeError(f"'{shown}' is larger than {NUMBER_LIMIT}")
    if any(c.isalpha() for c in text) or too_precise(Decimal(text.strip())):  # 1e-30
        raise argparse.ArgumentTypeError(f"'{shown}' is not a number such as 118 or 112.5")
    return value


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """argparse type for a whole number from `low` to `high`, with a one-line message otherwise."""

    def parse(text: str) -> int:
        stripped = text.strip()
        digits = stripped.lstrip("+-")
        if not digits.isdigit() or len(digits) > 9:
            raise argparse.ArgumentTypeError(
                f"'{shorten(text)}' is not a whole number from {low} to {high}"
            )
        value = int(stripped)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not from {low} to {high}")
        return value

    return parse


Handler = Callable[[argparse.Namespace, Context], int]


def owns_the_folder(when: Callable[[argparse.Namespace], bool] = lambda args: True):
    """For commands that replace or rewrite the data file (restore, encryption, delete-all):
    refused with a one-line message (exit 2) while the window has the folder open, and the
    folder is held for the whole command so no window opens in the middle of it
    (core.store.folder_lock)."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def run(args: argparse.Namespace, ctx: Context) -> int:
            if not when(args):
                return handler(args, ctx)
            lock = FolderLock(ctx.data_dir)
            # No lock file: no window has ever had the folder, and none is made for a command.
            if not lock.acquire(create=False):
                raise CommandError(IN_USE_MESSAGE, EXIT_BAD_INPUT)
            try:
                ctx.close()  # a connection opened beside other writers is not this command's
                # From its first read to its swap, no command anywhere writes (they wait).
                with writers_lock.rewriting(ctx.data_dir):
                    try:
                        return handler(args, ctx)
                    finally:
                        ctx.close()  # before the locks go: a window opening next finds it whole
            finally:
                lock.release()

        return run

    return wrap
