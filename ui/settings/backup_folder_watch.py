"""The backups list follows its folder: a backup made by the `backup` command (or a script)
while the window is open appears in Settings > Data & privacy within a few seconds.

A backup is a new file, not a change to the data file, so the data watch (ui.shell.data_watch)
never sees one. While the page is on screen its folder is looked at on the same quiet timer
(one `stat`, no file read) and as the page is shown; a change reloads the list.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ui.shell.data_watch import QUIET_MS
from ui.widgets.qt_guard import qt_override

_State = tuple[object, int | None, int | None]


class BackupFolderWatch(QObject):
    """Emits `changed` when the backup folder (or which folder it is) has changed since the
    list was last read; looks only while `page` is shown."""

    changed = Signal()

    def __init__(self, page: QWidget, folder: Callable[[], Path], interval_ms: int = QUIET_MS):
        super().__init__(page)
        self._folder = folder
        self._seen: _State | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        page.installEventFilter(self)

    def _state(self) -> _State:
        try:
            folder = self._folder()
        except Exception:  # noqa: BLE001 - the data is being replaced or locked: look again later
            return (None, None, None)
        try:
            info = os.stat(folder)
        except OSError:  # not made yet, or a removable disk taken out
            return (folder, None, None)
        return (folder, info.st_mtime_ns, info.st_ino)

    def seen(self) -> None:
        """The list has just been read: only a later change reloads it."""
        self._seen = self._state()

    def check(self) -> bool:
        state = self._state()
        if state[0] is None or state == self._seen:
            return False
        self._seen = state
        self.changed.emit()
        return True

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show:
            self.check()
            self.timer.start()
        elif event.type() == QEvent.Type.Hide:
            self.timer.stop()
        return False
