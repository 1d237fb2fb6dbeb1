"""A backup folder that cannot be reached (issue 29, item 4), with real processes: with the chosen
backup folder unplugged, `encryption on` and `delete-all --include-backups` say so in words and
exit 1 instead of reporting success; every later command notes it and `check` fails until the
folder is back, when the next start encrypts (or deletes) what was left there."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store import encryption
from core.store.backup import make_backup, set_backup_dir
from core.store.database import open_database
from core.store.fileops import file_kind

ROOT = Path(__file__).resolve().parents[3]
KEY = "a long enough passphrase"


def _cli(folder: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "CASELOAD_COMPANION_PASSPHRASE": KEY, "CASELOAD_COMPANION_NEW_PASSPHRASE": KEY}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder),
                           *argv], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture
def folders(tmp_path):
    data, chosen = tmp_path / "data", tmp_path / "usb-drive"
    data.mkdir(mode=0o700)
    db = open_database(data / "caseload.db")
    CaseStore(db).add_case(Case("C01", "licence", "B2", date(2026, 1, 5)))
    set_backup_dir(db, chosen, data)
    backup = make_backup(db, data)
    db.close()
    assert backup.parent == chosen
    return data, chosen, backup


@pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")
def test_encryption_on_with_the_backup_drive_unplugged_says_so_until_it_is_back(tmp_path,
                                                                              folders):
    data, chosen, backup = folders
    chosen.rename(tmp_path / "unplugged")
    done = _cli(data, "encryption", "on")
    assert done.returncode == 1
    assert f"{chosen} could not be reached" in done.stderr and "not encrypted" in done.stderr
    later = _cli(data, "cases", "list")
    assert later.returncode == 0 and f"note: {chosen} could not be reached" in later.stderr
    check = _cli(data, "check")
    assert check.returncode == 1 and f"{chosen} could not be reached" in check.stdout
    (tmp_path / "unplugged").rename(chosen)  # plugged back in
    assert file_kind(backup) == "sqlite"
    back = _cli(data, "cases", "list")
    assert back.returncode == 0 and "could not be reached" not in back.stderr
    assert file_kind(backup) == "encrypted" and encryption.opens_with(backup, KEY)
    assert "could not be reached" not in _cli(data, "check").stdout


def test_delete_all_with_the_backup_drive_unplugged_does_not_say_it_was_deleted(tmp_path,
                                                                               folders):
    data, chosen, backup = folders
    chosen.rename(tmp_path / "unplugged")
    done = _cli(data, "delete-all", "--yes", "--include-backups")
    assert done.returncode == 1
    assert f"{chosen} could not be reached" in done.stderr and "not deleted" in done.stderr
    assert _cli(data, "check").returncode == 1
    (tmp_path / "unplugged").rename(chosen)
    assert backup.exists()
    assert _cli(data, "cases", "list").returncode == 0
    assert not backup.exists()  # the next start finished what delete-all could not
    assert _cli(data, "check").returncode == 0


def test_the_window_shows_the_unreachable_copies_at_every_start(tmp_path, qtbot, folders):
    import main
    from PySide6.QtCore import QSettings

    from core.store import unreachable

    data, chosen, _backup = folders
    chosen.rename(tmp_path / "unplugged")
    assert _cli(data, "delete-all", "--yes", "--include-backups").returncode == 1
    db = open_database(data / "caseload.db")
    window = main.build_window(db, data, QSettings(str(tmp_path / "w.ini"),
                                                   QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.unreachable_notice.text() == " ".join(unreachable.sentences(data))
    assert f"{chosen} could not be reached" in window.unreachable_notice.text()
    db.close()
