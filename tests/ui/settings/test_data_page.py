"""Settings > Data & privacy: backups, confirmed restore, encryption, retention, delete all."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from core.store import encryption
from core.store.backup import list_backups
from core.caseload.cases import CaseStore
from core.store.database import open_database
from tests.demo_copy import demo_into
from core.store.fileops import SQLITE_HEADER
from core.caseload.models import Case
from ui.settings.data_page import DataPage
from ui.settings.delete_all_dialog import DeleteAllDialog
from ui.shell.hub import Hub
from ui.shell.passphrase_dialog import PassphraseDialog

# Plaintext a readable file always holds; long enough that ciphertext never matches by chance.
PLAINTEXT_MARKERS = (b"CREATE TABLE", b"tier_history", b"community")

PASS = "correct horse battery"
needs_cipher = pytest.mark.skipif(not encryption.available(),
                                  reason="the optional sqlcipher3 package is not installed")


@pytest.fixture
def answers(monkeypatch):
    """Every question is answered Yes unless a test says otherwise; notices are just noted."""
    said: dict[str, object] = {"answer": QMessageBox.StandardButton.Yes, "info": []}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: said["answer"])
    from ui.caseload.retention_review_dialog import RetentionReviewDialog

    monkeypatch.setattr(RetentionReviewDialog, "confirm", staticmethod(
        lambda *a, **k: said["answer"] == QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, title, text: said["info"].append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: said["info"].append(text))
    return said


@pytest.fixture
def page(qtbot, data_dir):
    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    hub = Hub()
    widget = DataPage(db, hub, data_dir / "caseload.db", data_dir)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    yield widget
    db.close()


def _refs(page) -> set[str]:
    return CaseStore(page.db).references()


def test_page_says_where_the_data_lives_and_that_nothing_connects(page):
    assert str(page.db_path) in page.location.text()
    texts = " ".join(label.text() for label in page.findChildren(type(page.location)))
    assert "never connects to any network" in texts
    assert page.no_backups.isVisible() and not page.table.isVisible()


def test_back_up_now_then_restore_after_confirmation(page, qtbot, answers):
    page.back_up_now()
    assert page.model.rowCount() == 1 and page.table.isVisible()
    CaseStore(page.db).add_case(Case("NEW1", "community", "B2", date(2026, 1, 5)))
    page.table.selectRow(0)
    with qtbot.waitSignal(page.hub.dataReplaced, timeout=5000):
        page.restore_button.click()
    assert "NEW1" not in _refs(page) and len(_refs(page)) == 57  # same db object, new file
    # The data that was replaced was kept, and it is listed as a backup to go back to.
    assert any("before-restore" in b.path.name for b in list_backups(page.data_dir / "backups"))
    assert page.model.rowCount() == 2


def test_restore_needs_confirmation(page, answers):
    page.back_up_now()
    CaseStore(page.db).add_case(Case("NEW1", "community", "B2", date(2026, 1, 5)))
    answers["answer"] = QMessageBox.StandardButton.No
    page.table.selectRow(0)
    page.restore_button.click()
    assert "NEW1" in _refs(page)


@needs_cipher
def test_encryption_on_change_off_from_the_page(page, answers, monkeypatch):
    page.back_up_now()  # made before encryption: must not stay readable afterwards
    monkeypatch.setattr(PassphraseDialog, "get_new_passphrase", lambda *a, **k: PASS)
    page.encrypt_on.click()
    backups = list_backups(page.data_dir / "backups")
    assert len(backups) == 1 and backups[0].encrypted
    assert not [m for m in PLAINTEXT_MARKERS if m in backups[0].path.read_bytes()]
    raw = page.db_path.read_bytes()
    assert not raw.startswith(SQLITE_HEADER) and not [m for m in PLAINTEXT_MARKERS if m in raw]
    assert encryption.is_encrypted(page.db) and "C07" in _refs(page)
    assert page.change_passphrase.isVisible() and not page.encrypt_on.isVisible()
    assert page.lock_minutes.isEnabled() and page.lock_minutes.value() == 10

    def typed(value):
        def get_passphrase(parent, title, message, check=None, **_words):
            assert check is None or check(value) is None
            return value
        return get_passphrase

    monkeypatch.setattr(PassphraseDialog, "get_passphrase", typed(PASS))
    monkeypatch.setattr(PassphraseDialog, "get_new_passphrase", lambda *a, **k: "second phrase")
    page.change_passphrase.click()
    assert encryption.verify_passphrase(page.db, "second phrase")
    from core.store.backup import verify_backup

    assert verify_backup(backups[0].path, "second phrase") == []  # backups follow the change
    monkeypatch.setattr(PassphraseDialog, "get_passphrase", typed("second phrase"))
    page.encrypt_off.click()
    assert page.db_path.read_bytes().startswith(SQLITE_HEADER)
    assert not encryption.is_encrypted(page.db) and "C07" in _refs(page)


def test_encryption_unavailable_says_why(qtbot, data_dir, monkeypatch):
    monkeypatch.setattr(encryption, "_cipher", None)
    db = open_database(data_dir / "caseload.db")
    widget = DataPage(db, Hub(), data_dir / "caseload.db", data_dir)
    qtbot.addWidget(widget)
    assert "sqlcipher3" in widget.encryption_note.text()
    assert not widget.encrypt_on.isEnabled()
    db.close()


def test_retention_deletes_closed_cases_after_confirmation(page, qtbot, answers):
    page.retention_days.setValue(20)
    assert "can be deleted" in page.retention_note.text()
    closed_before = len(CaseStore(page.db).list_cases("closed"))
    with qtbot.waitSignal(page.hub.casesChanged, timeout=5000):
        page.delete_closed.click()
    assert len(CaseStore(page.db).list_cases("closed")) < closed_before
    assert "No closed cases" in page.retention_note.text()
    assert not page.delete_closed.isEnabled()


def test_delete_all_my_data_with_backups(page, qtbot, answers, monkeypatch):
    page.back_up_now()
    monkeypatch.setattr(DeleteAllDialog, "get_choice", classmethod(lambda cls, parent: True))
    with qtbot.waitSignal(page.hub.dataReplaced, timeout=5000):
        page.delete_all.click()
    assert _refs(page) == set()
    assert list_backups(page.data_dir / "backups") == []
    assert page.model.rowCount() == 0
    # as after a first start: the built-in activities and keyword rules are there again
    assert page.db.execute("SELECT count(*) FROM activities WHERE built_in").fetchone()[0] == 15
    assert page.db.execute("SELECT count(*) FROM calendar_rules").fetchone()[0] == 16


def test_delete_all_cancelled_keeps_everything(page, answers, monkeypatch):
    monkeypatch.setattr(DeleteAllDialog, "get_choice", classmethod(lambda cls, parent: None))
    page.delete_all.click()
    assert len(_refs(page)) == 57


def test_delete_all_dialog_needs_the_word_typed(qtbot):
    dialog = DeleteAllDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.field.setText("delete")
    assert not dialog.ok.isEnabled()
    dialog.field.setText("DELETE")
    assert dialog.ok.isEnabled()


def test_new_passphrase_dialog_explains_what_is_wrong(qtbot):
    dialog = PassphraseDialog(None, "Choose", "Choose a passphrase", new=True)
    qtbot.addWidget(dialog)
    dialog.field.setText("short")
    dialog.try_accept()
    assert "at least 8" in dialog.error.text()
    dialog.field.setText("long enough phrase")
    dialog.confirm.setText("different phrase")
    dialog.try_accept()
    assert "not the same" in dialog.error.text()
    dialog.confirm.setText("long enough phrase")
    dialog.try_accept()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted



@needs_cipher
def test_restoring_a_backup_made_under_another_passphrase_keeps_todays(page, answers,
                                                                       monkeypatch, tmp_path):
    from core.store.backup import make_backup

    other = open_database(tmp_path / "elsewhere.db", passphrase="an older passphrase")
    CaseStore(other).add_case(Case("OLD1", "community", "B2", date(2026, 1, 5)))
    old_backup = make_backup(other, tmp_path, tmp_path / "old-backup.db")
    other.close()
    monkeypatch.setattr(PassphraseDialog, "get_new_passphrase", lambda *a, **k: PASS)
    page.encrypt_on.click()
    monkeypatch.setattr(PassphraseDialog, "get_passphrase",
                        lambda *a, **k: "an older passphrase")
    assert page.actions.restore(old_backup)
    assert _refs(page) == {"OLD1"}
    assert encryption.verify_passphrase(page.db, PASS)
    page.db.close()
    reopened = open_database(page.db_path, passphrase=PASS)  # today's passphrase opens it
    assert CaseStore(reopened).references() == {"OLD1"}
    page.db.conn = reopened.conn


def test_after_a_restore_the_other_views_show_the_restored_data(qtbot, data_dir, tmp_path,
                                                                answers):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QTableView

    import main
    from core.store.backup import make_backup

    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    window = main.build_window(db, data_dir, QSettings(str(tmp_path / "w.ini"),
                                                       QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    caseload = window.view("caseload").findChildren(QTableView)[0]
    before = caseload.model().rowCount()
    backup = make_backup(db, data_dir)
    CaseStore(db).add_case(Case("NEW1", "community", "B2", date(2026, 1, 5)))
    window.hub.casesChanged.emit()
    assert caseload.model().rowCount() == before + 1
    assert window.data_page.actions.restore(backup)
    assert caseload.model().rowCount() == before  # the view reloaded from the restored file
    db.close()


def test_choosing_a_backup_folder_warns_about_cloud_sync(page, answers, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    synced = tmp_path / "OneDrive - Probation" / "backups"
    synced.mkdir(parents=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(synced))
    answers["answer"] = QMessageBox.StandardButton.No
    page.choose_folder.click()
    assert "OneDrive" not in page.backup_note.text()
    answers["answer"] = QMessageBox.StandardButton.Yes
    page.choose_folder.click()
    assert str(synced) in page.backup_note.text()
    dest = page.back_up_now()
    assert dest.parent == synced and page.default_folder.isEnabled()
    page.default_folder.click()
    assert str(page.data_dir / "backups") in page.backup_note.text()


@needs_cipher
def test_the_window_brings_every_copy_along_and_deletes_them_all(page, qtbot, answers,
                                                                monkeypatch, tmp_path):
    """Issue 11: encryption from the page skipped a chosen folder's backups and the copies kept
    before upgrades; delete-all then forgot the chosen folder."""
    import shutil

    from core.store.backup import set_backup_dir
    from core.store.data_files import whole_copies

    chosen = tmp_path / "chosen"
    page.back_up_now()  # backups/ in the data folder
    set_backup_dir(page.db, chosen, page.data_dir)
    page.back_up_now()  # the chosen folder
    page.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    kept = page.data_dir / "caseload.before-m005-20260101-090000.db"
    shutil.copy2(list_backups(chosen)[0].path, kept)
    monkeypatch.setattr(PassphraseDialog, "get_new_passphrase", lambda *a, **k: PASS)
    page.encrypt_on.click()
    copies = whole_copies(page.data_dir)
    assert len(copies) == 3 and all(encryption.opens_with(p, PASS) for p in copies)
    assert not [p for p in copies for m in PLAINTEXT_MARKERS if m in p.read_bytes()]

    for include_backups in (False, True):
        monkeypatch.setattr(DeleteAllDialog, "get_choice",
                            classmethod(lambda cls, parent, b=include_backups: b))
        with qtbot.waitSignal(page.hub.dataReplaced, timeout=5000):
            page.delete_all.click()
    assert whole_copies(page.data_dir) == [] and not list(chosen.iterdir())


def test_each_passphrase_question_names_its_button_for_what_it_does(qtbot, db, tmp_path,
                                                                    monkeypatch):
    """Turning encryption off asked for the passphrase with a button called "Unlock"."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

    from ui.settings.data_actions import DataActions

    buttons = []

    def shown(dialog):
        buttons.append(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PassphraseDialog, "exec", shown)
    parent = QWidget()
    qtbot.addWidget(parent)
    actions = DataActions(parent, db, Hub(), tmp_path / "caseload.db", tmp_path)
    assert actions.turn_encryption_off() is False and actions.change_passphrase() is False
    assert buttons == ["Turn encryption off", "Next"]


def test_delete_all_field_is_named_by_its_instruction_and_reads_empty(qtbot):
    """Orca read the empty field as "Confirmation text. DELETE.", its placeholder heard as if
    typed: the instruction is the field's visible label now, and the field holds no words."""
    from PySide6.QtGui import QAccessible

    dialog = DeleteAllDialog()
    qtbot.addWidget(dialog)
    field = QAccessible.queryAccessibleInterface(dialog.field)
    assert field.text(QAccessible.Text.Name).rstrip(":") == "Type DELETE to confirm"
    assert dialog.field.placeholderText() == "" and field.text(QAccessible.Text.Value) == ""


@needs_cipher
def test_encryption_off_puts_the_keyboard_back_in_the_encryption_group(page, qtbot, answers,
                                                                        monkeypatch):
    """Turning encryption off hid the button that did it, and the keyboard fell to the
    retention period ("Offer to delete cases closed more than: 30 days"), where an arrow press
    changes which cases are offered for deletion; "Encryption is off." came last."""
    from PySide6.QtWidgets import QApplication

    from ui.widgets import announce

    monkeypatch.setattr(PassphraseDialog, "get_new_passphrase", lambda *a, **k: PASS)
    monkeypatch.setattr(PassphraseDialog, "get_passphrase", lambda *a, **k: PASS)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.encrypt_on.setFocus()
    page.encrypt_on.click()
    assert QApplication.focusWidget() is page.change_passphrase
    page.encrypt_off.setFocus()
    qtbot.waitUntil(page.encrypt_off.hasFocus)
    said: list[tuple[str, object]] = []
    listener = lambda text, _a: said.append((text, QApplication.focusWidget()))  # noqa: E731
    announce.add_listener(listener)
    try:
        page.encrypt_off.click()
    finally:
        announce.remove_listener(listener)
    assert not encryption.is_encrypted(page.db)
    assert QApplication.focusWidget() is page.encrypt_on and page.encrypt_on.isVisible()
    assert page.retention_days.value() == 30 and not page.retention_days.hasFocus()
    assert said == [("Encryption is off.", page.encrypt_on)]
