""""Something went wrong" can never bring itself back (a tester with Orca was trapped: each OK or
Esc gave the keyboard back to the window, Orca asked about it, the same error came again and
the message opened again, 12 times). While a message is open, and for a while after the same
error's message closed, an error is only logged. The clock is injected: no waiting."""

from __future__ import annotations

import sys

import pytest

from ui.shell import app as app_module


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def hook(qapp, monkeypatch):
    """The installed hook, the clock it reads, and the messages it opened."""
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(app_module, "show_error",
                        lambda parent, message, title="": shown.append(message))
    clock = Clock()
    app_module.install_excepthook(clock=clock)
    return sys.excepthook, clock, shown


def _raise_deleted_stack() -> None:
    raise RuntimeError("Internal C++ object (PySide6.QtWidgets.QStackedWidget) already deleted.")


def _raised(make=_raise_deleted_stack):
    try:
        make()
    except BaseException as exc:  # noqa: BLE001 - the error the hook is given
        return type(exc), exc, exc.__traceback__
    raise AssertionError("nothing raised")


def test_the_same_error_again_after_ok_is_only_logged(hook, caplog):
    excepthook, clock, shown = hook
    excepthook(*_raised())
    assert len(shown) == 1
    for _ in range(10):  # Return or Esc on OK, and the window asked about again at once
        clock.now += 1
        excepthook(*_raised())
    assert len(shown) == 1
    assert caplog.text.count("already deleted") >= 11, "every one is still in the log"


def test_no_second_message_while_one_is_open(qapp, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown: list[str] = []

    def show(parent, message, title=""):
        shown.append(message)
        # While this message is open, another error (a different one) comes in.
        sys.excepthook(*_raised(lambda: 1 / 0))

    monkeypatch.setattr(app_module, "show_error", show)
    app_module.install_excepthook(clock=Clock())
    sys.excepthook(*_raised())
    assert len(shown) == 1


def test_a_different_error_or_the_same_much_later_still_gets_its_message(hook):
    excepthook, clock, shown = hook
    excepthook(*_raised())
    excepthook(*_raised(lambda: 1 / 0))
    assert len(shown) == 2
    clock.now += app_module.QUIET_AFTER_SAME_ERROR + 1
    excepthook(*_raised(lambda: 1 / 0))
    assert len(shown) == 3
