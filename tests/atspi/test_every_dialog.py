"""Through AT-SPI, every dialog the app has (each QDialog in ui/, opened on demo data by
tests/atspi/dialog_host.py): every focusable control is named, a combo box by the label
beside it, nothing is named by its own value, and no two controls in a dialog share a name."""

from __future__ import annotations

import ast
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.atspi.bus import Bus, activate_window
from tests.atspi.session import ROOT
from tests.atspi.test_dialogs import _problems

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(600)]  # a real app on a real bus
HOST = Path(__file__).with_name("dialog_host.py")
NOT_HERE = {"LockScreen",  # the lock screen has tests of its own
            "KeepsTypedWords"}  # the note dialogs' own base, opened as each of them


def dialog_classes() -> set[str]:
    """Every QDialog subclass defined in ui/."""
    found = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and any(
                    getattr(b, "id", getattr(b, "attr", "")) == "QDialog" for b in node.bases):
                found.add(node.name)
    return found


class Host:
    """dialog_host.py on the AT-SPI group's display and bus (the client library talks to one
    bus per process: the one the app_bus fixture started); one dialog open at a time."""

    def __init__(self, workdir: Path, script: Path = HOST):
        env = dict(os.environ)  # DISPLAY and the D-Bus session the fixture set
        env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   QT_ACCESSIBILITY="1", QT_SCALE_FACTOR="1", PYTHONPATH=str(ROOT))
        env.pop("CASELOAD_COMPANION_DATA_DIR", None)
        home = workdir / "home"  # never the developer's own settings
        for key, folder in (("HOME", home), ("XDG_CONFIG_HOME", home / "config"),
                            ("XDG_DATA_HOME", home / "data"), ("XDG_CACHE_HOME", home / "cache")):
            folder.mkdir(parents=True, exist_ok=True)
            env[key] = str(folder)
        self.log_path = workdir / "host.log"
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen([sys.executable, str(script)], env=env,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=log, start_new_session=True)

    def line(self, timeout: float = 60.0) -> str:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            raise TimeoutError("the dialog host said nothing:\n" + self.log_path.read_text())
        return self.proc.stdout.readline().decode().strip()

    def next(self, command: str = "next") -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command.encode() + b"\n")
        self.proc.stdin.flush()
        return self.line()

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def host_bus(app_bus, tmp_path_factory) -> Iterator[tuple[Host, Bus]]:
    host = Host(tmp_path_factory.mktemp("atspi-dialogs"))
    try:
        assert host.line(120).startswith("ready"), host.log_path.read_text()
        bus = Bus(app_bus.Atspi, host.proc.pid)
        bus.wait_for_app()
        yield host, bus
    finally:
        host.stop()
        activate_window(app_bus)  # the app's window has the keyboard again for what follows


def _shown_dialog(bus: Bus, title: str, timeout: float = 10.0) -> Any:
    """The showing window called `title` (the window, not any dialog left from before; the
    window manager's title may add the app's name)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for index in reversed(range(bus.app.get_child_count())):
            window = bus.app.get_child_at_index(index)
            if (window is not None and window.get_role_name() != "frame"
                    and (window.get_name() or "").startswith(title) and bus.showing(window)):
                bus.pump(0.3)  # filled in
                return window
        bus.pump(0.05)
    return None


def test_every_dialog_names_its_controls_by_their_visible_labels(host_bus):
    host, bus = host_bus
    problems, opened, editable = [], set(), []
    while True:
        said = host.next()
        if said == "done":
            break
        _, cls, name = said.split(" ", 2)
        opened.add(cls)
        dialog = _shown_dialog(bus, name)
        if dialog is None:
            problems.append(f"{name}: not on the bus")
            continue
        problems += _problems(bus, dialog, name)
        editable += [o for o in bus.walk(dialog) if o.get_role_name() == "combo box"
                     and "editable" in bus.states(o)]
    missing = dialog_classes() - NOT_HERE - opened
    assert not missing, f"dialogs never opened here: {sorted(missing)}"
    assert editable, "no editable combo box met (the reduction's reason is one)"
    assert not problems, "\n".join(problems)
