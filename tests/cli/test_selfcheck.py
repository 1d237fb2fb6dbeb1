"""`selfcheck` proves an installation works, and says so with its exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import main
from cli import selfcheck_commands

ROOT = Path(__file__).resolve().parents[2]


def test_selfcheck_passes_on_a_working_installation(tmp_path):
    # A separate process, as after installing: a fresh Qt application, offscreen.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path / "own"), "selfcheck"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=50,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "selfcheck passed" in done.stdout
    assert "main window opened" in done.stdout
    # The practitioner's own data folder is never filled with the demo data.
    assert not (tmp_path / "own" / "caseload.db").exists()
    # Nor is the folder it was run from: the export it tries is saved in its throwaway folder.
    assert list(tmp_path.iterdir()) == []


def test_selfcheck_fails_when_a_resource_is_missing(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("core.common.resources.resource_root", lambda: tmp_path / "nowhere")
    # The window and command checks are covered above; here only the failure path matters.
    for name in ("check_window", "check_status", "check_export"):
        monkeypatch.setattr(selfcheck_commands, name, lambda *a: "skipped in this test")
    code = main.main(["--data-dir", str(tmp_path / "own"), "selfcheck"])
    out = capsys.readouterr().out
    assert code != 0
    assert "FAILED  resources found" in out
    assert "selfcheck failed" in out.splitlines()[-1]


def test_export_arguments_are_filled_for_each_subcommand(tmp_path):
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--format", choices=["pdf", "md"])
    argv = selfcheck_commands._fill_required(parser, tmp_path)
    assert argv == [["--out", str(tmp_path / "selfcheck-out")]]


def test_an_optional_output_file_is_given_so_nothing_lands_in_the_current_folder(tmp_path):
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--out")
    parser.add_argument("--force", action="store_true")
    argv = selfcheck_commands._fill_required(parser, tmp_path)
    assert argv == [["--out", str(tmp_path / "selfcheck-out.pdf")]]
