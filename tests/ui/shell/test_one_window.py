"""One window per data folder, and saves made beside it show without a restart (issue 11,
item 2)."""

from __future__ import annotations

from argparse import Namespace
from datetime import date, datetime

import pytest
from PySide6.QtCore import QSettings, Qt

import main
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store.database import open_database
from core.store.folder_lock import folder_in_use
from core.time.quick_entry import log_quick_entry
from ui.shell.single_instance import FolderOwner, ask_first_window_forward

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_a_second_start_brings_the_first_window_forward(qtbot, data_dir):
    first = FolderOwner(data_dir)
    assert first.claim()
    first.listen()
    assert folder_in_use(data_dir)  # what `restore` and `encryption` check, without Qt
    second = FolderOwner(data_dir)
    assert not second.claim()
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert ask_first_window_forward(data_dir)
    first.release()
    assert not folder_in_use(data_dir)
    assert second.claim()
    second.release()


def test_claim_folder_exits_at_once_when_a_window_answers(qtbot, data_dir):
    first = FolderOwner(data_dir)
    assert first.claim()
    first.listen()
    try:
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert main.claim_folder(Namespace(data_dir=str(data_dir))) == 0
    finally:
        first.release()
    owner = main.claim_folder(Namespace(data_dir=str(data_dir)))
    assert isinstance(owner, FolderOwner) and owner.lock.held
    owner.release()


def test_saves_from_another_process_show_when_the_window_checks(qtbot, qapp, data_dir,
                                                                tmp_path):
    db = open_database(data_dir / "caseload.db")
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    window = main.build_window(db, data_dir, settings)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(1)  # the Caseload view, made when first shown
    watch = window.data_watch
    assert watch.check() is False  # nothing saved elsewhere yet

    beside = open_database(data_dir / "caseload.db")  # the command line, in effect
    CaseStore(beside).add_case(Case("C44", "licence", "B2", date(2026, 1, 5)))
    log_quick_entry(beside, "09:00-09:30 admin from the shell",
                    now=datetime(2026, 11, 30, 12, 0), day=date(2026, 11, 2))
    beside.close()
    with qtbot.waitSignals([window.hub.casesChanged, window.hub.timeLogged], timeout=5000):
        assert watch.check() is True
    assert watch.check() is False  # told once
    caseload = _caseload_view(window)
    refs = [caseload.model.index(r, 0).data() for r in range(caseload.model.rowCount())]
    assert "C44" in refs

    beside = open_database(data_dir / "caseload.db")
    CaseStore(beside).add_case(Case("C45", "licence", "B2", date(2026, 1, 5)))
    beside.close()
    with qtbot.waitSignal(window.hub.casesChanged, timeout=5000):  # the window gains focus
        qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    refs = [caseload.model.index(r, 0).data() for r in range(caseload.model.rowCount())]
    assert "C45" in refs
    db.close()


def _caseload_view(window):
    from ui.caseload.caseload_view import CaseloadView

    views = window.findChildren(CaseloadView)
    assert views
    return views[0]
