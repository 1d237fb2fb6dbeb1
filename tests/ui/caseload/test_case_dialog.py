"""The case dialog: sensible defaults, inline refusals, dated tier changes, optional dates."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel

from core.caseload.cases import CaseStore
from core.common.identifiers import EXPLANATION
from core.caseload.models import Case
from ui.caseload.case_dialog import PRIVACY_NOTE, CaseDialog
from ui.caseload.close_case_dialog import CloseCaseDialog


@pytest.fixture
def store(db):
    return CaseStore(db)


def make(qtbot, store, case=None) -> CaseDialog:
    dialog = CaseDialog(store, case)
    qtbot.addWidget(dialog)
    return dialog


def test_new_case_is_prefilled_with_the_next_free_reference(qtbot, store):
    store.add_case(Case("C01", "community", "C2", date(2026, 1, 5)))
    dialog = make(qtbot, store)
    assert dialog.reference.text() == "C02"
    assert dialog.ok_button.text() == "Add case"
    dialog.tier.setCurrentIndex(dialog.tier.findData("B2"))
    assert dialog.ok_button.isEnabled()


def test_a_new_case_asks_for_its_tier_rather_than_scoring_nothing(qtbot, store):
    """New cases defaulted to Untiered, which scores 0 with no word anywhere."""
    dialog = make(qtbot, store)
    assert dialog.tier.currentData() is None and dialog.tier.currentText() == "Choose a tier…"
    assert not dialog.ok_button.isEnabled()
    assert "Choose the case's tier" in dialog.problems.text()
    dialog.accept()
    assert store.count("all") == 0
    dialog.tier.setCurrentIndex(dialog.tier.findData("untiered"))  # chosen, knowingly
    assert dialog.tier.currentText() == "Untiered (scores nothing)"
    assert dialog.ok_button.isEnabled()


def test_identifier_like_reference_is_refused_with_the_explanation(qtbot, store):
    dialog = make(qtbot, store)
    dialog.reference.setText("A123456")
    assert not dialog.ok_button.isEnabled()
    assert "case record number" in dialog.problems.text()
    assert EXPLANATION in dialog.problems.text()
    dialog.accept()  # e.g. Enter pressed while the message shows
    assert store.count("all") == 0
    assert dialog.result() != CaseDialog.DialogCode.Accepted


@pytest.mark.parametrize("reference, says", [("John Smith", "no spaces"),
                                              ("Smith", "at least one digit")])
def test_a_name_cannot_be_a_reference(qtbot, store, reference, says):
    dialog = make(qtbot, store)
    dialog.reference.setText(reference)
    assert says in dialog.problems.text() and not dialog.ok_button.isEnabled()
    dialog.accept()
    assert store.count("all") == 0


def test_dialog_says_it_never_asks_for_identifiers(qtbot, store):
    dialog = make(qtbot, store)
    assert "never asks for names or identifiers" in PRIVACY_NOTE
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert PRIVACY_NOTE in texts


def test_a_reference_already_used_is_refused(qtbot, store):
    store.add_case(Case("C01", "community", "C2", date(2026, 1, 5)))
    dialog = make(qtbot, store)
    dialog.reference.setText("c01")
    assert "You already have a case called c01." in dialog.problems.text()
    assert not dialog.ok_button.isEnabled()


def test_store_refusal_is_shown_and_nothing_saved(qtbot, store, monkeypatch):
    from core.common.errors import ValidationError

    dialog = make(qtbot, store)
    dialog.tier.setCurrentIndex(dialog.tier.findData("B2"))

    def refuse(case):
        raise ValidationError(["You already have a case called C01."])

    monkeypatch.setattr(store, "add_case", refuse)
    dialog.accept()
    assert dialog.problems.text() == "You already have a case called C01."
    assert dialog.saved_case() is None


def test_expected_end_before_start_is_explained(qtbot, store):
    dialog = make(qtbot, store)
    dialog.tier.setCurrentIndex(dialog.tier.findData("B2"))
    dialog.start.set_value(date(2026, 3, 1))
    dialog.expected_end.set_value(date(2026, 2, 1))
    assert "The expected end date is before the start date." in dialog.problems.text()
    assert not dialog.ok_button.isEnabled()
    dialog.expected_end.check.setChecked(False)
    assert dialog.ok_button.isEnabled()
    assert dialog.case().expected_end_date is None


def test_new_case_saves_every_field(qtbot, store):
    dialog = make(qtbot, store)
    dialog.case_type.setCurrentIndex(dialog.case_type.findData("licence"))
    dialog.tier.setCurrentIndex(dialog.tier.findData("B2S"))
    dialog.start.set_value(date(2026, 2, 1))
    dialog.t2a.setChecked(True)
    dialog.flag_boxes["iom"].setChecked(True)
    dialog.mappa.setCurrentIndex(dialog.mappa.findData(2))
    dialog.state.setCurrentIndex(dialog.state.findData("warrant"))
    dialog.next_report.set_value(date(2026, 12, 10))
    dialog.accept()
    saved = store.list_cases()[0]
    assert (saved.reference, saved.case_type, saved.tier, saved.t2a) == ("C01", "licence", "B2S", True)
    assert saved.flags == ("iom",) and saved.mappa_level == 2 and saved.state == "warrant"
    assert saved.next_report_due == date(2026, 12, 10) and saved.next_review_due is None
    assert saved.tier_date == date(2026, 2, 1)  # a new case holds its tier from its start


def test_changing_the_tier_records_the_date_and_history_is_shown(qtbot, store):
    case = store.add_case(Case("C05", "community", "C2", date(2025, 6, 1)))
    dialog = make(qtbot, store, case)
    assert dialog.history.text() == "C2 from 01/06/2025"
    assert dialog.tier_since.value() == date(2025, 6, 1)
    dialog.tier.setCurrentIndex(dialog.tier.findData("B3"))
    assert dialog.tier_since.value() == date.today()
    dialog.tier_since.set_value(date(2026, 10, 1))
    dialog.accept()
    saved = store.get_case(case.id)
    assert saved.tier == "B3"
    assert [(c.tier, c.from_date) for c in saved.tier_history] == [
        ("C2", date(2025, 6, 1)), ("B3", date(2026, 10, 1))
    ]


def test_editing_without_a_tier_change_keeps_the_history(qtbot, store):
    case = store.add_case(Case("C05", "community", "C2", date(2025, 6, 1)))
    dialog = make(qtbot, store, case)
    dialog.flag_boxes["domestic_abuse"].setChecked(True)
    dialog.accept()
    saved = store.get_case(case.id)
    assert saved.flags == ("domestic_abuse",)
    assert len(saved.tier_history) == 1


def test_close_dialog_refuses_a_date_before_the_start(qtbot):
    dialog = CloseCaseDialog("C05", date(2026, 6, 1))
    qtbot.addWidget(dialog)
    assert dialog.closed_on.value() == date.today()
    dialog.closed_on.set_value(date(2026, 5, 1))
    assert not dialog.ok_button.isEnabled()
    assert "cannot close before it started" in dialog.problems.text()
    dialog.closed_on.set_value(date(2026, 6, 2))
    dialog.reason.setCurrentIndex(dialog.reason.findData("transferred"))
    assert dialog.values() == (date(2026, 6, 2), "transferred")


@pytest.mark.qt_log_ignore("does not support")
def test_return_on_the_case_notes_own_words_adds_the_note_without_asking(qtbot, db, monkeypatch):
    """"Discuss C01", the words the note opens with, was asked about as "looks like a name"."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    import ui.widgets.confirm as confirm
    from core.caseload.cases import CaseStore
    from tests.demo_copy import demo_into
    from ui.caseload.case_note_dialog import CaseNoteDialog

    asked = []
    monkeypatch.setattr(confirm, "ask", lambda *args: asked.append(args[2]) or False)
    demo_into(db, date.today())
    for reference in sorted(CaseStore(db).references()):
        dialog = CaseNoteDialog(reference)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted, reference
        assert dialog.values()[1] == f"Discuss {reference}"
    assert asked == []
