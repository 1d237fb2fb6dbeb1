"""Regenerate the supervision meeting's screenshots from the real app on synthetic demo data.

    .venv/bin/python packaging/make_meeting_screenshots.py [OUT_DIR]    (default docs/screenshots)

Writes meeting.png (1280×800, "The month") and meeting-200.png (the same window at 200% scaling,
two requests ticked and an action agreed). Each grab runs in its own offscreen process, since
the scale factor is fixed when Qt starts; a temporary data folder is used, never real data.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHOTS = (("meeting.png", "1", "month"), ("meeting-200.png", "2", "requests"))


def grab(out: Path, topic: str) -> None:
    from datetime import date, timedelta

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import main as app_main
    from core.demo.caseload_demo import fill_demo
    from core.store.database import open_database
    from core.store.paths import database_path
    from core.supervision.sessions import Action
    from ui.shell.app import create_application
    from ui.shell.theme import apply_theme
    from ui.supervision.meeting_rows import NoteRow

    app = create_application()
    app.theme = apply_theme(app)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        db = open_database(database_path(data_dir))
        fill_demo(db)
        window = app_main.build_window(
            db, data_dir, QSettings(str(data_dir / "shots.ini"), QSettings.Format.IniFormat))
        window.resize(1280, 800)
        window.show()
        window.meeting.open()
        view = window.meeting.view
        view.select_topic(topic)
        if topic == "requests":
            for row in [r for r in view.rows.rows if isinstance(r, NoteRow)][:2]:
                row.check.setChecked(True)
            view.draft.add_action(Action("Pause new allocations until the parole reports are in",
                                         "SPO", date.today() + timedelta(weeks=2)))
            view.action_bar.text.setText("Ask the court team about the duty rota")
            view.action_bar.owner.setText("Me")
        for _ in range(5):  # let the layout settle
            QApplication.processEvents()
        window.grab().save(str(out))
        window.meeting.leave()
        window.close()
        db.close()
    print(out)


def main(out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, scale, topic in SHOTS:
        env = dict(os.environ, QT_SCALE_FACTOR=scale)
        subprocess.run([sys.executable, __file__, "--one", str(out_dir / name), topic],
                       env=env, check=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        grab(Path(sys.argv[2]), sys.argv[3])
        sys.exit(0)
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
