"""Optional encryption at rest with SQLCipher (the `sqlcipher3` package), used only if installed.

Connections are wrapped so that errors are the standard library's `sqlite3` ones: sqlite-utils
and every store catch those, and the rest of the app never needs to know the file is encrypted.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any, Iterator

from core.common.crash_points import crash_point
from core.common.errors import ValidationError
from core.store.cipher_keys import key_connection, new_file_key
from core.store.disk_space import read_only_place
from core.store.fileops import atomic_replace, file_kind, make_private, remove_sidecars, sidecar
from core.store.live_files import track
from core.store.saved_rows import RowScope

MIN_PASSPHRASE = 8
MAX_PASSPHRASE = 1024
DEFAULT_LOCK_MINUTES = 10

# SQLCipher (with its own SQLite and OpenSSL's libcrypto, about 5 MiB resident) is loaded the
# first time encryption is asked about or used, never for plain data: `_cipher` stays _NOT_YET
# until then, and None once found missing. Everything below reaches it through _sqlcipher().
_NOT_YET: Any = object()
_cipher: Any = _NOT_YET
_TrackedCipher: Any = None


def _sqlcipher() -> Any:
    """SQLCipher's dbapi2 module, imported on first use; None when it is not installed."""
    global _cipher, _TrackedCipher
    if _cipher is _NOT_YET:
        try:  # optional dependency: `pip install sqlcipher3` (or the `encryption` extra)
            from sqlcipher3 import dbapi2
        except ImportError:  # pragma: no cover - depends on the machine
            _cipher = None
        else:
            class Tracked(dbapi2.Connection):
                """Weakly referenceable, so core.store.live_files can tell when it is closed."""

            _cipher, _TrackedCipher = dbapi2, Tracked
    return _cipher


class PassphraseError(Exception):
    """The passphrase does not open the file (or the file is not an encrypted database)."""


class DamagedCipherError(Exception):
    """The passphrase is right (it opens some pages) but the encrypted file is damaged."""


def available() -> bool:
    return _sqlcipher() is not None


def unavailable_reason() -> str | None:
    """Why encryption cannot be turned on here, in words for Settings; None when it can."""
    if _sqlcipher() is None:
        return (
            "Encryption needs the optional sqlcipher3 package, which is not installed on this "
            "computer. Your data is still kept in a private, owner-only folder."
        )
    return None


def passphrase_problems(passphrase: str) -> list[str]:
    problems = []
    if not isinstance(passphrase, str) or not passphrase.strip():
        return ["Choose a passphrase; it cannot be blank."]
    if len(passphrase) < MIN_PASSPHRASE:
        problems.append(f"Use at least {MIN_PASSPHRASE} characters; a short sentence works well.")
    if len(passphrase) > MAX_PASSPHRASE:
        problems.append(f"Keep the passphrase to {MAX_PASSPHRASE} characters or fewer.")
    if "\x00" in passphrase:
        problems.append("The passphrase contains a character that cannot be used.")
    return problems


def check_passphrase(passphrase: str) -> str:
    problems = passphrase_problems(passphrase)
    if problems:
        raise ValidationError(problems)
    return passphrase


@contextlib.contextmanager
def _translated() -> Iterator[None]:
    """Re-raise SQLCipher's exceptions as the matching `sqlite3` class."""
    try:
        yield
    except Exception as exc:
        cipher = _sqlcipher()
        if cipher is None or not isinstance(exc, cipher.Error):
            raise
        for cls in type(exc).__mro__:
            target = getattr(sqlite3, cls.__name__, None)
            if isinstance(target, type) and issubclass(target, sqlite3.Error):
                raise target(str(exc)) from exc
        raise sqlite3.DatabaseError(str(exc)) from exc


class _CipherCursor:
    def __init__(self, cursor: Any):
        self._cursor = cursor

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)

    def __iter__(self) -> "_CipherCursor":
        return self

    def __next__(self) -> Any:
        with _translated():
            return next(self._cursor)

    def execute(self, *args: Any) -> "_CipherCursor":
        with _translated():
            self._cursor.execute(*args)
        return self

    def executemany(self, *args: Any) -> "_CipherCursor":
        with _translated():
            self._cursor.executemany(*args)
        return self

    def fetchone(self) -> Any:
        with _translated():
            return self._cursor.fetchone()

    def fetchmany(self, *args: Any) -> Any:
        with _translated():
            return self._cursor.fetchmany(*args)

    def fetchall(self) -> Any:
        with _translated():
            return self._cursor.fetchall()


class CipherConnection:
    """A SQLCipher connection that looks like a `sqlite3.Connection` to sqlite-utils."""

    def __init__(self, raw: Any, passphrase: str):
        self.raw = raw
        self._passphrase = passphrase

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)

    def matches(self, passphrase: str) -> bool:
        import hmac  # loads OpenSSL: only once a passphrase is checked

        return hmac.compare_digest(self._passphrase.encode(), passphrase.encode())

    @property
    def passphrase(self) -> str:
        return self._passphrase

    def execute(self, *args: Any) -> _CipherCursor:
        with _translated():
            return _CipherCursor(self.raw.execute(*args))

    def executemany(self, *args: Any) -> _CipherCursor:
        with _translated():
            return _CipherCursor(self.raw.executemany(*args))

    def executescript(self, *args: Any) -> _CipherCursor:
        with _translated():
            return _CipherCursor(self.raw.executescript(*args))

    def cursor(self) -> _CipherCursor:
        return _CipherCursor(self.raw.cursor())

    def commit(self) -> None:
        with _translated():
            self.raw.commit()

    def rollback(self) -> None:
        with _translated():
            self.raw.rollback()

    def close(self) -> None:
        self.raw.close()


def raw_connect(path: Path, passphrase: str | None) -> Any:
    """A bare SQLCipher connection, keyed (or plain for None), checked to open the file."""
    if _sqlcipher() is None:
        raise PassphraseError(unavailable_reason())
    kind = "encrypted" if passphrase is not None else "sqlite"
    if read_only_place(path):  # read it where it lies, writing nothing (not even a -shm)
        conn = track(path, _cipher.connect(_read_only_uri(path), uri=True, factory=_TrackedCipher),
                     kind)
    else:
        conn = track(path, _cipher.connect(str(path), timeout=5.0, factory=_TrackedCipher), kind)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key must not print to stderr
    if passphrase is not None:
        key_connection(conn, passphrase, _cipher.Error)  # derived once per file (cipher_keys)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _cipher.DatabaseError:
        fits = passphrase is not None and _key_fits_other_pages(conn, path)
        conn.close()
        zeroed = passphrase is not None and _first_page_zeroed(path)  # read once closed
        damaged = fits and not zeroed
        if zeroed:
            raise DamagedCipherError(
                f"The data file at {path} is encrypted, but its first page, which every "
                "passphrase needs, has been wiped (all zeros), so no passphrase can open it. "
                "It has been left exactly as it is.") from None
        if damaged:
            raise DamagedCipherError(
                f"The data file at {path} is encrypted and your passphrase is right, but the "
                "file is damaged. It has been left exactly as it is.") from None
        raise PassphraseError(
            "That passphrase does not open your data. Please try again.") from None
    return conn


def _read_only_uri(path: Path) -> str:
    """SQLite URI for a file in a read-only place: immutable (no -shm needed) unless a -wal
    with changes lies beside it, which only a `mode=ro` reader may use."""
    import urllib.parse

    wal = sidecar(path, "-wal")
    mode = "mode=ro" if wal.exists() and wal.stat().st_size > 0 else "immutable=1"
    from core.common.paths import path_bytes

    return f"file:{urllib.parse.quote(path_bytes(path))}?{mode}"  # need not be UTF-8


def _first_page_zeroed(path: Path) -> bool:
    """True when the first page, which holds the salt every key is derived with, is all zeros:
    no passphrase can open the file, and it is damage, not a wrong passphrase."""
    from core.store.live_files import live_kind

    if live_kind(path) is not None:  # never read beside an open connection (live_files)
        return False
    try:
        with open(path, "rb") as handle:
            first = handle.read(4096)
    except OSError:
        return False
    return len(first) == 4096 and not first.strip(b"\x00")


def _key_fits_other_pages(conn: Any, path: Path) -> bool:
    """True when the key proves right on some pages though the first will not open: the file is
    damaged, not locked with another passphrase. SQLCipher signs every page (HMAC); a wrong key
    fails on all of them (`PRAGMA cipher_integrity_check`, SQLCipher 4)."""
    try:
        failed = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        size = path.stat().st_size
    except (_cipher.Error, OSError):
        return False
    if not any(line.rstrip().endswith(" page 1") for line in failed):
        return True  # the key opens the first page: the file is cut short or damaged further on
    pages = size // 4096 if size % 4096 == 0 else size // 1024
    return 0 < len(failed) < pages


def opens_with(path: Path, passphrase: str | None) -> bool:
    """True when `passphrase` (None: none) opens the database at `path`. Never writes."""
    try:
        raw_connect(path, passphrase).close()
    except (PassphraseError, DamagedCipherError):
        return False
    return True


def connect(path: Path, passphrase: str) -> CipherConnection:
    return CipherConnection(raw_connect(path, passphrase), passphrase)


def is_encrypted(db: Any) -> bool:
    return isinstance(getattr(db, "conn", db), CipherConnection)


def verify_passphrase(db: Any, passphrase: str) -> bool:
    """True when `passphrase` is the one the open data was unlocked with (for the idle lock)."""
    conn = getattr(db, "conn", db)
    return isinstance(conn, CipherConnection) and conn.matches(passphrase)


def rekey_file(path: Path, old: str | None, new: str | None) -> None:
    """Write the data to a new file under the new passphrase (None: plain) and swap it in.

    Turning encryption on, changing the passphrase and turning it off are all this one step.
    The caller closes its own connection first; the old file stays until the new one is checked.
    """
    if new is not None:
        check_passphrase(new)
    if _sqlcipher() is None:
        raise ValidationError(unavailable_reason() or "")
    tmp = sidecar(path, ".rekey-tmp")
    tmp.unlink(missing_ok=True)
    source = raw_connect(path, old)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = source.execute("PRAGMA user_version").fetchone()[0]
        key = new_file_key(source, new, _cipher.Error) if new is not None else ""
        source.execute("ATTACH DATABASE ? AS rekeyed KEY ?", [str(tmp), key])
        source.execute("SELECT sqlcipher_export('rekeyed')")
        source.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
        source.execute("DETACH DATABASE rekeyed")
        counts = _table_counts(source)
    finally:
        source.close()
    crash_point("rekey.exported")
    make_private(tmp)
    check = raw_connect(tmp, new)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ok = ok and _table_counts(check) == counts
    finally:
        check.close()
    remove_sidecars(tmp)
    if not ok:
        tmp.unlink(missing_ok=True)
        raise OSError("The re-written copy of your data did not check out; nothing was changed.")
    crash_point("rekey.checked")
    atomic_replace(tmp, path)
    crash_point("rekey.replaced")


def _table_counts(conn: Any) -> dict[str, int]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def file_is_encrypted(path: Path) -> bool:
    return file_kind(path) == "encrypted"


LOCK_SETTING = "lock_minutes"
LOCK_ROWS = RowScope(settings=(LOCK_SETTING,))  # a change of the idle lock, for Undo


def get_lock_minutes(db: Any) -> float:
    """Idle minutes before the window locks (encryption on only); 10 unless the user chose."""
    import json

    rows = list(db.query("SELECT value FROM settings WHERE key = ?", [LOCK_SETTING]))
    value = json.loads(rows[0]["value"]) if rows else DEFAULT_LOCK_MINUTES
    return value if isinstance(value, (int, float)) and 0 < value <= 240 else DEFAULT_LOCK_MINUTES


def set_lock_minutes(db: Any, minutes: float) -> None:
    import json

    if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or not 0 < minutes <= 240:
        raise ValidationError("Choose between 1 and 240 minutes.")
    db.table("settings").upsert({"key": LOCK_SETTING, "value": json.dumps(minutes)}, pk="key")


def rekey_copies(paths: list[Path], old: str | None, new: str | None) -> list[Path]:
    """Bring backups and earlier copies to the data file's new state: under the new passphrase,
    or plain when `new` is None, so none is left readable without the passphrase while
    encryption is on. Copies that `old` does not open (an earlier passphrase's) are left."""
    done = []
    for path in paths:
        kind = file_kind(path)
        if kind == "sqlite" and new is not None:
            was: str | None = None
        elif kind == "encrypted" and old is not None:
            was = old
        else:
            continue
        try:
            rekey_file(path, was, new)
        except (PassphraseError, DamagedCipherError, OSError, sqlite3.Error):
            continue
        done.append(path)
    return done
