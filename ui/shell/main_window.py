"""The main window: a navigation list on the left, one view at a time on the right."""

from __future__ import annotations

from importlib import import_module
from typing import Callable, Union

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from ui.shell.view_focus import off_hidden_control, take_the_keyboard
from ui.shell.view_stand_in import ViewStandIn
from ui.shell.window_state import flush_pending
from ui.widgets.qt_guard import qt_override

# A view, or a callable that makes it the first time it is shown (keeps start-up quick).
ViewSource = Union[QWidget, Callable[[], QWidget]]


def made_when_shown(module: str, name: str, *args: object) -> Callable[[], QWidget]:
    """A factory for `add_view`/`add_page` that also imports `module` only when the view is
    first made, so start-up neither builds nor imports views that are not on screen."""
    return lambda: getattr(import_module(module), name)(*args)


def reserve_action(window: "MainWindow", menu: str, name: str, text: str) -> QAction:
    """A menu entry shown (disabled) before the data is open; whoever needs the data finds it
    by `name` with `window.findChild(QAction, name)`, enables it and connects it."""
    action = window.findChild(QAction, name)
    if action is None:
        action = QAction(text, window)
        action.setObjectName(name)
        action.setEnabled(False)
        window.menu(menu).addSeparator()
        window.menu(menu).addAction(action)
    return action


# Qt::UserRole, where each navigation item keeps its view's key: QListWidgetItem.setData takes
# the role as a number. The window's first frame (everything made before the data is open)
# names nothing from the `Qt` namespace, whose enums take 20-25 ms to set up (ui.widgets.labels).
KEY_ROLE = 0x0100

MINIMUM_SIZE = (900, 600)  # logical pixels; cut to the screen where it is smaller
NAV_WIDTH = 180  # the Views list; on a window narrower than NARROW only as wide as its words
NARROW = 800


class ShownPageStack(QStackedWidget):
    """The views' stack, as small as the view on screen allows (a view not shown, Caseload with
    its long button row, does not widen the others), and never asking for more room than a
    1024×700 screen gives it: every view is made (and tested) to fit that, so the page scrolls
    only on a screen smaller than it (640×400 logical at 200%)."""

    ROOM = QSize(1024 - 180 - 24, 700 - 140)  # a 1024×700 screen less the list, menus, bars

    def __init__(self) -> None:
        super().__init__()
        self.layout().setSizeConstraint(self.layout().SizeConstraint.SetNoConstraint)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        shown = self.currentWidget()
        if shown is None:
            return QSize()
        return shown.minimumSizeHint().expandedTo(shown.minimumSize()).boundedTo(self.ROOM)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        shown = self.currentWidget()
        return shown.sizeHint() if shown else QSize()


class MainWindow(QMainWindow):
    """Views plug in with `add_view`; menus with `menu(title)`.

    Signals:
        viewShown(str): the key of the view that became visible.
        viewCreated(str): a view given as a factory has just been made.
    """

    viewShown = Signal(str)
    viewCreated = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self._keys: list[str] = []
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._reserved: set[str] = set()  # places shown before the data is open (reserve_view)
        self._titled: dict[str, str] = {}  # reserved places whose title stand-in is not made yet
        self._parts: dict[str, Callable[[], object]] = {}
        self._menus: dict[str, QMenu] = {}
        self.view_key = "window/view"  # per data folder once it is known (window_state.folder_key)
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.setWindowTitle("Caseload Companion")
        # Small enough for a 1024×700 laptop window, and never larger than the screen's free
        # area (a 1280×800 screen at 200% has 640×400 to give).
        self.fit_minimum_to_screen()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Views")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setSpacing(2)
        self.stack = ShownPageStack()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        # A view never squeezes below its own minimum (buttons cut to "lew case.."): on a screen
        # smaller than that (640×400 logical at 200%) the view scrolls instead.
        self.view_area = QScrollArea()
        self.view_area.setObjectName("viewArea")
        self.view_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.view_area.setWidgetResizable(True)
        self.view_area.setWidget(self.stack)
        # Not a Tab stop: its view's controls are. Set as the property, from Qt::NoFocus's value:
        # naming Qt.FocusPolicy sets up the whole `Qt` namespace (12-25 ms) before the frame.
        self.view_area.setProperty("focusPolicy", 0)
        layout.addWidget(self.view_area, 1)
        self.setCentralWidget(central)
        for title in ("&File", "&Edit", "&View", "&Help"):
            self.menu(title)
        quit_action = QAction("&Quit", self)
        # setShortcuts, not setShortcut: given one sequence, PySide checks it against every
        # type a QKeySequence converts from, the `Qt` namespace among them (ui.widgets.labels).
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self._quit_action = quit_action
        self._quit_separator = QAction(self)
        self._quit_separator.setSeparator(True)
        file_menu = self.menu("&File")
        file_menu.addAction(self._quit_separator)
        file_menu.addAction(quit_action)
        # Views add their File entries (Log time, Import calendar…, Lock now) as the data
        # opens, after Quit was made: each addition moves Quit back to the end.
        file_menu.installEventFilter(self)
        shortcuts = QAction("&Keyboard shortcuts", self)
        shortcuts.triggered.connect(self.show_shortcuts)
        self.menu("&Help").addAction(shortcuts)
        from ui.shell import page_tabs

        page_tabs.install(self)  # Ctrl+Tab turns the page's tabs from anywhere in the window

    @qt_override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.ActionAdded and watched is self._menus.get("&File")
                and event.action() not in (self._quit_action, self._quit_separator)):
            self._keep_quit_last(watched)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def _keep_quit_last(self, menu: QMenu) -> None:
        """Quit is the File menu's last entry, after a separator, whatever was added since."""
        if menu.actions()[-2:] == [self._quit_separator, self._quit_action]:
            return
        for action in (self._quit_separator, self._quit_action):
            menu.removeAction(action)
            menu.addAction(action)

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(self._show_row)

    def show_shortcuts(self) -> QWidget:
        """Help > Keyboard shortcuts (its module is imported only when first asked for)."""
        from ui.shell.shortcuts_dialog import show_shortcuts

        return show_shortcuts(self)

    def statusBar(self):  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        """The status bar, made at its first message (an empty bar is not drawn before), with
        its words wrapped rather than cut at the window's edge (ui.widgets.status_line)."""
        from ui.widgets import status_line

        bar = super().statusBar()
        status_line.install(bar)
        return bar

    def menu(self, title: str) -> QMenu:
        """The menu with this title (e.g. "&File"), created on first use."""
        if title not in self._menus:
            self._menus[title] = self.menuBar().addMenu(title)
        return self._menus[title]

    def reserve_view(self, key: str, title: str, stand_in: QWidget | None = None) -> None:
        """Put a view's place in the navigation before its data is open, so the window can be
        painted at once (showing `stand_in`, else the title, made when the place is first
        shown: most are filled before anyone looks); `add_view` with the same key fills the
        place later."""
        self._reserved.add(key)
        if stand_in is None:
            self._titled[key] = title
        self._append(key, title, stand_in if stand_in is not None else QWidget())

    def fill_reserved(self, key: str, stand_in: QWidget) -> None:
        """Show `stand_in` in a place still reserved (its view not yet added), in place of the
        title or stand-in it held; `add_view` replaces it as usual."""
        if key in self._reserved:
            self._titled.pop(key, None)
            self._replace(key, stand_in)

    def add_view(self, key: str, title: str, widget: ViewSource) -> None:
        """Add a view, or a factory that makes it when first shown (or asked for with `view`);
        the first nine get Ctrl+1…Ctrl+9 in the View menu. A place reserved with `reserve_view`
        is filled in, made at once if it is already on screen."""
        if key in self._reserved:
            self._reserved.discard(key)
            self._titled.pop(key, None)
            if isinstance(widget, QWidget):
                self._replace(key, widget)
            else:
                self._factories[key] = widget
                if self.current_key() == key:
                    self.view(key)
            return
        self._append(key, title, widget if isinstance(widget, QWidget) else QWidget())
        if not isinstance(widget, QWidget):
            self._factories[key] = widget  # the empty stand-in waits until the view is made

    def _append(self, key: str, title: str, widget: QWidget) -> None:
        self._keys.append(key)
        self.stack.addWidget(widget)
        item = QListWidgetItem(title)
        item.setData(KEY_ROLE, key)
        item.setSizeHint(QSize(160, 36))
        self.nav.addItem(item)
        index = len(self._keys)
        if index <= 9:
            action = QAction(title, self)
            action.setShortcuts([QKeySequence(f"Ctrl+{index}")])  # as Quit's, in _build_ui
            action.triggered.connect(lambda _=False, k=key: self._go_to(k))
            self.menu("&View").addAction(action)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def _replace(self, key: str, widget: QWidget) -> None:
        """Swap the stand-in at `key`'s place for the real view, keeping it on screen if it was."""
        index = self._keys.index(key)
        stand_in = self.stack.widget(index)
        was_current = self.stack.currentIndex() == index
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if was_current:
            self.stack.setCurrentIndex(index)

    def view(self, key: str) -> QWidget:
        """The view for `key`, made now if it was added as a factory and not yet shown."""
        factory = self._factories.pop(key, None)
        if factory is not None:
            self._replace(key, factory())
            self.viewCreated.emit(key)
        elif key in self._titled:  # a reserved place shown before its view arrives
            self._replace(key, ViewStandIn(self._titled.pop(key)))
        return self.stack.widget(self._keys.index(key))

    def has_view(self, key: str) -> bool:
        return key in self._keys

    def is_created(self, key: str) -> bool:
        """Whether the view for `key` has been made (views given as factories wait until shown)."""
        return key in self._keys and key not in self._factories and key not in self._reserved

    def add_part(self, name: str, factory: Callable[[], object]) -> None:
        """Make `window.<name>` available, built by `factory` the first time it is read."""
        self._parts[name] = factory

    def __getattr__(self, name: str) -> object:
        # Only reached when normal lookup fails: a part added with add_part, not yet made.
        factory = self.__dict__.get("_parts", {}).pop(name, None)
        if factory is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = factory()
        setattr(self, name, value)
        return value

    def current_key(self) -> str | None:
        row = self.nav.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def show_view(self, key: str) -> None:
        self.nav.setCurrentRow(self._keys.index(key))

    def _go_to(self, key: str) -> None:
        """Ctrl+1…Ctrl+9. From the Views list the view's name is said as its row is chosen; from
        anywhere else the keyboard lands on the new view's first control, and the view is said
        too, once the control has been read: Ctrl+5 said only "Grade combo box", never which
        view the keyboard was now in."""
        from_list = self.nav.hasFocus() or self.current_key() == key
        take_the_keyboard(self)
        self.show_view(key)
        if not from_list:
            from ui.widgets.announce import announce

            announce(self, f"{self.nav.currentItem().text()} view.", after_focus=True)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.view(self._keys[row])  # made on first showing
            self.stack.setCurrentIndex(row)
            off_hidden_control(self.stack.widget(row))
            self.viewShown.emit(self._keys[row])

    def fit_minimum_to_screen(self) -> None:
        """Minimum size MINIMUM_SIZE (logical pixels), cut to the screen's available size."""
        screen = self.screen()
        width, height = MINIMUM_SIZE
        if screen is not None:
            free = screen.availableGeometry()
            width, height = min(width, free.width()), min(height, free.height())
        self.setMinimumSize(width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """On a narrow window (640 pixels at 200% on a 1280x800 screen) the Views list gives
        the view the room its words do not need."""
        width = NAV_WIDTH
        if event.size().width() < NARROW and self.nav.count():
            from PySide6.QtGui import QFont, QFontMetrics

            bold = QFont(self.nav.font())
            bold.setBold(True)  # the chosen view's name is drawn bold
            metrics = QFontMetrics(bold)
            words = max(metrics.horizontalAdvance(self.nav.item(row).text())
                        for row in range(self.nav.count()))
            width = min(NAV_WIDTH, words + 72)  # an item's margins, padding and focus frame
        if self.nav.width() != width:
            from PySide6.QtCore import Qt

            self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.nav.setFixedWidth(width)
            for row in range(self.nav.count()):
                self.nav.item(row).setSizeHint(QSize(width - 24, 36))
        super().resizeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and not getattr(self, "_follows_screen", False):
            self._follows_screen = True  # moved to another screen: fit that one
            handle.screenChanged.connect(lambda _screen: self.fit_minimum_to_screen())
        self.fit_minimum_to_screen()

    def restore_state(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            # First start: 1280×800, but never larger than a small or highly scaled screen.
            screen = self.screen().availableGeometry()
            self.resize(min(1280, screen.width()), min(800, screen.height()))
        last = self._settings.value(self.view_key)
        if isinstance(last, str) and last in self._keys:
            self.show_view(last)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        flush_pending(self)  # column widths and splitters changed just before closing
        self._settings.setValue("window/geometry", self.saveGeometry())
        key = self.current_key()
        if key:
            self._settings.setValue(self.view_key, key)
        super().closeEvent(event)

