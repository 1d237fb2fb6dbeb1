"""Settings > Weightings: edit tier and report points from a date, all or nothing, restore."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.caseload.models import TIERS
from core.workload.weightings import RESTORE_KEY, list_changes, weightings_as_of
from ui.shell.hub import Hub
from ui.settings.weightings_model import COL_LICENCE
from ui.settings.weightings_page import WeightingsPage

TODAY = date(2026, 11, 25)


@pytest.fixture
def hub():
    return Hub()


@pytest.fixture
def page(qtbot, db, hub):
    widget = WeightingsPage(db, hub, today=lambda: TODAY)
    qtbot.addWidget(widget)
    return widget


def _cell(page, tier, column):
    return page.model.index(TIERS.index(tier), column)


def test_shows_the_published_defaults_and_says_so(page):
    assert page.model.data(_cell(page, "A3", COL_LICENCE)) == "219"
    assert page.scalars["report.standard"].text() == "138"
    assert "2021 published defaults; your service may use newer values" in page.findChild(
        type(page.state), "note").text()
    assert "published defaults" in page.state.text()
    assert page.model.flags(_cell(page, "A3", COL_LICENCE)) & Qt.ItemFlag.ItemIsEditable


def test_save_applies_from_the_chosen_date_and_tells_the_estimate(page, db, hub, qtbot):
    start = TODAY - timedelta(days=7)
    page.effective.set_value(start)
    page.model.setData(_cell(page, "A3", COL_LICENCE), "230")
    page.scalars["report.fast"].setText("70")
    with qtbot.waitSignal(hub.weightingsChanged):
        assert page.save()
    now = weightings_as_of(db, TODAY)
    assert now.tier_points["licence"]["A3"] == 230 and now.report_points["fast"] == 70
    assert weightings_as_of(db, start - timedelta(days=1)).tier_points["licence"]["A3"] == 219
    assert "Saved" in page.saved_label.text()
    assert page.changes_model.rowCount() == 2
    assert "differ from the published defaults" in page.state.text()


def test_a_bad_value_saves_nothing_and_says_why(page, db, hub, qtbot):
    page.model.setData(_cell(page, "B2", COL_LICENCE), "lots")
    page.scalars["share.warrant"].setText("150")
    page.model.setData(_cell(page, "C1", COL_LICENCE), "60")
    with qtbot.assertNotEmitted(hub.weightingsChanged):
        assert not page.save()
    problems = page.problems.problems()
    assert any("'lots' is not a number" in p for p in problems)
    assert any("between 0 and 100" in p for p in problems)
    assert list_changes(db) == []
    # The edits stay on screen to be corrected.
    assert page.model.data(_cell(page, "C1", COL_LICENCE)) == "60"


def test_nothing_changed_is_said_plainly(page, db):
    assert not page.save()
    assert page.problems.problems() == ["There is nothing to save."]


def test_restore_defaults_asks_first_then_restores_in_one_step(page, db, hub, qtbot,
                                                               monkeypatch):
    page.model.setData(_cell(page, "A3", COL_LICENCE), "300")
    assert page.save()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not page.restore()
    assert weightings_as_of(db, TODAY).tier_points["licence"]["A3"] == 300
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(hub.weightingsChanged):
        assert page.restore()
    assert weightings_as_of(db, TODAY).tier_points["licence"]["A3"] == 219
    assert list_changes(db)[-1].key == RESTORE_KEY
    assert page.model.data(_cell(page, "A3", COL_LICENCE)) == "219"


def test_a_change_can_be_taken_back(page, db, hub, qtbot, monkeypatch):
    page.scalars["report.standard"].setText("150")
    assert page.save()
    page.changes.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(hub.weightingsChanged):
        assert page.take_back_selected()
    assert list_changes(db) == []
    assert page.scalars["report.standard"].text() == "138"


def test_edited_cells_are_marked_until_saved(page):
    index = _cell(page, "D1", COL_LICENCE)
    assert page.model.data(index, Qt.ItemDataRole.FontRole) is None
    page.model.setData(index, "40")
    assert page.model.data(index, Qt.ItemDataRole.FontRole).bold()
    assert page.pending_values() == {"tier.licence.D1": "40"}
    page.discard_button.click()
    assert page.pending_values() == {}


@pytest.mark.qt_log_ignore("does not support")
def test_tab_from_a_cell_being_edited_keeps_the_number_and_leaves_the_table(page, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    table = page.table
    index = table.model().index(0, COL_LICENCE)
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    editor.selectAll()
    qtbot.keyClicks(editor, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() not in (None, table, editor)
                    and not table.isAncestorOf(QApplication.focusWidget()))
    assert str(table.model().index(0, COL_LICENCE).data()).startswith("7")  # kept


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_number_is_read_by_its_name_and_value_and_typed_over(page, qtbot):
    """Orca read each number field as "138 selected … Standard court report (points) text. 13
    selected … Text unselected.": each is now read as a date field is, its name, then its value
    ("Standard court report (points) 138 spin button"), and Tab still leaves it typed over."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    field = page.scalars["report.standard"]
    told = QAccessible.queryAccessibleInterface(field)
    assert told.role() == QAccessible.Role.SpinBox
    assert told.text(QAccessible.Text.Name) == "Standard court report (points)"
    assert told.text(QAccessible.Text.Value) == "138"
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    before = field.previousInFocusChain()
    before.setFocus()
    QTest.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in (field, field.lineEdit())
    qtbot.waitUntil(field.lineEdit().hasSelectedText)  # selected as the focus arrives, or after
    QTest.keyClicks(QApplication.focusWidget(), "150")
    assert field.text() == "150"  # typed over, not added to
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert field.text() == "150"  # no stepping: a weighting changes only as typed
    assert page.pending_values() == {"report.standard": "150"}


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_second_return_in_the_table_saves_as_in_any_field(page, db, qtbot):
    """Typed 99 and Return (the cell taken in), a second Return in the table did nothing and
    said nothing; README says Return in a Settings field saves the weightings."""
    from PySide6.QtWidgets import QApplication

    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    table = page.table
    index = table.model().index(TIERS.index("A3"), COL_LICENCE)
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "99")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    assert weightings_as_of(db, TODAY).tier_points["licence"]["A3"] == 219  # not yet saved
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert weightings_as_of(db, TODAY).tier_points["licence"]["A3"] == 99
    assert page.saved_label.text().startswith("Saved.")
    qtbot.keyClick(table, Qt.Key.Key_Return)  # a third: nothing left to save, and said
    assert page.problems.text() == "There is nothing to save."
