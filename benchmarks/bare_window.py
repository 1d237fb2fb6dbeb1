"""The baseline for start-up time: a bare PySide6 QMainWindow, shown and timed like the app's.

Run by run_benchmarks.py with CASELOAD_COMPANION_EXIT_AFTER_PAINT=1, exactly as it runs main.py.
With --with-table the window holds a QTableView: the floor the start-up target is set against.
With --with-text it has what any window with words in it needs (a menu bar, a list of five items,
a label): fonts loaded and the `Qt` namespace imported. No app code is involved.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    if "--with-table" in sys.argv:
        from PySide6.QtWidgets import QTableView

        window.setCentralWidget(QTableView())
    if "--with-text" in sys.argv:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel, QListWidget, QSplitter

        for title in ("&File", "&Edit", "&View", "&Help"):
            window.menuBar().addMenu(title)
        views = QListWidget()
        views.addItems(["Overview", "Caseload", "Time", "Supervision", "Settings"])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(views)
        splitter.addWidget(QLabel("Overview"))
        window.setCentralWidget(splitter)
    screen = window.screen().availableGeometry()
    window.resize(min(1280, screen.width()), min(800, screen.height()))  # as the app's first start
    if os.environ.get("CASELOAD_COMPANION_EXIT_AFTER_PAINT"):
        from ui.shell.paint_probe import exit_after_first_paint

        exit_after_first_paint(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
