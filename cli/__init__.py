"""Command-line subcommands: thin layers over the same `core` functions the GUI uses.

Each command module has `register(subparsers)`. COMMANDS names every subcommand, in the order
`--help` shows them, with the module that registers it and its line in `--help`: a command line
imports only the module of the command it runs (importing all of them cost every command about
150-200 ms), and the others are listed by name and help alone. A test proves the table says what
the modules register.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

_CASELOAD, _STORAGE, _TIME = "cli.caseload_commands", "cli.storage_commands", "cli.time_commands"
_ESTIMATE, _EXPORT, _SELFCHECK = "cli.estimate_commands", "cli.export_commands", \
    "cli.selfcheck_commands"

COMMANDS: dict[str, tuple[str, str]] = {
    "demo": (_CASELOAD, "fill an empty data folder with synthetic demo data"),
    "cases": (_CASELOAD, "import or list cases"),
    "profile": (_CASELOAD, "show or set grade, hours and protected ceiling"),
    "reductions": (_CASELOAD, "record or list reductions"),
    "reports": (_CASELOAD, "record court reports"),
    "backup": (_STORAGE, "back up your data now (into backups/, or --out FILE)"),
    "restore": (_STORAGE, "replace your data with a backup (checked first)"),
    "check": (_STORAGE, "check the data file: prints ok or what is wrong"),
    "retention": (_STORAGE, "show or delete cases closed more than N days ago"),
    "encryption": (_STORAGE, "status, or turn encryption on, change it, turn it off"),
    "delete-all": (_STORAGE, "delete all your data for good (needs --yes)"),
    "log": (_TIME, "log time in one line; `log list` to see it; `log import-calendar FILE.ics`"),
    "timer": (_TIME, "start, stop or check the timer"),
    "status": (_ESTIMATE, "this week's workload estimate, in words and figures"),
    "history": (_ESTIMATE, "the weekly estimate, oldest week first"),
    "official": (_ESTIMATE, "record the official WMT figure your manager gave you"),
    "method": (_ESTIMATE, "how the estimate is worked out; where to get support"),
    "export": (_EXPORT, "save the supervision summary (pdf, html, md) or the time entries (csv)"),
    "selfcheck": (_SELFCHECK, "check this installation works (offscreen, on demo data in a "
                              "temporary folder)"),
}


def command_modules() -> list[str]:
    """Every command module, in the order their commands are listed."""
    return list(dict.fromkeys(module for module, _help in COMMANDS.values()))


def command_named(argv: list[str]) -> str | None:
    """The subcommand a command line names: its first word that is not an option, skipping
    the value of `--data-dir` (the only option before the command that takes one)."""
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def add_commands(sub: argparse._SubParsersAction, argv: list[str] | None = None) -> None:
    """Every subcommand, in COMMANDS' order. Given `argv`, only the module of the command it
    names registers its commands; every other command is a stand-in with the same name and
    help (`stand_in` set), which takes any arguments: should argparse pick one after all, the
    caller parses again with every module registered."""
    import argparse

    wanted = None if argv is None else COMMANDS.get(command_named(argv) or "", ("",))[0]
    registered: set[str] = set()
    for name, (module, help_text) in COMMANDS.items():
        if wanted is None or module == wanted:
            if module not in registered:
                registered.add(module)
                import_module(module).register(sub)
            continue
        stand_in = sub.add_parser(name, help=help_text, add_help=False)
        stand_in.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
        stand_in.set_defaults(stand_in=True)
