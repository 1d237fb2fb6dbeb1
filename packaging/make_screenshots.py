"""Regenerate the README's screenshots from the real app with synthetic demo data.

    .venv/bin/python packaging/make_screenshots.py [OUT_DIR]      (default docs/screenshots)

Runs offscreen in a temporary data folder, so it never touches anyone's real data.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VIEWS = ("overview", "caseload", "time", "supervision", "settings")
SIZE = tuple(int(v) for v in os.environ.get("SHOT_SIZE", "1280x800").split("x"))


def main(out_dir: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import main as app_main
    from core.store.database import open_database
    from core.demo.caseload_demo import fill_demo
    from core.store.paths import database_path
    from ui.shell.app import create_application
    from ui.shell.theme import apply_theme

    app = create_application()
    app.theme = apply_theme(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        db = open_database(database_path(data_dir))
        fill_demo(db)
        settings = QSettings(str(data_dir / "shots.ini"), QSettings.Format.IniFormat)
        window = app_main.build_window(db, data_dir, settings)
        window.resize(*SIZE)
        window.show()
        for key in VIEWS:
            window.show_view(key)
            view = window.view(key)
            if hasattr(view, "ensure_trend"):  # the Overview's chart, made after a first paint
                view.ensure_trend()
            for _ in range(5):  # let deferred work run and the layout settle
                QApplication.processEvents()
            path = out_dir / f"{key}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    sys.exit(main(target))
