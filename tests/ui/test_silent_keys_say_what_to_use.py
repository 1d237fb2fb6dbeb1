"""Delete in the Caseload table, and Delete or Return in Settings' Backups table, changed nothing
and said nothing: a newcomer trying the obvious key heard silence. Now each says what does the
job, and still changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from core.caseload.cases import CaseStore
from core.store.database import open_database
from tests.demo_copy import demo_into
from ui.settings.data_page import DataPage
from ui.shell.hub import Hub
from ui.widgets import announce

pytestmark = pytest.mark.qt_log_ignore("does not support")


@pytest.fixture
def heard():
    said: list[str] = []
    listener = lambda text, _assertive: said.append(text)  # noqa: E731
    announce.add_listener(listener)
    yield said
    announce.remove_listener(listener)


def _keys_into(qtbot, widget, key: Qt.Key) -> None:
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    QTest.keyClick(widget, key)
    QApplication.processEvents()


def test_delete_in_the_caseload_table_says_how_cases_go(demo_window, qtbot, db, heard):
    window = demo_window
    window.show_view("caseload")
    table = window.view("caseload").table
    table.selectRow(0)
    before = CaseStore(db).references()
    heard.clear()
    _keys_into(qtbot, table, Qt.Key.Key_Delete)
    assert len(heard) == 1 and heard[0].startswith("Delete does not delete a case here.")
    assert "Close case…" in heard[0] and "Delete closed cases now…" in heard[0]
    assert CaseStore(db).references() == before
    assert window.isVisible() and QApplication.activeModalWidget() is None


@pytest.fixture
def page(qtbot, data_dir):
    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    widget = DataPage(db, Hub(), data_dir / "caseload.db", data_dir)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    yield widget
    db.close()


@pytest.mark.parametrize("key, words", [(Qt.Key.Key_Delete, "Delete does not delete a backup."),
                                        (Qt.Key.Key_Return, "Return does not restore a backup.")])
def test_keys_in_the_backups_table_say_what_to_use(page, qtbot, heard, key, words):
    page.backup_now.click()
    qtbot.waitUntil(lambda: page.table.model().rowCount() > 0)
    page.table.selectRow(0)
    rows = page.table.model().rowCount()
    heard.clear()
    _keys_into(qtbot, page.table, key)
    said = [t for t in heard if t.startswith(words)]
    assert len(said) == 1, heard
    assert QApplication.activeModalWidget() is None  # no restore asked, nothing done
    assert page.table.model().rowCount() == rows
