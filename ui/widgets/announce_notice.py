"""Announcements a screen reader hears even when it has no ear for Qt's announcement event.

Qt sends `QAccessibleAnnouncementEvent` as AT-SPI `object:announcement`, which newer Orca
handles; Orca 43 (Debian 12) has no handler for it and says nothing at all. What Orca 43 does say
is a notification appearing: a widget with the role Notification, shown, is read out as
"notification" and its name, after what it is saying (its speech-dispatcher output never cuts
speech short for it), and as soon as the event arrives.

So each announcement is also shown as such a notice, but only while no program on the
accessibility bus listens for `object:announcement` (the AT-SPI registry keeps the list of
events its clients listen to, and Qt's own bridge reads the same list): a reader that handles
announcements hears them once, as announcements, and one that does not hears them once, as
notices. The notice is an empty child of the window, of no size and never painted; its name is
the words a sighted user already sees in the window (a label or the status bar), and the last
two notices are kept so that a reader still busy with one can read it; the lock takes them all.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QWidget

from ui.widgets.accessible_factories import register
from ui.widgets.live_accessible import LiveWidgetAccessible

_KEPT = 2  # notices alive at once: the newest, and one a reader may still be reading
_TIMEOUT = 0.5  # seconds for each question to the bus: a hung bus costs one notice, not the app

_notices: list[QWidget] = []
_connection = None  # jeepney connection to the accessibility bus, opened at the first notice


class Notice(QWidget):
    """An empty, unpainted widget whose accessible is a Notification named by its words."""

    def __init__(self, window: QWidget, text: str):
        super().__init__(window)
        self.setObjectName("announcement notice")
        self.setAccessibleName(text)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(0, 0, 0, 0)


class NoticeAccessible(LiveWidgetAccessible):
    """A Notification whose parent, for a screen reader, is the application itself: Orca
    presents a notification with the ancestors it does not share with the focus, and the
    window it sits in would otherwise be read out again, all its text with it, before the
    words (the widget stays in the window's children, where Qt and a walk of the tree find it)."""

    def __init__(self, notice: Notice):
        super().__init__(notice, QAccessible.Role.Notification)

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        app = QApplication.instance()
        return QAccessible.queryAccessibleInterface(app) if app is not None else None


def _factory(_class_name: str, target: QObject) -> QAccessibleInterface | None:
    if isinstance(target, Notice):
        return NoticeAccessible(target)
    return None


def _install() -> None:
    register(_factory)


def _open_bus():  # noqa: ANN202 - a jeepney connection, imported only when a reader runs
    """The accessibility bus, where Qt's bridge finds it: AT_SPI_BUS_ADDRESS, else the address
    the session bus's org.a11y.Bus gives."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    address = os.environ.get("AT_SPI_BUS_ADDRESS", "")
    if not address:
        with open_dbus_connection(bus="SESSION") as session:
            reply = session.send_and_get_reply(new_method_call(
                DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus",
                            interface="org.a11y.Bus"), "GetAddress"), timeout=_TIMEOUT)
            address = reply.body[0]
    return open_dbus_connection(bus=address)


def _listened_events() -> list[str]:
    """The events the accessibility bus's clients listen to, as the registry lists them."""
    from jeepney import DBusAddress, new_method_call

    global _connection
    for attempt in range(2):  # once more on a fresh connection if the bus was restarted
        try:
            if _connection is None:
                _connection = _open_bus()
            reply = _connection.send_and_get_reply(new_method_call(
                DBusAddress("/org/a11y/atspi/registry", bus_name="org.a11y.atspi.Registry",
                            interface="org.a11y.atspi.Registry"), "GetRegisteredEvents"),
                timeout=_TIMEOUT)
            return [str(event) for _client, event in reply.body[0]]
        except Exception:  # noqa: BLE001 - no bus, no registry, an old one: no list
            if _connection is not None:
                _connection.close()
            _connection = None
            if attempt:
                raise
    return []  # pragma: no cover - the loop returns or raises


def reader_hears_announcements() -> bool:
    """Whether some client listens for `object:announcement` (or for every object event).
    When the bus cannot be asked, False: a notice then says it once rather than not at all."""
    try:
        events = _listened_events()
    except Exception:  # noqa: BLE001 - no bus, no registry, no jeepney
        return False
    for event in events:
        name = event.lower().rstrip(":")
        if name in ("", "object", "object:announcement"):
            return True
    return False


def show_notice(window: QWidget, text: str) -> None:
    """Show `text` to the accessibility bus as a notification in `window`, once, if the screen
    reader would not hear it as an announcement. Only where screen readers listen on AT-SPI
    (Linux and the BSDs): elsewhere Qt's announcement is all there is to hear."""
    if sys.platform in ("win32", "darwin") or reader_hears_announcements():
        return
    _install()
    notice = Notice(window, text)
    notice.show()
    _notices.append(notice)
    while len(_notices) > _KEPT:
        old = _notices.pop(0)
        try:
            old.deleteLater()
        except RuntimeError:  # gone with its window already
            pass


def forget_notices() -> None:
    """Take every notice off the bus at once (the lock: nothing said before it stays readable
    behind the lock screen)."""
    while _notices:
        notice = _notices.pop()
        try:
            notice.hide()
            notice.setAccessibleName("")
            notice.deleteLater()
        except RuntimeError:  # gone with its window already
            pass
