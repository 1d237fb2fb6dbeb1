"""Encryption at rest: the file's bytes hide the data; wrong passphrases are refused calmly."""

from __future__ import annotations

import pytest

import main
from core.store import encryption
from core.store.backup import make_backup, restore_backup
from core.caseload.cases import CaseStore
from core.store.database import (
    PassphraseRequiredError,
    WrongPassphraseError,
    open_database,
)
from core.demo.caseload_demo import fill_demo
from core.common.errors import ValidationError
from core.store.fileops import SQLITE_HEADER

needs_cipher = pytest.mark.skipif(
    not encryption.available(), reason="the optional sqlcipher3 package is not installed"
)
PASS = "correct horse battery"


def _demo(data_dir):
    path = data_dir / "caseload.db"
    db = open_database(path)
    fill_demo(db)
    db.close()
    return path


# Plaintext a readable file always holds (schema and case types). Long enough that random
# ciphertext never matches by chance, unlike a 3-byte reference such as b"C07".
PLAINTEXT_MARKERS = (b"CREATE TABLE", b"tier_history", b"community")


def _assert_encrypted_bytes(path):
    raw = path.read_bytes()
    assert not raw.startswith(SQLITE_HEADER)
    assert not [m for m in PLAINTEXT_MARKERS if m in raw]


@needs_cipher
def test_on_change_off_round_trip(data_dir, capfd):
    path = _demo(data_dir)
    assert all(m in path.read_bytes() for m in PLAINTEXT_MARKERS)  # readable before
    encryption.rekey_file(path, None, PASS)
    _assert_encrypted_bytes(path)
    with pytest.raises(PassphraseRequiredError):
        open_database(path)
    with pytest.raises(WrongPassphraseError, match="Please try again"):
        open_database(path, passphrase="not the passphrase")
    db = open_database(path, passphrase=PASS)
    assert len(CaseStore(db).list_cases("all")) == 57
    db.close()
    _assert_encrypted_bytes(path)  # the WAL was folded back in, still no plaintext

    encryption.rekey_file(path, PASS, "a new passphrase 'with quotes'")
    _assert_encrypted_bytes(path)
    with pytest.raises(WrongPassphraseError):
        open_database(path, passphrase=PASS)
    db = open_database(path, passphrase="a new passphrase 'with quotes'")
    assert "C07" in CaseStore(db).references()
    db.close()

    encryption.rekey_file(path, "a new passphrase 'with quotes'", None)
    assert path.read_bytes().startswith(SQLITE_HEADER)
    db = open_database(path)
    assert len(CaseStore(db).list_cases("all")) == 57
    db.close()
    assert "sqlcipher" not in capfd.readouterr().err.lower()  # a wrong key stays quiet


@needs_cipher
def test_wrong_passphrase_on_rekey_changes_nothing(data_dir):
    path = _demo(data_dir)
    encryption.rekey_file(path, None, PASS)
    before = path.read_bytes()
    with pytest.raises(encryption.PassphraseError):
        encryption.rekey_file(path, "wrong guess here", None)
    assert path.read_bytes() == before


@needs_cipher
def test_encrypted_backups_stay_encrypted_and_restore(data_dir):
    path = _demo(data_dir)
    encryption.rekey_file(path, None, PASS)
    db = open_database(path, passphrase=PASS)
    assert encryption.verify_passphrase(db, PASS) and not encryption.verify_passphrase(db, "nope")
    backup = make_backup(db, data_dir)
    db.close()
    _assert_encrypted_bytes(backup)
    with pytest.raises(PassphraseRequiredError):
        restore_backup(backup, path)
    with pytest.raises(WrongPassphraseError):
        restore_backup(backup, path, "wrong passphrase")
    restore_backup(backup, path, PASS)
    db = open_database(path, passphrase=PASS)
    assert len(CaseStore(db).references()) == 57
    db.close()


@needs_cipher
def test_cli_asks_for_the_passphrase_and_refuses_a_wrong_one(data_dir, monkeypatch, capsys):
    path = _demo(data_dir)
    encryption.rekey_file(path, None, PASS)
    monkeypatch.setenv("CASELOAD_COMPANION_PASSPHRASE", "wrong passphrase")
    assert main.main(["--data-dir", str(data_dir), "cases", "list"]) == 1
    err = capsys.readouterr().err
    assert "does not open your data" in err and "Traceback" not in err
    monkeypatch.setenv("CASELOAD_COMPANION_PASSPHRASE", PASS)
    assert main.main(["--data-dir", str(data_dir), "cases", "list"]) == 0
    assert "C01" in capsys.readouterr().out
    assert main.main(["--data-dir", str(data_dir), "check"]) == 0
    monkeypatch.delenv("CASELOAD_COMPANION_PASSPHRASE")
    assert main.main(["--data-dir", str(data_dir), "cases", "list"]) == 1
    assert "encrypted" in capsys.readouterr().err


@needs_cipher
def test_sqlcipher_errors_arrive_as_standard_sqlite3_errors(tmp_path):
    import sqlite3

    db = open_database(tmp_path / "enc.db", passphrase=PASS)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO tier_history (case_id, tier, from_date) VALUES (999, 'A1', 'x')")
    with pytest.raises(sqlite3.OperationalError):
        db.execute("SELECT * FROM no_such_table")
    db.close()


@pytest.mark.parametrize("bad", ["", "   ", "short", "x" * 1025, "eight\x00chars"])
def test_weak_or_unusable_passphrases_are_refused_with_a_reason(bad):
    with pytest.raises(ValidationError) as info:
        encryption.check_passphrase(bad)
    assert info.value.problems and all(p.endswith(".") for p in info.value.problems)


def test_unavailable_reason_explains_itself(monkeypatch):
    monkeypatch.setattr(encryption, "_cipher", None)
    assert "sqlcipher3" in encryption.unavailable_reason()
    assert not encryption.available()


@needs_cipher
def test_cli_turns_encryption_on_changes_it_and_turns_it_off(data_dir, monkeypatch, capsys):
    path = _demo(data_dir)
    assert main.main(["--data-dir", str(data_dir), "backup"]) == 0
    assert main.main(["--data-dir", str(data_dir), "encryption", "status"]) == 0
    assert "Encryption is off." in capsys.readouterr().out
    monkeypatch.setenv("CASELOAD_COMPANION_NEW_PASSPHRASE", PASS)
    assert main.main(["--data-dir", str(data_dir), "encryption", "on"]) == 0
    _assert_encrypted_bytes(path)
    for backup in (data_dir / "backups").iterdir():
        _assert_encrypted_bytes(backup)  # older backups are not left readable
    monkeypatch.setenv("CASELOAD_COMPANION_PASSPHRASE", PASS)
    monkeypatch.setenv("CASELOAD_COMPANION_NEW_PASSPHRASE", "short")
    assert main.main(["--data-dir", str(data_dir), "encryption", "change"]) == 2
    assert "at least 8" in capsys.readouterr().err
    monkeypatch.setenv("CASELOAD_COMPANION_NEW_PASSPHRASE", "another good one")
    assert main.main(["--data-dir", str(data_dir), "encryption", "change"]) == 0
    monkeypatch.setenv("CASELOAD_COMPANION_PASSPHRASE", "another good one")
    assert main.main(["--data-dir", str(data_dir), "encryption", "off"]) == 0
    assert path.read_bytes().startswith(SQLITE_HEADER)
    monkeypatch.delenv("CASELOAD_COMPANION_PASSPHRASE")
    assert main.main(["--data-dir", str(data_dir), "cases", "list"]) == 0
