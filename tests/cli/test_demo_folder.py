"""tests/cli/demo_folder.py's copy is the folder the `demo` command itself makes: the same files,
permissions and data."""

from __future__ import annotations

import stat

from tests.cli.demo_folder import demo_folder
from tests.cli.in_process import run_main
from tests.demo_copy import contents
from core.store.database import open_database
from core.store.paths import database_path


def _files(folder):
    return {p.relative_to(folder): stat.S_IMODE(p.stat().st_mode) for p in folder.rglob("*")}


def test_the_copied_folder_is_what_demo_makes(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-12-02T12:00")
    made = tmp_path / "made"
    assert run_main(["--data-dir", str(made), "demo"]).returncode == 0
    copies = [demo_folder(tmp_path / "copy"), demo_folder(tmp_path / "again")]
    for copy in copies:
        assert _files(copy) == _files(made)
        assert stat.S_IMODE(copy.stat().st_mode) == stat.S_IMODE(made.stat().st_mode)
        dbs = [open_database(database_path(f)) for f in (made, copy)]
        try:
            assert contents(dbs[1]) == contents(dbs[0])
        finally:
            for db in dbs:
                db.close()
