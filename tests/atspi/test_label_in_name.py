"""Through AT-SPI, a control's spoken name contains the words of the label beside it (WCAG 2.5.3,
"label in name"): a voice-control user says what they see ("Offer to delete cases closed more
than"), and a screen reader says what a sighted colleague would read out. The name never
replaces the label ("Days after closing before deletion is offered"), and where the label is
"labelled by" for the control it adds nothing to it either (a unit belongs in the field's own
text): Orca says such a label and then the name, the label twice ("Period Period from").
Combo boxes too: the app gives them their label as their name (ui/widgets/combo_accessible.py),
where Qt on Linux would name them by their current value.
"""

from __future__ import annotations

import re

import pytest

from tests.atspi.bus import ITEM_HOLDERS, Bus, places

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus


def _words(text: str) -> str:
    return " ".join(text.replace("&", "").rstrip(": ").split()).casefold()


def _label_texts(bus: Bus, obj) -> list[str]:  # type: ignore[no-untyped-def]
    texts = []
    for relation in obj.get_relation_set() or []:
        if relation.get_relation_type() != bus.Atspi.RelationType.LABELLED_BY:
            continue
        for index in range(relation.get_n_targets()):
            target = relation.get_target(index)
            if target.get_role_name() == "label" and (target.get_name() or "").strip():
                texts.append(target.get_name())
    return texts


# Roles Orca (43) reads as their label and then their name, leaving the name out only when all
# of its words are among the label's; one with the role "label" it reads as both, always.
LABEL_AND_NAME = {"spin button", "push button", "toggle button", "progress bar", "table",
                  "image", "panel", "icon", "tree"}


def _orca_words(text: str) -> set[str]:
    return set(re.sub(r"[\W_]", " ", text).split())


def heard_twice(bus: Bus, obj) -> str | None:  # type: ignore[no-untyped-def]
    """How Orca would say `obj`'s label twice ("Period Period from", "This week's estimate This
    week's estimate: Over capacity"): a label beside it, and a name that adds words to it."""
    labels, name = _label_texts(bus, obj), (obj.get_name() or "").strip()
    role = obj.get_role_name()
    if not labels or not name:
        return None
    if role == "label" or (role in LABEL_AND_NAME
                           and not _orca_words(name) <= _orca_words(labels[0])):
        return f"{role} {name!r}, labelled by {labels[0]!r}, is heard as both"
    return None


def test_every_labelled_control_is_named_with_its_label_words(app_bus):
    atspi = app_bus.Atspi
    apart, twice = [], []
    for place in places(app_bus):
        for obj in app_bus.walk(app_bus.frame(),
                                into=lambda o: o.get_role_name() not in ITEM_HOLDERS):
            if not app_bus.showing(obj):
                continue
            if not obj.get_state_set().contains(atspi.StateType.FOCUSABLE):
                continue
            name = obj.get_name() or ""
            for label in _label_texts(app_bus, obj):
                if _words(label) not in _words(name):
                    apart.append(f"{place}: {obj.get_role_name()} {name!r} beside {label!r}")
            said = heard_twice(app_bus, obj)
            if said:
                twice.append(f"{place}: {said}")
    assert not apart, "spoken names without their visible label:\n" + "\n".join(apart)
    # ...and a name that adds to its label is said after it: the label twice.
    assert not twice, "labels a screen reader says twice:\n" + "\n".join(dict.fromkeys(twice))
