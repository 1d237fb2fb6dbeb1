"""The window's rewrites beside a command-line writer, at least 20 times (issue 29, item 1).

Each round opens a fresh folder in Settings > Data & privacy (the real DataPage, offscreen),
starts the `log` writer of tests/stress/test_writers_beside_rewrites.py in its own process,
and once it has saved its first entry clicks Turn encryption on, then Turn encryption off.
When both are done the writer saves two more entries and stops. Decided by counts: every entry
the writer was told was saved is in the data (lost 0), and `check` passes (damaged 0); the
window's own data stays open and whole.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from core.store import encryption
from tests.stress.test_writers_beside_rewrites import ROOT, ROUNDS, WRITER, _notes, _template

PASS = "first-passphrase-1"

pytestmark = [
    pytest.mark.stress,
    pytest.mark.skipif(not encryption.available(), reason="needs sqlcipher3"),
    pytest.mark.timeout(3600),
]


def test_the_windows_encryption_on_and_off_beside_a_writer_lose_nothing(qtbot, tmp_path,
                                                                          monkeypatch):
    from core.store.all_copies import open_folder
    from core.store.health_check import check_file
    from ui.settings.data_page import DataPage
    from ui.shell.hub import Hub
    from ui.shell.passphrase_dialog import PassphraseDialog

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(PassphraseDialog, "get_new_passphrase", lambda *a, **k: PASS)
    monkeypatch.setattr(PassphraseDialog, "get_passphrase", lambda *a, **k: PASS)
    template = _template(tmp_path / "template", encrypted=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    acknowledged = lost = damaged = busy = 0
    for round_no in range(ROUNDS):
        root = tmp_path / f"round-{round_no}"
        shutil.copytree(template, root)
        data, stop = root / "data", root / "stop"
        db = open_folder(data)
        page = DataPage(db, Hub(), data / "caseload.db", data)
        qtbot.addWidget(page)
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(ROOT), str(data),
                                   str(stop), PASS], stdout=subprocess.PIPE, text=True, env=env)
        lines = [writer.stdout.readline()]
        assert lines[0].startswith("ack 1 "), lines
        page.encrypt_on.click()
        page.encrypt_off.click()
        stop.touch()
        out, _ = writer.communicate(timeout=600)
        lines += out.splitlines()
        busy += sum("Nothing was changed" in s or "busy" in s for s in said)
        said.clear()
        acks = {int(w[1]) for w in (line.split() for line in lines) if w[0] == "ack"}
        acknowledged += len(acks)
        db.close()
        key = PASS if encryption.file_is_encrypted(data / "caseload.db") else None
        lost += len(acks - _notes(data, key))
        damaged += not check_file(data / "caseload.db", key).ok
        page.deleteLater()
        shutil.rmtree(root)
    print(f"\nwindow encryption on and off: {ROUNDS} runs, acknowledged writes {acknowledged}, "
          f"window changes refused as busy {busy}, lost {lost}, damaged files {damaged}")
    assert (lost, damaged) == (0, 0)
    assert acknowledged >= 3 * ROUNDS
