"""Remember column widths, column order, sort order and splitter positions between sessions.

Views call `remember_state(settings, "caseload/table", table.horizontalHeader())` once after
building their layout: the saved state is restored at once and saved again whenever it changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union

from PySide6.QtCore import QByteArray, QObject, QSettings, QTimer

if TYPE_CHECKING:  # named when a view remembers one: not for the window's first frame
    from PySide6.QtWidgets import QHeaderView, QSplitter

SAVE_DELAY_MS = 400  # dragging a column edge emits many resizes; save once it settles
_PREFIX = "state/"

Remembered = Union["QHeaderView", "QSplitter"]


def folder_key(data_dir: Path | str, key: str) -> str:
    """`key` for one data folder: the last view and "Show figures" belong to the data they were
    chosen with, not to every folder opened after (demo data, a second caseload)."""
    from core.common.paths import path_bytes  # a folder's name need not be UTF-8

    digest = sha256_hex(path_bytes(Path(data_dir).expanduser().resolve()))
    return f"folders/{digest[:16]}/{key}"


def sha256_hex(data: bytes) -> str:
    """hashlib.sha256(data).hexdigest(), from Python's own SHA-256 where it is built in: hashlib
    loads OpenSSL (libcrypto, a large library) on import, and the window's first frame needs
    this only to find the view remembered for its folder."""
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # type: ignore[import-not-found,no-redef]  # 3.12 and later
        except ImportError:
            from hashlib import sha256  # type: ignore[assignment]
    return sha256(data).hexdigest()


def settings_key(key: str) -> str:
    return _PREFIX + key.strip("/")


def save_state(settings: QSettings, key: str, widget: Remembered) -> None:
    settings.setValue(settings_key(key), widget.saveState())


def restore_state(settings: QSettings, key: str, widget: Remembered) -> bool:
    """Restore what was saved under `key`; False (and nothing changed) if there is nothing valid."""
    value = settings.value(settings_key(key))
    if isinstance(value, QByteArray) and not value.isEmpty():
        return bool(widget.restoreState(value))
    return False


class _StateKeeper(QObject):
    """Saves one widget's state shortly after it last changed; lives as the widget's child."""

    def __init__(self, settings: QSettings, key: str, widget: Remembered):
        super().__init__(widget)
        self._settings, self._key, self._widget = settings, key, widget
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    def schedule(self, *_args: object) -> None:
        self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        save_state(self._settings, self._key, self._widget)


def remember_state(settings: QSettings, key: str, widget: Remembered) -> bool:
    """Restore `widget`'s saved state now and keep saving it as the user changes it.

    Returns whether a saved state was restored (so a view can apply its own defaults otherwise).
    """
    from PySide6.QtWidgets import QSplitter

    restored = restore_state(settings, key, widget)
    keeper = _StateKeeper(settings, key, widget)
    if isinstance(widget, QSplitter):
        widget.splitterMoved.connect(keeper.schedule)
    else:
        widget.sectionResized.connect(keeper.schedule)
        widget.sectionMoved.connect(keeper.schedule)
        widget.sortIndicatorChanged.connect(keeper.schedule)
    return restored


def flush_pending(root: QObject) -> None:
    """Save every pending change under `root` at once (call from a window's closeEvent)."""
    for keeper in root.findChildren(_StateKeeper):
        if keeper._timer.isActive():
            keeper.save_now()
