"""Whether the desktop session named by DISPLAY or WAYLAND_DISPLAY can be reached, found out
before Qt is loaded: Qt aborts the process (exit 134, blaming the xcb plugin) when it cannot
open the display, so a DISPLAY left over from `ssh -X` or WSL must be caught here.

Pure Python (no Qt import), so main.py can ask before creating the QApplication. Sources: the
X11 display name `[host]:display[.screen]` (X(7), "Display names": local displays listen on the
socket /tmp/.X11-unix/X<display>, Linux servers also on the abstract socket of that name, TCP
displays on port 6000 + display) and the Wayland socket `$XDG_RUNTIME_DIR/$WAYLAND_DISPLAY`
(or WAYLAND_DISPLAY itself when absolute; wayland-client's wl_display_connect).
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Mapping

TIMEOUT = 1.0  # seconds a connection may take; a local socket answers at once
X11_TCP_BASE = 6000
_X11_NAME = re.compile(r"^(?P<host>.*):(?P<number>\d+)(?:\.\d+)?$")


def _unix_socket_answers(address: str) -> bool:
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(TIMEOUT)
    try:
        probe.connect(address)
        return True
    except OSError:
        return False
    finally:
        probe.close()


def _tcp_answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=TIMEOUT):
            return True
    except OSError:
        return False


def x11_reachable(display: str) -> bool:
    """True when an X server answers for `display` (":0", "unix:1", "localhost:10.0")."""
    match = _X11_NAME.match(display.strip())
    if not match:
        return False
    host, number = match["host"], int(match["number"])
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        return _unix_socket_answers(path) or _unix_socket_answers("\0" + path)
    if host.startswith("/"):  # a socket path given as the host (XQuartz-style names)
        return _unix_socket_answers(f"{host}:{number}")
    return _tcp_answers(host, X11_TCP_BASE + number)


def wayland_reachable(name: str, runtime_dir: str | None) -> bool:
    """True when a Wayland compositor answers on the socket `name` names."""
    if not os.path.isabs(name):
        if not runtime_dir:
            return False
        name = os.path.join(runtime_dir, name)
    return _unix_socket_answers(name)


def display_reachable(env: Mapping[str, str] | None = None) -> bool:
    """Whether Qt will find a display it can open: WAYLAND_DISPLAY or DISPLAY set and
    answering. Both unset, or both pointing at nothing, gives False."""
    env = os.environ if env is None else env
    wayland, display = env.get("WAYLAND_DISPLAY"), env.get("DISPLAY")
    if wayland and wayland_reachable(wayland, env.get("XDG_RUNTIME_DIR")):
        return True
    return bool(display) and x11_reachable(display)
