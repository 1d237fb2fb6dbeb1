"""`selfcheck`: open the app offscreen on demo data in a throwaway folder, and prove it works.

Used after building a bundle (a missing module, resource or Qt plugin shows up here, not on a
practitioner's laptop). Never touches the practitioner's own data folder. Exit 0 only if every
check passed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import traceback
from pathlib import Path
from dataclasses import dataclass
from typing import Callable

from cli.common import EXIT_FAILED, EXIT_OK, Context


@dataclass(frozen=True)
class AppEntry:
    """What `main.py`, the composition root, hands to `selfcheck` so that the check runs the real
    start path without this module importing `main` (which imports the commands)."""

    main: Callable[[list[str]], int]               # the whole entry point, argv -> exit code
    build_parser: Callable[[], argparse.ArgumentParser]
    window_frame: Callable  # type: ignore[type-arg]  (settings) -> MainWindow, as a start paints it
    build_window: Callable  # type: ignore[type-arg]  (db, data_dir, settings, window) -> MainWindow


class Checks:
    """Runs named steps, prints one line each, and remembers what failed."""

    def __init__(self) -> None:
        self.failed: list[str] = []
        self.count = 0

    def run(self, name: str, step: Callable[[], str | None]) -> bool:
        self.count += 1
        try:
            detail = step()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none escapes
            self.failed.append(name)
            print(f"FAILED  {name}: {exc}")
            traceback.print_exc(limit=4, file=sys.stderr)
            return False
        print(f"ok      {name}" + (f" ({detail})" if detail else ""))
        return True

    def skip(self, name: str, why: str) -> None:
        print(f"skipped {name}: {why}")


def check_resources() -> str:
    from core.common.resources import resource_path, resource_root

    needed = [resource_path("icon.svg"), resource_path("icons", "app-256.png")]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise RuntimeError("missing " + ", ".join(missing))
    return str(resource_root())


def check_window(entry: AppEntry, db, data_dir: Path) -> str:  # type: ignore[no-untyped-def]
    """Build the real main window on the demo data, visit every view, and close it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.shell.app import create_application
    from ui.shell.theme import app_icon, apply_theme

    fresh = QApplication.instance() is None
    app = create_application()
    if fresh:  # an app that already exists (tests) keeps its own look
        apply_theme(app)
    if app_icon().isNull():
        raise RuntimeError("the app icon could not be loaded")
    from PySide6.QtGui import QIcon

    from core.common.resources import resource_path

    if QIcon(str(resource_path("icon.svg"))).pixmap(64, 64).isNull():
        raise RuntimeError("SVG images cannot be drawn (Qt's SVG plugin is missing)")
    errors: list[str] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, value, tb: errors.append(f"{kind.__name__}: {value}")
    try:
        settings = QSettings(str(data_dir / "selfcheck-settings.ini"), QSettings.Format.IniFormat)
        window = entry.window_frame(settings)  # as a start does: the frame, painted, then data
        window.restore_state()
        window.resize(1024, 700)
        window.show()
        app.processEvents()
        entry.build_window(db, data_dir, settings, window)
        app.processEvents()
        keys = list(window._keys)
        for key in keys:
            window.show_view(key)
            app.processEvents()
            if window.grab().isNull():
                raise RuntimeError(f"the {key} view could not be drawn")
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        sys.excepthook = previous_hook
    if errors:
        raise RuntimeError("; ".join(errors))
    return f"{len(keys)} views: {', '.join(keys)}"


def _run_main(app: AppEntry, argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = app.main(argv)
    return code, out.getvalue()


def _command_parser(app: AppEntry, name: str) -> argparse.ArgumentParser | None:
    parser = app.build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices.get(name)
    return None


def _fill_required(parser: argparse.ArgumentParser, out_dir: Path) -> list[list[str]]:
    """Argument lists that satisfy a parser's required arguments: one per sub-subcommand. An
    optional `--out` is given a PDF in `out_dir` too: a command's default file lands in the
    current folder, which may be the practitioner's own."""
    argv: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return [[name, *rest] for name, child in action.choices.items()
                    for rest in _fill_required(child, out_dir)]
        if action.help == argparse.SUPPRESS:
            continue
        if action.dest == "out" and action.option_strings and not action.required:
            argv += [action.option_strings[0], str(out_dir / "selfcheck-out.pdf")]
            continue
        if not (action.required or not action.option_strings):
            continue
        if action.choices:
            value = str(list(action.choices)[0])
        elif any(w in action.dest for w in ("dir", "folder")):
            value = str(out_dir)
        elif any(w in action.dest for w in ("out", "path", "file", "to")):
            value = str(out_dir / f"selfcheck-{action.dest}")
        else:
            raise RuntimeError(f"cannot guess a value for {action.dest}")
        argv += [action.option_strings[0], value] if action.option_strings else [value]
    return [argv]


def check_status(app: AppEntry, data_dir: Path) -> str:
    parser = _command_parser(app, "status")
    wants_json = parser is not None and any("--json" in a.option_strings for a in parser._actions)
    extra = ["--json"] if wants_json else []
    code, out = _run_main(app, ["--data-dir", str(data_dir), "status", *extra])
    if code != 0:
        raise RuntimeError(f"status exited {code}")
    if wants_json:
        json.loads(out)
    if not out.strip():
        raise RuntimeError("status printed nothing")
    return "JSON" if wants_json else f"{len(out.splitlines())} lines"


def check_export(app: AppEntry, data_dir: Path) -> str:
    parser = _command_parser(app, "export")
    assert parser is not None
    out_dir = data_dir / "selfcheck-export"
    out_dir.mkdir()
    runs = _fill_required(parser, out_dir)
    for argv in runs:
        code, out = _run_main(app, ["--data-dir", str(data_dir), "export", *argv])
        if code != 0:
            raise RuntimeError(f"export {' '.join(argv)} exited {code}")
        written = [p for p in out_dir.rglob("*") if p.is_file()]
        if any(p.stat().st_size == 0 for p in written):
            raise RuntimeError("export wrote an empty file")
        if not written and not out.strip():
            raise RuntimeError("export produced nothing")
    files = sum(1 for p in out_dir.rglob("*") if p.is_file())
    return f"{len(runs)} run(s), {files} file(s)"


def run_selfcheck(args: argparse.Namespace, ctx: Context) -> int:
    from core.store.database import open_database
    from core.demo.caseload_demo import fill_demo
    from core.store.paths import database_path

    app: AppEntry = args.app
    checks = Checks()
    commands = _command_parser(app, "status"), _command_parser(app, "export")
    with tempfile.TemporaryDirectory(prefix="caseload-selfcheck-") as tmp:
        data_dir = Path(tmp)
        db = open_database(database_path(data_dir))
        try:
            checks.run("resources found", check_resources)
            from cli.calendar_commands import selfcheck_calendar

            checks.run("calendar files read in London time", selfcheck_calendar)
            if checks.run("demo data in a temporary folder", lambda: fill_demo(db)):
                checks.run("main window opened, every view shown, closed",
                           lambda: check_window(app, db, data_dir))
        finally:
            db.close()
        for name, parser, step in (("status", commands[0], check_status),
                                   ("export", commands[1], check_export)):
            if parser is None:
                checks.skip(name, "not in this build")
            else:
                checks.run(name, lambda step=step: step(app, data_dir))
    if checks.failed:
        print(f"selfcheck failed: {len(checks.failed)} of {checks.count} checks")
        return EXIT_FAILED
    print(f"selfcheck passed: {checks.count} checks")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser(
        "selfcheck",
        help="check this installation works (offscreen, on demo data in a temporary folder)",
    )
    check.set_defaults(func=run_selfcheck, data_optional=True)  # works in a folder of its own
