"""The key derived once per passphrase and file (core/store/cipher_keys.py) opens exactly the files
SQLCipher's own `PRAGMA key` opens: files made before it open after it, and every file made with
it (the data file, a changed passphrase, a backup) opens with the plain passphrase in a fresh
SQLCipher connection, and with no other passphrase."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.caseload.cases import Case, CaseStore
from core.store import encryption
from core.store.backup import make_backup
from core.store.database import WrongPassphraseError, open_database
from tests.examples import examples

pytestmark = pytest.mark.skipif(not encryption.available(),
                                reason="the optional sqlcipher3 package is not installed")
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "encrypted-before-key-cache.db"
FIXTURE_PASS = "Tea at four, then reports ☕"  # the fixture was made before keys were cached
PASS = "correct horse battery"
passphrases = st.text(min_size=8, max_size=40).filter(
    lambda p: not encryption.passphrase_problems(p))


def _plain_sqlcipher_reads(path: Path, passphrase: str) -> list[str] | None:
    """Case references through a fresh SQLCipher connection keyed with the passphrase itself
    (as any SQLCipher tool would), or None when it does not open the file."""
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = '{passphrase.replace(chr(39), chr(39) * 2)}'")
        return sorted(r[0] for r in conn.execute("SELECT reference FROM cases"))
    except dbapi2.DatabaseError:
        return None
    finally:
        conn.close()


def _add(path: Path, passphrase: str | None, reference: str) -> None:
    db = open_database(path, passphrase=passphrase)
    CaseStore(db).add_case(Case(reference, "community", "B2", date(2026, 1, 5)))
    db.close()


def test_a_file_encrypted_before_keys_were_cached_opens_and_takes_changes(tmp_path):
    path = tmp_path / "caseload.db"
    shutil.copy(FIXTURE, path)
    with pytest.raises(WrongPassphraseError):
        open_database(path, passphrase=FIXTURE_PASS + "x")
    _add(path, FIXTURE_PASS, "C08")
    _add(path, FIXTURE_PASS, "C09")  # opened again: the key this process derived the first time
    assert _plain_sqlcipher_reads(path, FIXTURE_PASS) == ["C07", "C08", "C09"]
    assert _plain_sqlcipher_reads(path, FIXTURE_PASS + "x") is None


@settings(max_examples=examples(10), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(passphrases)
def test_any_passphrase_opens_here_what_sqlcipher_made_and_sqlcipher_reads_what_was_written(
        tmp_path_factory, passphrase):
    from sqlcipher3 import dbapi2

    path = tmp_path_factory.mktemp("made-there") / "caseload.db"
    _add(path, None, "C07")
    other = dbapi2.connect(str(path))  # encrypted by SQLCipher alone, keyed with the passphrase
    quoted = passphrase.replace("'", "''")
    other.execute(f"ATTACH DATABASE '{path}.enc' AS enc KEY '{quoted}'")
    other.execute("SELECT sqlcipher_export('enc')")
    other.execute("DETACH DATABASE enc")
    other.close()
    shutil.move(f"{path}.enc", path)
    with pytest.raises(WrongPassphraseError):
        open_database(path, passphrase=passphrase + "x")
    _add(path, passphrase, "C08")  # opened here: the key derived here
    assert _plain_sqlcipher_reads(path, passphrase) == ["C07", "C08"]


def test_encryption_on_a_change_and_a_backup_each_open_with_the_plain_passphrase(tmp_path):
    path = tmp_path / "caseload.db"
    _add(path, None, "C07")
    encryption.rekey_file(path, None, PASS)
    assert _plain_sqlcipher_reads(path, PASS) == ["C07"]
    encryption.rekey_file(path, PASS, PASS + " too")
    assert _plain_sqlcipher_reads(path, PASS) is None
    assert _plain_sqlcipher_reads(path, PASS + " too") == ["C07"]
    db = open_database(path, passphrase=PASS + " too")
    copy = make_backup(db, tmp_path, tmp_path / "copy.db")
    db.close()
    assert _plain_sqlcipher_reads(copy, PASS + " too") == ["C07"]
    assert _plain_sqlcipher_reads(copy, PASS) is None
    encryption.rekey_file(path, PASS + " too", None)
    plain = open_database(path)
    assert CaseStore(plain).references() == {"C07"}
    plain.close()
