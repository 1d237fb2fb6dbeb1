"""One window per data folder: a second start brings the first window forward and exits.

The first window holds the folder's lock (core.store.folder_lock, which the command line checks
too) and listens on a local socket named after the folder; a second start that cannot take the
lock asks that window, through the socket, to come to the front.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from core.store.folder_lock import FolderLock

CONNECT_MS = 2000
CHECK_MS = 5000  # one stat of the folder


def server_name(data_dir: Path) -> str:
    """The local socket's name: one per user and folder (the path itself may be too long)."""
    import getpass

    from ui.shell.window_state import sha256_hex  # not hashlib, which loads OpenSSL (3-4 MiB)

    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = os.fsencode(f"{user}\n{os.path.realpath(data_dir)}")  # a name need not be UTF-8
    return "caseload-companion-" + sha256_hex(key)[:20]


class FolderOwner(QObject):
    """This window's hold on its data folder. `claim()` -> True when this is the only window;
    `activated` is emitted when a later start asks this window to come forward."""

    activated = Signal()
    lost = Signal()  # the folder was moved or removed under the open window

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.lock = FolderLock(self.data_dir)
        self._server = None  # a QLocalServer once listening
        self._watch = None  # a QTimer once listening

    def claim(self) -> bool:
        """Take the folder's lock (before the window paints); `listen()` once it has."""
        return self.lock.acquire()

    def listen(self) -> None:
        """Answer later starts (QtNetwork is loaded here, after the first paint)."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None or not self.lock.held:
            return
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket left by a window that was killed
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        server.listen(name)
        self._server = server
        from PySide6.QtCore import QTimer

        self._watch = QTimer(self)  # the lock is on the folder: gone only with the folder
        self._watch.setInterval(CHECK_MS)
        self._watch.timeout.connect(self.check_still_held)
        self._watch.start()

    def check_still_held(self) -> bool:
        """False (and `lost` emitted, once) when the folder this window holds is no longer
        where its data is: moved, removed or replaced, so saves would go nowhere it can see."""
        if not self.lock.held or self.lock.held_still():
            return True
        if self._watch is not None:
            self._watch.stop()
        self.lost.emit()
        return False

    def _on_connection(self) -> None:
        """A later start connected: that alone is the request (nothing it sends is read)."""
        server = self._server
        if server is None:
            return
        asked = False
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.abort()
            socket.deleteLater()
            asked = True
        if asked:
            self.activated.emit()

    def release(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
            server.deleteLater()
        self.lock.release()


def ask_first_window_forward(data_dir: Path, timeout_ms: int = CONNECT_MS) -> bool:
    """Ask the window that owns `data_dir` to come forward; False when none answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.abort()
    return True


def bring_forward(window) -> None:  # type: ignore[no-untyped-def]
    """Show `window` in front, restored if it was minimised."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
