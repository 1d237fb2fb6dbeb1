"""Through AT-SPI, a control's spoken name contains the words of the label beside it (WCAG 2.5.3,
"label in name"): a voice-control user says what they see ("Offer to delete cases closed more
than"), and a screen reader says what a sighted colleague would read out. The name may add to
the label (a unit, "in days"), never replace it ("Days after closing before deletion is offered").
Combo boxes too: the app gives them their label as their name (ui/widgets/combo_accessible.py),
where Qt on Linux would name them by their current value.
"""

from __future__ import annotations

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


def test_every_labelled_control_is_named_with_its_label_words(app_bus):
    atspi = app_bus.Atspi
    apart = []
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
    assert not apart, "spoken names without their visible label:\n" + "\n".join(apart)
