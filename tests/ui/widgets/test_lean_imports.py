"""The chart library and the app's own modules are imported without memory kept for nothing
(README, Performance: memory settled with the Overview's chart in view).

Each check runs in a fresh interpreter: what a process has imported cannot be taken back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run(code: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=env, check=True, timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_modules_imported_by_the_window_leave_no_source_text_behind():
    found = _run(
        "import json, linecache, sys\n"
        "import ui.shell.app\n"
        "from ui.overview.trend_chart import TrendChart\n"  # with pyqtgraph and numpy
        "from core.workload.wording import number\n"
        "kept = [f for f in linecache.cache if 'pyqtgraph' in f or 'numpy' in f\n"
        "        or '/ui/overview/' in f]\n"
        "feature = sys.modules['PySide6.support.feature'].pyside_feature_dict\n"
        "print(json.dumps({'kept': kept,\n"
        "                  'chart': feature.get('ui.overview.trend_chart'),\n"
        "                  'words': feature.get('core.workload.wording')}))\n")
    assert found["kept"] == []
    # PySide6's own check still tells a module that uses it (0) from one that does not (-1).
    assert found["chart"] == 0
    assert found["words"] == -1


CHART = (
    "import json, sys\n"
    "import PySide6.QtGui as gui\n"
    "from ui.shell.app import create_application\n"
    "app = create_application()\n"
    "{load}\n"
    "from ui.overview.trend_chart import TrendChart\n"
    "chart = TrendChart()\n"
    "chart.resize(600, 400)\n"
    "chart.show()\n"
    "app.processEvents()\n"
    "image = chart.plot.grab().toImage()\n"
    "import PySide6.QtCore as core, PySide6.QtWidgets as widgets\n"
    "print(json.dumps({{'built': sum(len(vars(m)) for m in (core, gui, widgets)),\n"
    "                  'names': len(dir(gui)),\n"
    "                  'same_pen': pg.QtGui.QPen is gui.QPen,\n"
    "                  'axis': chart.axis_texts(),\n"
    "                  'size': [image.width(), image.height()],\n"
    "                  'inked': sum(image.pixelColor(x, y).lightness() < 128\n"
    "                               for x in range(0, image.width(), 3)\n"
    "                               for y in range(0, image.height(), 3))}}))\n"
)


def test_the_chart_draws_the_same_with_qt_classes_built_only_when_used():
    lean = _run(CHART.format(load="from ui.widgets.lean_imports import import_pyqtgraph\n"
                                  "pg = import_pyqtgraph()"))
    plain = _run(CHART.format(load="import pyqtgraph as pg"))
    assert lean["built"] < plain["built"] * 0.75  # pyqtgraph's own import builds every class
    assert lean["same_pen"] and lean["names"] == plain["names"]  # PySide6 lists them all again
    assert lean["axis"] == plain["axis"] == ["90%", "100%", "110%", "120%"]
    assert lean["size"] == plain["size"]
    assert lean["inked"] == plain["inked"] > 0


def test_pyqtgraphs_empty_qt_packages_are_recognised_as_shipped_compiled(tmp_path):
    """The Linux bundle ships each module as a .pyc file alone: pyqtgraph's empty Qt packages
    there are recognised as empty too (and then the chart builds Qt classes only when used, as
    from the source tree), while a package with anything in it never is."""
    import py_compile

    from ui.widgets.lean_imports import empty_package

    for name, text in (("empty", ""), ("full", "from PySide6.QtCore import *\n"),
                       ("plain", "")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "__init__.py").write_text(text)
        if name != "plain":  # compiled beside it, then shipped without the source
            py_compile.compile(str(folder / "__init__.py"), cfile=str(folder / "__init__.pyc"))
            (folder / "__init__.py").unlink()
    (tmp_path / "written").mkdir()
    (tmp_path / "written" / "__init__.py").write_text("x = 1\n")
    (tmp_path / "missing").mkdir()
    assert [empty_package(tmp_path / name) for name in
            ("empty", "plain", "full", "written", "missing")] == [True, True, False, False, False]
