"""Through AT-SPI, the Overview's gauges as a screen reader meets them. Each is named by the
visible heading of its card followed by the band in words, so what is heard starts with words.
With Show figures off (as the window starts) nothing numeric about the workload is on the bus.
With figures on, the figure is in the gauge's description exactly as the gauge writes it, and
there is still no Value: Orca 43 says a Value as its whole share of the range (118.4% was heard
as "131 percent", 45 cases as "56 percent")."""

from __future__ import annotations

import time
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest

from tests.atspi.bus import ITEM_HOLDERS, TAB, Bus, places
from tests.atspi.test_names import _labelled_by, _status

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus

HEADINGS = ("This week's estimate", "Caseload")


def _shown(bus: Bus, into_items: bool = False) -> list[Any]:
    into = None if into_items else (lambda o: o.get_role_name() not in ITEM_HOLDERS)
    return list(bus.walk(bus.frame(), into=into))


def _gauges(bus: Bus) -> dict[str, Any]:
    """The gauge shown on each card, by its name ("Caseload: Steady"): the card itself is
    named by its heading alone."""
    return {o.get_name(): o for o in _shown(bus)
            if o.get_name().startswith(tuple(f"{h}: " for h in HEADINGS))
            and "focusable" in bus.states(o)}


def _check_box(bus: Bus, name: str) -> Any:
    found = [o for o in _shown(bus) if o.get_role_name() == "check box" and o.get_name() == name]
    assert found, f"no check box {name!r} on the Overview"
    return found[0]


def _set_check(bus: Bus, name: str, on: bool) -> None:
    """Tick or untick with the check box's own action, as a screen reader's command does."""
    box = _check_box(bus, name)
    if ("checked" in bus.states(box)) != on:
        bus.Atspi.Action.do_action(box, 0)
    deadline = time.monotonic() + 10
    while ("checked" in bus.states(_check_box(bus, name))) != on:
        assert time.monotonic() < deadline, f"{name!r} did not change"
        bus.pump(0.05)


def _wait_for(bus: Bus, done, what: str) -> Any:
    deadline = time.monotonic() + 10
    while True:
        result = done()
        if result:
            return result
        assert time.monotonic() < deadline, what
        bus.pump(0.05)


def _card_labels(bus: Bus, gauge: Any) -> list[str]:
    """The words shown on the card the gauge sits on, as the bus reads them."""
    return [o.get_name() for o in bus.walk(gauge.get_parent())
            if o.get_role_name() in ("label", "heading")]


def _overview(bus: Bus) -> Any:
    """The Overview itself: the nearest object holding both its header's "Show figures" and its
    body. Other views (Settings' "(%)" fields, the Time chart's summary) stay in the window's
    tree once a test has opened them; what they say is theirs to check, not this test's."""
    holders = []
    obj = _check_box(bus, "Show figures")
    while obj is not None:
        holders.append(obj)
        obj = obj.get_parent()
    obj = next(o for o in _shown(bus) if o.get_name() == "This week in words and charts")
    while obj is not None and obj not in holders:
        obj = obj.get_parent()
    assert obj is not None and obj != bus.frame(), "the Overview is not one object on the bus"
    return obj


def _every(bus: Bus, root: Any) -> list[Any]:
    """Every object under `root`, shown or not (a hidden label is still in the tree a screen
    reader can walk), not descending into tables' and lists' items (see _table_cells)."""
    stack, found = [root], []
    while stack:
        obj = stack.pop()
        try:
            found.append(obj)
            if obj.get_role_name() not in ITEM_HOLDERS:
                stack.extend(obj.get_child_at_index(i) for i in range(obj.get_child_count()))
        except Exception:  # noqa: BLE001 - gone while walking
            continue
    return [o for o in found if o is not None]


def _figures_named(bus: Bus) -> list[str]:
    """Every name and description on the Overview that says a percentage."""
    said = []
    for obj in _every(bus, _overview(bus)):
        for text in (obj.get_name() or "", obj.get_description() or ""):
            if "%" in text or "percent" in text.lower():
                said.append(f"{bus.describe(obj)}: {text!r}")
    return said


def _expected(status: dict, words: dict, figures: bool) -> dict[str, tuple]:
    """name: (heading, band words, the figure said with figures on, as the screen shows it)."""
    percent = f"{_shown_number(status['capacity_percent'])} percent"
    cases = f"{status['caseload_count']} cases"
    return {
        f"This week's estimate: {words['headline']}":
            ("This week's estimate", words["headline"], percent),
        f"Caseload: {words['caseload_headline']}":
            ("Caseload", words["caseload_headline"], cases),
    }


def _shown_number(value: float) -> str:
    """A figure as the app writes it: one decimal, rounded half up, a whole number without."""
    text = str(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    return text[:-2] if text.endswith(".0") else text


def _check_gauges(bus: Bus, expected: dict[str, tuple], figures: bool) -> None:
    gauges = _wait_for(bus, lambda: (lambda g: g if set(g) == set(expected) else None)(
        _gauges(bus)), f"gauges on the bus: {sorted(_gauges(bus))}, wanted {sorted(expected)}")
    for name, (heading, band, value) in expected.items():
        gauge = gauges[name]
        shown = _card_labels(bus, gauge)
        assert heading in shown and band in shown, f"{name!r} is not what the card shows"
        # Named by its heading and no "labelled by" it: a screen reader says a label and
        # then a name that adds to it, the heading twice.
        assert not _labelled_by(bus, gauge), f"{name!r} is labelled by {_labelled_by(bus, gauge)}"
        description = gauge.get_description()
        # The card's sentences as shown, in order, after the name: the band is said once,
        # in the name, and every sentence a sighted user reads on the card is heard.
        assert description == " ".join(t for t in shown if t not in (heading, band)), shown
        heard = f"{gauge.get_name()}, {description}"
        # No Value, figures on or off: Orca 43 says one as a share of the range, not the figure.
        assert "Value" not in gauge.get_interfaces(), f"{name!r} has a value"
        # A picture with words: a "filler" may be passed over, and Orca leaves a "label"'s
        # description unsaid, where the band's sentence is.
        assert gauge.get_role_name() == "image"
        if figures:
            assert value in description, f"{name!r} does not say {value!r}: {description!r}"
        else:
            assert "%" not in heard and "percent" not in heard, "a figure with Show figures off"
        assert heard.startswith(f"{heading}: {band}, ")  # words first, then the sentences


def _tabbed_to(bus: Bus, names: set[str]) -> list[Any]:
    """From "Show figures", Tab until each of `names` has had the focus: everything that had it,
    in order."""
    start = _check_box(bus, "Show figures")
    bus.Atspi.Component.grab_focus(start)
    _wait_for(bus, lambda: "focused" in bus.states(_check_box(bus, "Show figures")),
              "Show figures did not take the focus")
    reached: list[Any] = []
    for _ in range(20):
        obj = bus.focused_after(lambda: bus.key(TAB))
        if obj is not None:
            reached.append(obj)
        if names <= {o.get_name() for o in reached}:
            break
    return reached


def _stops(reached: list[Any]) -> list[str]:
    """The Tab stops by name, a gauge by its card's heading (its band words aside)."""
    return [next((h for h in HEADINGS if o.get_name().startswith(f"{h}: ")), o.get_name())
            for o in reached]


def _show_trend_table(bus: Bus) -> None:
    """The trend chart is made as it nears view: give its place the focus, then tick its
    "Show as table", so the table's cells are on the bus too."""
    def table_box() -> Any:
        return next((o for o in _shown(bus) if o.get_role_name() == "check box"
                     and o.get_name() == "Show as table"), None)
    if table_box() is None:
        place = next(o for o in _shown(bus) if o.get_role_name() == "section"
                     and o.get_name() == "Weekly trend")
        bus.Atspi.Component.grab_focus(place)
    _wait_for(bus, table_box, "the trend chart was never made")
    _set_check(bus, "Show as table", True)
    _wait_for(bus, lambda: _table_cells(bus), "the trend table's cells are not on the bus")


def _table_cells(bus: Bus) -> dict[str, list[str]]:
    """Each table's cells as a screen reader's table commands reach them, row by column (a
    view's hidden column is still there for them), under the column's heading."""
    table, cells = bus.Atspi.Table, {}
    for obj in _shown(bus):
        if obj.get_role_name() == "table":
            for column in range(table.get_n_columns(obj)):
                heading = table.get_column_description(obj, column)
                cells[heading] = [table.get_accessible_at(obj, row, column).get_name()
                                  for row in range(table.get_n_rows(obj))]
    return cells


def _percent_cells(bus: Bus) -> list[str]:
    return [f"{heading}: {text}" for heading, texts in _table_cells(bus).items()
            for text in [heading, *texts] if "%" in text or "percent" in text.lower()]


def test_the_gauges_say_words_only_with_figures_off_and_the_figure_with_figures_on(app_bus):
    next(places(app_bus))  # the Overview
    status = _status(app_bus)
    try:
        # As the window starts: Show figures off.
        assert "checked" not in app_bus.states(_check_box(app_bus, "Show figures"))
        _check_gauges(app_bus, _expected(status, status["without_figures"], False), False)
        assert not [o for o in _shown(app_bus) if o.get_role_name() == "progress bar"]
        _show_trend_table(app_bus)
        assert not _figures_named(app_bus), "\n".join(_figures_named(app_bus))
        assert not _percent_cells(app_bus), _percent_cells(app_bus)[:5]
        # Ticked while the window is open: the same gauges, now saying the figure.
        _set_check(app_bus, "Show figures", True)
        _check_gauges(app_bus, _expected(status, status, True), True)
        # Tab reaches each in the card's order, and what has the focus says the figure.
        expected = _expected(status, status, True)
        with_figures = _tabbed_to(app_bus, set(expected))
        gauges = [o for o in with_figures if o.get_name() in expected]
        assert [o.get_name() for o in gauges] == list(expected)
        assert all(expected[o.get_name()][2] in o.get_description() for o in gauges)
        stops_with_figures = _stops(with_figures)
        assert "%" in " ".join(_table_cells(app_bus).get("Estimate", []))  # the figures back
        assert _figures_named(app_bus), "the Overview walk never meets the figures now shown"
        # And off again: the values go with the figures.
        _set_check(app_bus, "Show figures", False)
        _check_gauges(app_bus, _expected(status, status["without_figures"], False), False)
        words = _expected(status, status["without_figures"], False)
        without = _tabbed_to(app_bus, set(words))
        assert [o.get_name() for o in without if o.get_name() in words] == list(words)
        assert not [o for o in without if "Value" in o.get_interfaces()]
        assert _stops(without) == stops_with_figures, "the gauge moved in the Tab order"
        assert not [o for o in _shown(app_bus) if "Value" in o.get_interfaces()
                    and o.get_name().startswith(tuple(HEADINGS))]
        assert not _figures_named(app_bus), "\n".join(_figures_named(app_bus))
        assert not _percent_cells(app_bus), _percent_cells(app_bus)[:5]
    finally:
        _set_check(app_bus, "Show figures", False)
        try:
            _set_check(app_bus, "Show as table", False)
        except AssertionError:
            pass
