"""What every subcommand shares: opening the data, exit codes, and JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

from sqlite_utils import Database

from core.store.all_copies import open_folder
from core.common.dates import DateError, parse_date
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
            from cli.storage_commands import with_passphrase  # asks only if the data is encrypted

            # open_folder also finishes what a killed encryption change or delete-all left.
            self._db = with_passphrase(lambda key: open_folder(self.data_dir, key))
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


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"'{text}' is not a number")
    return value


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


Handler = Callable[[argparse.Namespace, Context], int]
