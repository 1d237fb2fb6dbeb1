"""What Orca, the screen reader of GNOME, would say: Orca itself, on the test's private display
and accessibility bus, with its speech written to a file instead of a synthesiser.

Orca reads its settings folder's `orca-customizations.py` as it starts; the one written here
turns its speech servers off (no speech-dispatcher is started) and appends every utterance,
one JSON string a line, to `orca-spoken.jsonl`. Orca's own default script for Qt then decides, as
it does for a user, what is worth saying: the test hears exactly what a listener would.
Skipped when Orca is not installed (Debian: orca), unless CASELOAD_ORCA_REQUIRED=1.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

# Run inside Orca (its settings folder's customizations): no synthesiser, each utterance to file.
_CUSTOMIZATIONS = '''\
import json
import orca.settings
import orca.speech

orca.settings.speechServerFactory = ""
orca.settings.speechFactoryModules = []
_heard = {heard!r}
_original = orca.speech._speak


def _speak(text, acss, interrupt):
    with open(_heard, "a", encoding="utf-8") as out:
        out.write(json.dumps(text) + "\\n")
    _original(text, acss, interrupt)


orca.speech._speak = _speak
'''


# Orca's own launcher, run without its one-per-user check: it refuses to start while any other
# Orca of the user runs anywhere on the machine (and --replace would kill them), where each
# test session's Orca keeps to its own display and bus.
_LAUNCH = """\
import sys
launcher = sys.argv[0] = sys.argv.pop(1)
with open(launcher, encoding="utf-8") as source:
    code = compile(source.read(), launcher, "exec")
orca = {"__name__": "orca_launcher", "__file__": launcher}
exec(code, orca)
orca["otherOrcas"] = lambda: []
sys.exit(orca["main"]())
"""


class OrcaUnavailable(Exception):
    """Orca is not installed or did not start (a one-line reason, for the skip message)."""


def _interpreter(program: Path) -> str:
    """The Python that Orca's launcher names on its first line (#!/usr/bin/python3)."""
    with open(program, encoding="utf-8", errors="replace") as launcher:
        first = launcher.readline()
    if not first.startswith("#!") or "python" not in first:
        raise OrcaUnavailable(f"{program} is not Orca's Python launcher")
    return first[2:].split()[0]


class Orca:
    """Orca started on `env`'s display and bus; `said()` is everything it has spoken since."""

    def __init__(self, workdir: Path, env: dict[str, str]):
        self.workdir = workdir
        self.prefs = workdir / "orca"
        self.heard = workdir / "orca-spoken.jsonl"
        self.log = workdir / "orca-debug.out"
        self.output = workdir / "orca-output.txt"
        self._output: Any = None
        self.env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
        self.proc: subprocess.Popen | None = None
        self.python = ""
        self._mark = 0

    def start(self, timeout: float = 60.0) -> None:
        program = shutil.which("orca")
        if program is None:
            raise OrcaUnavailable("Orca is not installed (Debian: orca)")
        self.prefs.mkdir(parents=True, exist_ok=True)
        (self.prefs / "orca-customizations.py").write_text(
            _CUSTOMIZATIONS.format(heard=str(self.heard)), encoding="utf-8")
        self.heard.write_text("", encoding="utf-8")
        self.python = python = _interpreter(Path(program))  # Orca's, never this venv's
        self._output = open(self.output, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [python, "-c", _LAUNCH, program, "--user-prefs", str(self.prefs), "--debug-file",
             str(self.log)], env=self.env, start_new_session=True,
            stdout=self._output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while not self.said_all():  # Orca says it is on once it listens ("Screen reader on")
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise OrcaUnavailable(f"Orca did not start: {self.debug_tail()}")
            time.sleep(0.1)

    def listens_for(self, event: str) -> bool:
        """Whether this Orca's code names the event (`object:announcement`: Orca 43 does not)."""
        found = subprocess.run(
            [self.python, "-c", "import orca, os; print(os.path.dirname(orca.__file__))"],
            capture_output=True, text=True, timeout=60, env=self.env)
        folder = Path(found.stdout.strip())
        if found.returncode != 0 or not folder.is_dir():
            return False
        return any(event in path.read_text(errors="replace") for path in folder.rglob("*.py"))

    def said_all(self) -> list[str]:
        if not self.heard.exists():
            return []
        lines = self.heard.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def mark(self) -> None:
        """Forget what was said so far: `said()` starts here."""
        self._mark = len(self.said_all())

    def said(self) -> list[str]:
        return self.said_all()[self._mark:]

    def wait_for(self, pump: Any, words: str, timeout: float = 15.0) -> list[str]:
        """Everything said since the mark, once something said contains `words` (`pump(s)`
        runs the caller's event loop meanwhile)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(words in text for text in self.said()):
                return self.said()
            pump(0.1)
        raise AssertionError(f"Orca never said {words!r}; it said {self.said()}")

    def events_mark(self) -> None:
        """Forget Orca's event log so far: `events()` starts here."""
        self._events_mark = self.log.stat().st_size if self.log.exists() else 0

    def events(self) -> list[str]:
        """Orca's own account, since `events_mark()`, of the events it queued ("Queueing …"),
        and of its queue growing too long: past 50 waiting it prunes every waiting event but a
        few kinds (a notification's showing among those pruned) as a focus change comes in
        ("FLOOD? …", "… events pruned"), past 100 it drops them as they come ("DELUGE! …")."""
        if not self.log.exists():
            return []
        with open(self.log, "rb") as log:
            log.seek(getattr(self, "_events_mark", 0))
            text = log.read().decode("utf-8", errors="replace")
        marks = ("EVENT MANAGER: Queueing ", "EVENT MANAGER: FLOOD?", "EVENT MANAGER: DELUGE!",
                 " events pruned.")
        return [line.split(" - ", 1)[-1] for line in text.splitlines()
                if any(mark in line for mark in marks)]

    def debug_tail(self, lines: int = 10) -> str:
        """The end of what Orca printed, then of its debug log."""
        said = [path.read_text(errors="replace").splitlines()[-lines:]
                for path in (self.output, self.log) if path.exists()]
        return "\n".join(line for part in said for line in part) or "(nothing printed)"

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self.proc = None
        if self._output is not None:
            self._output.close()
            self._output = None
