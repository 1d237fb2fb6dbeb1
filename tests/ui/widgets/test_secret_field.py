"""The passphrase field keeps what is typed to itself: its own text, the text a screen reader
is told was inserted, is bullets, while editing it as a person does (typing, Backspace, Delete,
choosing and typing over, pasting) leaves exactly what they meant in `secret()`."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.widgets.secret_field import MASK, SecretField


@pytest.fixture
def field(qtbot):
    widget = SecretField()
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def _type(field, text: str) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClicks(field, text)


def test_typed_characters_are_kept_aside_and_the_field_holds_bullets(field):
    _type(field, "a quiet field")
    assert field.secret() == "a quiet field"
    assert field.text() == MASK * len("a quiet field")
    assert field.echoMode() == SecretField.EchoMode.Password
    iface = QAccessible.queryAccessibleInterface(field)
    assert iface.state().passwordEdit  # still a password field to a screen reader
    text = iface.textInterface()
    assert "quiet" not in text.text(0, text.characterCount())


def test_editing_in_the_middle_keeps_the_secret_in_step(field):
    _type(field, "abcdef")
    QTest.keyClick(field, Qt.Key.Key_Left)
    QTest.keyClick(field, Qt.Key.Key_Left)
    QTest.keyClick(field, Qt.Key.Key_Backspace)  # the d, before the cursor
    assert field.secret() == "abcef"
    QTest.keyClick(field, Qt.Key.Key_Delete)  # the e, after it
    assert field.secret() == "abcf"
    _type(field, "XY")
    assert field.secret() == "abcXYf"
    QTest.keyClick(field, Qt.Key.Key_Home)
    QTest.keyClick(field, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    _type(field, "Z")  # typed over what was chosen
    assert field.secret() == "ZbcXYf"
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    assert field.secret() == "" and field.text() == ""


def test_pasted_and_set_text_are_kept_aside_too_and_undo_brings_back_nothing(field):
    QGuiApplication.clipboard().setText("river\nsecond line")
    QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.secret() == "river" and field.text() == MASK * 5
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    QTest.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.secret() == "rive" and field.text() == MASK * 4
    field.setText("set by a screen reader")
    assert field.secret() == "set by a screen reader"
    assert field.text() == MASK * len("set by a screen reader")
    field.clear()
    assert field.secret() == ""
    QGuiApplication.clipboard().clear()


def test_what_the_bus_is_told_was_inserted_is_bullets(field, monkeypatch):
    """Qt's insert event carries what the field inserted: with a QLineEdit, the real key."""
    from PySide6.QtWidgets import QLineEdit

    inserted: list[str] = []
    for kind in (QLineEdit, SecretField):
        plain = kind()
        plain.setEchoMode(QLineEdit.EchoMode.Password)
        changes: list[str] = []
        plain.textChanged.connect(changes.append)
        _type(plain, "ab")
        inserted.append(changes[0])  # the first change: one key's insertion
        plain.deleteLater()
    assert inserted == ["a", MASK]


def test_alt_with_a_letter_never_types(field):
    """Alt+F on the lock screen (its menus greyed) left a hidden character in the passphrase."""
    _type(field, "ab")
    for key in (Qt.Key.Key_F, Qt.Key.Key_E, Qt.Key.Key_1):
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.AltModifier,
                          chr(key).lower())
        QApplication.sendEvent(field, event)
        assert not event.isAccepted()  # left for the window's shortcuts
    QTest.keyClick(field, Qt.Key.Key_F, Qt.KeyboardModifier.MetaModifier)
    assert (field.secret(), field.text()) == ("ab", MASK * 2)
    _type(field, "c")  # plain typing still types
    assert field.secret() == "abc"
