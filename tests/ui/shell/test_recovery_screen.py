"""The recovery screen: restore a backup or set the damaged file aside; it is never overwritten."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from core.store import encryption
from core.store.backup import make_backup
from core.caseload.cases import CaseStore
from core.store.database import open_database
from tests.demo_copy import demo_into
from ui.shell import storage_setup
from ui.shell.passphrase_dialog import PassphraseDialog
from ui.shell.recovery_screen import FRESH, RESTORED, RecoveryScreen

DAMAGED = b"this was my caseload file before the laptop crashed" * 50
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def damaged(data_dir):
    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    backup = make_backup(db, data_dir)
    db.close()
    (data_dir / "caseload.db").write_bytes(DAMAGED)
    return backup


@pytest.fixture
def yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)


def _screen(qtbot, data_dir) -> RecoveryScreen:
    screen = RecoveryScreen(data_dir / "caseload.db", data_dir / "backups", "damaged")
    qtbot.addWidget(screen)
    return screen


def _set_aside(data_dir):
    return [p for p in data_dir.iterdir()
            if p.name.startswith("caseload.") and p.name != "caseload.db"]


def test_lists_backups_and_restores_the_selected_one(qtbot, data_dir, damaged, yes):
    screen = _screen(qtbot, data_dir)
    assert screen.model.rowCount() == 1 and screen.restore_button.isEnabled()
    screen.restore_button.click()
    assert screen.outcome == RESTORED
    db = open_database(data_dir / "caseload.db")
    assert len(CaseStore(db).references()) == 57
    db.close()
    kept = _set_aside(data_dir)
    assert len(kept) == 1 and kept[0].read_bytes() == DAMAGED  # the damaged file, exactly


def test_start_fresh_keeps_the_damaged_file_unchanged(qtbot, data_dir, damaged, yes):
    screen = _screen(qtbot, data_dir)
    screen.fresh_button.click()
    assert screen.outcome == FRESH
    assert not (data_dir / "caseload.db").exists()
    assert [p.read_bytes() for p in _set_aside(data_dir)] == [DAMAGED]


def test_nothing_happens_without_confirmation(qtbot, data_dir, damaged, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    screen = _screen(qtbot, data_dir)
    screen.restore_button.click()
    screen.fresh_button.click()
    assert screen.outcome is None
    assert (data_dir / "caseload.db").read_bytes() == DAMAGED


def test_a_bad_backup_file_is_refused_calmly(qtbot, data_dir, damaged, monkeypatch, tmp_path):
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warnings.append(text))
    junk = tmp_path / "junk.db"
    junk.write_text("junk")
    screen = _screen(qtbot, data_dir)
    assert not screen.restore(junk)
    assert warnings and "not restored" in warnings[0]
    assert (data_dir / "caseload.db").read_bytes() == DAMAGED


def test_startup_shows_recovery_instead_of_the_window(data_dir, damaged, monkeypatch):
    shown = []

    def quit_screen(parent, db_path, folder, message):
        shown.append(message)
        return None

    monkeypatch.setattr(RecoveryScreen, "run", quit_screen)
    assert storage_setup.open_data(data_dir) is None
    assert "damaged" in shown[0]
    assert (data_dir / "caseload.db").read_bytes() == DAMAGED

    def start_fresh(parent, db_path, folder, message):
        from core.store.fileops import set_aside

        set_aside(db_path)
        return FRESH

    monkeypatch.setattr(RecoveryScreen, "run", start_fresh)
    db = storage_setup.open_data(data_dir)
    assert db is not None and CaseStore(db).references() == set()
    db.close()


@pytest.mark.skipif(not encryption.available(), reason="the optional sqlcipher3 package is not "
                    "installed")
def test_startup_asks_for_the_passphrase_again_after_a_wrong_one(data_dir, monkeypatch):
    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    db.close()
    encryption.rekey_file(data_dir / "caseload.db", None, "right passphrase")
    messages = []

    def typed(dialog):
        dialog.field.setText("wrong passphrase")
        dialog.try_accept()
        messages.append(dialog.error.text())
        dialog.field.setText("right passphrase")
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(PassphraseDialog, "exec", typed)
    db = storage_setup.open_data(data_dir)
    assert messages == ["That passphrase does not open your data. Please try again."]
    assert len(CaseStore(db).references()) == 57
    db.close()


def test_backups_are_listed_newest_first(qtbot, data_dir, damaged):
    import shutil

    folder = data_dir / "backups"
    for stamp in ("20250101-090000", "20261231-090000", "20260601-090000"):
        shutil.copy(damaged, folder / f"caseload-{stamp}.db")
    screen = _screen(qtbot, data_dir)
    shown = [screen.proxy.index(row, 0).data() for row in range(screen.proxy.rowCount())]
    assert shown[0].endswith("2026, 9:00") and "31 Dec 2026" in shown[0]
    assert "1 Jan 2025" in shown[-1]


@pytest.mark.skipif(not encryption.available(), reason="the optional sqlcipher3 package is not "
                    "installed")
def test_the_unlock_dialog_keeps_nothing_typed_once_it_has_opened_the_data(data_dir, monkeypatch):
    """The start-up Unlock stayed in the accessibility tree all session, the passphrase still in
    its field and its last error under it; it is now emptied and deleted."""
    from PySide6.QtCore import QCoreApplication, QEvent
    import shiboken6

    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    db.close()
    encryption.rekey_file(data_dir / "caseload.db", None, "right passphrase")
    seen = []

    def typed(dialog):
        seen.append(dialog)
        dialog.field.setText("wrong passphrase")
        dialog.try_accept()
        dialog.field.setText("right passphrase")
        dialog.try_accept()
        assert dialog.field.text() == "" and dialog.error.text() == ""
        return dialog.result()

    monkeypatch.setattr(PassphraseDialog, "exec", typed)
    db = storage_setup.open_data(data_dir)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert seen and not shiboken6.isValid(seen[0])
    db.close()
