"""An empty data folder name is a script's unset variable (`--data-dir "$DIR"`), not a wish for
the usual folder: it is refused in one line, exit 2, before anything is opened, so
`delete-all --yes` with it never reaches the practitioner's real data."""

import pytest

from core.store.paths import DATA_DIR_ENV, default_data_dir
from tests.cli.demo_folder import demo_folder
from tests.cli.in_process import run_main


def _contents(folder):
    return {path.relative_to(folder): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def usual_folder(tmp_path, monkeypatch):
    """The default data folder (under the test's own HOME/XDG folders) holding demo data."""
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    folder = default_data_dir()
    assert tmp_path in folder.parents  # the throwaway HOME, never the real one
    return demo_folder(folder)  # as `main.py --data-dir FOLDER demo` leaves it


@pytest.mark.parametrize("argv", [
    ["--data-dir", "", "delete-all", "--yes"],
    ["--data-dir=", "delete-all", "--yes"],
    ["--data-dir", "   ", "delete-all", "--yes"],
    ["delete-all", "--yes", "--data-dir", ""],
    ["--data-dir", "", "demo"],
    ["--data-dir", "", "status"],
    ["--data-dir", ""],  # the window
    ["--data-dir="],
])
def test_empty_data_dir_is_refused_and_the_usual_folder_is_untouched(usual_folder, argv):
    before = _contents(usual_folder)
    result = run_main(argv)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "--data-dir is empty" in lines[0], result.stderr
    assert "Nothing was changed" in lines[0]
    assert _contents(usual_folder) == before
    assert run_main(["status"]).returncode == 0  # the usual folder still has its data


@pytest.mark.parametrize("value", ["", "  "])
@pytest.mark.parametrize("argv", [["delete-all", "--yes"], ["demo"], []])
def test_empty_environment_variable_is_refused(usual_folder, value, argv):
    before = _contents(usual_folder)
    result = run_main(argv, env={DATA_DIR_ENV: value})
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and f"{DATA_DIR_ENV} is set but empty" in lines[0], result.stderr
    assert _contents(usual_folder) == before


def test_a_named_folder_wins_over_an_empty_environment_variable(usual_folder, tmp_path):
    other = tmp_path / "other"
    result = run_main(["--data-dir", str(other), "demo"], env={DATA_DIR_ENV: ""})
    assert result.returncode == 0, result.stderr
    assert (other / "caseload.db").exists()
