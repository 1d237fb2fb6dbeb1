"""Wires the Overview into the window: first view, Help > How is this worked out? (F1), and the
empty state's buttons that open Caseload or Settings > Profile."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from sqlite_utils import Database

from ui.shell.hub import Hub
from ui.shell.main_window import MainWindow
from ui.overview.overview_view import FIGURES_KEY, OverviewView
from ui.shell.window_state import folder_key


def install_overview(window: MainWindow, db: Database, hub: Hub,
                     settings: QSettings, data_dir: Path | None = None) -> OverviewView:
    """Add the Overview (call before any other view, so it is shown first); "Show figures" is
    remembered for `data_dir` alone."""
    figures_key = FIGURES_KEY if data_dir is None else folder_key(data_dir, FIGURES_KEY)
    view = OverviewView(db, hub, settings, figures_key=figures_key)
    window.add_view("overview", "Overview", view)

    def open_view(key: str, page: str) -> None:
        window.show_view(key)
        if page:
            target = window.view(key)
            if hasattr(target, "show_page"):
                target.show_page(page)

    view.openRequested.connect(open_view)
    method = QAction("How is this &worked out?", window)
    method.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    method.triggered.connect(lambda: view.open_method())
    window.addAction(method)
    help_menu = window.menu("&Help")
    help_menu.insertAction(help_menu.actions()[0] if help_menu.actions() else None, method)
    window.method_action = method  # type: ignore[attr-defined]
    return view
