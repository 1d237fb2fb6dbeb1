"""Misread files told apart (issue 11, item 7): a damaged plain file is not "encrypted", a damaged
encrypted file with the right passphrase is not a wrong passphrase, and another program's SQLite
file is refused untouched, each with a message that says which it is."""

from __future__ import annotations

import sqlite3

import pytest

from core.demo.caseload_demo import fill_demo
from core.store import encryption
from core.store.database import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    WrongPassphraseError,
    open_database,
)
from core.store.fileops import file_kind
from core.store.migrations.m009_application_id import APPLICATION_ID
from main import main

needs_cipher = pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")


def _demo_file(data_dir):
    db = open_database(data_dir / "caseload.db")
    fill_demo(db)
    db.conn.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return data_dir / "caseload.db"


def _damage(path, offset, data):
    raw = bytearray(path.read_bytes())
    raw[offset:offset + len(data)] = data
    path.write_bytes(bytes(raw))


def test_every_file_the_app_makes_carries_its_application_id(data_dir):
    db = open_database(data_dir / "caseload.db")
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()
    header = (data_dir / "caseload.db").read_bytes()[68:72]
    assert int.from_bytes(header, "big") == APPLICATION_ID


@pytest.mark.parametrize("damage", ["magic", "zeroed first page"])
def test_a_damaged_plain_file_is_not_called_encrypted(data_dir, capsys, damage):
    path = _demo_file(data_dir)
    if damage == "magic":
        _damage(path, 0, b"XXXXXXXXXXXXXXXX")
    else:
        _damage(path, 0, b"\x00" * 4096)
    before = path.read_bytes()
    assert file_kind(path) != "encrypted"
    code = main(["--data-dir", str(data_dir), "status"])
    err = capsys.readouterr().err
    assert code == 1
    assert "damaged" in err and "not encrypted" in err and "passphrase" not in err.split(".")[0]
    assert "Your data is encrypted" not in err
    assert path.read_bytes() == before


@needs_cipher
def test_a_damaged_encrypted_file_with_the_right_passphrase_says_damaged(data_dir, monkeypatch,
                                                                          capsys):
    from core.store.all_copies import change_encryption

    path = _demo_file(data_dir)
    change_encryption(data_dir, None, "right-passphrase")
    _damage(path, 200, b"\x00" * 60)  # inside the first page, after SQLCipher's salt
    before = path.read_bytes()
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(path, passphrase="right-passphrase")
    assert "your passphrase is right" in str(raised.value)
    with pytest.raises(WrongPassphraseError):
        open_database(path, passphrase="wrong-passphrase")
    monkeypatch.setenv("CASELOAD_COMPANION_PASSPHRASE", "right-passphrase")
    assert main(["--data-dir", str(data_dir), "status"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "does not open" not in err
    assert path.read_bytes() == before


def test_another_programs_database_is_refused_untouched(data_dir, capsys):
    path = data_dir / "caseload.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    other.execute("INSERT INTO photos (name) VALUES ('holiday')")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(ForeignDatabaseError):
        open_database(path)
    for command in ("status", "check"):
        assert main(["--data-dir", str(data_dir), command]) == 1
        out = capsys.readouterr()
        assert "another program" in out.out + out.err
    assert path.read_bytes() == before
    tables = sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("photos",)]


def test_a_file_with_another_application_id_is_refused(data_dir):
    path = data_dir / "caseload.db"
    other = sqlite3.connect(path)
    other.execute("PRAGMA application_id = 1234")
    other.commit()
    other.close()
    with pytest.raises(ForeignDatabaseError):
        open_database(path)


def test_our_file_from_before_the_application_id_is_still_ours(tmp_path):
    import shutil
    from pathlib import Path

    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "schema-m001.db"
    path = tmp_path / "caseload.db"
    shutil.copy(fixture, path)
    db = open_database(path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    db.close()
