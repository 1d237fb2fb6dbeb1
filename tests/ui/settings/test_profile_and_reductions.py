"""Settings pages: profile saved only when valid; reductions with automatic end dates and caps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from core.common.dates import add_months
from core.caseload.models import Reduction
from core.workload.profile import get_profile, has_profile
from core.workload.reductions import add_reduction, add_report, list_reductions, list_reports
from ui.shell.hub import Hub
from ui.widgets.list_table_model import OBJECT_ROLE
from ui.settings.profile_page import ProfilePage
from ui.settings.reduction_dialog import ReductionDialog
from ui.settings.reductions_page import ReductionsPage


@pytest.fixture
def hub():
    return Hub()


@pytest.fixture
def profile_page(qtbot, db, hub):
    page = ProfilePage(db, hub)
    qtbot.addWidget(page)
    return page


@pytest.fixture
def reductions_page(qtbot, db, hub):
    page = ReductionsPage(db, hub)
    qtbot.addWidget(page)
    return page


def test_profile_save_refuses_impossible_hours_and_saves_nothing(profile_page, db, hub,
                                                                  qtbot):
    profile_page.hours.setText("0")
    with qtbot.assertNotEmitted(hub.profileChanged):
        assert not profile_page.save()
    assert "Contracted hours must be from 1 to 60 a week" in profile_page.problems.text()
    assert not has_profile(db)


def test_profile_save_stores_part_time_hours_and_ceiling(profile_page, db, hub, qtbot):
    profile_page.grade.setCurrentIndex(profile_page.grade.findData("PSO"))
    profile_page.hours.setText("22.5")
    profile_page.ceiling.setText("30")
    with qtbot.waitSignal(hub.profileChanged):
        assert profile_page.save()
    saved = get_profile(db)
    assert (saved.grade, saved.contracted_hours, saved.protected_ceiling) == ("PSO", 22.5, 30)
    # A change applies from a date, today unless chosen otherwise, and the page says so.
    assert profile_page.saved_label.text().startswith("Profile saved, in force from ")
    assert not profile_page.problems.isVisibleTo(profile_page)


def test_blank_hours_mean_full_time(profile_page, db):
    profile_page.hours.setText("")
    assert profile_page.save()
    assert get_profile(db).contracted_hours is None and get_profile(db).hours == 37.0
    assert "37" in profile_page.hours.placeholderText()


def test_ceiling_out_of_range_is_explained(profile_page, db):
    profile_page.ceiling.setText("500")
    assert not profile_page.save()
    assert "between 1 and 200" in profile_page.problems.text()


def test_reduction_end_date_is_filled_from_the_published_reason(qtbot):
    dialog = ReductionDialog(37.0)
    qtbot.addWidget(dialog)
    start = date(2026, 3, 31)
    dialog.start.set_value(start)
    dialog.reason.setCurrentText("Newly qualified officer")
    assert dialog.by_percent.isChecked() and dialog.amount.value() == 20
    # The last day in force: the band that follows starts the day after, never overlapping.
    assert dialog.end.value() == add_months(start, 9) - timedelta(days=1)
    dialog.start.set_value(date(2026, 4, 1))
    assert dialog.end.value() == date(2026, 12, 31)
    dialog.reason.setCurrentText("Court duty")  # no automatic end
    assert dialog.end.value() is None
    assert dialog.by_hours.isChecked()


def test_reduction_cap_is_shown_and_enforced(qtbot):
    dialog = ReductionDialog(37.0)
    qtbot.addWidget(dialog)
    dialog.reason.setCurrentText("Trade union facility time")
    assert "At most 50% of contracted hours (18 hours 30 minutes a week)" in dialog.cap.text()
    dialog.amount.setValue(20)  # hours a week, above half of 37
    assert not dialog.ok_button.isEnabled()
    assert "capped at 50%" in dialog.problems.text()
    dialog.amount.setValue(10)
    assert dialog.ok_button.isEnabled()
    assert dialog.reduction().hours_per_week == 10 and dialog.reduction().percent is None


def test_own_reason_with_an_identifier_is_refused(qtbot):
    dialog = ReductionDialog(37.0)
    qtbot.addWidget(dialog)
    dialog.reason.setCurrentText("Cover for AB123456C")
    dialog.by_hours.setChecked(True)
    dialog.amount.setValue(2)
    assert "national insurance number" in dialog.problems.text()
    assert not dialog.ok_button.isEnabled()


def test_adding_a_reduction_lists_it_and_tells_the_hub(reductions_page, db, hub, qtbot,
                                                       monkeypatch):
    chosen = Reduction("Court duty", date(2026, 9, 1), hours_per_week=3.0)
    monkeypatch.setattr(ReductionDialog, "get_reduction", staticmethod(lambda *a: chosen))
    with qtbot.waitSignal(hub.reductionsChanged):
        reductions_page.add_reduction()
    model = reductions_page.reductions_model
    assert [model.index(0, c).data() for c in range(4)] == [
        "Court duty", "3 hours a week", "01/09/2026", "open"
    ]
    assert len(list_reductions(db)) == 1


def test_deleting_a_reduction_asks_first(reductions_page, db, hub, monkeypatch):
    add_reduction(db, Reduction("Court duty", date(2026, 9, 1), hours_per_week=3.0), 37.0)
    reductions_page.refresh()
    reductions_page.reductions_view.selectRow(0)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: next(answers)))
    reductions_page.delete_reduction()
    assert len(list_reductions(db)) == 1
    reductions_page.delete_reduction()
    assert list_reductions(db) == []
    assert reductions_page.reductions_model.rowCount() == 0


def test_court_reports_are_added_and_deleted(reductions_page, db, hub, qtbot, monkeypatch):
    page = reductions_page
    page.report_kind.setCurrentIndex(page.report_kind.findData("fast"))
    page.report_date.set_value(date.today() - timedelta(days=3))
    with qtbot.waitSignal(hub.reductionsChanged):
        page.add_report_button.click()
    assert [(r.kind, r.completed_date) for r in list_reports(db)] == [
        ("fast", date.today() - timedelta(days=3))
    ]
    assert page.reports_model.index(0, 0).data() == "Fast court report (FDR)"
    page.reports_view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    page.delete_report_button.click()
    assert list_reports(db) == []


def test_future_report_is_refused_without_saving(reductions_page, db, monkeypatch):
    shown = []
    monkeypatch.setattr("ui.settings.reductions_page.show_error", lambda *a: shown.append(a[1]))
    reductions_page.report_date.set_value(date.today() + timedelta(days=2))
    reductions_page.add_report()
    assert shown == ["A completed report cannot be dated in the future."]
    assert list_reports(db) == []


def test_reduction_and_report_models_pass_the_model_tester(qtmodeltester, reductions_page, db):
    add_reduction(db, Reduction("Court duty", date(2026, 9, 1), hours_per_week=3.0), 37.0)
    add_reduction(db, Reduction("Newly qualified officer", date(2026, 1, 1), percent=20), 37.0)
    add_report(db, "standard", date.today())
    reductions_page.refresh()
    qtmodeltester.check(reductions_page.reductions_model)
    qtmodeltester.check(reductions_page.reductions_proxy)
    qtmodeltester.check(reductions_page.reports_model)
    first = reductions_page.reductions_proxy.index(0, 0).data(OBJECT_ROLE)
    assert first.reason == "Court duty"  # newest start date first


def test_a_profile_change_applies_from_the_date_chosen_and_the_page_says_so(profile_page, db):
    from decimal import Decimal

    from PySide6.QtWidgets import QLabel

    from core.workload.profile import list_profile_changes

    profile_page.hours.setText("37")
    assert profile_page.save()  # the first profile applies from the beginning
    profile_page.hours.setText("22.2")
    profile_page.effective_from.set_value(date(2026, 3, 2))
    assert profile_page.save()
    changes = list_profile_changes(db)
    assert [(c.effective_from, c.profile.contracted_hours) for c in changes] == [
        (date.min, Decimal(37)), (date(2026, 3, 2), Decimal("22.2"))]
    assert get_profile(db, date(2026, 3, 1)).hours == 37  # earlier weeks keep their hours
    assert "in force from 02/03/2026" in profile_page.saved_label.text()
    notes = " ".join(label.text() for label in profile_page.findChildren(QLabel))
    assert "Weeks before it keep the grade, hours and ceiling they had" in notes


def test_changing_hours_but_not_the_days_is_said_where_the_hours_are_saved(profile_page, db):
    """22.2 hours on Mon/Tue/Wed changed to 29.6 in Settings: the working week stayed 22.2
    with no word where the change was made."""
    from decimal import Decimal

    from core.caseload.models import Profile
    from core.time.working_week import WorkingPattern, save_pattern
    from core.workload.profile import save_profile

    save_profile(db, Profile("PO", Decimal("22.2")))
    save_pattern(db, WorkingPattern(hours=(7.4, 7.4, 7.4, 0, 0, 0, 0)))
    profile_page.load()
    profile_page.hours.setText("29.6")
    assert profile_page.save()
    assert ("Your working week still adds up to 22 hours 12 minutes: change its days in the "
            "Working week tab.") in profile_page.saved_label.text()
    profile_page.hours.setText("22.2")
    assert profile_page.save()
    assert "working week" not in profile_page.saved_label.text()


def test_new_hours_can_be_spread_over_the_working_days_with_one_button(profile_page, db):
    """22.2 hours on Mon/Tue/Wed changed to 29.6: the page offers, right where the hours were
    saved, to share 29.6 hours over the same three days; one press and the week adds up."""
    from decimal import Decimal

    from core.caseload.models import Profile
    from core.time.working_week import WorkingPattern, get_pattern, pattern_mismatch, save_pattern
    from core.workload.profile import save_profile

    save_profile(db, Profile("PO", Decimal("22.2")))
    save_pattern(db, WorkingPattern(hours=(7.4, 7.4, 7.4, 0, 0, 0, 0)))
    profile_page.load()
    assert profile_page.spread_button.isHidden()
    profile_page.hours.setText("29.6")
    assert profile_page.save()
    button = profile_page.spread_button
    assert not button.isHidden()
    assert button.text().replace("&", "") == "Spread 29 hours 36 minutes over Mon, Tue, Wed"
    button.click()
    hours = get_pattern(db).hours
    assert [round(h, 2) for h in hours] == [9.87, 9.87, 9.87, 0, 0, 0, 0]
    assert pattern_mismatch(db) is None
    assert profile_page.saved_label.text() == (
        "Working week set to 9 hours 52 minutes a day on Mon, Tue, Wed: 29 hours 36 minutes a week.")
    assert button.isHidden()
    assert profile_page.hours.text() == "29.6"  # the profile as saved, nothing else changed


def test_no_spread_is_offered_when_the_week_adds_up_or_after_an_edit(profile_page, db):
    from decimal import Decimal

    from core.caseload.models import Profile
    from core.time.working_week import WorkingPattern, save_pattern
    from core.workload.profile import save_profile

    save_profile(db, Profile("PO", Decimal("22.2")))
    save_pattern(db, WorkingPattern(hours=(7.4, 7.4, 7.4, 0, 0, 0, 0)))
    profile_page.load()
    profile_page.hours.setText("22.2")
    assert profile_page.save() and profile_page.spread_button.isHidden()
    profile_page.hours.setText("30")
    assert profile_page.save() and not profile_page.spread_button.isHidden()
    profile_page.hours.textEdited.emit("3")  # typing again: the offer was for the saved hours
    assert profile_page.spread_button.isHidden()


def test_contracted_hours_are_said_with_their_unit_and_never_with_the_full_time_hint(
        profile_page, qtbot):
    """Holding 30, the field was read "37 (full time)", and "hours a week" never (24h, F3)."""
    from PySide6.QtGui import QAccessible

    def description(field) -> str:  # type: ignore[no-untyped-def]
        return QAccessible.queryAccessibleInterface(field).text(QAccessible.Text.Description)

    profile_page.hours.setText("")
    assert description(profile_page.hours).startswith("hours a week, 37 (full time).")
    qtbot.keyClicks(profile_page.hours, "30")
    assert description(profile_page.hours).startswith("hours a week. ")  # then the note on it
    assert "(full time)" not in description(profile_page.hours)
    profile_page.ceiling.setText("40")
    assert description(profile_page.ceiling).startswith("cases. ")


def test_a_second_report_alike_is_said_to_be_a_second(reductions_page, db, qtbot):
    """Add report pressed twice added two identical reports in the same words (24h, F21):
    two reports on one day can be right, so both are kept and the second says so."""
    from ui.widgets import announce

    heard: list[str] = []
    listener = lambda text, _assertive: heard.append(text)  # noqa: E731
    announce.add_listener(listener)
    try:
        page = reductions_page
        page.report_kind.setCurrentIndex(page.report_kind.findData("standard"))
        page.add_report_button.click()
        page.add_report_button.click()
        qtbot.waitUntil(lambda: len(heard) >= 2)
    finally:
        announce.remove_listener(listener)
    assert len(list_reports(db)) == 2
    assert "That makes" not in heard[0]
    assert f"That makes 2 standard reports on {date.today():%d/%m/%Y}." in heard[1]
