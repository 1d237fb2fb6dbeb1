"""Copies an operation could not reach: said in words, and kept on a list until dealt with.

Encryption and delete-all reach every backup folder ever used (core.store.data_files). A folder
on an unplugged drive, or one that has become read-only, cannot be reached: its backups stay as
they were (plain while the data is encrypted, say, or not deleted). Such a run must not say it
is done. Each place it could not reach is written to `unreachable-copies.json` in the data folder
with what is still to be done there; the command says so and exits 1, `check` lists them
(exit 1), and every later start tries them again, taking each off the list once done.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from core.store import encryption
from core.store.data_files import (
    BACKUP,
    KEPT,
    SIDECAR,
    TEMPORARY,
    backup_folders,
    case_data_files,
    whole_copies,
)
from core.store.fileops import file_kind

LIST = "unreachable-copies.json"
ENCRYPT, DECRYPT, DELETE = "encrypt", "decrypt", "delete"
_TODO = {ENCRYPT: "still not encrypted", DECRYPT: "still encrypted", DELETE: "not deleted"}


def load(data_dir: Path) -> list[dict[str, str]]:
    try:
        value = json.loads((data_dir / LIST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(value, list):
        return []
    return [e for e in value if isinstance(e, dict) and isinstance(e.get("path"), str)
            and e.get("todo") in _TODO]


def _save(data_dir: Path, entries: list[dict[str, str]]) -> None:
    target = data_dir / LIST
    if not entries:
        target.unlink(missing_ok=True)
        return
    tmp = target.with_name(target.name + ".new")
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(entries, out, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def record(data_dir: Path, todo: str, places: list[Path]) -> None:
    """Put `places` on the list with what is still to be done there; an earlier entry for the
    same place is replaced (the latest operation decides what it must become)."""
    keep = [e for e in load(data_dir) if e["path"] not in {str(p) for p in places}]
    _save(data_dir, keep + [{"path": str(p), "todo": todo} for p in places])


def settle(data_dir: Path, done: list[Path]) -> None:
    """Take places that have now been dealt with off the list."""
    names = {str(p) for p in done}
    entries = load(data_dir)
    if any(e["path"] in names for e in entries):
        _save(data_dir, [e for e in entries if e["path"] not in names])


def reachable(folder: Path) -> bool:
    """A folder that is there and can be written (to replace or delete a file in it)."""
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def sentences(data_dir: Path) -> list[str]:
    """One line for each place on the list, saying what is left and what to do."""
    return [f"{e['path']} could not be reached, so the copies of your data there are "
            f"{_TODO[e['todo']]}. Connect the drive or make the folder writable; the app "
            "finishes it the next time it opens your data." for e in load(data_dir)]


def note_after_change(data_dir: Path, done: list[Path], old: str | None, new: str | None
                      ) -> None:
    """Every backup folder that could not be reached, and every copy the change should have
    reached but did not, goes on the list of unreachable copies (core.store.unreachable)."""
    want = "sqlite" if new is not None else "encrypted"  # the kind still to be changed
    places = [f for f in backup_folders(data_dir)[1:] if not reachable(f)]
    for path in whole_copies(data_dir):
        if path not in done and file_kind(path) == want and not (
                new is not None and old is not None):  # `change`: an older key's copy stays
            places.append(path.parent)
    places = list(dict.fromkeys(places))
    reached = [f for f in backup_folders(data_dir) if f not in places]
    settle(data_dir, reached)
    if places:
        record(data_dir, ENCRYPT if new is not None
                           else DECRYPT, places)


def retry(data_dir: Path, db: Any) -> list[str]:
    """At a start: deal with each listed place that can be reached now (copies encrypted under
    the data's passphrase, or deleted after a delete-all); returns the places dealt with."""
    done: list[Path] = []
    for entry in load(data_dir):
        place = Path(entry["path"])
        if not reachable(place):
            continue
        here = [c for c in case_data_files(data_dir) if c.path.parent == place]
        if entry["todo"] == DELETE:
            for copy in here:
                if copy.role in (BACKUP, KEPT, TEMPORARY, SIDECAR) and copy.path.parent != data_dir:
                    copy.path.unlink(missing_ok=True)
            done.append(place)
        elif entry["todo"] == ENCRYPT and _passphrase_of(db) is not None:
            plain = [c.path for c in here if c.whole_copy]
            encryption.rekey_copies(plain, None, _passphrase_of(db))
            done.append(place)
    settle(data_dir, done)
    return [str(p) for p in done]


def _passphrase_of(db: Any) -> str | None:
    conn = db.conn
    return conn.passphrase if isinstance(conn, encryption.CipherConnection) else None
