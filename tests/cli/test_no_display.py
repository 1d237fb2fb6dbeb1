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


def _unused_x_display() -> str:
    number = 90
    while os.path.exists(f"/tmp/.X11-unix/X{number}"):
        number += 1
    return f":{number}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
@pytest.mark.parametrize("stale", ["x11", "wayland"])
def test_a_display_left_pointing_at_nothing_is_one_line_not_an_abort(tmp_path, stale):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if stale == "x11":
        env["DISPLAY"] = _unused_x_display()  # as after `ssh -X` or on WSL with no X server
    else:
        env.update(WAYLAND_DISPLAY="wayland-9", XDG_RUNTIME_DIR=str(tmp_path))
    folder = tmp_path / "data"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder)],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1  # not 134
    assert done.stderr.startswith("No display found;") and done.stderr.count("\n") == 1
    assert not folder.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
def test_the_probe_finds_a_display_that_answers_and_not_one_that_does_not(tmp_path):
    import socket

    from ui.shell.display_probe import display_reachable

    wayland = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    wayland.bind(str(tmp_path / "wayland-1"))
    wayland.listen(1)
    tcp = socket.socket()
    tcp.bind(("127.0.0.1", 0))
    tcp.listen(1)
    number = tcp.getsockname()[1] - 6000  # X11 over TCP listens on 6000 + the display number
    try:
        assert display_reachable({"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(tmp_path)})
        assert display_reachable({"DISPLAY": f"127.0.0.1:{number}.0"})
        assert not display_reachable({"WAYLAND_DISPLAY": "wayland-2",
                                      "XDG_RUNTIME_DIR": str(tmp_path)})
        assert not display_reachable({"DISPLAY": _unused_x_display()})
        assert not display_reachable({"DISPLAY": "nonsense"})
        assert not display_reachable({})
    finally:
        wayland.close()
        tcp.close()
