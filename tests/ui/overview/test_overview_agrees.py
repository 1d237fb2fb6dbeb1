"""The Overview's texts agree with the reference implementation of the published rules, and say
no percentage anywhere while "Show figures" is off (issue 14)."""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from core.store.database import open_database

from tests import reference_model as ref
from tests.history_strategies import histories, store
from ui.overview.overview_view import OverviewView
from ui.shell.hub import Hub
from tests.examples import examples

FEW = settings(max_examples=examples(8), deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])


def _shown_text(view: OverviewView) -> str:
    """Every label, tooltip and accessible description a practitioner can meet on the page."""
    parts = [label.text() for label in view.findChildren(QLabel) if label.isVisibleTo(view)]
    for gauge in (view.workload.gauge, view.caseload.gauge):
        parts += [gauge.toolTip(), gauge.accessibleDescription(), *gauge.scale_words(),
                  *gauge.edge_texts().values()]
    return "\n".join(parts)


@FEW
@given(histories())
def test_overview_texts_agree_with_the_reference(qtbot, tmp_path, case):
    history, blocks, today = case
    last = ref.weekly(history, today, 104)[-1]
    db = open_database(None)
    try:
        store(db, history, blocks)
        fresh = QSettings(str(tmp_path / f"{uuid.uuid4().hex}.ini"), QSettings.Format.IniFormat)
        view = OverviewView(db, Hub(), fresh, today=lambda: today)  # figures off, as at first
        qtbot.addWidget(view)
        assert view.summary.estimate.as_of == last.day  # the week's Friday, or today before it
        assert view.workload.headline.text() == last.headline
        assert view.caseload.headline.text() == last.c_headline
        assert (not view.sustained.isHidden()) == (last.weighted_since is not None)
        assert (not view.sustained_caseload.isHidden()) == (last.caseload_since is not None)
        if last.weighted_since:
            assert "over capacity" in view.sustained.text.text()
        if last.caseload_since:
            assert "caseload has been above" in view.sustained_caseload.text.text()
        shown = _shown_text(view)
        assert "%" not in shown and "percent" not in shown
        for code in ("W1", "W2", "W3", "W4", "W5", "C1", "C2", "C3", "C4"):
            assert code not in view.workload.gauge.scale_words() + view.caseload.gauge.scale_words()
        view.show_figures.setChecked(True)
        if last.capacity is not None:
            assert "percent" in view.workload.gauge.accessibleDescription()
        view.close()
    finally:
        db.close()


def test_not_now_on_one_trigger_leaves_the_other_panel(qtbot, tmp_path, db):
    """61 cases from 31 August, over 110% only from 5 October: two episodes, two starts, two
    sentences, and "Not now" on the caseload panel does not hide the weighted one."""
    from datetime import date

    from core.caseload.cases import CaseStore
    from core.caseload.models import Case

    store_ = CaseStore(db)
    store_.add_cases(Case(f"D{n:02d}", "community", "D0", date(2026, 8, 31)) for n in range(61))
    # 61 × 29 = 1769 points of 2176 (81%); 20 licence A3 more from 5 October: 6149 (282.6%).
    store_.add_cases(Case(f"L{n:02d}", "licence", "A3", date(2026, 10, 5)) for n in range(20))
    today = date(2026, 10, 30)
    view = OverviewView(db, Hub(), QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat),
                        today=lambda: today)
    qtbot.addWidget(view)
    weighted, caseload = view.summary.weighted_episode, view.summary.caseload_episode
    assert (weighted.start, weighted.weeks) == (date(2026, 10, 5), 4)
    assert caseload.start == date(2026, 8, 31)
    assert "for 4 weeks in a row (since 5 October)" in view.sustained.text.text()
    assert "since 31 August" in view.sustained_caseload.text.text()
    view.sustained_caseload.not_now_button.click()
    assert view.sustained_caseload.isHidden() and not view.sustained.isHidden()
    again = OverviewView(db, Hub(), QSettings(str(tmp_path / "o.ini"),
                                              QSettings.Format.IniFormat), today=lambda: today)
    qtbot.addWidget(again)
    assert again.sustained_caseload.isHidden() and not again.sustained.isHidden()
