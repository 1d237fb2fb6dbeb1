"""Changes saved by another process (say `main.py log` in a terminal) appear in the open window.

SQLite's `PRAGMA data_version` changes whenever another connection commits to the file; it is
read when the window gains focus and on a quiet timer, and a change refreshes every view through
the hub's ordinary signals, as if the window had made the change itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from ui.shell.hub import Hub

QUIET_MS = 5000  # a check is one cheap read of shared memory: no disk access


class DataWatch(QObject):
    """Emits the hub's change signals when another process has saved since the last check."""

    def __init__(self, db: Database, hub: Hub, parent: QObject | None = None,
                 interval_ms: int = QUIET_MS):
        super().__init__(parent)
        self._db = db
        self._hub = hub
        self._conn = db.conn
        self._version = self._read()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._on_state)

    def _read(self) -> int | None:
        try:
            return int(self._db.execute("PRAGMA data_version").fetchone()[0])
        except Exception:  # noqa: BLE001 - closed while replaced (restore): check again later
            return None

    def _on_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def check(self) -> bool:
        """True (and the views told) when another process saved since the last check."""
        if self._db.conn is not self._conn:  # the window replaced its own file: it has refreshed
            self._conn, self._version = self._db.conn, self._read()
            return False
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        for signal in (self._hub.casesChanged, self._hub.timeLogged, self._hub.profileChanged,
                       self._hub.reductionsChanged, self._hub.weightingsChanged,
                       self._hub.supervisionChanged, self._hub.settingsChanged):
            signal.emit()
        return True
