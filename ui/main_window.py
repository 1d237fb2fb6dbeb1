"""The main window: a navigation list on the left, one view at a time on the right."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from ui.window_state import flush_pending


class MainWindow(QMainWindow):
    """Views plug in with `add_view`; menus with `menu(title)`.

    Signals:
        viewShown(str): the key of the view that became visible.
    """

    viewShown = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self._keys: list[str] = []
        self._menus: dict[str, QMenu] = {}
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.setWindowTitle("Caseload Companion")
        # Small enough for a 1024×700 laptop window, also at 200% scaling.
        self.setMinimumSize(900, 600)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Views")
        self.nav.setFixedWidth(180)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for title in ("&File", "&Edit", "&View", "&Help"):
            self.menu(title)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menu("&File").addAction(quit_action)

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(self._show_row)

    def menu(self, title: str) -> QMenu:
        """The menu with this title (e.g. "&File"), created on first use."""
        if title not in self._menus:
            self._menus[title] = self.menuBar().addMenu(title)
        return self._menus[title]

    def add_view(self, key: str, title: str, widget: QWidget) -> None:
        """Add a view; the first nine get Ctrl+1…Ctrl+9 in the View menu."""
        self._keys.append(key)
        self.stack.addWidget(widget)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(160, 36))
        self.nav.addItem(item)
        index = len(self._keys)
        if index <= 9:
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index}"))
            action.triggered.connect(lambda _=False, k=key: self.show_view(k))
            self.menu("&View").addAction(action)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def view(self, key: str) -> QWidget:
        return self.stack.widget(self._keys.index(key))

    def current_key(self) -> str | None:
        row = self.nav.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def show_view(self, key: str) -> None:
        self.nav.setCurrentRow(self._keys.index(key))

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.stack.setCurrentIndex(row)
            self.viewShown.emit(self._keys[row])

    def restore_state(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            # First start: 1280×800, but never larger than a small or highly scaled screen.
            screen = self.screen().availableGeometry()
            self.resize(min(1280, screen.width()), min(800, screen.height()))
        last = self._settings.value("window/view")
        if isinstance(last, str) and last in self._keys:
            self.show_view(last)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        flush_pending(self)  # column widths and splitters changed just before closing
        self._settings.setValue("window/geometry", self.saveGeometry())
        key = self.current_key()
        if key:
            self._settings.setValue("window/view", key)
        super().closeEvent(event)
