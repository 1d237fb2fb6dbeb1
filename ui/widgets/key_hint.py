"""A key that does nothing in a table says so, and what to use instead.

Delete in the Caseload table, and Delete or Return in Settings' Backups table, did nothing in
silence: nothing was destroyed, which is right, but a newcomer trying the obvious key heard
nothing at all. Now the key says what does the job ("Delete does not delete a case here. …"),
and still changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from ui.widgets.announce import announce

DELETE_CASE_HINT = ("Delete does not delete a case here. To close a case use Close case… "
                    "(Alt+C); closed cases are deleted with Review and delete…, or in Settings, "
                    "Data & privacy, Delete closed cases now….")


def say_on_key(widget: QWidget, key: Qt.Key, words: str) -> QShortcut:
    """While `widget` has the keyboard, `key` says `words` (and does nothing else)."""
    shortcut = QShortcut(QKeySequence(key), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.setAutoRepeat(False)
    shortcut.activated.connect(lambda: announce(widget, words))
    return shortcut
