"""A private X display, D-Bus session and accessibility bus, with the real app on demo data.

Nothing here touches the developer's own desktop: Xvfb picks a free display, the D-Bus session
is new, and key presses are synthesised on that display only. The client side is libatspi
through GObject introspection (Debian: gir1.2-atspi-2.0 and python3-gi), which a virtual
environment reaches through the system's dist-packages folder.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PACKAGES = ("/usr/lib/python3/dist-packages",)
START_TIMEOUT = 60.0


class Unavailable(Exception):
    """What is missing for the accessibility bus (a one-line reason, for the skip message)."""


def import_atspi() -> Any:
    """The Atspi module, reaching the system's python3-gi from a virtual environment."""
    try:
        import gi  # noqa: F401
    except ImportError:
        for folder in SYSTEM_PACKAGES:
            if os.path.isdir(os.path.join(folder, "gi")) and folder not in sys.path:
                sys.path.append(folder)  # after the venv's own packages, never before
    try:
        import gi

        gi.require_version("Atspi", "2.0")
        from gi.repository import Atspi
    except (ImportError, ValueError) as exc:
        raise Unavailable(
            f"no AT-SPI client library (python3-gi, gir1.2-atspi-2.0): {exc}") from None
    return Atspi


def _need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise Unavailable(f"{program} is not installed")
    return path


class Session:
    """Xvfb + dbus-daemon + the AT-SPI bus + the app, started together and stopped together."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.procs: list[subprocess.Popen] = []
        self.env = dict(os.environ)
        self.app: subprocess.Popen | None = None
        self._saved = {k: os.environ.get(k) for k in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}

    # --- start ------------------------------------------------------------------------------
    def start(self) -> None:
        xvfb, daemon = _need("Xvfb"), _need("dbus-daemon")
        runtime = self.workdir / "runtime"  # the bus sockets live here, not in the real home
        runtime.mkdir(mode=0o700, exist_ok=True)
        self.env.update(XDG_RUNTIME_DIR=str(runtime), HOME=str(self.workdir))
        dbus_send = _need("dbus-send")
        read, write = os.pipe()
        self._spawn([xvfb, "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                     "-nolisten", "tcp"], pass_fds=(write,))
        os.close(write)
        try:
            number = self._read_line(read, "Xvfb did not start")
        finally:
            os.close(read)
        self.env["DISPLAY"] = f":{number}"
        bus = self._spawn([daemon, "--session", "--nofork", "--print-address"],
                          stdout=subprocess.PIPE)
        assert bus.stdout is not None
        address = self._read_line(bus.stdout.fileno(), "dbus-daemon did not start")
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address
        # Qt only talks to the accessibility bus if it is already there: start it now.
        started = subprocess.run(
            [dbus_send, "--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus",
             "org.a11y.Bus.GetAddress"], env=self.env, capture_output=True, timeout=30)
        if started.returncode != 0:
            raise Unavailable("the AT-SPI bus did not start (at-spi2-core): "
                              + started.stderr.decode(errors="replace").strip()[:200])
        os.environ.update(DISPLAY=self.env["DISPLAY"], DBUS_SESSION_BUS_ADDRESS=address)

    def start_app(self, data_dir: Path) -> None:
        """`main.py demo` into `data_dir`, then the app itself on that display and bus."""
        env = dict(self.env)
        env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   QT_ACCESSIBILITY="1", QT_SCALE_FACTOR="1")
        env.pop("CASELOAD_COMPANION_DATA_DIR", None)
        home = self.workdir / "home"  # never the developer's own settings or data
        for key, folder in (("HOME", home), ("XDG_CONFIG_HOME", home / "config"),
                            ("XDG_DATA_HOME", home / "data"), ("XDG_CACHE_HOME", home / "cache")):
            folder.mkdir(parents=True, exist_ok=True)
            env[key] = str(folder)
        demo = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir",
                               str(data_dir), "demo"], env=env, capture_output=True, timeout=120)
        if demo.returncode != 0:
            raise RuntimeError(f"demo data failed: {demo.stderr.decode(errors='replace')}")
        log = open(self.workdir / "app.log", "wb")
        self.app = self._spawn([sys.executable, str(ROOT / "main.py"), "--data-dir",
                                str(data_dir)], env=env, stdout=log, stderr=subprocess.STDOUT)

    def app_log(self) -> str:
        path = self.workdir / "app.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- stop -------------------------------------------------------------------------------
    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        for key, value in self._saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    # --- helpers ----------------------------------------------------------------------------
    def _spawn(self, args: list[str], **kwargs: Any) -> subprocess.Popen:
        kwargs.setdefault("env", self.env)
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        # Its own process group, so stopping it also stops what it started (the bus launcher).
        proc = subprocess.Popen(args, start_new_session=True, **kwargs)
        self.procs.append(proc)
        return proc

    @staticmethod
    def _read_line(fd: int, problem: str) -> str:
        deadline = time.monotonic() + START_TIMEOUT
        data = b""
        while b"\n" not in data:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(left, 0))
            if not ready:
                raise Unavailable(problem)
            chunk = os.read(fd, 256)
            if not chunk:
                raise Unavailable(problem)
            data += chunk
        return data.split(b"\n", 1)[0].decode().strip()
