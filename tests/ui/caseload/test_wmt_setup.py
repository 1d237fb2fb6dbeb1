"""Set up from my WMT caseload: counts typed into the grid by keyboard make that many cases,
one undo step, from the empty Caseload."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from core.caseload.cases import CaseStore
from ui.caseload.caseload_view import CaseloadView
from ui.caseload.wmt_setup_dialog import WmtSetupDialog
from ui.shell.hub import Hub

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def type_counts(qtbot, dialog: WmtSetupDialog, rows: dict[tuple[int, int], str]) -> None:
    """Arrow to each cell of the Adults grid and type its count, as a keyboard user would."""
    dialog.activateWindow()  # as the desktop would; offscreen nothing else does
    qtbot.waitUntil(dialog.isActiveWindow)
    table = dialog.tables[0]
    table.setFocus()
    for (row, column), count in rows.items():
        table.setCurrentIndex(table.model().index(0, 0))
        for _ in range(row):
            qtbot.keyClick(table, Qt.Key.Key_Down)
        for _ in range(column):
            qtbot.keyClick(table, Qt.Key.Key_Right)
        for digit in count:  # the first key starts editing the cell; the rest go into it
            qtbot.keyClicks(QApplication.focusWidget(), digit)
        editor = QApplication.focusWidget()
        assert editor is not table, "typing did not start editing the cell"
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # kept (queued)


def test_counts_typed_make_that_many_cases(qtbot, db):
    dialog = WmtSetupDialog(CaseStore(db))
    qtbot.addWidget(dialog)
    dialog.show()
    # Rows are A3, A2, A1, A0, B3, B2 …; columns Community, Licence, Custody.
    type_counts(qtbot, dialog, {(5, 0): "20", (9, 0): "12", (2, 1): "6"})
    assert dialog.counts() == {("community", "B2", False): 20, ("community", "C2", False): 12,
                               ("licence", "A1", False): 6}
    assert dialog.total.text().startswith("38 cases: C01 to C38, starting")
    dialog.accept()
    assert len(dialog.created) == 38 == CaseStore(db).count("active")


def test_the_empty_caseload_offers_it_and_it_undoes_in_one_step(qtbot, db):
    hub, stack = Hub(), QUndoStack()
    view = CaseloadView(db, hub, stack)
    qtbot.addWidget(view)
    view.show()
    assert view.pages.currentWidget() is view.empty and view.empty.wmt_button.isVisible()

    def fill():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WmtSetupDialog)
        type_counts(qtbot, dialog, {(5, 0): "4", (5, 2): "1"})
        dialog.models[1].setData(dialog.models[1].index(5, 0), 2)  # two young adults, B2
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    QTimer.singleShot(0, fill)
    view.empty.wmt_button.click()
    assert CaseStore(db).count("active") == 7
    assert "Made 7 cases, C01 to C07, starting today. Undo with Ctrl+Z." in view.message.text()
    assert view.selected_case().reference == "C01"
    assert stack.count() == 1
    stack.undo()
    assert CaseStore(db).count("all") == 0
    assert view.pages.currentWidget() is view.empty


def test_nothing_typed_creates_nothing(qtbot, db):
    dialog = WmtSetupDialog(CaseStore(db))
    qtbot.addWidget(dialog)
    assert not dialog.create_button.isEnabled()
    dialog.accept()
    assert dialog.created == [] and "Type how many cases" in dialog.problems.text()


def test_the_grid_fits_a_small_screen_at_200_percent_with_its_buttons_in_view(qtbot, db):
    """1280×800 at 200% leaves about 640×380 logical pixels: the dialog was 560 tall with
    Create at the cut-off edge. The body scrolls; the buttons never do."""
    dialog = WmtSetupDialog(CaseStore(db))
    qtbot.addWidget(dialog)
    room = dialog.screen().availableGeometry()
    assert dialog.height() <= room.height() and dialog.width() <= room.width()
    dialog.resize(640, 380)
    dialog.show()
    qtbot.waitExposed(dialog)
    create = dialog.create_button
    assert not dialog.body.isAncestorOf(create)
    corner = create.mapTo(dialog, create.rect().bottomRight())
    assert dialog.rect().contains(corner) and create.isVisible()
    assert dialog.body.verticalScrollBar().maximum() > 0  # the rest is reached by scrolling


def test_the_running_total_is_said_once_the_counts_are_typed(qtbot, db):
    """"3 cases: C01 to C03, starting …" was shown and never said (24h, F12)."""
    from ui.widgets import announce

    dialog = WmtSetupDialog(CaseStore(db))
    qtbot.addWidget(dialog)
    dialog.show()
    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    try:
        dialog.total_said.timer.setInterval(60_000)  # still typing
        type_counts(qtbot, dialog, {(0, 0): "3"})
        assert not [h for h in heard if h.startswith("3 cases")]
        dialog.total_said.timer.setInterval(0)
        dialog.total_said.timer.start()  # the typing has stopped
        qtbot.waitUntil(lambda: any(h.startswith("3 cases: C01 to C03") for h in heard))
        assert sum(h.startswith("3 cases") for h in heard) == 1
    finally:
        announce.remove_listener(listener)
