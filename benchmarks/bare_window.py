"""The baseline for start-up time: a bare PySide6 QMainWindow, shown and timed like the app's.

Run by run_benchmarks.py with CASELOAD_COMPANION_EXIT_AFTER_PAINT=1, exactly as it runs main.py.
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
    screen = window.screen().availableGeometry()
    window.resize(min(1280, screen.width()), min(800, screen.height()))  # as the app's first start
    if os.environ.get("CASELOAD_COMPANION_EXIT_AFTER_PAINT"):
        from ui.paint_probe import exit_after_first_paint

        exit_after_first_paint(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
