"""Keeping the data safe from a shell: backup, restore, check, retention, encryption, delete-all."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cli.common import EXIT_FAILED, CommandError, Context, bounded_int, owns_the_folder
from cli.passphrase import NEW_PASSPHRASE_ENV, with_passphrase
from core.store import backup as backups
from core.store import encryption, unreachable
from core.store.database import PassphraseRequiredError, StorageError, WrongPassphraseError
from core.store.all_copies import change_encryption
from core.store.data_files import copy_problems, is_remembered
from core.store.fileops import file_is_encrypted_path
from core.store.health_check import check_file
from core.caseload.retention import (
    MAX_RETENTION_DAYS,
    closed_before,
    delete_all_data,
    delete_closed_cases,
    get_retention_days,
    set_retention_days,
)
from core.common.words import plural



def run_backup(args: argparse.Namespace, ctx: Context) -> int:
    out = Path(args.out).expanduser() if args.out else None
    if out is not None and out.exists():
        raise CommandError(f"There is already a file at {out}; choose another name.")
    if out is not None and not out.parent.is_dir():  # as `export --out`: never makes folders
        raise CommandError(f"The folder {out.parent} does not exist; choose another place to save.")
    dest = backups.make_backup(ctx.db, ctx.data_dir, out)
    print(f"Backed up to {dest}")
    if out is not None and not is_remembered(ctx.data_dir, dest):
        print("note: your data folder is read-only, so this copy is not on record: encryption "
              "and delete-all will not reach it. Keep track of it yourself.")
    return 0


@owns_the_folder()
def run_restore(args: argparse.Namespace, ctx: Context) -> int:
    source = Path(args.file).expanduser()
    if not source.is_file():  # the file given is bad input (exit 2), not damaged data
        raise CommandError(f"There is no backup file at {source}.")
    ctx.close()  # nothing may hold the file open while it is replaced
    try:
        result = with_passphrase(lambda key: backups.restore_backup(source, ctx.db_path, key))
    except (PassphraseRequiredError, WrongPassphraseError):
        raise
    except StorageError as exc:  # not a backup, or a damaged one: the file given is at fault
        raise CommandError(str(exc)) from None
    print(f"Restored from {result.restored_from}")
    if result.previous_data:
        print(f"Your previous data was kept at {result.previous_data}")
    return 0


def run_check(args: argparse.Namespace, ctx: Context) -> int:
    used: list[str | None] = []

    def check(key: str | None):  # type: ignore[no-untyped-def]
        used.append(key)
        return check_file(ctx.db_path, key)

    try:
        report = with_passphrase(check)
    except (WrongPassphraseError, PassphraseRequiredError):
        raise
    except StorageError as exc:
        print(str(exc))
        return EXIT_FAILED
    lines = report.lines()
    # Every copy of the data must be in the state the data file is in (core.store.data_files).
    problems, notes = copy_problems(ctx.data_dir, file_is_encrypted_path(ctx.db_path), used[-1])
    problems += unreachable.sentences(ctx.data_dir)  # copies a run could not reach, until done
    if problems:
        lines = (report.problems if not report.ok else []) + problems
    for line in lines + [f"note: {n}" for n in notes]:
        print(line)
    return 0 if report.ok and not problems else EXIT_FAILED


def run_retention(args: argparse.Namespace, ctx: Context) -> int:
    if args.days is not None:
        before = get_retention_days(ctx.db)
        set_retention_days(ctx.db, args.days)
        if args.days != before:
            print(f"Retention period changed from {before} to {plural(args.days, 'day')}.")
    days = get_retention_days(ctx.db)
    due = closed_before(ctx.db, days)
    if args.delete:
        count = delete_closed_cases(ctx.db, days)
        print(f"Deleted {plural(count, 'case')} closed more than {plural(days, 'day')} ago.")
        return 0
    print(f"Cases are offered for deletion {plural(days, 'day')} after they close.")
    if not due:
        print("No closed cases are due for deletion.")
    else:
        refs = ", ".join(c.reference for c in due)
        print(f"Due for deletion ({len(due)}): {refs}. Run `retention --delete` to delete them.")
    return 0


@owns_the_folder()
def run_delete_all(args: argparse.Namespace, ctx: Context) -> int:
    if not args.yes:
        raise CommandError(
            "This deletes every case, time entry and note for good. Add --yes to confirm"
            " (and --include-backups to delete the backups too)."
        )
    folder = backups.backup_dir(ctx.db, ctx.data_dir)
    result = delete_all_data(ctx.db, ctx.data_dir, [folder], args.include_backups)
    print("All your data has been deleted.")
    if args.include_backups:
        print(f"Backups and earlier copies deleted: {len(result.files_deleted)}.")
        return _unreachable_said(ctx)
    return 0


def _new_passphrase() -> str:
    from_env = os.environ.get(NEW_PASSPHRASE_ENV)
    if from_env:
        return encryption.check_passphrase(from_env)
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"Type the new passphrase in a terminal, or set {NEW_PASSPHRASE_ENV}.")
    import getpass

    first = encryption.check_passphrase(getpass.getpass("New passphrase: "))
    if getpass.getpass("Again: ") != first:
        raise CommandError("The two passphrases are not the same; nothing was changed.")
    return first


@owns_the_folder(when=lambda args: args.action != "status")
def run_encryption(args: argparse.Namespace, ctx: Context) -> int:
    """status / on / change / off: each writes a new file and swaps it in atomically."""
    encrypted = file_is_encrypted_path(ctx.db_path)
    if args.action == "status":
        reason = encryption.unavailable_reason()
        state = "on." if encrypted else "off."
        print(f"Encryption is {state}" + (f" {reason}" if reason else ""))
        for problem in copy_problems(ctx.data_dir, encrypted)[0]:
            print(problem)  # e.g. copies still plain after an interrupted `encryption on`
        return 0
    if not encryption.available():
        raise CommandError(encryption.unavailable_reason() or "", EXIT_FAILED)
    if args.action == "on" and encrypted:
        raise CommandError(
            "Encryption is already on; use `encryption change` for a new passphrase.")
    if args.action in ("off", "change") and not encrypted:
        raise CommandError("Encryption is off; use `encryption on` to turn it on.")
    db = ctx.db  # opens (asking for the current passphrase if encrypted) and migrates first
    old = db.conn.passphrase if encryption.is_encrypted(db) else None
    new = None if args.action == "off" else _new_passphrase()
    ctx.close()
    try:  # the data file, then every backup and kept copy in every folder ever used
        change_encryption(ctx.data_dir, old, new)
    except (encryption.PassphraseError, encryption.DamagedCipherError) as exc:
        raise StorageError(str(exc)) from None
    print({"on": "Encryption is on.", "change": "Passphrase changed.",
           "off": "Encryption is off."}[args.action])
    return _unreachable_said(ctx)


def _unreachable_said(ctx: Context) -> int:
    """Each copy the operation could not reach, in words on stderr; exit 1 when there is one."""
    lines = unreachable.sentences(ctx.data_dir)
    for line in lines:
        print(f"error: {line}", file=sys.stderr)
    return EXIT_FAILED if lines else 0


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help="back up your data now (into backups/, or --out FILE)")
    b.add_argument("--out", metavar="FILE", help="write the backup to this new file")
    b.set_defaults(func=run_backup)

    r = sub.add_parser("restore", help="replace your data with a backup (checked first)")
    r.add_argument("file", metavar="FILE")
    r.set_defaults(func=run_restore, creates_data=True)

    c = sub.add_parser("check", help="check the data file: prints ok or what is wrong")
    c.set_defaults(func=run_check)

    ret = sub.add_parser("retention", help="show or delete cases closed more than N days ago")
    ret.add_argument("--days", type=bounded_int(1, MAX_RETENTION_DAYS), help="set the number of days (default 30)")
    ret.add_argument("--delete", action="store_true", help="delete the cases now due")
    ret.set_defaults(func=run_retention)

    e = sub.add_parser("encryption", help="status, or turn encryption on, change it, turn it off")
    e.add_argument("action", choices=("status", "on", "change", "off"))
    e.set_defaults(func=run_encryption)

    d = sub.add_parser("delete-all", help="delete all your data for good (needs --yes)")
    d.add_argument("--yes", action="store_true", help="confirm")
    d.add_argument("--include-backups", action="store_true", help="delete backups too")
    d.set_defaults(func=run_delete_all)
