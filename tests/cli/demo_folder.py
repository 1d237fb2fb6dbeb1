"""A data folder as `main.py --data-dir FOLDER demo` leaves it, copied from one made once per test
process for the same clock (the day, and CASELOAD_COMPANION_NOW when it is set): the command takes
about a third of a second, a copy of its folder a few milliseconds. A folder fresh from `demo`
holds nothing that names it (tests/cli/test_demo_folder.py compares the two)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from core.common import clock
from tests.cli.in_process import run_main

_made: dict[tuple[str, str], Path] = {}
_place = tempfile.TemporaryDirectory(prefix="demo-folders-")  # removed when the process ends


def demo_folder(folder: Path) -> Path:
    """`folder` (which must not exist yet) as the `demo` command makes it; returns `folder`."""
    key = (os.environ.get(clock.NOW_ENV, ""), clock.today().isoformat())
    made = _made.get(key)
    if made is None:
        made = Path(_place.name) / str(len(_made)) / "data"
        done = run_main(["--data-dir", str(made), "demo"])
        assert done.returncode == 0, done.stderr
        _made[key] = made
    shutil.copytree(made, folder)
    return folder
