"""The one helper every confirmation and error goes through to reach a screen reader."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.widgets import announce


def test_results_are_polite_and_errors_assertive(qtbot):
    heard: list[tuple[str, bool]] = []
    announce.add_listener(lambda text, assertive: heard.append((text, assertive)))
    try:
        label = QLabel("x")
        qtbot.addWidget(label)
        announce.announce(label, "C99 added")
        announce.announce_error(label, "That passphrase is not right")
        announce.announce(label, "   ")  # nothing to say: nothing said
    finally:
        announce._listeners.clear()
    assert heard == [("C99 added", False), ("That passphrase is not right", True)]


def test_a_closed_or_deleted_widget_is_harmless(qtbot):
    import shiboken6

    label = QLabel("x")
    shiboken6.delete(label)
    announce.announce(label, "Saved summary.pdf")  # no exception, with or without a reader
    announce.announce(None, "Profile saved")
