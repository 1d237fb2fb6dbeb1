"""A data folder whose name is not UTF-8 (a Latin-1 name on an old USB disk, a migrated profile)
opens in the window as it does on the command line, and its path is shown with a replacement
character, never dropped or crashed on."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pytest

import main
from core.store.applog import get_logger, setup_logging
from core.store.backup import make_backup
from core.store.database import open_database
from tests.demo_copy import demo_into
from ui.settings.data_page import DataPage
from ui.shell.hub import Hub
from ui.shell.single_instance import server_name
from ui.shell.window_state import folder_key, sha256_hex
from ui.widgets.backup_table_model import BACKUP_ROLE

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="only Linux keeps names that are not UTF-8"),
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


@pytest.fixture
def latin1_dir(tmp_path) -> Path:
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9 data"))  # "café" in Latin-1
    folder.mkdir(mode=0o700)
    return folder


def test_the_folder_keys_are_kept_per_folder_and_unchanged_for_utf8_names(latin1_dir, tmp_path):
    other = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe8 data"))
    assert folder_key(latin1_dir, "window/view") != folder_key(other, "window/view")
    assert server_name(latin1_dir) != server_name(other)
    utf8 = tmp_path / "café data"
    digest = sha256_hex(str(utf8.resolve()).encode())  # as every key was made before
    assert folder_key(utf8, "window/view") == f"folders/{digest[:16]}/window/view"


@pytest.fixture
def gui(monkeypatch):
    """run_gui without restyling the shared test application or keeping its error hook."""
    from types import SimpleNamespace

    import ui.shell.app
    import ui.shell.theme

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    unstyled = SimpleNamespace(follow_system=lambda: "light", high_contrast=lambda: False,
                               set_high_contrast=lambda on: None)
    monkeypatch.setattr(ui.shell.theme, "apply_theme", lambda app, **_: unstyled)
    shown: list[str] = []
    monkeypatch.setattr(ui.shell.app, "show_error", lambda parent, message, title="": shown.append(message))
    return shown


def test_the_window_opens_the_folder_the_commands_open(gui, latin1_dir, monkeypatch, capsys):
    monkeypatch.setenv("CASELOAD_COMPANION_DATA_DIR", str(latin1_dir))  # as the tester set it
    assert main.main(["demo"]) == 0
    assert "caf\ufffd data" in capsys.readouterr().out  # said, on a strict UTF-8 terminal too
    monkeypatch.setenv("CASELOAD_COMPANION_EXIT_AFTER_PAINT", "1")
    code = main.run_gui(argparse.Namespace(data_dir=None, command=None))
    lines = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert "data-paint" in lines
    assert gui == []


def test_the_data_page_shows_the_path_with_a_replacement_character(qtbot, latin1_dir):
    db = open_database(latin1_dir / "caseload.db")
    demo_into(db)
    make_backup(db, latin1_dir)
    page = DataPage(db, Hub(), latin1_dir / "caseload.db", latin1_dir)
    qtbot.addWidget(page)
    try:
        shown = os.fsencode(latin1_dir).decode("utf-8", errors="replace")
        assert f"{shown}/caseload.db" in page.location.text()  # Qt alone dropped the byte
        assert f"in {shown}/backups." in page.backup_note.text()
        index = page.model.index(0, 0)
        assert page.model.data(index, 3).startswith(f"{shown}/backups/")  # the tooltip
        assert page.model.data(index, BACKUP_ROLE).path.parent.parent == latin1_dir
        from ui.settings.data_page import folder_url

        assert bytes(folder_url(latin1_dir).toEncoded()).endswith(b"/caf%E9%20data")
    finally:
        db.close()


def test_the_log_keeps_a_line_that_names_such_a_folder(latin1_dir, tmp_path):
    import logging

    logger = logging.getLogger("caseload_companion")
    kept = logger.handlers[:]
    logger.handlers.clear()
    logger.propagate = False  # pytest's own capture (sent between workers) cannot hold it
    try:
        path = setup_logging(tmp_path)
        get_logger("test").error("could not read %s", latin1_dir / "caseload.db")
        for handler in logger.handlers:
            handler.flush()
        assert "caf\\udce9 data/caseload.db" in path.read_text(encoding="utf-8")
    finally:
        for handler in logger.handlers:
            handler.close()
        logger.handlers[:] = kept
        logger.propagate = True


def test_a_message_naming_such_a_folder_shows_a_replacement_character(latin1_dir, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ui.shell.app import show_error

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    show_error(None, f"{latin1_dir} is a file, not a folder.")
    assert said == [f"{os.fsencode(latin1_dir).decode('utf-8', errors='replace')} is a file, "
                    "not a folder."]


def test_a_read_only_look_at_such_a_folder_opens_its_own_file(latin1_dir):
    """A data file in a read-only place is opened through a URI (core.store.disk_space), which
    must name the file's own bytes."""
    from core.store.disk_space import connect_read_only

    db = open_database(latin1_dir / "caseload.db")
    demo_into(db)
    db.close()
    import sqlite3

    from core.store.encryption import _read_only_uri  # the encrypted file's way in

    for conn in (connect_read_only(latin1_dir / "caseload.db"),
                 sqlite3.connect(_read_only_uri(latin1_dir / "caseload.db"), uri=True)):
        try:
            assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] > 0
        finally:
            conn.close()
