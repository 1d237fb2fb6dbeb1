"""Typing a whole date into a date field replaces the date shown, wherever the click landed."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.widgets.date_fields import DateField, OptionalDateField

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen only


@pytest.fixture
def form(qtbot, request):
    """A field beside a button that has the focus first, as in any dialog."""
    window = QWidget()
    layout = QVBoxLayout(window)
    first = QPushButton("First")
    field = DateField(date(2026, 11, 29))
    optional = OptionalDateField("Ends", date(2026, 11, 29))
    for widget in (first, field, optional):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    first.setFocus()
    request.node.window = window  # kept alive for the test
    return field, optional


def type_into(qtbot, field: DateField, x: int, text: str) -> None:
    edit = field.findChild(QLineEdit)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(x, edit.height() // 2))
    QApplication.processEvents()
    qtbot.keyClicks(field, text)


@pytest.mark.parametrize("x", [4, 14, 30, 48, 70], ids=["day", "day end", "month", "year", "end"])
@pytest.mark.parametrize("typed, expected", [
    ("01/09/2026", date(2026, 9, 1)),
    ("1/9/2026", date(2026, 9, 1)),
    ("2027-02-03", date(2027, 2, 3)),
])
def test_a_whole_date_typed_replaces_the_date_wherever_the_click_landed(qtbot, form, x, typed,
                                                                        expected):
    field, _ = form
    type_into(qtbot, field, x, typed)
    assert field.value() == expected


def test_the_optional_field_replaces_too(qtbot, form):
    _, optional = form
    type_into(qtbot, optional.edit, 30, "01/09/2026")
    assert optional.value() == date(2026, 9, 1)


def test_tabbing_in_and_typing_a_date_replaces_it(qtbot, form):
    field, _ = form
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, "05/10/2026")
    assert field.value() == date(2026, 10, 5)
