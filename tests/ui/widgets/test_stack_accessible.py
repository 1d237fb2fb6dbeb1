"""A page stack as a screen reader meets it (ui/widgets/stack_accessible.py): a plain container
while it has no name, so Orca says nothing of it on the way into a view ("layered pane" before
every control), and Qt's own role once it is named. tests/atspi/test_orca_speaks.py hears Orca."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QStackedWidget

from ui.widgets import stack_accessible

pytestmark = pytest.mark.qt_log_ignore("does not support")  # offscreen: no size hints to pass


def test_an_unnamed_stack_is_a_plain_container_and_a_named_one_keeps_its_role(qtbot):
    stack_accessible.install()
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    pages = [QLabel("Overview page"), QLabel("Caseload page")]
    for page in pages:
        stack.addWidget(page)
    stack.show()
    accessible = QAccessible.queryAccessibleInterface(stack)
    assert accessible.role() == QAccessible.Role.Client
    # Its pages are still its children, as with Qt's own.
    children = [accessible.child(i).object() for i in range(accessible.childCount())]
    assert sorted(c.text() for c in children) == sorted(p.text() for p in pages)
    stack.setAccessibleName("Steps")
    assert accessible.role() == QAccessible.Role.LayeredPane
    assert accessible.text(QAccessible.Text.Name) == "Steps"
