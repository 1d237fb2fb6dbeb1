"""Asking for the passphrase in a terminal (or from the environment), shared by every command.

Kept apart from the commands so that opening the data (`cli.common`) and the storage commands
can both use it without importing each other.
"""

from __future__ import annotations

import os
import sys

from core.store.database import PassphraseRequiredError, StorageError, WrongPassphraseError

PASSPHRASE_ENV = "CASELOAD_COMPANION_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CASELOAD_COMPANION_NEW_PASSPHRASE"


def ask_passphrase(prompt: str = "Passphrase: ") -> str:
    """The passphrase from the environment, or typed in a terminal (never echoed)."""
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not sys.stdin or not sys.stdin.isatty():
        raise StorageError(
            f"Your data is encrypted. Run this in a terminal to type the passphrase, or set "
            f"{PASSPHRASE_ENV} for this command."
        )
    import getpass

    return getpass.getpass(prompt)


def with_passphrase(action, tries: int = 3):  # type: ignore[no-untyped-def]
    """Run `action(passphrase)`: first without one, then asking when the data is encrypted."""
    try:
        return action(None)
    except PassphraseRequiredError:
        pass
    for attempt in range(tries):
        try:
            return action(ask_passphrase())
        except WrongPassphraseError:
            if os.environ.get(PASSPHRASE_ENV) or attempt == tries - 1:
                raise
            print("That passphrase does not open your data. Please try again.", file=sys.stderr)
    raise AssertionError("unreachable")
