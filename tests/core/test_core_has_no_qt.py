"""core/ must import with PySide6, pyqtgraph and shiboken6 unavailable: it is the Qt-free layer."""

import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in {'PySide6', 'pyqtgraph', 'shiboken6'}:
            raise ImportError('blocked: ' + name)
        return None
sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
print('imported', len(sys.argv) - 1)
"""


def core_modules() -> list[str]:
    import core

    names = ["core"]
    for info in pkgutil.walk_packages(core.__path__, prefix="core."):
        names.append(info.name)
    return names


def test_every_core_module_imports_without_qt():
    modules = core_modules()
    assert "core.caseload.cases" in modules and "core.store.migrations.m001_caseload" in modules
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, *modules],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert f"imported {len(modules)}" in result.stdout


def test_the_blocker_really_blocks_qt():
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, "PySide6.QtCore"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "blocked" in result.stderr
