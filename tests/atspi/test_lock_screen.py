"""Through AT-SPI, encrypted data: the passphrase asked for at start and the lock screen (File >
Lock now). Each control is named by the words shown beside it, the passphrase
field by its visible label, and a wrong passphrase is said at once (an assertive announcement).

A second app, on its own encrypted demo data, on the same display and bus as the first: one
test process reaches one accessibility bus."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.atspi.bus import Bus, activate_window, open_menu
from tests.atspi.session import ROOT
from tests.atspi.test_announcements import ASSERTIVE, Heard
from tests.atspi.test_dialogs import _problems
from tests.atspi.test_names import _labelled_by

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus
PASSPHRASE = "a quiet field by the river"
WRONG = "not the passphrase at all"


def _env(workdir) -> dict[str, str]:
    env = dict(os.environ)  # the display and D-Bus session the first app's fixture started
    env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
               QT_ACCESSIBILITY="1", QT_SCALE_FACTOR="1")
    for key in ("CASELOAD_COMPANION_DATA_DIR", "CASELOAD_COMPANION_PASSPHRASE",
                "CASELOAD_COMPANION_NEW_PASSPHRASE"):
        env.pop(key, None)
    home = workdir / "home"
    for key, folder in (("HOME", home), ("XDG_CONFIG_HOME", home / "config"),
                        ("XDG_DATA_HOME", home / "data"), ("XDG_CACHE_HOME", home / "cache")):
        folder.mkdir(parents=True, exist_ok=True)
        env[key] = str(folder)
    return env


def _run(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def encrypted_app(app_bus, tmp_path_factory) -> Iterator[Bus]:
    workdir = tmp_path_factory.mktemp("locked")
    data, env = workdir / "data", _env(workdir)
    _run(["--data-dir", str(data), "demo"], env)
    _run(["--data-dir", str(data), "encryption", "on"],
         dict(env, CASELOAD_COMPANION_NEW_PASSPHRASE=PASSPHRASE))
    with open(workdir / "app.log", "wb") as log:
        app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data)],
                               env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        yield Bus(app_bus.Atspi, app.pid)
    finally:
        os.killpg(app.pid, signal.SIGTERM)
        app.wait(timeout=20)
        activate_window(app_bus)  # the first app's window has the keyboard again


def _wait(bus: Bus, found: Any, what: str, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = found()
        except Exception:  # noqa: BLE001 - the app arriving on, or changing on, the bus
            result = None
        if result:
            return result
        bus.pump(0.1)
    raise AssertionError(f"{what} never showed on the bus")


def _app(bus: Bus) -> Any:
    desktop = bus.Atspi.get_desktop(0)
    for index in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(index)
        if app is not None and app.get_process_id() == bus.pid:
            bus.app = app
            return app
    return None


def _windows(bus: Bus, role: str) -> list[Any]:
    app = _app(bus)
    kids = [app.get_child_at_index(i) for i in range(app.get_child_count())] if app else []
    return [k for k in kids if k is not None and k.get_role_name() == role and bus.showing(k)]


def _passphrase_field(bus: Bus, root: Any) -> Any:
    fields = [o for o in bus.walk(root) if o.get_role_name() == "password text"]
    return fields[0] if len(fields) == 1 else None


def _all(root: Any) -> Iterator[Any]:
    """Everything under `root`, showing or not (a menu's items)."""
    stack = [root]
    while stack:
        obj = stack.pop()
        yield obj
        kids = (obj.get_child_at_index(i) for i in range(obj.get_child_count()))
        stack.extend(k for k in kids if k is not None)


def _named_by_its_label(bus: Bus, root: Any, field: Any) -> list[str]:
    """The field's name is words shown beside it, and those words are its label."""
    shown = [(o.get_name() or "").rstrip(":").replace("&", "") for o in bus.walk(root)
             if o.get_role_name() == "label"]
    labels = [n.rstrip(":") for n in _labelled_by(bus, field)]
    problems = []
    if field.get_name() not in shown:
        problems.append(f"the passphrase field is called {field.get_name()!r}, not shown")
    if field.get_name() not in labels:
        problems.append(f"the passphrase field is labelled by {labels}, not its name")
    return problems


def _submit(bus: Bus, root: Any, field: Any, passphrase: str) -> None:
    """Type into the field (through the bus: the display's keyboard may be with the other
    app's window) and press Unlock."""
    assert bus.Atspi.EditableText.set_text_contents(field, passphrase)
    unlock = next(o for o in bus.walk(root)
                  if o.get_role_name() == "push button" and o.get_name() == "Unlock")
    unlock.get_action_iface().do_action(0)


def test_the_passphrase_at_start_and_the_lock_screen_are_named_and_say_a_refusal(
        encrypted_app):
    bus = encrypted_app
    heard = Heard(bus)
    try:
        # At start: "Unlock Caseload Companion", before any data is shown.
        dialog = _wait(bus, lambda: _windows(bus, "dialog")[0], "the passphrase dialog")
        field = _wait(bus, lambda: _passphrase_field(bus, dialog), "its passphrase field")
        problems = _problems(bus, dialog, "Unlock at start")
        problems += _named_by_its_label(bus, dialog, field)
        assert not problems, "\n".join(problems)
        _submit(bus, dialog, field, WRONG)
        said = heard.wait_for("That passphrase does not open your data")
        assert said[1] == ASSERTIVE, "a refusal is said at once"
        _submit(bus, dialog, field, PASSPHRASE)
        _wait(bus, lambda: not _windows(bus, "dialog"), "the data opened")
        frame = _wait(bus, lambda: _windows(bus, "frame")[0], "the window")
        # The Unlock dialog stayed in the tree all session, hidden, with the passphrase still
        # typed in it and its last error: now nothing of it is left, shown or not.
        _wait(bus, lambda: not [o for o in _all(_app(bus)) if o.get_role_name() == "password text"
                                or "does not open your data" in (o.get_name() or "")],
              "the Unlock dialog gone from the bus", 20)

        # File > Lock now, as a screen reader's menu commands choose it: open File, then the item
        # (in the window given the keyboard, as a window manager would when it opens).
        def item(name: str) -> Any:
            frame.clear_cache()  # asked afresh: an open menu fills in
            return next((o for o in _all(frame) if o.get_role_name() == "menu item"
                         and o.get_name() == name), None)

        def lock_now() -> Any:
            activate_window(bus)
            file_menu = item("File")
            if file_menu is not None and open_menu(bus, file_menu) is None:
                file_menu.get_action_iface().do_action(0)
                _wait(bus, lambda: open_menu(bus, file_menu), "the File menu", 10)
            return item("Lock now")

        _wait(bus, lock_now, "File > Lock now", 30).get_action_iface().do_action(0)
        field = _wait(bus, lambda: _passphrase_field(bus, frame), "the lock screen", 20)
        assert any(o.get_name() == "Caseload Companion is locked" for o in bus.walk(frame))
        assert not any(o.get_name() == "Overview" for o in bus.walk(frame)
                       if o.get_role_name() == "label"), "data shows behind the lock"
        problems = _problems(bus, frame, "Lock screen")
        problems += _named_by_its_label(bus, frame, field)
        assert not problems, "\n".join(problems)
        _submit(bus, frame, field, WRONG)
        said = heard.wait_for("That passphrase does not match")
        assert said[1] == ASSERTIVE, "a refusal is said at once"
        _submit(bus, frame, field, PASSPHRASE)
        _wait(bus, lambda: _passphrase_field(bus, frame) is None, "the unlocked window", 20)
    finally:
        heard.close()
