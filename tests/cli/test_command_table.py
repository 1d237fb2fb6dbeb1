"""A command line imports only the module of the command it runs (cli.COMMANDS): `--help`,
every command's own help and every mistake still read as when all of them were imported."""

import argparse
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import cli
import main

ROOT = Path(__file__).resolve().parents[2]


def _commands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def test_the_table_names_every_command_in_the_order_and_words_the_modules_give_them():
    full = _commands(main.build_parser())  # every module registered
    assert list(full.choices) == list(cli.COMMANDS)
    assert {a.dest: a.help for a in full._choices_actions} == {
        name: help_text for name, (_module, help_text) in cli.COMMANDS.items()}
    for module in cli.command_modules():  # each command with the module that registers it
        own = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(own)
        assert [name for name, (where, _help) in cli.COMMANDS.items() if where == module] == \
            list(own.choices)


def test_help_lists_every_command_with_its_line(capsys):
    with pytest.raises(SystemExit) as exited:
        main.main(["--help"])
    said = capsys.readouterr().out
    assert exited.value.code == 0
    assert said == main.build_parser().format_help()
    for name in cli.COMMANDS:
        assert f"    {name} " in said
    assert "`log import-" in said and "with synthetic demo data" in said


@pytest.mark.parametrize("name", list(cli.COMMANDS))
def test_each_commands_own_help_is_its_whole_help(name):
    full = _commands(main.build_parser()).choices[name]
    for argv in ([name, "--help"], ["--data-dir", "somewhere", name, "-h"]):
        assert _commands(main.build_parser(argv)).choices[name].format_help() == \
            full.format_help()


@pytest.mark.parametrize("argv, said", [
    (["stauts"], "error: 'stauts' is not a command; did you mean status? "
                 "See `caseload-companion --help`.\n"),
    (["--", "log"], "error: '--' is not a command; choose from " + ", ".join(cli.COMMANDS)
     + ". See `caseload-companion --help`.\n"),
    (["log", "list", "--bogus"], "error: unrecognized arguments: --bogus. "
                                 "See `caseload-companion log --help`.\n"),
    (["cases"], "error: the following arguments are required: cases_command. "
                "See `caseload-companion cases --help`.\n"),
])
def test_a_mistyped_command_line_still_gets_its_one_line(capsys, tmp_path, argv, said):
    with pytest.raises(SystemExit) as exited:
        main.main(["--data-dir", str(tmp_path), *argv])
    assert exited.value.code == 2
    assert capsys.readouterr() == ("", said)


def test_a_command_line_read_wrongly_by_the_table_still_runs_its_command(
        capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "command_named", lambda argv: "log")  # a wrong guess
    assert main.main(["--data-dir", str(tmp_path / "none"), "method"]) == 0
    assert "estimate" in capsys.readouterr().out


def test_a_command_imports_no_other_commands_module():
    script = ("import sys, main; main.build_parser(sys.argv[1:]); "
              "import json; print(json.dumps(sorted(m for m in sys.modules "
              "if m.startswith('cli.') and m.endswith('_commands'))))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for argv, modules in ((["log", "list"], ["cli.time_commands"]),
                          (["--data-dir", "x", "status", "--json"], ["cli.estimate_commands"]),
                          (["--help"], [])):
        done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True,
                              text=True, cwd=ROOT, env=env, timeout=60, check=True)
        assert json.loads(done.stdout) == modules
