"""Tab moves between controls everywhere; arrows move within a table (issue: Tab was trapped in
the Caseload, Time and Supervision tables, the buttons after them ~360 presses away)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QRadioButton

from tests.ui.app_walk import open_everything

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_no_item_view_in_the_app_keeps_tab_for_itself(themed, demo_window, db, qtbot):
    """Every table and list in every view, page and dialog."""
    from tests.ui.app_walk import each_dialog

    open_everything(demo_window)
    views = demo_window.findChildren(QAbstractItemView)
    for dialog in each_dialog(db):  # tables inside dialogs too (the CSV import's problems)
        dialog.show()
        views += dialog.findChildren(QAbstractItemView)
        dialog.close()
        dialog.deleteLater()
    assert len(views) >= 10  # cases, week, agenda, actions, charts, settings tables...
    trapping = [v.objectName() or v.accessibleName() or type(v).__name__
                for v in views if v.tabKeyNavigation()
                or v.editTriggers() & QAbstractItemView.EditTrigger.CurrentChanged]
    assert trapping == []


def test_tab_from_the_cases_table_reaches_new_case(themed, demo_window, qtbot):
    demo_window.show_view("caseload")
    view = demo_window.view("caseload")
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    view.table.setCurrentIndex(view.table.model().index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.new_button
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # arrows still move within the table
    assert view.table.currentIndex().row() == 1


def _tab_stops(window) -> list:  # type: ignore[no-untyped-def]
    from tests.ui.app_walk import visible_widgets

    stops = []
    for widget in visible_widgets(window):
        if not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isEnabled():
            continue
        if widget.focusProxy() is not None:
            continue  # its proxy is the stop (a spin box's field, a tab widget's bar)
        parent = widget.parentWidget()
        if parent is not None and parent.focusProxy() is widget:
            stops.append(parent.focusProxy())
            continue
        stops.append(widget)
    return stops


def test_tab_from_the_navigation_reaches_every_control_of_every_view(themed, demo_window,
                                                                     qtbot):
    """As a keyboard user goes round: from the navigation, Tab reaches each control shown
    (buttons in a row of choices included) within 60 presses, moving at every press."""
    from tests.ui.app_walk import each_place

    demo_window.activateWindow()
    problems = []
    for place in each_place(demo_window):
        stops = set(_tab_stops(demo_window))
        demo_window.nav.setFocus()
        reached, previous = set(), demo_window.nav
        for _press in range(60):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            now = QApplication.focusWidget()
            if now is previous:
                problems.append(f"{place}: Tab stays on {now.accessibleName() or now}")
                break
            reached.add(now)
            previous = now
            if stops <= reached:
                break
        missed = [w.accessibleName() or getattr(w, "text", lambda: "")() or type(w).__name__
                  for w in stops - reached]
        if missed:
            problems.append(f"{place}: not reached {missed}")
    assert not problems, "\n".join(problems)


def _stop(widget):  # type: ignore[no-untyped-def]
    """A set of radio buttons is one stop (arrows move among them), whichever Tab lands on."""
    if isinstance(widget, QRadioButton):
        return widget.group() or widget.parentWidget()
    return widget


def test_tab_goes_round_every_dialog(themed, demo_window, db, qtbot):
    from tests.ui.app_walk import each_dialog

    problems = []
    for dialog in each_dialog(db):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        QApplication.processEvents()
        stops = {_stop(w) for w in _tab_stops(dialog)}
        reached, previous = set(), QApplication.focusWidget()
        for _press in range(60):
            qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
            now = QApplication.focusWidget()
            if now is previous:
                problems.append(f"{dialog.windowTitle()}: Tab stays on {now}")
                break
            reached.add(_stop(now))
            previous = now
            if stops <= reached:
                break
        missed = [str(w) for w in stops - reached]
        if missed:
            problems.append(f"{dialog.windowTitle()}: not reached {missed}")
        dialog.close()
    assert not problems, "\n".join(problems)
