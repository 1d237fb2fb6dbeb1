"""The Caseload view: adding, filtering, sorting, editing, closing and noting cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.supervision.agenda import open_agenda
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from ui.caseload.case_dialog import CaseDialog
from ui.caseload.case_note_dialog import CaseNoteDialog
from ui.caseload.case_table_model import (
    CASE_ROLE,
    COL_NEXT_DUE,
    COL_REFERENCE,
    COL_STARTED,
    COL_STATUS,
    COL_TIER,
    CaseTableModel,
)
from ui.caseload.caseload_view import CaseloadView
from ui.caseload.close_case_dialog import CloseCaseDialog
from ui.shell.hub import Hub
from ui.caseload.import_dialog import ImportDialog

# The offscreen platform says this whenever a top-level window is shown; it is harmless.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def store(db):
    return CaseStore(db)


@pytest.fixture
def hub():
    return Hub()


@pytest.fixture
def view(qtbot, db, hub):
    widget = CaseloadView(db, hub)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    return widget


def add(store: CaseStore, ref: str, **kw) -> Case:
    values = dict(case_type="community", tier="C2", start_date=date(2026, 1, 5))
    values.update(kw)
    return store.add_case(Case(reference=ref, **values))


def shown_refs(view: CaseloadView) -> list[str]:
    proxy = view.proxy
    return [proxy.index(r, COL_REFERENCE).data() for r in range(proxy.rowCount())]


def select(view: CaseloadView, ref: str) -> None:
    case = next(c for c in view.model.items() if c.reference == ref)
    assert view.select_case(case.id)


def test_empty_caseload_offers_to_add_or_import(view):
    assert view.pages.currentWidget() is view.empty
    assert view.empty.new_button.text().startswith("Add a case")
    assert view.empty.import_button.isVisibleTo(view)
    assert view.counts.text() == "0 active cases · 0 closed"


def test_adding_a_case_through_the_dialog_shows_it_in_table_and_count(view, hub, qtbot,
                                                                      monkeypatch):
    def fill_and_accept(dialog: CaseDialog) -> int:
        dialog.reference.setText("C12")
        dialog.tier.setCurrentIndex(dialog.tier.findData("B2"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CaseDialog, "exec", fill_and_accept)
    with qtbot.waitSignal(hub.casesChanged):
        view.new_case()
    assert view.pages.currentWidget() is not view.empty
    assert shown_refs(view) == ["C12"]
    assert view.counts.text() == "1 active case · 0 closed"
    assert view.showing.text() == "showing 1"
    assert view.selected_case().tier == "B2"


def test_filters_narrow_the_rows(view, store, hub):
    add(store, "C01", case_type="licence", tier="A2", flags=("iom",))
    add(store, "C02", case_type="community", tier="B1", mappa_level=2)
    add(store, "C03", case_type="community", tier="untiered")
    add(store, "X10", case_type="custody", tier="A1")
    hub.casesChanged.emit()
    bar = view.filter_bar
    assert len(shown_refs(view)) == 4
    bar.case_type.setCurrentIndex(bar.case_type.findData("community"))
    assert shown_refs(view) == ["C02", "C03"]
    assert view.showing.text() == "showing 2"
    bar.clear()
    bar.tier.setCurrentIndex(bar.tier.findData("A"))
    assert sorted(shown_refs(view)) == ["C01", "X10"]
    bar.tier.setCurrentIndex(bar.tier.findData("untiered"))
    assert shown_refs(view) == ["C03"]
    bar.clear()
    bar.flag.setCurrentIndex(bar.flag.findData("mappa"))
    assert shown_refs(view) == ["C02"]
    bar.flag.setCurrentIndex(bar.flag.findData("iom"))
    assert shown_refs(view) == ["C01"]
    bar.clear()
    bar.search.setText("x1")
    assert shown_refs(view) == ["X10"]
    bar.search.setText("nothing")
    assert view.no_match.isVisibleTo(view)
    assert view.no_match.text() == "No cases match these filters."


def test_columns_fit_the_cases_a_filter_shows(view, store, hub):
    """Filtering fits the columns once, to the rows it leaves: closed cases' "Closed on …"
    gets its room, and going back to the active ones gives it back."""
    from ui.widgets.column_widths import fit_columns

    add(store, "C01")
    closed = add(store, "C02", tier="B1")
    store.close_case(closed.id, date(2026, 3, 12), "completed")
    hub.casesChanged.emit()
    view.show()
    active = view.table.columnWidth(COL_STATUS)
    view.filter_bar.set_status("closed")
    assert shown_refs(view) == ["C02"]
    after_filter = [view.table.columnWidth(c) for c in range(8)]
    assert after_filter[COL_STATUS] > active
    fit_columns(view.table, view.fit_columns._stretch)  # as a fit from scratch makes them
    assert [view.table.columnWidth(c) for c in range(8)] == after_filter
    view.filter_bar.set_status("active")
    assert view.table.columnWidth(COL_STATUS) == active


def test_tier_sorts_by_weight_not_by_text(view, store, hub):
    for ref, tier in (("C1", "D0"), ("C2", "A0"), ("C3", "untiered"), ("C4", "A3"),
                      ("C5", "B3S"), ("C6", "B1")):
        add(store, ref, tier=tier)
    hub.casesChanged.emit()
    view.table.sortByColumn(COL_TIER, Qt.SortOrder.DescendingOrder)
    assert shown_refs(view) == ["C4", "C2", "C6", "C1", "C5", "C3"]


def test_dates_sort_as_dates(view, store, hub):
    add(store, "C1", start_date=date(2026, 1, 15))  # "15/01/2026" sorts first as text
    add(store, "C2", start_date=date(2025, 12, 20))
    add(store, "C3", start_date=date(2025, 3, 1))
    hub.casesChanged.emit()
    view.table.sortByColumn(COL_STARTED, Qt.SortOrder.AscendingOrder)
    assert shown_refs(view) == ["C3", "C2", "C1"]


def test_enter_opens_the_edit_dialog_for_the_selected_case(view, store, hub, qtbot,
                                                           monkeypatch):
    add(store, "C01")
    add(store, "C02")
    hub.casesChanged.emit()
    opened = []
    monkeypatch.setattr(CaseDialog, "get_case",
                        staticmethod(lambda parent, st, case=None: opened.append(case)))
    select(view, "C02")
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert [c.reference for c in opened] == ["C02"]


def test_double_click_opens_the_edit_dialog_once(view, store, hub, qtbot, monkeypatch):
    add(store, "C01")
    hub.casesChanged.emit()
    view.show()
    opened = []
    monkeypatch.setattr(CaseDialog, "get_case",
                        staticmethod(lambda parent, st, case=None: opened.append(case)))
    rect = view.table.visualRect(view.proxy.index(0, COL_REFERENCE))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [c.reference for c in opened] == ["C01"]


def test_closing_moves_the_case_to_closed_and_reopen_brings_it_back(view, store, hub,
                                                                    monkeypatch):
    add(store, "C01")
    add(store, "C02")
    hub.casesChanged.emit()
    closed_on = date(2026, 11, 2)
    monkeypatch.setattr(CloseCaseDialog, "get_close",
                        staticmethod(lambda parent, ref, start: (closed_on, "completed")))
    select(view, "C01")
    assert view.close_button.isEnabled() and not view.reopen_button.isEnabled()
    view.close_case()
    assert shown_refs(view) == ["C02"]
    assert view.counts.text() == "1 active case · 1 closed"
    view.filter_bar.set_status("closed")
    assert shown_refs(view) == ["C01"]
    assert view.proxy.index(0, COL_STATUS).data() == "Closed on 02/11/2026"
    select(view, "C01")
    assert view.reopen_button.isEnabled() and not view.close_button.isEnabled()
    view.reopen_case()
    assert store.list_cases("closed") == []
    assert view.counts.text() == "2 active cases · 0 closed"


def test_add_to_supervision_notes_records_the_case_and_reason(view, store, hub, db, qtbot,
                                                              monkeypatch):
    add(store, "C07")
    hub.casesChanged.emit()
    monkeypatch.setattr(CaseNoteDialog, "get_note",
                        staticmethod(lambda parent, ref: ("decision needed", f"Discuss {ref}")))
    select(view, "C07")
    with qtbot.waitSignal(hub.supervisionChanged):
        view.add_to_notes()
    items = open_agenda(db, "case")
    assert [(i.case_reference, i.reason, i.text) for i in items] == [
        ("C07", "decision needed", "Discuss C07")
    ]
    assert "supervision notes" in view.message.text()


def test_note_dialog_refuses_identifier_like_text(qtbot):
    dialog = CaseNoteDialog("C07")
    qtbot.addWidget(dialog)
    dialog.text.setText("Discuss SW1A 1AA")
    assert not dialog.ok_button.isEnabled()
    assert "postcode" in dialog.problems.text()


def test_changes_made_elsewhere_refresh_the_table(view, store, hub):
    add(store, "C01")
    assert shown_refs(view) == []
    hub.casesChanged.emit()
    assert shown_refs(view) == ["C01"]
    add(store, "C02")
    hub.dataReplaced.emit()
    assert shown_refs(view) == ["C01", "C02"]


def test_ctrl_n_and_ctrl_i_reach_new_case_and_import(view, qtbot, monkeypatch):
    calls = []
    monkeypatch.setattr(CaseDialog, "get_case",
                        staticmethod(lambda parent, st, case=None: calls.append("new")))
    monkeypatch.setattr(ImportDialog, "import_cases",
                        staticmethod(lambda parent, st: calls.append("import")))
    view.show()
    view.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert calls == ["new", "import"]


def test_case_table_model_passes_the_model_tester(qtmodeltester, store):
    add(store, "C01", tier="A3", t2a=True, mappa_level=1, flags=("iom",),
        next_review_due=date.today() + timedelta(days=4))
    add(store, "C02", tier="untiered", expected_end_date=date(2027, 1, 1))
    store.close_case(store.list_cases()[1].id, date(2026, 2, 1), "transferred")
    model = CaseTableModel()
    model.set_cases(store.list_cases("all"))
    qtmodeltester.check(model)
    assert model.index(0, COL_TIER).data() == "A3 · T2A"
    assert model.index(0, COL_REFERENCE).data(CASE_ROLE).reference == "C01"
    assert model.index(0, COL_NEXT_DUE).data().startswith("Review ")
    assert model.index(1, COL_STATUS).data() == "Closed on 01/02/2026"


def test_filtered_proxy_passes_the_model_tester(qtmodeltester, view, store, hub):
    add(store, "C01")
    add(store, "C02", tier="B1")
    hub.casesChanged.emit()
    view.filter_bar.search.setText("2")
    qtmodeltester.check(view.proxy)


def test_enter_on_the_focused_row_edits_it_without_a_prior_click(view, store, hub, qtbot,
                                                                 monkeypatch):
    add(store, "C01")
    hub.casesChanged.emit()
    opened = []
    monkeypatch.setattr(CaseDialog, "get_case",
                        staticmethod(lambda parent, st, case=None: opened.append(case)))
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    view.table.clearSelection()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert [c.reference for c in opened] == ["C01"]


def test_main_window_has_caseload_before_settings_with_both_pages(qtbot, db, data_dir, tmp_path):
    from PySide6.QtCore import QSettings

    import main

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = main.build_window(db, data_dir, settings)
    qtbot.addWidget(window)
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert keys.index("caseload") < keys.index("settings") == len(keys) - 1
    assert isinstance(window.view("caseload"), CaseloadView)
    tabs = window.view("settings").tabs
    titles = [tabs.tabText(i).replace("&&", "&") for i in range(tabs.count())]
    assert titles[:2] == ["Profile", "Reductions & reports"]


def test_what_the_filters_leave_is_said_once_the_typing_stops(view, store, hub, qtbot):
    """Filtering by a flag, or typing C99 in the search, said nothing (24h, F11): the count, or
    "No cases match these filters.", is said once the changes stop, not at every letter."""
    from ui.widgets import announce

    add(store, "C01", case_type="licence", flags=("iom",))
    add(store, "C02")
    add(store, "C03", closed_date=date(2026, 3, 1))
    hub.casesChanged.emit()
    view.show()
    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    timer = view.result_said.timer
    try:
        timer.setInterval(60_000)  # the typing is never "stopped" while the test types
        qtbot.keyClicks(view.filter_bar.search, "C99")
        assert heard == [] and timer.isActive()
        assert view.no_match.isVisible()
        timer.setInterval(0)
        timer.start()  # the typing has stopped
        qtbot.waitUntil(lambda: bool(heard))
        assert heard == ["No cases match these filters."]
        view.filter_bar.search.setText("")
        bar = view.filter_bar
        bar.flag.setCurrentIndex(bar.flag.findData("iom"))
        qtbot.waitUntil(lambda: len(heard) == 2)
        assert heard[1] == "Showing 1 of 2 active cases."
        assert view.showing.text() == "showing 1"
    finally:
        announce.remove_listener(listener)
