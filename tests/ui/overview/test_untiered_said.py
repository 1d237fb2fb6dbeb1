"""An untiered case scores nothing: the Overview says so instead of leaving the estimate
silently unchanged."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings

from core.caseload.cases import CaseStore
from core.caseload.models import Case, Profile
from core.workload.profile import save_profile
from ui.overview.overview_view import OverviewView
from ui.shell.hub import Hub

TODAY = date(2026, 11, 25)
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_two_untiered_cases_are_named_among_what_drives_the_estimate(qtbot, db, tmp_path):
    save_profile(db, Profile("PO", 37))
    store = CaseStore(db)
    store.add_case(Case("C01", "community", "B2", date(2026, 1, 5)))
    view = OverviewView(db, Hub(), QSettings(str(tmp_path / "o.ini"), QSettings.Format.IniFormat),
                        today=lambda: TODAY)
    qtbot.addWidget(view)
    assert not any("untiered" in s for s in view.drivers.sentences)
    for ref in ("C05", "C06"):
        store.add_case(Case(ref, "community", "untiered", date(2026, 1, 5)))
    view.refresh()
    assert ("2 untiered cases score nothing in the estimate; give each its tier in Caseload."
            in view.drivers.sentences)
