"""Walk the whole app in tests: every view, every tab page behind a tab bar, every Settings page.

Views and pages are made when first shown, so a check over "every widget in the app" has to
open each of them first.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

import main


def each_place(window) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Show each view, and each tab of each tab bar in it, in turn; yield a name for each.

    While a name is yielded, exactly that view and page are on screen."""
    for key, title in main.VIEWS:
        window.show_view(key)
        QApplication.processEvents()
        view = window.view(key)
        tab_widgets = [t for t in view.findChildren(QTabWidget) if t.isVisible()]
        if not tab_widgets:
            yield title
        for tabs in tab_widgets:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                yield f"{title} > {tabs.tabText(index).replace('&', '')}"
            tabs.setCurrentIndex(0)


def open_everything(window) -> None:  # type: ignore[no-untyped-def]
    """Make every view and page, so `findChildren` sees the whole app."""
    for _ in each_place(window):
        pass


def visible_widgets(window, kind: type = QWidget) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The widgets of `kind` the user can see now (in the window, not hidden behind a page)."""
    return [w for w in window.findChildren(kind) if w.isVisible()]
