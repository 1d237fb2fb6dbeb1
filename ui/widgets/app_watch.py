"""One application-wide event filter for everything the app watches on every dialog and button.

An application's event filter sees every event of every object (each paint, each mouse move,
each timer), and a filter written in Python costs a call into Python for each: two of them
(Return never destroys, and every dialog fits the screen) spent about a tenth of the window's
own time in the offscreen tests. Here one filter looks at the event's type once and hands
dialogs being shown, key presses and focus arriving to whoever asked (`ui.widgets.return_guard`,
`ui.widgets.screen_fit`, `ui.widgets.current_row`), in the order Qt gives separate filters: the
last one added first.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog
from ui.widgets.qt_guard import qt_override

DialogShown = Callable[[QDialog], None]
KeyPressed = Callable[[QObject, QEvent], bool]  # True: the key press is taken, goes no further
Focused = Callable[[QObject, QEvent], "bool | None"]  # True: taken, goes no further
Overriding = Callable[[QObject, QEvent], bool]  # True: the focused field does not take the keys

_SHOW = QEvent.Type.Show
_HIDE = QEvent.Type.Hide
_KEY_PRESS = QEvent.Type.KeyPress
_FOCUS_IN = QEvent.Type.FocusIn
_SHORTCUT_OVERRIDE = QEvent.Type.ShortcutOverride
_LAYOUT_REQUEST = QEvent.Type.LayoutRequest


class _Watch(QObject):
    def __init__(self, app: QApplication):
        super().__init__(app)
        self.shown: list[DialogShown] = []
        self.hidden: list[DialogShown] = []
        self.pressed: list[KeyPressed] = []
        self.focused: list[Focused] = []
        self.overriding: list[Overriding] = []
        self.laid_out: list[DialogShown] = []

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == _SHOW:
            if isinstance(watched, QDialog):
                for shown in self.shown:
                    shown(watched)
        elif kind == _HIDE:
            if isinstance(watched, QDialog):
                for hidden in self.hidden:
                    hidden(watched)
        elif kind == _KEY_PRESS:
            for pressed in self.pressed:
                if pressed(watched, event):
                    return True
        elif kind == _FOCUS_IN:
            for focused in self.focused:
                if focused(watched, event):
                    return True  # given to the widget anew, changed (ui.widgets.tab_into_text)
        elif kind == _SHORTCUT_OVERRIDE:  # a field asked whether it takes a shortcut's keys
            for overriding in self.overriding:
                if overriding(watched, event):
                    return True  # not asked: the window's shortcut has the keys
        elif kind == _LAYOUT_REQUEST:
            if isinstance(watched, QDialog):
                for laid_out in self.laid_out:
                    laid_out(watched)
        return False


_watch: _Watch | None = None


def watch(app: QApplication | None = None, shown: DialogShown | None = None,
          pressed: KeyPressed | None = None, focused: Focused | None = None,
          hidden: DialogShown | None = None, overriding: Overriding | None = None,
          laid_out: DialogShown | None = None) -> None:
    """Call `shown` for every dialog the application shows, `hidden` for every one it hides,
    `pressed` for every key press, `focused` for every widget the focus arrives in and
    `overriding` for every field asked whether it takes a shortcut's keys and `laid_out` for
    every dialog whose layout is to be worked out again (once each, however often asked); the
    application's one filter is installed on first use."""
    global _watch
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None:
        return
    try:
        same = _watch is not None and _watch.parent() is app
    except RuntimeError:  # the application it watched is gone (a new one in the same process)
        same = False
    if not same:
        _watch = _Watch(app)
        app.installEventFilter(_watch)
    assert _watch is not None
    if shown is not None and shown not in _watch.shown:
        _watch.shown.insert(0, shown)
    if hidden is not None and hidden not in _watch.hidden:
        _watch.hidden.insert(0, hidden)
    if pressed is not None and pressed not in _watch.pressed:
        _watch.pressed.insert(0, pressed)
    if focused is not None and focused not in _watch.focused:
        _watch.focused.insert(0, focused)
    if overriding is not None and overriding not in _watch.overriding:
        _watch.overriding.insert(0, overriding)
    if laid_out is not None and laid_out not in _watch.laid_out:
        _watch.laid_out.insert(0, laid_out)
