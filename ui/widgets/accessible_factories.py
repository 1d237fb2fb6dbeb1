"""One accessibility factory for the app's own accessibles, handed to Qt once.

Qt asks every installed factory, in turn, about each object it has no accessible for yet:
each factory installed separately was one more call into Python per widget while a screen
reader runs. The app's makers (combo boxes named by their label, page stacks passed over,
reading pages, announcement notices) register here instead, and this module's one factory
asks them in the order they registered; each answers only for its own kind of widget.

A maker whose module costs something to import (the combo box's pulls in Qt's `Qt` namespace,
12-25 ms) is registered with `register_when_met`: its module is imported the first time an
object of its kind is asked about, which happens only while a screen reader (or another
assistive technology) is listening, so never before the window's first frame otherwise.
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface

Maker = Callable[[str, QObject], "QAccessibleInterface | None"]

_makers: list[Maker] = []


def _whole(target: QObject) -> bool:
    """Whether `target` is all its Python type says: not half made, nor half destroyed.

    A widget being destroyed has already told Qt it is gone (Qt forgets its accessible then)
    while its children are deleted; asked about again then (a child's event names its parent),
    it got a new accessible that nothing ever took away, and it stayed, asked about a deleted
    widget: Orca's questions to it raised an error each time the window had the keyboard back.
    Its meta-object then is a plain QWidget's, no longer its own class's."""
    if not shiboken6.isValid(target):
        return False
    own = getattr(type(target), "staticMetaObject", None)
    return own is None or target.inherits(own.className())


def _factory(class_name: str, target: QObject) -> QAccessibleInterface | None:
    if not _whole(target):
        return None
    for maker in tuple(_makers):  # a maker met for the first time puts another in its place
        made = maker(class_name, target)
        if made is not None:
            return made
    return None


def register(maker: Maker) -> None:
    """Have `maker` asked about each new object from now on (once however often it is given);
    the shared factory is installed with Qt on the first registration."""
    if maker in _makers:
        return
    if not _makers:
        QAccessible.installFactory(_factory)
    _makers.append(maker)


def register_when_met(kind: type, module: str) -> None:
    """Have `module`'s `install()` run (registering its own maker) the first time an object
    of `kind` is asked about, and that maker answer for it; until then only an isinstance
    check is made. Once however often it is given."""
    if any(getattr(maker, "when_met", None) == (kind, module) for maker in _makers):
        return

    def maker(class_name: str, target: QObject) -> QAccessibleInterface | None:
        if not isinstance(target, kind):
            return None
        if maker in _makers:
            _makers.remove(maker)
        import_module(module).install()
        return _factory(class_name, target)

    maker.when_met = (kind, module)  # type: ignore[attr-defined]
    register(maker)
