"""One guard for every Python method Qt calls on its own: event filters and a widget's own
event handlers (changeEvent, hideEvent, focusOutEvent...).

Qt calls these while it is destroying widgets too (a combo box being deleted sends its list a
Hide, a window closing sends focus out). An error raised from Python there goes back through
Qt's destructor and ends the whole app; asking a deleted object anything raises such an error.
Guarded, a method is skipped when its own object or the object it is watching is already gone,
and an error it raises is written to the app's log and goes no further: an event filter then
lets the event through (False), as if it had not looked."""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable, TypeVar

import shiboken6

from core.store.applog import get_logger

GUARDED = "_qt_guarded"  # set on every guarded method, so a test can find one left out

F = TypeVar("F", bound=Callable[..., Any])


def _gone(thing: object) -> bool:
    return isinstance(thing, shiboken6.Shiboken.Object) and not shiboken6.isValid(thing)


def qt_override(method: F) -> F:
    """Wrap an override Qt calls (eventFilter(watched, event) or xxxEvent(event)) so that it
    never raises into Qt and never runs on a deleted object."""
    passed = False if method.__name__ == "eventFilter" else None

    @wraps(method)
    def guarded(self: Any, *args: Any) -> Any:
        try:
            if _gone(self) or (len(args) == 2 and _gone(args[0])):
                return passed
            return method(self, *args)
        except Exception:  # noqa: BLE001 - nothing may go back into Qt
            get_logger("ui").exception("%s.%s failed; the event went on without it",
                                       type(self).__name__, method.__name__)
            return passed

    setattr(guarded, GUARDED, True)
    return guarded  # type: ignore[return-value]
