"""The Overview explains a gap of more than 5 points between the official figure and the estimate,
with figures off and on, and each reason leads to its one useful action."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton

from core.caseload.cases import CaseStore
from core.caseload.models import Case, Profile
from core.supervision.agenda import open_agenda
from core.workload.official import record_official
from core.workload.profile import save_profile
from ui.overview.gap_card import TITLE
from ui.overview.overview_cards import ADDED
from ui.overview.overview_view import OverviewView
from ui.shell.hub import Hub

TODAY = date(2026, 11, 27)  # a Friday
START = date(2026, 1, 5)
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def view(qtbot, db, tmp_path):
    save_profile(db, Profile("PO", 37), today=START)
    CaseStore(db).add_cases([
        Case("C01", "community", "B2", START),
        Case("C02", "community", "B2", START, expected_end_date=date(2026, 6, 30)),
        Case("C03", "licence", "untiered", START),
        Case("C04", "community", "C1", START, state="unpaid_work_only"),
    ])
    record_official(db, TODAY, 20.0, today=TODAY)
    settings = QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat)
    overview = OverviewView(db, Hub(), settings, today=lambda: TODAY)
    qtbot.addWidget(overview)
    overview.resize(1100, 800)
    overview.show()
    return overview


def _card_text(view) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in view.gap.findChildren(QLabel)
                    if label.isVisible())


def test_the_gap_is_explained_in_words_with_figures_off(view):
    assert view.gap.isVisible() and view.gap.heading.text() == TITLE
    text = _card_text(view)
    assert "shows more work than this app's estimate" in text
    assert "(C02) is past its expected end date" in text
    assert "untiered case (C03)" in text and "(C04) waiting on a warrant" in text
    assert not re.search(r"\d\s*(%|percent)", text)


def test_with_figures_on_it_gives_the_percentages_and_points(view):
    view.show_figures.setChecked(True)
    text = _card_text(view)
    assert "14.7 percentage points higher" in text and "(115 points)" in text


def test_each_reason_offers_its_action(view, qtbot):
    opened = []
    view.openRequested.connect(lambda key, page: opened.append((key, page)))
    buttons = {b.text(): b for b in view.gap.findChildren(QPushButton)}
    buttons["Close it or move its end date…"].click()
    buttons["Tier a case…"].click()
    buttons["Check a reduction"].click()
    assert opened == [("caseload", "C02"), ("caseload", "C03"),
                      ("settings", "Reductions && reports")]


def test_the_explanation_can_go_into_the_supervision_notes(view, db):
    button = next(b for b in view.gap.findChildren(QPushButton)
                  if b.text().startswith("Add to supervision notes"))
    button.click()
    notes = [item.text for item in open_agenda(db)]
    assert any(n.startswith("Official figure, week 2026-W48:") and "C02" in n for n in notes)
    assert view.gap.status.text() == ADDED and not button.isEnabled()


def test_no_card_when_the_figures_agree(qtbot, db, tmp_path):
    save_profile(db, Profile("PO", 37), today=START)
    CaseStore(db).add_case(Case("C01", "licence", "A3", START))  # 219 of 2176: 10.1%
    record_official(db, TODAY, 12.0, today=TODAY)
    overview = OverviewView(db, Hub(), QSettings(str(tmp_path / "p.ini"),
                                                 QSettings.Format.IniFormat), today=lambda: TODAY)
    qtbot.addWidget(overview)
    overview.show()
    assert not overview.gap.isVisible()
