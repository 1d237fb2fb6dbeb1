"""No network, proven: the main flows run with every way of making a socket made to fail.

To cover a new flow, add a line to FLOWS. A flow whose command is not built yet is skipped and
named in the skip reason, so the list of covered flows is always visible in the test output.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import main
from tests.cli.in_process import run_main

ROOT = Path(__file__).resolve().parents[2]


class NetworkUsed(AssertionError):
    pass


def _refuse(*args, **kwargs):
    raise NetworkUsed("the app tried to use the network")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = main.build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _export_argv(tmp: Path) -> list[str]:
    """The export command's options are its own; pass the ones it has."""
    argv = ["export"]
    if "export" not in _commands():
        return argv
    options = {o for a in _commands()["export"]._actions for o in a.option_strings}
    if "--format" in options:
        argv += ["--format", "md"]
    if "--out" in options:
        argv += ["--out", str(tmp / "supervision.md")]
    return argv


def _calendar_argv(tmp: Path) -> list[str]:
    from datetime import date, timedelta

    from tests.core.time.calendar.ics import realistic_week

    today = date.today()
    monday = today - timedelta(days=today.weekday() + 7)
    (tmp / "calendar.ics").write_bytes(realistic_week(monday))
    return ["log", "import-calendar", str(tmp / "calendar.ics"), "--from", monday.isoformat()]


# (flow name, argv or a function of the temp folder giving argv). Run in this order.
FLOWS: list[tuple[str, object]] = [
    ("demo data", ["demo"]),
    ("status", ["status"]),
    ("history", ["history"]),
    ("list cases", ["cases", "list", "--all"]),
    ("time entry", ["log", "yesterday 07:30-08:15 home visit"]),  # any time of day
    ("time list", ["log", "list"]),
    ("calendar import", _calendar_argv),
    ("timer", ["timer", "status"]),
    ("export", _export_argv),
    ("backup", ["backup"]),
    ("backup to a file", lambda tmp: ["backup", "--out", str(tmp / "copy.db")]),
    ("check", ["check"]),
    ("restore", lambda tmp: ["restore", str(tmp / "copy.db")]),
    ("retention", ["retention"]),
    ("encryption status", ["encryption", "status"]),
]


@pytest.fixture(scope="module")
def flows_run(tmp_path_factory) -> dict[str, tuple[int | None, str]]:
    """Every flow of FLOWS once, in order, in one data folder, with every way of making a socket
    made to fail: {flow: (exit code, stderr so far)}, or (None, why) for a flow whose command is
    not built yet. Each flow's test reads its own line (running the flows before it again for
    each test made 120 runs of the 15)."""
    tmp = tmp_path_factory.mktemp("no-network")
    commands = _commands()
    # Late afternoon today, so the flows' "09:30-10:15 today" has happened whenever this runs.
    from datetime import date

    env = {"CASELOAD_COMPANION_NOW": f"{date.today().isoformat()}T17:00",
           "CASELOAD_COMPANION_DATA_DIR": str(tmp / "data"), "HOME": str(tmp / "home"),
           "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_DATA_HOME": str(tmp / "xdg-data")}
    results: dict[str, tuple[int | None, str]] = {}
    said = ""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("socket", "create_connection", "socketpair", "getaddrinfo", "fromfd"):
            patch.setattr(socket, name, _refuse)
        for name, argv in FLOWS:  # each flow runs after the ones before it (demo data first)
            argv = argv(tmp) if callable(argv) else argv
            if argv[0] not in commands:
                results[name] = (None, f"the `{argv[0]}` command does not exist yet")
                continue
            done = run_main(["--data-dir", str(tmp / "data"), *argv], env=env)
            said += done.stderr
            results[name] = (done.returncode, said)
    return results


@pytest.mark.parametrize("flow", [name for name, _ in FLOWS])
def test_flows_succeed_with_sockets_made_to_fail(flow, flows_run):
    code, err = flows_run[flow]
    if code is None:
        pytest.skip(err)
    assert code == 0, f"{flow} failed without the network: {err}"
    assert "Traceback" not in err


def test_whole_cli_session_opens_no_socket_at_all(tmp_path):
    """In a fresh process an audit hook stops it at the first socket of any kind (C level)."""
    script = f"""
import sys
def hook(event, args):
    if event.startswith("socket."):
        raise SystemExit("socket used: " + event)
sys.addaudithook(hook)
sys.path.insert(0, {str(ROOT)!r})
import main
data = {str(tmp_path / 'data')!r}
for argv in (["demo"], ["cases", "list"], ["backup"], ["check"], ["retention"]):
    code = main.main(["--data-dir", data, *argv])
    assert code == 0, (argv, code)
from core.store import encryption
if encryption.available():  # the encrypted path too: key derivation, re-keying, backups
    import os
    os.environ["CASELOAD_COMPANION_NEW_PASSPHRASE"] = "a long enough passphrase"
    os.environ["CASELOAD_COMPANION_PASSPHRASE"] = "a long enough passphrase"
    for argv in (["encryption", "on"], ["cases", "list"], ["backup"], ["encryption", "off"]):
        code = main.main(["--data-dir", data, *argv])
        assert code == 0, (argv, code)
print("no socket")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "no socket" in done.stdout


def test_about_says_the_app_never_connects():
    from core.common.privacy_text import NETWORK_STATEMENT

    assert "never connects to any network" in NETWORK_STATEMENT
