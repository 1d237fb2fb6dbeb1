"""Every sentence on the Overview is said where Tab arrives: a card of sentences by its heading
(its one Tab stop), the what-if's answer with its first control. A tester with Orca heard
neither "What's driving it" nor the what-if's answer on the way round (the answer only after
a change); tests/atspi/test_orca_overview_sentences.py hears it with Orca itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.overview.test_overview import (  # noqa: F401 - fixtures
    demo_view, hub, make_view, settings)

pytestmark = pytest.mark.qt_log_ignore("does not support")


def test_a_card_of_sentences_is_a_tab_stop_that_says_them(demo_view, qtbot):  # noqa: F811
    demo_view.show()
    for card in (demo_view.drivers, demo_view.not_seen):
        shown = [" ".join(card.sentences)]
        if not card.explanation.isHidden():
            shown.append(card.explanation.text())
        assert card.heading.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert card.heading.accessibleDescription() == " ".join(shown)
        assert card.sentences and all(s in card.heading.accessibleDescription()
                                      for s in card.sentences)


def _focus(view, widget, qtbot) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_the_what_if_answer_is_said_on_arrival_and_not_again_as_it_changes(
        demo_view, qtbot):  # noqa: F811
    demo_view.show()
    demo_view.activateWindow()
    qtbot.waitUntil(demo_view.isActiveWindow)
    panel = demo_view.ensure_what_if()
    case_type = panel.case_type
    first = panel.sentence.text()
    title = demo_view.what_if_card.heading.text()
    assert first and case_type.accessibleDescription() == f"{title} {first}"
    _focus(demo_view, case_type, qtbot)
    QTest.keyClick(case_type, Qt.Key.Key_Down)  # another case type, from the box itself
    changed = panel.sentence.text()
    assert changed != first
    # Announced as it changes (test_announcements); its description waits, or Orca says both.
    assert first in case_type.accessibleDescription()
    _focus(demo_view, panel.tier, qtbot)
    qtbot.waitUntil(lambda: changed in case_type.accessibleDescription())
    # Changed from another control, the answer is the box's description at once.
    QTest.keyClick(panel.tier, Qt.Key.Key_Down)
    assert panel.sentence.text() != changed
    assert case_type.accessibleDescription().endswith(panel.sentence.text())


def test_the_week_line_is_said_with_the_first_tab_stop(demo_view):  # noqa: F811
    line = demo_view.week_line.text()
    assert line.startswith("Week ")
    assert demo_view.show_figures.accessibleDescription().startswith(f"{line}.")
    assert line not in demo_view.method_button.accessibleDescription()


def test_the_empty_overview_says_its_words_with_its_first_button(make_view, qtbot):  # noqa: F811
    view = make_view()  # no cases yet
    view.show()
    card = f"{view.empty.heading.text()}. {view.empty_text.text()}"
    assert view.pages.currentIndex() == 1 and view.empty_text.text()
    assert view.go_caseload.accessibleDescription() == card
    assert view.go_profile.accessibleDescription() == ""  # once: the first button only
    view.finish_setup.setVisible(True)  # wired to the welcome: now the first
    assert view.finish_setup.accessibleDescription() == card
    assert view.go_caseload.accessibleDescription() == ""
    assert view.method_button.accessibleDescription().startswith("Week ")  # no Show figures
