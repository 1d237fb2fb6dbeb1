"""What every subcommand shares: opening the data, exit codes, and JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, NoReturn

from sqlite_utils import Database

from core.store.database import open_database
from core.common.dates import DateError, parse_date, shorten
from core.store.paths import database_path, ensure_private_dir, resolve_data_dir

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

    @property
    def db_path(self) -> Path:
        return database_path(self.data_dir)

    @property
    def db(self) -> Database:
        if self._db is None:
            ensure_private_dir(self.data_dir)
            from cli.passphrase import with_passphrase  # asks only if the data is encrypted

            self._db = with_passphrase(lambda key: open_database(self.db_path, passphrase=key))
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def make_context(args: argparse.Namespace) -> Context:
    return Context(resolve_data_dir(getattr(args, "data_dir", None)))


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
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{shown}' is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"'{shown}' is not a number")
    if abs(value) > NUMBER_LIMIT:
        raise argparse.ArgumentTypeError(f"'{shown}' is larger than {NUMBER_LIMIT}")
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


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose refusals are the one line the README promises, exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"error: {message}\n")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


Handler = Callable[[argparse.Namespace, Context], int]
