"""Settings > Activities > Calendar keywords: the practitioner adds, changes and removes rules,
and the next calendar import proposes from them."""

from datetime import date

from PySide6.QtWidgets import QDialog

from core.time.calendar.preview import propose
from core.time.calendar.reader import read_calendar
from core.time.calendar.rules import list_rules
from core.time.activities import list_activities
from tests.core.time.calendar import ics
from ui.settings.activities_page import ActivitiesPage
from ui.settings.calendar_rules_panel import KeywordRuleDialog
from ui.shell.hub import Hub
from ui.widgets.form_helpers import select_data


def keywords(panel):
    return [r.keyword for r in panel.model.items()]


def test_a_keyword_added_in_settings_proposes_its_activity_on_the_next_import(qtbot, db):
    page = ActivitiesPage(db, Hub())
    qtbot.addWidget(page)
    panel = page.calendar_rules
    assert "home visit" in keywords(panel) and "MAPPA" in keywords(panel)
    other = next(a for a in list_activities(db) if a.key == "other")

    dialog = KeywordRuleDialog(db, None, panel)
    qtbot.addWidget(dialog)
    dialog.keyword.setText("SW1A 1AA")
    dialog.accept()
    assert "postcode" in dialog.problems.text() and dialog.result() != QDialog.DialogCode.Accepted
    dialog.keyword.setText("  three-way ")
    select_data(dialog.activity, other.id)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    panel.refresh()
    assert "three-way" in keywords(panel)

    read = read_calendar(ics.realistic_week(), date(2026, 11, 16), date(2026, 11, 20))
    rows = propose(db, read.events, read.first, read.last, date(2026, 11, 27))
    juniper = next(r for r in rows if r.subject == "Three-way with Juniper House")
    assert (juniper.activity_name, juniper.activity_source, juniper.ticked) == (
        "Other",
        "keyword “three-way”",
        True,
    )

    panel.table.selectRow(keywords(panel).index("three-way"))
    panel.remove_button.click()
    assert "three-way" not in [r.keyword for r in list_rules(db)]
