"""The ordinary actions each view offers, run one after another on the real window, so the fit
check sees every view after a click and not only as it opens: the Overview once "Added to your
supervision notes." had appeared scrolled sideways and cut its right column.

Each action is (view, what the practitioner did, a function of the window and the data). A
dialog an action opens (asking to trim an overlap, say) is answered No, so nothing waits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

Action = tuple[str, str, Callable[..., object]]


def _overview(window):  # type: ignore[no-untyped-def]
    view = window.view("overview")
    view.ensure_trend()
    return view


def _add_from_panel(window, db):  # type: ignore[no-untyped-def]
    view = _overview(window)
    for panel in (view.sustained, view.sustained_caseload):
        if not panel.isHidden():
            panel.add_button.click()
            return
    view.workload.add_button.click()


def _add_from_card(window, db):  # type: ignore[no-untyped-def]
    view = _overview(window)
    view._panel_not_now()
    view._caseload_panel_not_now()
    view.workload.add_button.setEnabled(True)  # again, as after a refresh
    view.workload.add_button.click()


def _what_if(window, db):  # type: ignore[no-untyped-def]
    what_if = _overview(window).ensure_what_if()
    what_if.case_type.setCurrentIndex(what_if.case_type.count() - 1)
    what_if.tier.setCurrentIndex(what_if.tier.count() - 2)
    what_if.t2a.setChecked(True)


def _official(window, db):  # type: ignore[no-untyped-def]
    from core.workload.official import record_official

    view = _overview(window)
    record_official(db, view._today(), 131.5)
    view.refresh()


def _filter(window, db):  # type: ignore[no-untyped-def]
    bar = window.view("caseload").filter_bar
    bar.search.setText("C1")
    bar.flag.setCurrentIndex(bar.flag.count() - 1)


def _no_match(window, db):  # type: ignore[no-untyped-def]
    bar = window.view("caseload").filter_bar
    bar.search.setText("ZZ99")


def _clear_filter(window, db):  # type: ignore[no-untyped-def]
    window.view("caseload").filter_bar.clear_button.click()
    window.view("caseload").filter_bar.status_buttons["all"].click()


def _charts(window, db):  # type: ignore[no-untyped-def]
    view = window.view("time")
    view.tabs.setCurrentWidget(view._charts_page)
    charts = view.charts
    charts.mix.period.setCurrentIndex(charts.mix.period.count() - 1)
    return charts


ACTIONS: list[Action] = [
    ("overview", "Show figures", lambda w, db: _overview(w).show_figures.setChecked(True)),
    ("overview", "Add to supervision notes (the panel's)", _add_from_panel),
    ("overview", "Add to supervision notes (the card's)", _add_from_card),
    ("overview", "Show as table", lambda w, db: _overview(w).trend.as_table.setChecked(True)),
    ("overview", "What if I took another case", _what_if),
    ("overview", "Enter official figure", _official),
    ("overview", "Hide figures", lambda w, db: _overview(w).show_figures.setChecked(False)),
    ("overview", "Show as chart", lambda w, db: _overview(w).trend.as_table.setChecked(False)),
    ("caseload", "Filter", _filter),
    ("caseload", "Filter matching nothing", _no_match),
    ("caseload", "All cases", _clear_filter),
    ("time", "Stop timer", lambda w, db: w.view("time").timer.stop()),
    ("time", "Start timer", lambda w, db: w.view("time").timer.start()),
    ("time", "Charts, last 26 weeks", _charts),
    ("time", "Charts as tables", lambda w, db: [c.as_table.setChecked(True) for c in
                                                (_charts(w, db).weekly, _charts(w, db).mix)]),
]


def _answer_no() -> None:
    """A dialog opened by an action (trim an overlap? keep a long timer?) is answered No."""
    modal = QApplication.activeModalWidget()
    if isinstance(modal, QMessageBox):
        modal.button(QMessageBox.StandardButton.No) and modal.button(
            QMessageBox.StandardButton.No).click() or modal.reject()
    elif isinstance(modal, QDialog):
        modal.reject()


def run_each(window, db) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Run each action in turn on its view; yield a name while its result is on screen."""
    closer = QTimer()
    closer.setInterval(20)
    closer.timeout.connect(_answer_no)
    closer.start()
    try:
        for view, what, act in ACTIONS:
            window.show_view(view)
            QApplication.processEvents()
            act(window, db)
            for _ in range(3):
                QApplication.processEvents()
            yield f"{view.capitalize()} after {what}"
    finally:
        closer.stop()
