"""Started without a desktop session, the app says so in one line instead of Qt's abort."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
def test_no_display_prints_one_line_and_creates_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    folder = tmp_path / "data"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder)],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == ("No display found; the app needs a desktop session. The command line "
                           "works without one: main.py --help\n")
    assert not folder.exists()


def test_the_readme_linux_note_says_so():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "No display found" in readme and "xcb-cursor0" in readme
