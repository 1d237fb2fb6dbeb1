"""When Qt's window plugin cannot load, main.py names the missing libraries and the apt command
in one line, instead of Qt's abort blaming xcb-cursor0 (which may well be installed)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.shell.qt_libraries import (
    apt_package,
    missing_from_ldd,
    missing_from_loader_error,
    missing_libraries_message,
    will_use_xcb,
)

ROOT = Path(__file__).resolve().parents[2]

# What `ldd libqxcb.so` prints on a desktop with libxcb-cursor0 but not libxcb-icccm4,
# libxcb-keysyms1 or libxcb-xinerama0 (trimmed).
LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-xinerama.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
"""
LOADER_ERROR = ("/venv/PySide6/Qt/plugins/platforms/libqxcb.so: libxcb-icccm.so.4: cannot open "
                "shared object file: No such file or directory")


def test_each_missing_library_is_named_once_from_ldd():
    assert missing_from_ldd(LDD_OUTPUT) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                                            "libxkbcommon-x11.so.0", "libxcb-xinerama.so.0"]
    assert missing_from_ldd(LDD_OUTPUT.replace("not found", "/lib/x.so (0x1)")) == []


def test_the_loader_error_names_the_first_missing_library():
    assert missing_from_loader_error(LOADER_ERROR) == ["libxcb-icccm.so.4"]


@pytest.mark.parametrize("soname, package", [
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-xinerama.so.0", "libxcb-xinerama0"), ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"), ("libxcb-render-util.so.0",
                                                       "libxcb-render-util0"),
    ("libEGL.so.1", "libegl1"), ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
])
def test_debian_package_names(soname, package):
    assert apt_package(soname) == package


def test_one_line_with_every_library_and_the_install_command(tmp_path):
    said = missing_libraries_message(tmp_path / "libqxcb.so", load=lambda _: LOADER_ERROR,
                                     ldd=lambda _: LDD_OUTPUT)
    assert said == ("The window cannot start: missing system libraries libxcb-icccm.so.4, "
                    "libxcb-keysyms.so.1, libxkbcommon-x11.so.0, libxcb-xinerama.so.0. On Debian "
                    "or Ubuntu: sudo apt install libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 "
                    "libxcb-xinerama0")
    assert "\n" not in said and "xcb-cursor" not in said


def test_without_ldd_the_loader_error_still_names_the_library(tmp_path):
    said = missing_libraries_message(tmp_path / "libqxcb.so", load=lambda _: LOADER_ERROR,
                                     ldd=lambda _: "")
    assert said.endswith("missing system library libxcb-icccm.so.4. On Debian or Ubuntu: "
                         "sudo apt install libxcb-icccm4")


def test_a_plugin_that_loads_says_nothing(tmp_path):
    assert missing_libraries_message(tmp_path / "libqxcb.so", load=lambda _: None,
                                     ldd=lambda _: LDD_OUTPUT) is None
    assert missing_libraries_message(None) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_the_installed_plugin_loads_here():
    from ui.shell.qt_libraries import qt_libraries_problem, xcb_plugin

    assert xcb_plugin() is not None and xcb_plugin().name == "libqxcb.so"
    assert qt_libraries_problem({"QT_QPA_PLATFORM": "xcb"}) is None


def test_only_the_xcb_platform_is_checked(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert will_use_xcb({}) and will_use_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not will_use_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not will_use_xcb({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_main_says_it_in_one_line_and_creates_nothing(tmp_path):
    """The start command with a plugin whose libraries are missing (simulated: its loader error
    and ldd's report): one line on stderr, exit 1, no data folder, no Qt abort."""
    folder = tmp_path / "data"
    script = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import ui.shell.qt_libraries as q
from pathlib import Path
q.xcb_plugin = lambda: Path({str(tmp_path / 'libqxcb.so')!r})
q._load = lambda plugin: {LOADER_ERROR!r}
q._ldd = lambda plugin: {LDD_OUTPUT!r}
q.missing_libraries_message.__defaults__ = (q._load, q._ldd)
import main
sys.exit(main.main(["--data-dir", {str(folder)!r}]))
"""
    # Qt really fails to start its xcb plugin (no display to open), and the check made then
    # finds the simulated missing libraries.
    env = {**{k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")},
           "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("The window cannot start: missing system libraries "
                                  "libxcb-icccm.so.4")
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in done.stderr
    assert not folder.exists()


def test_the_readme_lists_the_libraries_ci_installs():
    """README's apt line is the list .ci/run installs for Qt (not its test-only tools)."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.search(r"sudo apt install (.+)", readme).group(1).split())
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    installed = set(re.findall(r"\b(lib[\w.+-]+|fonts-[\w-]+)", ci.partition("export QT_QPA")[0]))
    test_tools = {"library", "libraries",  # words in its comments
                  "poppler-utils", "xvfb", "dbus", "at-spi2-core", "gir1.2-atspi-2.0", "python3-gi"}
    assert listed == installed - test_tools
    assert "says in one line which library" in readme
