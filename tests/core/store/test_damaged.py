"""A damaged file, or a file that is not a database, is refused and left byte for byte as it was."""

from __future__ import annotations

import pytest

import main
from core.store.database import DamagedDatabaseError, open_database
from core.demo.caseload_demo import fill_demo


def _good_bytes(tmp_path) -> bytes:
    path = tmp_path / "good.db"
    db = open_database(path)
    fill_demo(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path.read_bytes()


def _damages(good: bytes) -> dict[str, bytes]:
    garbled = bytearray(good)
    garbled[8192 : 8192 + 30000] = b"\x55" * 30000
    return {
        "text file": b"Meeting notes, not a database\n" * 40,
        "pages garbled": bytes(garbled),
        "truncated": good[: len(good) // 3 + 100],
        "header only": good[:100],
    }


@pytest.mark.parametrize("kind", ["text file", "pages garbled", "truncated", "header only"])
def test_damaged_file_is_refused_and_left_exactly_as_it_was(tmp_path, data_dir, kind, capsys):
    damaged = _damages(_good_bytes(tmp_path))[kind]
    path = data_dir / "caseload.db"
    path.write_bytes(damaged)
    with pytest.raises(DamagedDatabaseError, match="left exactly as it is"):
        open_database(path)
    assert path.read_bytes() == damaged
    for command in (["cases", "list"], ["check"], ["backup"], ["demo"]):
        assert main.main(["--data-dir", str(data_dir), *command]) == 1
        captured = capsys.readouterr()
        assert "damaged" in (captured.err + captured.out)
        assert "Traceback" not in captured.err
    assert path.read_bytes() == damaged
    assert not (data_dir / "backups").exists()


def test_a_folder_at_the_data_path_is_refused(data_dir):
    (data_dir / "caseload.db").mkdir()
    with pytest.raises(DamagedDatabaseError):
        open_database(data_dir / "caseload.db")


def test_an_empty_data_file_is_not_taken_for_a_new_folder(data_dir, capsys):
    """A caseload.db truncated to 0 bytes (a sync tool, a failing disk) was taken as a fresh
    start: `check` said ok and `log` wrote into it. It is called empty and left as it is."""
    path = data_dir / "caseload.db"
    path.write_bytes(b"")
    for argv in (["check"], ["log", "30m admin"], ["demo"]):
        code = main.main(["--data-dir", str(data_dir), *argv])
        captured = capsys.readouterr()
        assert code == 1, argv
        assert "is empty (0 bytes)" in captured.out + captured.err, argv
        assert path.read_bytes() == b""
    with pytest.raises(DamagedDatabaseError):
        open_database(path)
