"""Every file the app has ever written that holds case data, found in one place.

The data file is not the only copy of the caseload. SQLite's `-wal`/`-shm` beside it, the
backups (in `backups/` and in every folder ever chosen in Settings, plus files written with
`backup --out`), the copy kept before each upgrade (`caseload.before-m00N-….db`), files set aside
(`caseload.damaged-….db`, `caseload.before-restore-….db`), and the temporary or partial files a
step writes on its way (`.rekey-tmp`, `.partial`, `.caseload.db.restore-….tmp`) each hold the
whole caseload. Encryption and delete-all work over `case_data_files`, and `check` reports with
`copy_problems` every copy that is not in the state the data file is in.

The folders and files to look in are remembered in `known-copies.json` in the data folder, not in
the data file: deleting the data (or a damaged data file) must not forget where its copies are.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from core.store.applog import get_logger
from core.store.fileops import SIDECARS, file_kind, fsync_dir

REGISTRY = "known-copies.json"
DATA_NAME = "caseload.db"
BACKUPS_DIRNAME = "backups"

DATA, SIDECAR, BACKUP, KEPT, TEMPORARY = "data", "sidecar", "backup", "kept copy", "temporary"
TEMP_SUFFIXES = (".rekey-tmp", ".partial", ".tmp")
_BACKUP = re.compile(r"^caseload-\d{8}-\d{6}(?:-[\w-]+)?\.db$")
_KEPT = re.compile(r"^caseload\.[\w.-]+\.db$")  # before-m00N-…, damaged-…, before-restore-…


@dataclass(frozen=True)
class DataCopy:
    """One file that holds case data; `role` is DATA, SIDECAR, BACKUP, KEPT or TEMPORARY."""

    path: Path
    role: str

    @property
    def whole_copy(self) -> bool:
        """A complete database of its own (a backup or a kept copy), to encrypt or delete."""
        return self.role in (BACKUP, KEPT)


def _owner(data_dir: Path) -> dict[str, object]:
    """Which data folder a registry belongs to: its path, and the folder's identity on disk
    (so a folder renamed in place is still itself, and a copy of it elsewhere is not)."""
    folder = Path(data_dir).expanduser().absolute()
    try:
        st = os.stat(folder)
        return {"folder": str(folder), "device": st.st_dev, "inode": st.st_ino}
    except OSError:
        return {"folder": str(folder)}


def _belongs(value: dict, data_dir: Path) -> bool:
    owner = value.get("owner")
    if not isinstance(owner, dict):
        return True  # written before registries named their folder: taken as this folder's
    here = _owner(data_dir)
    same_place = owner.get("folder") == here["folder"]
    same_folder = "inode" in here and (owner.get("device"), owner.get("inode")) == (
        here.get("device"), here.get("inode"))
    return same_place or same_folder


def _load(data_dir: Path) -> dict | None:
    try:
        value = json.loads((data_dir / REGISTRY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _read_registry(data_dir: Path) -> dict[str, list[str]]:
    """The folders and files on record for this data folder. A registry copied in with the
    folder from somewhere else (`cp -r`, a sync tool) names another folder's copies: they are
    never this data's to encrypt or delete, so it reads as empty (see `foreign_registry`)."""
    value = _load(data_dir)
    if value is None or not _belongs(value, data_dir):
        return {"folders": [], "files": []}
    return {key: [str(v) for v in value.get(key, []) if isinstance(v, str)]
            for key in ("folders", "files")}


def foreign_registry(data_dir: Path) -> str | None:
    """A sentence when the folder's record of copies came from another data folder (this one
    is a copy of it), so those copies were left alone; None otherwise."""
    value = _load(data_dir)
    if value is None or (_belongs(value, data_dir) and not value.get("others")):
        return None
    owner = value.get("owner") if not _belongs(value, data_dir) else None
    other = owner.get("folder", "another folder") if isinstance(owner, dict) \
        else "another data folder"
    return (f"This data folder is a copy of {other}; that folder's backups and copies belong "
            "to it and are left alone here (encryption and delete-all reach only this folder's "
            "own).")


def _others(data_dir: Path) -> list[str]:
    """Places that belong to the data folder this one was copied from: never this one's."""
    value = _load(data_dir) or {}
    found = [str(v) for v in value.get("others", []) if isinstance(v, str)]
    if not _belongs(value, data_dir):
        found += [str(v) for key in ("folders", "files") for v in value.get(key, [])
                  if isinstance(v, str)]
    return found


def _remember(data_dir: Path, key: str, path: Path) -> None:
    registry = _read_registry(data_dir)
    others = _others(data_dir)
    text = str(Path(path).expanduser().absolute())
    if text in registry[key] and _belongs(_load(data_dir) or {}, data_dir):
        return
    if text in others:  # the original's backup folder, named in the copied data's settings
        get_logger("store").warning("a backup folder of the folder this data was copied from "
                                    "is left to that folder")
        return
    registry[key].append(text)
    record = {"owner": _owner(data_dir), **registry, "others": others}
    target = data_dir / REGISTRY
    tmp = target.with_name(target.name + ".new")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(record, out, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
        fsync_dir(data_dir)
    except OSError:  # a read-only or full data folder: the copy is made all the same
        try:  # (on a read-only mount even removing a file that is not there fails)
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        get_logger("store").warning("could not remember a copy's place (the data folder "
                                    "cannot be written)")


def remember_folder(data_dir: Path, folder: Path) -> None:
    """Record a backup folder chosen in Settings, for good (it is never forgotten)."""
    _remember(data_dir, "folders", folder)


def remember_file(data_dir: Path, path: Path) -> None:
    """Record a backup written to a file the practitioner named (`backup --out FILE`)."""
    _remember(data_dir, "files", path)


def is_remembered(data_dir: Path, path: Path) -> bool:
    """True when `path` (a `backup --out` file) is on record, so encryption and delete-all
    reach it; False when the data folder could not be written to remember it."""
    return str(Path(path).expanduser().absolute()) in _read_registry(data_dir)["files"]


def backup_folders(data_dir: Path) -> list[Path]:
    """`backups/` in the data folder, then every folder ever chosen, oldest choice first."""
    folders = [data_dir / BACKUPS_DIRNAME]
    for text in _read_registry(data_dir)["folders"]:
        if text in _others(data_dir):
            continue
        if Path(text) not in folders:
            folders.append(Path(text))
    return folders


def _role(name: str, in_data_dir: bool) -> str | None:
    """What a file called `name` is, judged by the names the app gives its files."""
    base, is_sidecar = name, False
    for suffix in SIDECARS:
        if name.endswith(suffix):
            base, is_sidecar = name[: -len(suffix)], True
            break
    if base.endswith(TEMP_SUFFIXES):
        stem = base
        for suffix in TEMP_SUFFIXES:
            if stem.endswith(suffix):
                stem = stem[: -len(suffix)]
                break
        if stem.startswith(".caseload.db.restore-") or _role(stem, in_data_dir) is not None:
            return TEMPORARY
        return None
    if in_data_dir and base == DATA_NAME:
        return SIDECAR if is_sidecar else DATA
    if _BACKUP.match(base) or (in_data_dir and _KEPT.match(base)):
        return SIDECAR if is_sidecar else (BACKUP if _BACKUP.match(base) else KEPT)
    return None


def _scan(folder: Path, in_data_dir: bool) -> list[DataCopy]:
    found: list[DataCopy] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return found
    for path in entries:
        if not path.name.startswith(("caseload", ".caseload")):
            continue
        role = _role(path.name, in_data_dir)
        if role is not None and path.is_file():
            found.append(DataCopy(path, role))
    return found


def case_data_files(data_dir: Path) -> list[DataCopy]:
    """Every file under the data folder, every backup folder ever used and every named backup
    file that holds case data, each once. Reads names only, never the files' contents."""
    seen: dict[Path, DataCopy] = {}
    for copy in _scan(data_dir, True):
        seen.setdefault(copy.path, copy)
    for folder in backup_folders(data_dir):
        for copy in _scan(folder, folder == data_dir):
            seen.setdefault(copy.path, copy)
    for text in _read_registry(data_dir)["files"]:
        path = Path(text)
        for candidate, role in [(path, BACKUP)] + [
                (path.with_name(path.name + s), TEMPORARY) for s in (".partial", ".rekey-tmp")]:
            if candidate.is_file():
                seen.setdefault(candidate, DataCopy(candidate, role))
    return list(seen.values())


def whole_copies(data_dir: Path) -> list[Path]:
    """Backups and kept copies: complete databases besides the data file."""
    return [c.path for c in case_data_files(data_dir) if c.whole_copy]


def temporary_files(data_dir: Path) -> list[Path]:
    return [c.path for c in case_data_files(data_dir) if c.role == TEMPORARY]


def copy_problems(data_dir: Path, encrypted: bool, passphrase: str | None = None
                  ) -> tuple[list[str], list[str]]:
    """(problems, notes) about the copies, for `check`: a problem is any copy not in the state
    the data file is in (readable without the passphrase while encryption is on, encrypted while
    it is off, or opened only by an earlier passphrase) or a leftover temporary file, one
    sentence each saying what to do. Notes: a record of copies that came from another folder."""
    from core.store import encryption

    from core.store.operation_journal import pending

    problems: list[str] = []
    notes: list[str] = []
    foreign = foreign_registry(data_dir)
    if foreign:
        notes.append(foreign)
    job = pending(data_dir)
    if job is not None:
        problems.append(f"\"{job['operation']}\" was interrupted; it is finished the next time "
                        "the app opens your data.")
    for copy in case_data_files(data_dir):
        if copy.role == TEMPORARY:
            problems.append(f"{copy.path} was left by an interrupted step and holds a copy of "
                            "your data; it is removed the next time the app opens your data.")
            continue
        if not copy.whole_copy:
            continue
        kind = file_kind(copy.path)
        if encrypted and kind == "sqlite":
            problems.append(f"{copy.path} is a copy of your data that is not encrypted, "
                            "while encryption is on.")
        elif not encrypted and kind == "encrypted":
            problems.append(f"{copy.path} is still encrypted while your data file is not; only "
                            "the passphrase it was made with opens it. Keep that passphrase "
                            "while you may need this copy, or delete the copy.")
        elif encrypted and kind == "encrypted" and passphrase is not None \
                and not encryption.opens_with(copy.path, passphrase):
            problems.append(f"{copy.path} still opens with an earlier passphrase, not with "
                            "yours; anyone who knows that passphrase can read it. Delete it if "
                            "you no longer need it.")
    return problems, notes
