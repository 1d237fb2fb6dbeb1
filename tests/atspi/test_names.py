"""Through AT-SPI: nothing focusable is nameless, and labels are read as the words they show (the
gauges: test_gauge_value.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.atspi.bus import ITEM_HOLDERS, Bus, places
from tests.atspi.session import ROOT

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus


def _shown(bus: Bus) -> list:
    """Every showing object of the window, not descending into tables' and lists' items."""
    return list(bus.walk(bus.frame(), into=lambda o: o.get_role_name() not in ITEM_HOLDERS))


def test_no_focusable_object_is_nameless(app_bus):
    atspi = app_bus.Atspi
    nameless = []
    for place in places(app_bus):
        for obj in _shown(app_bus):
            focusable = obj.get_state_set().contains(atspi.StateType.FOCUSABLE)
            if focusable and not (obj.get_name() or "").strip():
                nameless.append(f"{place}: {obj.get_role_name()} "
                                f"in {app_bus.describe(obj.get_parent())}")
    assert not nameless, "\n".join(nameless)


def _status(bus: Bus) -> dict:
    """This week in words from the same core functions, through the command line."""
    data_dir = bus.data_dir  # type: ignore[attr-defined]
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                          "status", "--json"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _panel_labels(bus: Bus, panel_name: str) -> list[str]:
    panel = next(o for o in _shown(bus) if o.get_role_name() == "section"
                 and o.get_name() == panel_name)
    return [o.get_name() for o in bus.walk(panel) if o.get_role_name() in ("label", "heading")]


def test_labels_are_read_as_the_words_they_show(app_bus):
    """The Overview's labels say this week's words (not "Workload headline"), and a card's
    body never repeats its title."""
    next(places(app_bus))  # the Overview
    status = _status(app_bus)["without_figures"]  # as the window shows it: Show figures is off
    workload = _panel_labels(app_bus, "This week's estimate")
    assert workload[0] == "This week's estimate"
    assert status["headline"] in workload and status["body_with_panel"] in workload
    caseload = _panel_labels(app_bus, "Caseload")
    assert status["caseload_headline"] in caseload and status["caseload_body"] in caseload
    for title in ("What's driving it", "What the estimate doesn't see"):
        labels = _panel_labels(app_bus, title)
        assert labels[0] == title and title not in labels[1:]
    internal = {"Workload headline", "Workload in words", "Caseload headline",
                "Caseload in words", "Trend summary", "What if: result", "Notes status",
                "Figures"}
    read = {o.get_name() for place in places(app_bus) for o in _shown(app_bus)
            if o.get_role_name() == "label"}
    assert not read & internal


def _labelled_by(bus: Bus, obj) -> list[str]:
    names = []
    for relation in obj.get_relation_set() or []:
        if relation.get_relation_type() == bus.Atspi.RelationType.LABELLED_BY:
            names += [relation.get_target(i).get_name() for i in range(relation.get_n_targets())]
    return [n for n in names if n and n.strip()]


def _words(text: str) -> str:
    """A label's words as they are heard: no Alt-key mark, no trailing colon, any case."""
    return " ".join(text.replace("&", "").rstrip(": ").split()).casefold()


def current_item(bus: Bus, combo) -> str | None:  # type: ignore[no-untyped-def]
    """The item a combo box shows, as a screen reader finds it: the selected item of its list."""
    for index in range(combo.get_child_count()):
        child = combo.get_child_at_index(index)
        if child is not None and child.get_role_name() == "list":
            if bus.Atspi.Selection.get_n_selected_children(child) == 1:
                return bus.Atspi.Selection.get_selected_child(child, 0).get_name()
    return None


def combo_problem(bus: Bus, combo) -> str | None:  # type: ignore[no-untyped-def]
    """Why a combo box's spoken name is not its visible label, or None: it must have a label
    beside it (its buddy, passed as "labelled by"), its name must say that label's words, and
    it must never be named by the item it shows ("All types"); it keeps its list of items (and
    an editable one its line to type in)."""
    name, labels = (combo.get_name() or "").strip(), _labelled_by(bus, combo)
    shown = current_item(bus, combo)
    if not labels:
        return f"combo box {name!r} has no label"
    if not name or (shown and _words(name) == _words(shown)):
        return f"combo box beside {labels[0]!r} is named by its value {name!r}"
    if not any(_words(label) in _words(name) for label in labels):
        return f"combo box {name!r} does not say its label {labels[0]!r}"
    roles = [combo.get_child_at_index(i).get_role_name() for i in range(combo.get_child_count())]
    if "list" not in roles:
        return f"combo box {name!r} has no list of items"
    if "editable" in bus.states(combo) and "text" not in roles:
        return f"editable combo box {name!r} has no line to type in"
    return None


def test_every_combo_box_is_named_by_the_words_beside_it(app_bus):
    """What arrives on the bus, not what was set in code: a combo box is heard by its label
    ("Type", "Period"), never by the item it shows ("All types", "Last 4 weeks")."""
    problems, seen = [], 0
    for place in places(app_bus):
        for obj in _shown(app_bus):
            if obj.get_role_name() == "combo box":
                seen += 1
                problem = combo_problem(app_bus, obj)
                if problem:
                    problems.append(f"{place}: {problem}")
    assert seen, "no combo box was on the bus"
    assert not problems, "\n".join(problems)
