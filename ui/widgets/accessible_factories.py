"""One accessibility factory for the app's own accessibles, handed to Qt once.

Qt asks every installed factory, in turn, about each object it has no accessible for yet:
each factory installed separately was one more call into Python per widget while a screen
reader runs. The app's makers (combo boxes named by their label, page stacks passed over,
reading pages, announcement notices) register here instead, and this module's one factory
asks them in the order they registered; each answers only for its own kind of widget.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface

Maker = Callable[[str, QObject], "QAccessibleInterface | None"]

_makers: list[Maker] = []


def _factory(class_name: str, target: QObject) -> QAccessibleInterface | None:
    for maker in _makers:
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
