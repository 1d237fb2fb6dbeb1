"""The base of the app's own widget accessibles: one whose widget is gone answers as an invalid,
empty object and never touches it.

Qt keeps an accessible by its object and hands it out again by id for as long as the screen
reader asks about it; one of ours can outlive its widget's Python side (the widget deleted,
or its wrapper let go while Qt still holds the accessible). Each question then reached the
dead widget: the page stack's role raised "Internal C++ object already deleted" every time
Orca came back to the window, and every time the error message opened again; Qt's own
methods asked about a widget that is gone can crash the app. So every method a screen reader
can call first asks whether the widget is still there (its C++ object and its Python side);
if not, `isValid()` is False (the bridge then drops the object) and each answer is empty.
Methods a subclass defines are guarded the same way as the class is made, so a new override
cannot forget it.
"""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QRect
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QAccessibleWidget, QWidget


def _invalid_state() -> QAccessible.State:
    state = QAccessible.State()
    state.invalid = True
    return state


# What each method answers once the widget is gone: an invalid, empty object with no relations.
_GONE: dict[str, Callable[[], Any]] = {
    "role": lambda: QAccessible.Role.NoRole,
    "text": str,
    "setText": lambda: None,
    "state": _invalid_state,
    "rect": QRect,
    "parent": lambda: None,
    "child": lambda: None,
    "childCount": lambda: 0,
    "indexOfChild": lambda: -1,
    "childAt": lambda: None,
    "focusChild": lambda: None,
    "window": lambda: None,
    "relations": list,
    "interface_cast": lambda: shiboken6.VoidPtr(0),
    "actionNames": list,
    "doAction": lambda: None,
    "keyBindingsForAction": list,
    "localizedActionName": str,
    "localizedActionDescription": str,
    "foregroundColor": QColor,
    "backgroundColor": QColor,
}


def widget_alive(widget: QWidget | None) -> bool:
    """Whether `widget`'s Python side still reaches a living C++ object."""
    return widget is not None and shiboken6.isValid(widget)


def _guarded(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    gone = _GONE[name]

    @wraps(method)
    def guarded(self: "LiveWidgetAccessible", *args: Any) -> Any:
        if not self.isValid():
            return gone()
        found = method(self, *args)
        # An interface is asked for through a plain pointer: None would reach Qt as the
        # address of Python's None.
        return shiboken6.VoidPtr(0) if found is None and name == "interface_cast" else found

    guarded.live_guarded = True  # type: ignore[attr-defined]
    return guarded


class LiveWidgetAccessible(QAccessibleWidget):
    """Qt's widget accessible for `widget` (kept as `self.target`), invalid and silent once the
    widget is gone."""

    def __init__(self, widget: QWidget, role: QAccessible.Role = QAccessible.Role.Client,
                 name: str = ""):
        super().__init__(widget, role, name)
        self.target = widget

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in _GONE:
            method = cls.__dict__.get(name)
            if callable(method) and not getattr(method, "live_guarded", False):
                setattr(cls, name, _guarded(name, method))

    def isValid(self) -> bool:  # noqa: N802 - Qt override
        # Its own C++ side, then the widget's Python side, then Qt's check (its pointer to the
        # widget is cleared when the widget goes, and it is not valid while being destroyed).
        return shiboken6.isValid(self) and widget_alive(self.target) \
            and QAccessibleWidget.isValid(self)


# Qt's own methods on the base, guarded too: asked about a widget that is gone they would
# follow its pointer. Not the two that never look at the widget (its role is kept, its
# interfaces are itself): each override is one more call into Python per question.
for _name in _GONE:
    _own = getattr(QAccessibleWidget, _name, None)
    if callable(_own) and _name not in LiveWidgetAccessible.__dict__ \
            and _name not in ("role", "interface_cast"):
        setattr(LiveWidgetAccessible, _name, _guarded(_name, _own))
del _name, _own
