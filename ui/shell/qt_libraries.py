"""Which system libraries Qt's window plugin (xcb) is missing, found before Qt is loaded.

Qt aborts the process when its platform plugin cannot load, and since Qt 6.5 its message names
`xcb-cursor0` whatever is really missing. Here the plugin is loaded the way Qt would load it; when
that fails, `ldd` lists every library it cannot find, and the message names them with the apt
command that installs them (Debian and Ubuntu package names).

Pure Python (no Qt import), so main.py can ask before creating the QApplication.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# A library's soname and the Debian/Ubuntu package holding it, where the usual rule (below) does
# not give it: the names .ci/run installs.
_PACKAGES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}
_NOT_FOUND = re.compile(r"^\s*(\S+\.so[.\w]*)\s*=>\s*not found", re.MULTILINE)
_LOADER_ERROR = re.compile(r"(lib[\w.+-]+\.so[.\w]*): cannot open shared object file")


def apt_package(soname: str) -> str:
    """The Debian package for a library: `libxcb-icccm.so.4` is in `libxcb-icccm4`, and a name
    ending in a digit takes a hyphen (`libxkbcommon-x11.so.0` is in `libxkbcommon-x11-0`)."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    name, _, version = soname.partition(".so")
    version = version.lstrip(".").split(".")[0]
    if not version:
        return name.lower()
    joiner = "-" if name[-1:].isdigit() else ""
    return f"{name}{joiner}{version}".lower().replace("_", "-")


def missing_from_ldd(output: str) -> list[str]:
    """The libraries `ldd` reports as "not found", each once, in its order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def missing_from_loader_error(message: str) -> list[str]:
    """The library the dynamic loader could not open, from its error text."""
    return list(dict.fromkeys(_LOADER_ERROR.findall(message)))


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin, found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for candidate in (Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so",
                          Path(folder) / "plugins" / "platforms" / "libqxcb.so"):
            if candidate.is_file():
                return candidate
    return None


def will_use_xcb(env: Mapping[str, str] | None = None) -> bool:
    """Linux, with no platform chosen (or xcb chosen) and not a Wayland session, where Qt
    tries Wayland first."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not (env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland")


def _load(plugin: Path) -> str | None:
    """None when the plugin loads; otherwise the loader's error."""
    import ctypes

    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as exc:
        return str(exc)
    return None


def _ldd(plugin: Path) -> str:
    import subprocess  # only once the plugin has failed to load: not on every start

    try:
        done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


def missing_libraries_message(plugin: Path | None,
                              load: Callable[[Path], str | None] = _load,
                              ldd: Callable[[Path], str] = _ldd) -> str | None:
    """One line naming the libraries the window needs and the command that installs them, or
    None when the plugin loads (or there is none to check)."""
    if plugin is None:
        return None
    error = load(plugin)
    if error is None:
        return None
    missing = missing_from_ldd(ldd(plugin)) or missing_from_loader_error(error)
    if not missing:
        return ("The window cannot start: Qt's display plugin did not load "
                f"({error.strip()}). The command line works without it: main.py --help")
    packages = " ".join(dict.fromkeys(apt_package(name) for name in missing))
    return (f"The window cannot start: missing system {'library' if len(missing) == 1 else 'libraries'} "
            f"{', '.join(missing)}. On Debian or Ubuntu: sudo apt install {packages}")


def qt_libraries_problem(env: Mapping[str, str] | None = None) -> str | None:
    """What main.py says instead of Qt's abort when the xcb plugin cannot load, else None."""
    if not will_use_xcb(env):
        return None
    return missing_libraries_message(xcb_plugin())
