"""The window under a wrong system clock (issue 29, item 8): it says the clock looks wrong and
opens nothing, so nothing is written that the app could never show."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QMessageBox

import main


def test_the_window_refuses_to_open_under_a_clock_in_1970(qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "1970-01-01T10:00")
    folder = tmp_path / "data"
    assert main.run_gui(SimpleNamespace(data_dir=str(folder), command=None)) == 1
    assert len(shown) == 1 and "looks wrong" in shown[0] and "1970-01-01" in shown[0]
    assert not folder.exists()
