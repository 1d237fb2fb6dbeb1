"""No network, proven for the window: starting, every view, About and the automatic backup run
with every way of making a socket made to fail."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QSettings

import main
from core.store.backup import list_backups
from core.store.database import open_database
from tests.demo_copy import demo_into
from core.common.privacy_text import NETWORK_STATEMENT
from ui.shell.about_dialog import AboutDialog
from ui.shell.auto_backup import start_backup_job

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _refuse(*args, **kwargs):
    raise AssertionError("the app tried to use the network")


def test_window_starts_and_backs_up_with_sockets_made_to_fail(qtbot, data_dir, tmp_path,
                                                              monkeypatch):
    for name in ("socket", "create_connection", "socketpair", "getaddrinfo", "fromfd"):
        monkeypatch.setattr(socket, name, _refuse)
    monkeypatch.setattr(AboutDialog, "exec", lambda self: self.show())
    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    window = main.build_window(db, data_dir, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
    about = [a for a in window.menu("&Help").actions() if "About" in a.text()][0]
    about.trigger()
    dialogs = [w for w in window.findChildren(AboutDialog)]
    assert dialogs and NETWORK_STATEMENT in dialogs[0].network.text()
    assert str(data_dir / "caseload.db") in dialogs[0].storage.text()
    made = []
    start_backup_job(db, data_dir / "caseload.db", data_dir, on_done=made.append)
    qtbot.waitUntil(lambda: bool(made), timeout=20000)
    assert made[0] is not None and len(list_backups(data_dir / "backups")) == 1
    db.close()
