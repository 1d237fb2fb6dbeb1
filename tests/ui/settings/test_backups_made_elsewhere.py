"""A backup made by the `backup` command (or a script) while the window is open appears in
Settings > Data & privacy: while the page is on screen within a few seconds, and at once when
it is shown again. The backup is a new file, not a change to the data, so the data watch never
saw it and the list stayed as it was until an encryption action."""

from __future__ import annotations

import pytest

from core.store.backup import make_backup
from core.store.database import open_database
from tests.demo_copy import demo_into
from ui.settings.data_page import DataPage
from ui.shell.hub import Hub
from ui.widgets.backup_table_model import BACKUP_ROLE


@pytest.fixture
def page(qtbot, data_dir):
    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    make_backup(db, data_dir)
    widget = DataPage(db, Hub(), data_dir / "caseload.db", data_dir)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    db.close()


def backup_from_the_command_line(data_dir):
    """What `main.py backup` does: its own connection to the same file."""
    other = open_database(data_dir / "caseload.db")
    try:
        return make_backup(other, data_dir)
    finally:
        other.close()


def listed(page) -> list:
    return [page.proxy.index(row, 0).data(BACKUP_ROLE).path for row in range(page.proxy.rowCount())]


def test_a_backup_made_elsewhere_appears_while_the_page_is_shown(page, qtbot, data_dir):
    assert len(listed(page)) == 1
    page.table.selectRow(0)
    chosen = listed(page)[0]
    page.backups_watch.timer.setInterval(20)  # the quiet timer, not waited out in a test
    made = backup_from_the_command_line(data_dir)
    qtbot.waitUntil(lambda: made in listed(page))
    assert len(listed(page)) == 2
    chosen_now = [row.data(BACKUP_ROLE).path for row in page.table.selectionModel().selectedRows()]
    assert chosen_now == [chosen]  # the backup being looked at stays chosen
    assert page.restore_button.isEnabled()


def test_a_backup_made_while_the_page_was_away_is_listed_as_it_is_shown(page, qtbot, data_dir):
    page.hide()  # another Settings tab, or another view
    made = backup_from_the_command_line(data_dir)
    page.show()
    qtbot.waitExposed(page)
    assert made in listed(page) and len(listed(page)) == 2


def test_a_page_not_on_screen_does_not_look(page, qtbot):
    assert page.backups_watch.timer.isActive()
    page.hide()
    assert not page.backups_watch.timer.isActive()
