"""Tell apart what can sit at `caseload.db`: ours, encrypted, damaged, or another program's.

Read before any connection is opened (never beside one: core.store.live_files), from the file's
first bytes, following SQLite's file format (sqlite.org/fileformat.html, "The Database Header"):

* a plain SQLite file starts with "SQLite format 3\\0"; bytes 21-23 are always 64, 32, 32;
* an SQLCipher file is whole pages of random-looking bytes, with almost no zero bytes (SQLite
  pages of a plain file are full of them: free space, record headers, small integers);
* so a file whose magic string is broken but whose other header fields are SQLite's, whose first
  page is all zeros, or which is full of zero bytes, is a *damaged plain file*, not an encrypted
  one, and the practitioner is told so rather than asked for a passphrase.

Once a file opens, `is_ours` reads its `application_id` (set by migration m009) and
schema through the connection, so another program's database is refused before anything is
written to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.store.migrations.m009_application_id import APPLICATION_ID

SQLITE_HEADER = b"SQLite format 3\x00"
SAMPLE_BYTES = 64 * 1024
_FIXED_FRACTIONS = b"\x40\x20\x20"  # header bytes 21-23: payload fractions, always 64/32/32
_MAX_ZERO_SHARE = 0.02  # random bytes: 1 in 256 is zero; a plain SQLite file: far more


def kind_of(sample: bytes, size: int) -> str:
    """'sqlite', 'encrypted', 'damaged' (a plain SQLite file whose first page is broken) or
    'unknown' (not a database), from the first SAMPLE_BYTES of a file of `size` bytes (> 0)."""
    if sample.startswith(SQLITE_HEADER):
        return "sqlite"
    if size < 1024:
        return "unknown"  # text: not even one page of anything
    if size % 512:  # cut short: an encrypted file's pages are still random-looking bytes
        return "encrypted" if _random(sample) else "unknown"
    if not sample[:4096].strip(b"\x00"):
        # A zeroed first page: of an encrypted file when the pages after it are random bytes.
        return "encrypted" if _random(sample[4096:]) else "damaged"
    if sample[21:24] == _FIXED_FRACTIONS:
        return "damaged"  # SQLite's own header fields behind a broken magic string
    if sample.count(0) / len(sample) > _MAX_ZERO_SHARE:
        return "damaged"
    return "encrypted"


def _random(data: bytes) -> bool:
    """Random-looking bytes, as every page of an SQLCipher file is: nearly all 256 values,
    few zeros (text has under a hundred values; a plain SQLite page is full of zeros)."""
    return len(data) >= 1024 and len(set(data)) > 200 \
        and data.count(0) / len(data) <= _MAX_ZERO_SHARE


def unreadable_message(path: Path, kind: str) -> str:
    """What to tell the practitioner about a file that is neither readable nor encrypted."""
    from core.store.errors import RECOVERY_HINT

    if kind == "damaged":
        return (f"The data file at {path} is damaged: its first page, where SQLite keeps the "
                "file's header, is broken. It is not encrypted, so no passphrase is needed or "
                f"would help. It has been left exactly as it is. {RECOVERY_HINT}")
    return (f"The data file at {path} is damaged or is not a Caseload Companion database: "
            "it is neither a database SQLite can read nor an encrypted one. It has been left "
            f"exactly as it is. {RECOVERY_HINT}")


def foreign_message(path: Path) -> str:
    return (f"The file at {path} is a database made by another program, not Caseload "
            "Companion's data. It has been left untouched. Move it elsewhere, or choose another "
            "folder for your data with --data-dir.")


def is_ours(conn: Any) -> bool:
    """True for our own file (any version) or a new, empty one; read through `conn`."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return True
    if app_id != 0:
        return False
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return True  # new and empty: ours to set up
    if "_sqlite_migrations" not in tables:
        return False
    ours = conn.execute("SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?",
                        ["caseload_companion"]).fetchone()[0]
    return ours > 0  # written before m009 gave our files their application_id
