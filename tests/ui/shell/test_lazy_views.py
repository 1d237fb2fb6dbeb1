"""Views and Settings pages are made when first shown, yet behave as if always there."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from core.time.activities import list_activities
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.time.time_entries import TimeEntry, TimeStore
from core.time.timer import get_timer, start_timer
from ui.caseload.caseload_view import CaseloadView
from ui.settings.data_page import DataPage
from ui.settings.profile_page import ProfilePage
from ui.time.quick_entry_dialog import QuickEntryDialog
from ui.settings.reductions_page import ReductionsPage
from ui.time.stale_timer_dialog import StaleChoice, StaleTimerDialog
from ui.supervision.supervision_view import SupervisionView
from ui.time.time_view import TimeView
from ui.settings.weightings_page import WeightingsPage
from ui.shell.window_state import folder_key

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LAZY = {"caseload": CaseloadView, "time": TimeView, "supervision": SupervisionView}


@pytest.fixture
def window(qtbot, db, tmp_path):
    import main

    CaseStore(db).add_case(Case("C07", "community", "B2", date(2025, 1, 6)))
    win = main.build_window(db, tmp_path, QSettings(str(tmp_path / "lazy.ini"),
                                                    QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    QApplication.processEvents()
    return win


def made(window, cls) -> list:
    return window.findChildren(cls)


def activity(db, name: str) -> int:
    return next(a.id for a in list_activities(db) if a.name == name)


def test_only_the_first_view_is_made_before_the_window_shows(window):
    assert window.current_key() == "overview"
    for key, cls in LAZY.items():
        assert not window.is_created(key)
        assert made(window, cls) == []
    for page in (ProfilePage, ReductionsPage, WeightingsPage, DataPage):
        assert made(window, page) == []


def test_nav_shortcut_and_show_view_each_make_a_view_once(window):
    window.nav.setCurrentRow(window._keys.index("caseload"))  # a click in the navigation
    [caseload] = made(window, CaseloadView)
    assert window.stack.currentWidget() is caseload and caseload.isVisible()
    [ctrl_3] = [a for a in window.menu("&View").actions() if a.shortcut().toString() == "Ctrl+3"]
    ctrl_3.trigger()
    assert window.current_key() == "time"
    [time_view] = made(window, TimeView)
    assert window.stack.currentWidget() is time_view
    window.show_view("supervision")
    [supervision] = made(window, SupervisionView)
    assert supervision.isVisible()
    for key in ("caseload", "time", "supervision", "overview", "caseload", "time"):
        window.show_view(key)
    assert made(window, CaseloadView) == [caseload] and made(window, TimeView) == [time_view]
    assert window.view("caseload") is caseload and window.view("time") is time_view
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Overview", "Caseload", "Time", "Supervision", "Settings"]


def test_asking_for_a_view_makes_it_without_showing_it(window):
    supervision = window.view("supervision")
    assert isinstance(supervision, SupervisionView)
    assert window.is_created("supervision") and window.current_key() == "overview"
    assert window.view("supervision") is supervision
    assert made(window, SupervisionView) == [supervision]


def test_changes_made_before_a_view_exists_show_when_it_is_first_opened(window, db):
    CaseStore(db).add_case(Case("C08", "licence", "A3", date(2026, 3, 2)))
    window.hub.casesChanged.emit()  # nobody made the Caseload yet: nothing to update, no error
    window.hub.timeLogged.emit()
    window.hub.dataReplaced.emit()
    window.show_view("caseload")
    view = window.view("caseload")
    references = {view.model.index(r, 0).data() for r in range(view.model.rowCount())}
    assert {"C07", "C08"} <= references
    CaseStore(db).add_case(Case("C09", "community", "C2", date(2026, 4, 6)))
    window.hub.casesChanged.emit()  # once made, the view follows the hub like any other
    assert view.model.rowCount() == 3


def test_log_time_works_before_the_time_view_was_ever_shown(window, db, monkeypatch):
    store = TimeStore(db)
    today = date.today()

    def typed(parent, db_, clock=None):
        return store.log_time(TimeEntry(today, 20, activity(db, "Travel")))

    monkeypatch.setattr(QuickEntryDialog, "get_change", staticmethod(typed))
    [log_time] = [a for a in window.actions() if a.shortcut().toString() == "Ctrl+L"]
    log_time.trigger()
    assert [e.minutes for e in store.entries_on(today)] == [20]
    assert not window.is_created("time")
    window.show_view("time")
    view = window.view("time")
    assert view.undo_stack is window.time_undo_stack and view.undo_stack.canUndo()
    assert any(r.kind == "entry" and r.item.minutes == 20 for r in view.model.rows())
    window.time_undo_stack.undo()
    assert store.entries_on(today) == []


def test_a_timer_left_running_is_still_asked_about_at_open(qtbot, db, tmp_path, monkeypatch):
    import main

    start_timer(db, activity(db, "Recording and admin"), now=datetime.now() - timedelta(days=3))
    asked = []
    monkeypatch.setattr(StaleTimerDialog, "get_choice",
                        staticmethod(lambda parent, timer, now: asked.append(timer)
                                     or StaleChoice("none")))
    window = main.build_window(db, tmp_path, QSettings(str(tmp_path / "stale.ini"),
                                                       QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert get_timer(db) is None and window.is_created("time")


def test_no_timer_running_leaves_the_time_view_unmade(window, qtbot):
    from ui.shell.first_paint import after_first_paint

    painted = []  # queued after the window's own after-paint work, so it runs after it
    after_first_paint(window, lambda: painted.append(True))
    qtbot.waitUntil(lambda: bool(painted), timeout=10_000)
    assert not window.is_created("time")


def test_settings_pages_are_made_when_their_tab_is_first_shown(window):
    settings = window.view("settings")
    tabs = settings.tabs
    assert made(window, ProfilePage) == []
    window.show_view("settings")
    assert len(made(window, ProfilePage)) == 1  # the tab open when Settings first shows
    assert made(window, WeightingsPage) == [] and made(window, DataPage) == []
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    tabs.setCurrentIndex(titles.index("Weightings"))
    [weightings] = made(window, WeightingsPage)
    assert weightings.isVisible()
    settings.show_page("Data & privacy")
    [data_page] = made(window, DataPage)
    assert window.data_page is data_page and data_page.isVisible()
    tabs.setCurrentIndex(titles.index("Weightings"))
    assert made(window, WeightingsPage) == [weightings]


def test_the_data_page_can_be_reached_before_settings_was_opened(window):
    page = window.data_page  # used by restore, the welcome tour and tests
    assert isinstance(page, DataPage)
    assert window.view("settings").page("Data & privacy") is page
    assert made(window, DataPage) == [page]


def test_the_view_open_at_last_close_is_made_and_shown_at_start(qtbot, db, tmp_path):
    import main

    settings = QSettings(str(tmp_path / "last.ini"), QSettings.Format.IniFormat)
    settings.setValue(folder_key(tmp_path, "window/view"), "supervision")  # this folder's
    window = main.build_window(db, tmp_path, settings)
    qtbot.addWidget(window)
    window.restore_state()
    window.show()
    [supervision] = made(window, SupervisionView)
    assert window.current_key() == "supervision" and supervision.isVisible()
    assert made(window, CaseloadView) == [] and made(window, TimeView) == []
