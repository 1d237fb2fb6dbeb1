"""Settings: one tab per concern (profile, reductions, weightings, data…), added by main.py."""

from __future__ import annotations

from typing import Callable, Union

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.widgets.form_helpers import add_named_tab, name_tabs, view_title

# A page, or a callable that makes it when its tab is first shown (keeps start-up quick).
PageSource = Union[QWidget, Callable[[], QWidget]]


class _PageSlot(QWidget):
    """Holds a tab's page; makes it from its factory the first time it is needed."""

    def __init__(self, factory: Callable[[], QWidget]):
        super().__init__()
        self._factory: Callable[[], QWidget] | None = factory
        self.page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def make(self) -> QWidget:
        if self._factory is not None:
            factory, self._factory = self._factory, None
            self.page = factory()
            if not self.page.accessibleName():  # a page that is itself a Tab stop (a scroll area)
                self.page.setAccessibleName(self.accessibleName())
            self.layout().addWidget(self.page)
            self.page.show()  # at once, not on the next turn of the event loop
        assert self.page is not None
        return self.page


class SettingsView(QWidget):
    """A titled tab container; each page is its own module under ui/."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._build_ui()
        self.tabs.currentChanged.connect(self._tab_shown)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = view_title("Settings")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        name_tabs(self.tabs, "Settings pages")  # what it is, not the page it is on
        layout.addWidget(self.tabs, 1)

    def add_page(self, title: str, page: PageSource) -> None:
        """Add a tab; a factory is called when the tab is first shown (or `page` asks for it)."""
        add_named_tab(self.tabs, page if isinstance(page, QWidget) else _PageSlot(page), title)

    def page(self, title: str) -> QWidget | None:
        """The page under this tab title, made now if it had not been yet."""
        index = self._index(title)
        return None if index < 0 else self._make(index)

    def show_page(self, title: str) -> None:
        index = self._index(title)
        if index >= 0:
            self._make(index)
            self.tabs.setCurrentIndex(index)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._make(self.tabs.currentIndex())  # the first tab is made when Settings first opens
        super().showEvent(event)

    def _tab_shown(self, index: int) -> None:
        if self.isVisible():  # adding the first tab makes it current; wait until it is seen
            self._make(index)

    def _make(self, index: int) -> QWidget | None:
        widget = self.tabs.widget(index)
        return widget.make() if isinstance(widget, _PageSlot) else widget

    def _index(self, title: str) -> int:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index).replace("&", "") == title.replace("&", ""):
                return index
        return -1
