"""The README says mypy checks every module of core/ with none excused: the configuration in
pyproject.toml lets no module off its errors, and checks the whole of core/."""

import tomllib
from pathlib import Path

CONFIG = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())


def test_mypy_checks_all_of_core():
    assert CONFIG["tool"]["mypy"]["files"] == ["core"]


def test_no_module_is_excused():
    excused = [o["module"] for o in CONFIG["tool"]["mypy"].get("overrides", [])
               if o.get("ignore_errors")]
    assert excused == []


def test_a_stale_type_ignore_is_an_error():
    assert CONFIG["tool"]["mypy"].get("warn_unused_ignores") is True
