"""The first-run welcome: shown once on an empty database, saves the profile, can fill demo data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton

from core.caseload.cases import CaseStore
from core.store.database import is_empty
from tests.demo_copy import demo_into
from core.caseload.models import Profile
from core.workload.profile import get_profile, save_profile
from core.store.settings import get_setting
from ui.shell.hub import Hub
from ui.shell.main_window import MainWindow
from ui.shell.welcome_dialog import (
    START_DEMO,
    START_EMPTY,
    WELCOME_DONE_KEY,
    WelcomeDialog,
    install_welcome,
    maybe_show_welcome,
    should_show_welcome,
)


def _finish(dialog: WelcomeDialog) -> None:
    """Click Next until the last step, then Get started."""
    while dialog.stack.currentIndex() < dialog.stack.count() - 1:
        dialog.next_button.click()
    assert dialog.next_button.text().replace("&", "") == "Get started"
    dialog.next_button.click()


def _choose(dialog: WelcomeDialog, start: str) -> QRadioButton:
    button = dialog.findChild(QRadioButton, f"start_{start}")
    button.setChecked(True)
    return button


@pytest.fixture
def dialog(qtbot, db):
    d = WelcomeDialog(db)
    qtbot.addWidget(d)
    return d


def test_shown_on_an_empty_database_until_finished(qtbot, db, dialog):
    assert should_show_welcome(db)
    _finish(dialog)
    assert not should_show_welcome(db)
    assert get_setting(db, WELCOME_DONE_KEY) is True


def test_not_shown_when_the_database_already_holds_data(db):
    save_profile(db, Profile("PSO", 30.0))
    assert not should_show_welcome(db)


def test_finishing_saves_grade_and_hours(qtbot, db, dialog):
    dialog.grade_combo.setCurrentIndex(dialog.grade_combo.findData("PSO"))
    dialog.hours_spin.setValue(22.5)
    _finish(dialog)
    assert get_profile(db) == Profile("PSO", 22.5)
    assert dialog.result_value is not None
    assert dialog.result_value.start == START_EMPTY
    assert is_empty(db) is False  # the profile now counts as the practitioner's data


def test_skipping_counts_as_done_and_saves_nothing(qtbot, db, dialog):
    dialog.skip_button.click()
    assert dialog.result_value is None
    assert not should_show_welcome(db)
    assert not db["profile"].count


def test_demo_option_fills_data_and_keeps_the_chosen_profile(qtbot, db, dialog):
    dialog.grade_combo.setCurrentIndex(dialog.grade_combo.findData("PQiP"))
    dialog.hours_spin.setValue(30)
    _choose(dialog, START_DEMO)
    _finish(dialog)
    assert len(CaseStore(db).list_cases("active")) > 20
    assert get_profile(db) == Profile("PQiP", 30.0)
    assert dialog.result_value.start == START_DEMO


def test_demo_option_is_offered_only_for_an_empty_database(qtbot, db):
    demo_into(db)
    dialog = WelcomeDialog(db)
    qtbot.addWidget(dialog)
    assert not dialog.findChild(QRadioButton, f"start_{START_DEMO}").isEnabled()
    assert dialog.grade_combo.currentData() == "PO"  # reopened from Help: shows what is saved


def test_import_choice_hidden_when_no_import_is_available(qtbot, db, dialog):
    assert dialog.findChild(QRadioButton, "start_import").isHidden()


@pytest.fixture
def window(qtbot, db, tmp_path):
    w = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    hub = Hub()
    w.hub = hub
    return w, hub


def _auto_finish(monkeypatch, seen: list[WelcomeDialog]) -> None:
    """Replace the modal exec with one that finishes the welcome at once."""

    def fake_exec(self: WelcomeDialog) -> int:
        seen.append(self)
        _finish(self)
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", fake_exec)


def test_help_menu_reopens_the_welcome(qtbot, db, window, monkeypatch):
    win, hub = window
    seen: list[WelcomeDialog] = []
    _auto_finish(monkeypatch, seen)
    action = install_welcome(win, db, hub)
    assert action in win.menu("&Help").actions()
    assert action.text().replace("&", "") == "Welcome tour"
    with qtbot.waitSignal(hub.profileChanged):
        action.trigger()
    assert len(seen) == 1


def test_first_start_opens_the_welcome_once(qtbot, db, window, monkeypatch):
    win, hub = window
    seen: list[WelcomeDialog] = []
    _auto_finish(monkeypatch, seen)
    with qtbot.waitSignal(hub.profileChanged):
        maybe_show_welcome(win, db, hub)
    maybe_show_welcome(win, db, hub)  # second start: nothing to show
    QCoreApplication.processEvents()  # a wrongly queued welcome would run here
    assert len(seen) == 1


def test_choosing_import_opens_the_import_dialog(qtbot, db, window, monkeypatch):
    import_dialog = pytest.importorskip("ui.caseload.import_dialog")
    win, hub = window
    monkeypatch.setattr(import_dialog.ImportDialog, "import_cases", staticmethod(lambda *a: 3))

    def fake_exec(self: WelcomeDialog) -> int:
        _choose(self, "import")
        _finish(self)
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", fake_exec)
    action = install_welcome(win, db, hub)
    with qtbot.waitSignal(hub.casesChanged):
        action.trigger()


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen plugin only
def test_no_text_is_cut_off_with_a_large_system_font(qtbot, db):
    dialog = WelcomeDialog(db)
    font = dialog.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    dialog.setFont(font)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for index in range(dialog.stack.count()):
        dialog._show_step(index)
        for label in dialog.stack.currentWidget().findChildren(QLabel):
            if label.isVisible() and label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), label.text()


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_return_goes_on_and_never_skips(qtbot, db, dialog):
    """The welcome opened with focus on "Skip for now", so Return skipped the whole set-up."""
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.next_button
    assert not dialog.skip_button.autoDefault() and not dialog.skip_button.isDefault()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == 1 and dialog.isVisible()
    assert not get_setting(db, WELCOME_DONE_KEY, False)


def test_part_time_hours_ask_which_days_and_save_the_pattern(qtbot, db, dialog):
    from core.time.working_week import get_pattern

    assert dialog.working_days.isHidden()  # full time: nothing to ask
    dialog.hours_spin.setValue(22.2)
    assert not dialog.working_days.isHidden()
    assert "4 h 26 min a day" in dialog.working_days.spread.text()
    for day in (3, 4):  # Thursday and Friday off
        dialog.working_days.days[day].setChecked(False)
    assert "Your 22.2 hours over 3 days: 7 h 24 min a day" in dialog.working_days.spread.text()
    _finish(dialog)
    hours = get_pattern(db).hours
    assert [round(h, 2) for h in hours] == [7.4, 7.4, 7.4, 0, 0, 0, 0]


def test_part_time_with_no_day_ticked_goes_back_to_say_so(qtbot, db, dialog):
    dialog.hours_spin.setValue(22.2)
    for box in dialog.working_days.days:
        box.setChecked(False)
    _finish(dialog)
    assert dialog.result_value is None and dialog.stack.currentIndex() == 1
    assert "Tick the days you work." in dialog.problem_label.text()


def test_a_skipped_welcome_is_offered_again_on_the_empty_overview(qtbot, db, tmp_path,
                                                                   monkeypatch):
    import main

    window = main.build_window(db, tmp_path, QSettings(str(tmp_path / "w.ini"),
                                                       QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    overview = window.view("overview")
    assert overview.pages.currentIndex() == 1  # nothing to estimate yet
    assert overview.finish_setup.isVisibleTo(window)
    shown = []
    monkeypatch.setattr(WelcomeDialog, "run", staticmethod(lambda *a, **k: shown.append(a)))
    overview.finish_setup.click()
    assert len(shown) == 1


def test_contracted_hours_are_named_by_their_label_alone(dialog):
    # Named "Contracted hours a week" beside its label "Contracted hours", the field was heard
    # as "Contracted hours Contracted hours a week 37.0 hours a week": the label, then a name
    # adding to it, then its own text with the unit.
    from PySide6.QtGui import QAccessible

    iface = QAccessible.queryAccessibleInterface(dialog.hours_spin)
    assert iface.text(QAccessible.Text.Name).replace("&", "") == "Contracted hours"
    assert dialog.hours_spin.suffix() == " hours a week"  # the unit, said as its value


def test_each_start_choice_is_said_with_the_words_under_it(dialog):
    """"Best tried before you add real cases." and the rest were shown under each choice and
    never said (24h, F12): each is its radio button's description."""
    buttons = dialog.findChildren(QRadioButton)
    assert buttons and all(b.accessibleDescription() for b in buttons)
    demo = dialog.findChild(QRadioButton, f"start_{START_DEMO}")
    assert demo.accessibleDescription().endswith("Best tried before you add real cases.")
    shown = {label.text() for label in dialog.findChildren(QLabel)}
    assert all(b.accessibleDescription() in shown for b in buttons)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_return_in_a_field_says_the_next_step_before_anything_on_it(qtbot, db, dialog):
    """Return in Contracted hours (step 2) went on to step 3, and the keyboard, losing its field
    with the page, fell to the first start choice: "Start with an empty caseload, selected
    radio button" was read before "Step 3 of 3: …". It waits on the button pressed instead."""
    from ui.widgets import announce

    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    try:
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # to step 2
        dialog.hours_spin.setFocus()
        qtbot.waitUntil(dialog.hours_spin.hasFocus)
        heard.clear()
        focused: list[object] = []
        dialog.stack.currentChanged.connect(lambda _i: focused.append(
            QApplication.focusWidget()))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert dialog.stack.currentIndex() == 2
        assert heard and heard[0].startswith("Step 3 of 3: ")
        # Nothing on the new page had the keyboard as it turned, nor has it now.
        page = dialog.stack.currentWidget()
        assert not any(page.isAncestorOf(w) for w in focused if w is not None)
        assert QApplication.focusWidget() is dialog.next_button
        assert dialog.next_button.text().replace("&", "") == "Get started"
    finally:
        announce.remove_listener(listener)


@pytest.mark.qt_log_ignore("does not support")
def test_tab_from_next_goes_to_the_steps_fields_before_the_buttons(qtbot, db, dialog):
    """After Next the keyboard waits on Next; Tab went Back, Skip set-up, and only then Grade:
    the buttons came before the fields."""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # to step 2
    assert QApplication.focusWidget() is dialog.next_button
    page = dialog.stack.currentWidget()
    order = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
        if order[-1] is dialog.next_button:
            break
    assert page.isAncestorOf(order[0]), order[0]
    buttons = [w for w in order if w in (dialog.skip_button, dialog.back_button,
                                          dialog.next_button)]
    assert buttons == [dialog.skip_button, dialog.back_button, dialog.next_button]
    first_button = order.index(dialog.skip_button)
    assert all(page.isAncestorOf(w) for w in order[:first_button])
    assert dialog.hours_spin in order[:first_button] or any(
        w.parentWidget() is dialog.hours_spin for w in order[:first_button])
