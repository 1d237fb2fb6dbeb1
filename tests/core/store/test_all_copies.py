"""Every copy of the data follows the data (issue 11, item 4): encryption on/change/off and
delete-all work over backups in every folder ever chosen, pre-upgrade and set-aside copies and
temporary files; a killed run is finished by the next start; `check` reports stray copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.demo.caseload_demo import fill_demo
from core.store import encryption
from core.store.all_copies import change_encryption, open_folder, tidy
from core.store.backup import make_backup, set_backup_dir
from core.store.data_files import TEMPORARY, case_data_files, copy_problems
from core.store.database import open_database
from core.store.fileops import file_kind
from core.store.operation_journal import begin, pending
from main import main

needs_cipher = pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3")
MARK = b"ZQXREF"
ROOT = Path(__file__).resolve().parents[3]


def _folder_with_copies(data_dir, chosen):
    """Data, a backup in backups/, two in a chosen folder, a `backup --out` file elsewhere and
    a pre-upgrade copy."""
    db = open_database(data_dir / "caseload.db")
    fill_demo(db)
    db.execute("UPDATE cases SET reference = 'ZQXREF' || printf('%04d', id)")
    db.conn.commit()
    make_backup(db, data_dir)
    set_backup_dir(db, chosen, data_dir)
    make_backup(db, data_dir)
    make_backup(db, data_dir)
    (data_dir.parent / "elsewhere").mkdir(exist_ok=True)
    make_backup(db, data_dir, data_dir.parent / "elsewhere" / "my-copy.db")
    db.close()
    shutil.copy2(data_dir / "caseload.db", data_dir / "caseload.before-m005-20260101-090000.db")


def _plaintext(*folders):
    return [p for f in folders for p in f.rglob("*") if p.is_file() and MARK in p.read_bytes()]


@needs_cipher
def test_encryption_on_reaches_the_chosen_folder_and_upgrade_copies(data_dir, tmp_path,
                                                                    monkeypatch, capsys):
    chosen = tmp_path / "chosen"
    _folder_with_copies(data_dir, chosen)
    monkeypatch.setenv("CASELOAD_COMPANION_NEW_PASSPHRASE", "first-passphrase")
    assert main(["--data-dir", str(data_dir), "encryption", "on"]) == 0
    assert _plaintext(data_dir, chosen, data_dir.parent / "elsewhere") == []
    monkeypatch.setenv("CASELOAD_COMPANION_PASSPHRASE", "first-passphrase")
    monkeypatch.setenv("CASELOAD_COMPANION_NEW_PASSPHRASE", "second-passphrase")
    assert main(["--data-dir", str(data_dir), "encryption", "change"]) == 0
    copies = [c.path for c in case_data_files(data_dir) if c.whole_copy]
    assert len(copies) == 5
    assert all(encryption.opens_with(p, "second-passphrase") for p in copies)
    monkeypatch.setenv("CASELOAD_COMPANION_PASSPHRASE", "second-passphrase")
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "check"]) == 0, capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "encryption", "off"]) == 0
    assert all(file_kind(p) == "sqlite" for p in copies)  # the copies follow the data


def test_delete_all_twice_still_finds_the_chosen_folder(data_dir, tmp_path, capsys):
    """`delete-all` then `delete-all --include-backups` deleted nothing: the first run had
    forgotten the chosen folder with the settings."""
    chosen = tmp_path / "chosen"
    _folder_with_copies(data_dir, chosen)
    assert main(["--data-dir", str(data_dir), "delete-all", "--yes"]) == 0
    assert main(["--data-dir", str(data_dir), "delete-all", "--yes", "--include-backups"]) == 0
    assert "deleted: 5" in capsys.readouterr().out
    assert _plaintext(data_dir, chosen, data_dir.parent / "elsewhere") == []
    assert not list(chosen.iterdir())


@pytest.mark.stress  # the crash-point runs cover this step too; .ci/run runs both
@needs_cipher
def test_a_plain_rekey_leftover_from_a_killed_off_is_removed_at_the_next_start(data_dir):
    """A killed `encryption off` could leave a complete plaintext caseload.db.rekey-tmp."""
    _folder_with_copies(data_dir, data_dir.parent / "chosen")
    change_encryption(data_dir, None, "first-passphrase")
    leftover = data_dir / "caseload.db.rekey-tmp"
    shutil.copy2(data_dir / "caseload.before-m005-20260101-090000.db", leftover)
    encryption.rekey_file(leftover, "first-passphrase", None)  # a whole plain copy
    begin(data_dir, "encryption off")
    assert MARK in leftover.read_bytes()
    problems, _ = copy_problems(data_dir, True)
    assert any("interrupted" in p for p in problems)  # check reports it
    removed = tidy(data_dir)  # the next start, before any passphrase is asked for
    assert leftover in removed and not leftover.exists()
    open_folder(data_dir, "first-passphrase").close()  # and the `off` is finished
    assert pending(data_dir) is None
    assert not encryption.file_is_encrypted(data_dir / "caseload.db")
    assert copy_problems(data_dir, False) == ([], [])


@pytest.mark.stress  # the crash-point runs cover this step too; .ci/run runs both
@needs_cipher
def test_plain_copies_left_by_a_killed_encryption_on_are_encrypted_at_the_next_start(data_dir):
    chosen = data_dir.parent / "chosen"
    _folder_with_copies(data_dir, chosen)
    begin(data_dir, "encryption on")
    encryption.rekey_file(data_dir / "caseload.db", None, "first-passphrase")  # killed here
    problems, _ = copy_problems(data_dir, True)
    assert len([p for p in problems if "not encrypted" in p]) == 5
    open_folder(data_dir, "first-passphrase").close()
    assert _plaintext(data_dir, chosen) == []
    assert copy_problems(data_dir, True, "first-passphrase") == ([], [])


def test_a_killed_delete_all_is_finished_at_the_next_start(data_dir):
    chosen = data_dir.parent / "chosen"
    _folder_with_copies(data_dir, chosen)
    begin(data_dir, "delete-all", include_backups=True)  # killed before any file went
    tidy(data_dir)
    assert not list(chosen.iterdir())
    db = open_folder(data_dir)
    assert db["cases"].count == 0
    db.close()
    assert _plaintext(data_dir, chosen) == []


def test_partial_and_temporary_files_are_known(data_dir):
    chosen = data_dir.parent / "chosen"
    _folder_with_copies(data_dir, chosen)
    for name in ("caseload-20260101-090000.db.partial", "caseload-20260101-090000.db.rekey-tmp"):
        (chosen / name).write_bytes(b"x")
    (data_dir / ".caseload.db.restore-20260101-090000.tmp").write_bytes(b"x")
    (data_dir / "caseload.before-m006-20260101-090000.db.partial").write_bytes(b"x")
    temporary = {c.path.name for c in case_data_files(data_dir) if c.role == TEMPORARY}
    assert len(temporary) == 4
    tidy(data_dir)
    assert not [c for c in case_data_files(data_dir) if c.role == TEMPORARY]


def test_tidying_leaves_a_step_in_progress_alone(data_dir):
    """Another process (or thread) writing a backup holds the folder's operation lock."""
    import subprocess
    import sys

    partial = data_dir / "backups" / "caseload-20260101-090000.db.partial"
    partial.parent.mkdir()
    partial.write_bytes(b"x")
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import sys, time; sys.path.insert(0, {str(ROOT)!r});"
         "from pathlib import Path; from core.store.operation_journal import busy\n"
         f"with busy(Path({str(data_dir)!r})):\n print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert tidy(data_dir) == [] and partial.exists()
    finally:
        holder.kill()
        holder.wait()
    assert tidy(data_dir) == [partial]


@pytest.mark.stress  # the crash-point runs cover this step too; .ci/run runs both
@needs_cipher
def test_check_reports_a_plain_copy_until_the_next_start_finishes_the_run(data_dir, monkeypatch,
                                                                          capsys):
    """`check` agrees with the files: it fails (exit 1) naming each plain copy beside encrypted
    data, and passes once any other start has finished the killed `encryption on`."""
    _folder_with_copies(data_dir, data_dir.parent / "chosen")
    begin(data_dir, "encryption on")
    encryption.rekey_file(data_dir / "caseload.db", None, "first-passphrase")  # killed here
    monkeypatch.setenv("CASELOAD_COMPANION_PASSPHRASE", "first-passphrase")
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "check"]) == 1
    out = capsys.readouterr().out
    assert out.count("not encrypted, while encryption is on") == 5 and "interrupted" in out
    assert main(["--data-dir", str(data_dir), "status"]) == 0  # the next start
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "check"]) == 0, capsys.readouterr().out


@pytest.mark.stress  # the crash-point runs cover this step too; .ci/run runs both
@needs_cipher
def test_a_change_killed_before_the_data_swap_is_finished_under_the_new_passphrase(
        data_dir, monkeypatch, capsys):
    """A killed `encryption change` left every backup under the OLD passphrase for good, and
    `check` said ok. Now the copies go first, the new passphrase waits encrypted under the old
    one, and the next start (unlocked with the old passphrase) finishes copies and data."""
    from core.store.all_copies import _keep_secret
    from core.store.operation_journal import SECRET

    _folder_with_copies(data_dir, data_dir.parent / "chosen")
    change_encryption(data_dir, None, "first-passphrase")
    copies = [c.path for c in case_data_files(data_dir) if c.whole_copy]
    # The state a kill leaves after the secret, the journal and one copy, before the swap.
    _keep_secret(data_dir, "first-passphrase", "second-passphrase")
    assert b"second-passphrase" not in (data_dir / SECRET).read_bytes()
    begin(data_dir, "encryption change")
    encryption.rekey_file(copies[0], "first-passphrase", "second-passphrase")
    open_folder(data_dir, "first-passphrase").close()
    assert pending(data_dir) is None and not (data_dir / SECRET).exists()
    assert encryption.opens_with(data_dir / "caseload.db", "second-passphrase")
    assert all(encryption.opens_with(p, "second-passphrase") for p in copies)


@needs_cipher
def test_check_fails_for_a_copy_left_under_an_earlier_passphrase(data_dir, monkeypatch,
                                                                  capsys):
    """`check` exited 0 with a mere note; a copy not in the data's state is a failure."""
    _folder_with_copies(data_dir, data_dir.parent / "chosen")
    change_encryption(data_dir, None, "first-passphrase")
    stray = [c.path for c in case_data_files(data_dir) if c.whole_copy][0]
    encryption.rekey_file(stray, "first-passphrase", "an-earlier-passphrase")
    monkeypatch.setenv("CASELOAD_COMPANION_PASSPHRASE", "first-passphrase")
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if str(stray) in line and "earlier passphrase" in line
            and "Delete it" in line]
    assert not [line for line in out if line.startswith("note:")]


@needs_cipher
def test_an_off_killed_before_the_data_swap_leaves_no_encrypted_copy(data_dir):
    """A killed `encryption off` left backups encrypted for good while the data was plain."""
    _folder_with_copies(data_dir, data_dir.parent / "chosen")
    change_encryption(data_dir, None, "first-passphrase")
    copies = [c.path for c in case_data_files(data_dir) if c.whole_copy]
    begin(data_dir, "encryption off")
    encryption.rekey_file(copies[0], "first-passphrase", None)
    open_folder(data_dir, "first-passphrase").close()
    assert pending(data_dir) is None
    assert all(file_kind(p) == "sqlite" for p in copies + [data_dir / "caseload.db"])
    assert copy_problems(data_dir, False) == ([], [])
