"""The Overview: core's words beside the gauges, figures on request, one calm action when heavy."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from core.supervision.agenda import open_agenda
from core.caseload.cases import CaseStore
from tests.demo_copy import demo_into
from core.workload.estimate import load_inputs
from core.workload.history import dismiss_sustained_panel, workload_status
from core.caseload.models import Case, Profile, Reduction
from core.workload.official import record_official
from core.workload.profile import save_profile
from core.workload.reductions import add_reduction
from core.workload.status_words import status_words
from core.workload.wording import ADD_TO_NOTES, NO_HOURS
from ui.shell.hub import Hub
from ui.overview.method_dialog import SUPPORT, MethodDialog, anchor
from ui.overview.official_dialog import OfficialDialog
from ui.overview.overview_cards import ADDED
from ui.overview.overview_view import FIGURES_KEY, NOT_SEEN_EMPTY, OverviewView

TODAY = date(2026, 11, 25)
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                          "does not support raise")  # offscreen only


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "overview.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def hub():
    return Hub()


@pytest.fixture
def make_view(qtbot, db, hub, settings):
    def make() -> OverviewView:
        view = OverviewView(db, hub, settings, today=lambda: TODAY)
        qtbot.addWidget(view)
        view.resize(1100, 800)
        return view

    return make


@pytest.fixture
def demo_view(db, make_view):
    demo_into(db, TODAY)
    return make_view()


def test_headline_and_body_are_core_words_for_the_demo(demo_view, db):
    words = status_words(workload_status(load_inputs(db), TODAY), TODAY, figures=False)
    assert demo_view.workload.headline.text() == words.headline
    panel_open = not demo_view.sustained.isHidden()
    assert demo_view.workload.words.text() == words.beside_panel(panel_open)[0]
    assert demo_view.caseload.headline.text() == words.caseload_headline
    assert demo_view.caseload.words.text() == words.caseload_body
    # Each gauge is described by its card's sentences as shown, so Tab on it says them.
    card = demo_view.workload
    shown = [card.words.text()] + [label.text() for label in (card.trend, card.official)
                                    if not label.isHidden()]
    assert card.gauge.accessibleDescription() == " ".join(shown)
    assert demo_view.caseload.gauge.accessibleDescription() == words.caseload_body


def test_figures_hidden_by_default_then_shown_and_remembered(demo_view, settings, make_view,
                                                             hub, qtbot):
    demo_view.show()
    card = demo_view.workload
    assert not demo_view.show_figures.isChecked()
    assert not card.figures.isVisible() and not card.gauge.shows_figures()
    assert "percent" not in card.headline.text() + card.words.text()
    with qtbot.waitSignal(hub.settingsChanged):
        demo_view.show_figures.setChecked(True)
    assert card.figures.isVisible() and "workload points" in card.figures.text()
    assert card.gauge.shows_figures() and demo_view.caseload.figures.isVisible()
    assert settings.value(FIGURES_KEY, type=bool) is True
    assert make_view().show_figures.isChecked()


def add_buttons(view: OverviewView) -> list[QPushButton]:
    """The "Add to supervision notes" buttons a practitioner can see on the page."""
    return [b for b in view.findChildren(QPushButton)
            if b.text().replace("&", "") == ADD_TO_NOTES and b.isVisible()]


def test_add_to_supervision_notes_shows_once_in_the_sustained_panel(demo_view, db, hub, qtbot):
    demo_view.show()
    assert demo_view.sustained.isVisible()
    [button] = add_buttons(demo_view)  # one button, not one on the panel and one on the card
    assert demo_view.sustained.isAncestorOf(button)
    before = open_agenda(db, "workload")
    with qtbot.waitSignal(hub.supervisionChanged):
        button.click()
    notes = open_agenda(db, "workload")
    assert [n.text for n in notes] == [n.text for n in before] + [demo_view.words.supervision_note]
    assert not demo_view.sustained.isVisible()
    # The panel has closed; the card's button takes its place, saying the note is added.
    [card_button] = add_buttons(demo_view)
    assert card_button is demo_view.workload.add_button and not card_button.isEnabled()
    assert demo_view.workload.status.text() == ADDED


def test_add_to_supervision_notes_from_the_card_once_the_panel_is_closed(db, make_view, hub,
                                                                        qtbot):
    demo_into(db, TODAY)
    dismiss_sustained_panel(db, workload_status(load_inputs(db), TODAY).sustained)
    view = make_view()
    view.show()
    assert not view.sustained.isVisible()
    [button] = add_buttons(view)
    assert button is view.workload.add_button
    before = len(open_agenda(db, "workload"))
    with qtbot.waitSignal(hub.supervisionChanged):
        button.click()
    assert len(open_agenda(db, "workload")) == before + 1
    assert view.workload.status.text() == ADDED
    assert not button.isEnabled()  # the same week is not added twice by a double click


def test_alt_a_adds_to_supervision_notes_in_either_state(demo_view, db, qtbot):
    from PySide6.QtWidgets import QApplication

    demo_view.show()
    demo_view.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_view)
    before = len(open_agenda(db, "workload"))
    # A mnemonic presses the button visibly, so the click lands a moment later.
    qtbot.keyClick(demo_view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(open_agenda(db, "workload")) == before + 1)  # the panel's
    assert not demo_view.sustained.isVisible()
    demo_view.refresh()  # a later refresh offers the card's button again, enabled
    qtbot.keyClick(demo_view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not demo_view.workload.add_button.isEnabled())  # now the card's
    # The same week's note is already waiting for supervision: it is not added a second time.
    assert len(open_agenda(db, "workload")) == before + 1


def test_sustained_panel_shows_once_and_not_now_closes_it_for_the_episode(demo_view, make_view,
                                                                           qtbot):
    demo_view.show()
    panel = demo_view.sustained
    assert panel.isVisible()
    assert panel.text.text() == demo_view.words.sustained
    panel.not_now_button.click()
    assert not panel.isVisible()
    assert add_buttons(demo_view) == [demo_view.workload.add_button]  # the card offers it now
    again = make_view()
    again.show()
    assert not again.sustained.isVisible()
    assert add_buttons(again) == [again.workload.add_button]


def test_what_does_this_mean_opens_the_method_at_support(demo_view, qtbot, monkeypatch):
    scrolled = []
    monkeypatch.setattr(MethodDialog, "show_section", lambda self, title: scrolled.append(title))
    demo_view.show()
    demo_view.sustained.explain_button.click()
    dialog = demo_view.window().findChild(MethodDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and scrolled == [SUPPORT]
    assert anchor(SUPPORT) in dialog.text.toHtml()
    assert "employee assistance programme" in dialog.text.toPlainText()
    dialog.close()


def test_what_does_this_mean_puts_the_answer_to_the_panel_at_the_top(demo_view, qtbot):
    """It opened the general page part-way down; the panel's question is answered first."""
    demo_view.show()
    demo_view.sustained.explain_button.click()
    dialog = demo_view.window().findChild(MethodDialog)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert text.startswith(SUPPORT)
    assert "HMPPS treats more than 110% for four weeks in a row" in text.split("\n\n")[0] + \
        text[:400]
    assert dialog.text.verticalScrollBar().value() == 0
    assert "guidance" not in demo_view.sustained.text.text()  # never an unnamed guidance
    dialog.close()


def test_what_if_sentence_follows_the_choices(demo_view, qtbot):
    qtbot.waitUntil(lambda: demo_view.what_if is not None)  # made just after the first paint
    panel = demo_view.what_if
    first = panel.sentence.text()
    assert first.startswith("If you took another community case at tier C2")
    panel.tier.setCurrentIndex(panel.tier.findData("A3"))
    assert panel.sentence.text().startswith("If you took another community case at tier A3")
    panel.t2a.setChecked(True)
    assert "young adult (T2A)" in panel.sentence.text()


def test_zero_available_hours_says_so_and_draws_no_marker(db, make_view):
    CaseStore(db).add_case(Case("C01", "community", "B2", start_date=TODAY - timedelta(weeks=2)))
    save_profile(db, Profile("PO", 37.0))
    add_reduction(db, Reduction("Maternity / adoption leave", TODAY - timedelta(weeks=1),
                                percent=100.0), 37.0)
    view = make_view()
    assert view.workload.headline.text() == NO_HOURS.headline
    assert "No capacity is expected of you this week" in view.workload.words.text()
    assert view.workload.gauge.marker_x() is None
    assert not view.workload.add_button.isVisibleTo(view)
    view.show()
    assert add_buttons(view) == []  # no heavy state, so nothing to add


def test_empty_state_points_to_caseload_and_profile(db, make_view, qtbot):
    view = make_view()
    assert view.pages.currentIndex() == 1
    with qtbot.waitSignal(view.openRequested) as blocker:
        view.go_profile.click()
    assert blocker.args == ["settings", "Profile"]
    CaseStore(db).add_case(Case("C01", "licence", "A2", start_date=TODAY))
    view._hub.casesChanged.emit()
    assert view.pages.currentIndex() == 0
    assert view.workload.headline.text() != ""


def test_refreshes_when_cases_change(demo_view, db, hub):
    demo_view.show_figures.setChecked(True)  # the figures line says the count
    before = demo_view.caseload.figures.text()
    CaseStore(db).add_case(Case("C99", "licence", "A3", start_date=TODAY))
    hub.casesChanged.emit()
    assert demo_view.caseload.figures.text() != before


def test_what_the_estimate_does_not_see(demo_view, db, make_view):
    assert "went on work the WMT does not count" in demo_view.not_seen.sentences[0]
    assert demo_view.not_seen.explanation.text()
    db.execute("DELETE FROM time_entries")
    demo_view._hub.timeLogged.emit()
    assert demo_view.not_seen.sentences == [NOT_SEEN_EMPTY]


def test_trend_and_what_if_are_created_after_first_paint(db, make_view, qtbot):
    demo_into(db, TODAY)
    view = make_view()
    # Words and gauges are there for the first paint; what lies below follows it.
    assert view.workload.headline.text() and view.workload.gauge.marker_x() is not None
    assert view.what_if is None and view.trend is None
    qtbot.waitUntil(lambda: view.trend is not None)
    assert len(view.trend.summaries) == 12
    assert view.what_if.sentence.text().startswith("If you took another")


def test_official_figure_entered_shows_beside_the_estimate(demo_view, db, qtbot, monkeypatch):
    def fake_exec(dialog):
        dialog.percent.setText("131")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OfficialDialog, "exec", fake_exec)
    demo_view.workload.official_button.click()
    assert "percent" not in demo_view.workload.official.text()  # figures are off
    demo_view.show_figures.setChecked(True)
    assert "131 percent; this app's estimate is" in demo_view.workload.official.text()


def test_official_dialog_keeps_a_bad_figure_out(db, qtbot):
    dialog = OfficialDialog(db, TODAY, TODAY)
    qtbot.addWidget(dialog)
    dialog.percent.setText("")
    dialog.accept()
    assert dialog.problems.problems() and dialog.week is None
    record_official(db, TODAY, 120, TODAY)
    again = OfficialDialog(db, TODAY, TODAY)
    qtbot.addWidget(again)
    assert again.percent.text() == "120"  # the figure already given is shown for correction


def test_window_opens_on_the_overview_with_f1_and_weightings(db, tmp_path, qtbot):
    import main
    from PySide6.QtGui import QKeySequence

    demo_into(db, TODAY)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = main.build_window(db, tmp_path, settings)
    qtbot.addWidget(window)
    assert window.current_key() == "overview"
    assert window.nav.item(0).text() == "Overview"
    help_titles = [a.text().replace("&", "") for a in window.menu("&Help").actions()]
    assert help_titles[0] == "How is this worked out?"
    assert window.method_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    tabs = window.view("settings").tabs
    assert "Weightings" in [tabs.tabText(i) for i in range(tabs.count())]
    window.view("settings").show_page("Weightings")
    window.view("overview").go_profile.click()  # the empty state's button, wired by the window
    assert window.current_key() == "settings"
    assert tabs.tabText(tabs.currentIndex()) == "Profile"


def test_tab_order_follows_the_page(demo_view, qtbot):
    demo_view.show()
    demo_view.ensure_trend()
    qtbot.waitUntil(demo_view.trend.period.isVisible)
    order = focus_chain(demo_view.show_figures)
    expected = [demo_view.show_figures, demo_view.method_button,
                demo_view.sustained.add_button, demo_view.sustained.not_now_button,
                demo_view.sustained.explain_button, demo_view.workload.gauge,
                demo_view.workload.official_button,
                demo_view.caseload.gauge, demo_view.drivers.heading,
                demo_view.not_seen.heading, demo_view.trend.period, demo_view.trend.as_table,
                demo_view.what_if.case_type, demo_view.what_if.tier, demo_view.what_if.t2a]
    positions = [order.index(w) for w in expected]
    assert positions == sorted(positions)
    assert demo_view.workload.add_button not in order  # the panel's button is the one
    demo_view.sustained.not_now_button.click()
    order = focus_chain(demo_view.show_figures)
    card = [demo_view.workload.gauge, demo_view.workload.add_button,
            demo_view.workload.official_button, demo_view.caseload.gauge]
    positions = [order.index(w) for w in card]
    assert positions == sorted(positions)


def focus_chain(start) -> list:
    """Widgets Tab reaches, in order, from `start`."""
    order, widget = [], start
    for _ in range(200):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order


def test_new_weightings_change_the_estimate_shown(demo_view, db, hub):
    from core.workload.weightings import set_weightings

    demo_view.show_figures.setChecked(True)  # the figures line says the points
    before = demo_view.workload.figures.text()
    set_weightings(db, {"tier.licence.A3": 400, "tier.licence.A2": 400}, TODAY - timedelta(weeks=1))
    hub.weightingsChanged.emit()
    assert demo_view.workload.figures.text() != before


def test_coming_back_another_day_shows_that_day(db, hub, settings, qtbot):
    demo_into(db, TODAY)
    days = [TODAY]
    view = OverviewView(db, hub, settings, today=lambda: days[-1])
    qtbot.addWidget(view)
    assert "25 November" in view.week_line.text()
    days.append(TODAY + timedelta(days=7))
    view.show()
    assert "2 December" in view.week_line.text()


def test_nothing_below_the_trend_moves_when_the_chart_arrives(db, make_view, qtbot):
    demo_into(db, TODAY)
    view = make_view()
    view.show()
    QApplication.processEvents()
    before = (view.trend_card.height(), view.what_if_card.mapTo(view, QPoint(0, 0)).y())
    qtbot.waitUntil(lambda: view.trend is not None)
    QApplication.processEvents()
    after = (view.trend_card.height(), view.what_if_card.mapTo(view, QPoint(0, 0)).y())
    assert abs(after[0] - before[0]) <= 4 and abs(after[1] - before[1]) <= 4


def test_with_the_panel_open_the_card_says_neither_the_run_nor_hmpps_again(demo_view, db):
    """'Over capacity for 4 of the last 4 weeks' beside 'for 20 weeks in a row', and the HMPPS
    sentence in both: said once, by the panel; the card says them again once it is closed."""
    if demo_view.sustained.isHidden():
        pytest.skip("the demo data has no over-capacity run on this day")
    card = demo_view.workload
    shown = " ".join((card.words.text(), card.trend.text() if card.trend.isVisibleTo(card)
                      else "", demo_view.sustained.text.text()))
    assert shown.count("HMPPS treats") == 1
    assert "of the last" not in card.trend.text()
    demo_view._panel_not_now()
    assert "HMPPS treats" in card.words.text() or demo_view.words.body == card.words.text()
    assert card.words.text() == demo_view.words.body


def test_the_figures_lines_hold_no_figure_while_hidden(demo_view):
    """A hidden label is still in the tree a screen reader can walk: with figures off, the
    figures lines are empty, not just hidden."""
    for card in (demo_view.workload, demo_view.caseload):
        assert card.figures.text() == "" and card.figures.isHidden()
    demo_view.show_figures.setChecked(True)
    assert "percent" in demo_view.workload.figures.text()
    assert "cases" in demo_view.caseload.figures.text()
    demo_view.show_figures.setChecked(False)
    assert demo_view.workload.figures.text() == demo_view.caseload.figures.text() == ""
