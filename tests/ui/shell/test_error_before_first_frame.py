"""An error before the window's first frame (where the log file is not yet set up, for a quick
start) still leaves its details in the log file the message points to, and no traceback is
shown."""

from __future__ import annotations

import argparse
import logging
import sys

import pytest

import main
from core.store.applog import LOG_NAME

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def no_log_yet():
    """The app's logger as a fresh process has it: no handler until the app sets one up."""
    logger = logging.getLogger(LOG_NAME)
    kept = logger.handlers[:]
    logger.handlers.clear()
    yield
    for handler in logger.handlers:
        handler.close()
    logger.handlers[:] = kept


def test_a_start_that_fails_before_its_first_frame_logs_the_traceback(no_log_yet, monkeypatch,
                                                                      tmp_path, capsys):
    import ui.shell.app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs the app's own
    shown: list[str] = []
    monkeypatch.setattr(ui.shell.app, "show_error",
                        lambda parent, message, title="": shown.append(message))

    def broken_frame(settings, data_dir=None):
        raise RuntimeError("injected failure in the window's frame")

    monkeypatch.setattr(main, "window_frame", broken_frame)
    data_dir = tmp_path / "folder"
    with pytest.raises(RuntimeError) as raised:
        main.run_gui(argparse.Namespace(data_dir=str(data_dir), command=None))
    sys.excepthook(raised.type, raised.value, raised.tb)  # as Python does with an uncaught error

    log = (data_dir / "logs" / "app.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "injected failure in the window's frame" in log and "broken_frame" in log
    assert shown == [ui.shell.app.failure_text(raised.value)]
    assert "The details are in the app's log file." in shown[0]
    assert "Traceback" not in capsys.readouterr().err
