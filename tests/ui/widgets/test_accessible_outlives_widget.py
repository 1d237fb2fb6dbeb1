"""Every accessible of the app's own (each one made through ui/widgets/accessible_factories.py)
answers as an invalid, empty object once its widget is gone, and never touches the widget.

A screen reader tester turned encryption on, locked, unlocked and chose View > High contrast:
"Something went wrong" opened, and again after every OK or Esc, because Orca asked the page
stack's accessible about a stack already deleted each time the keyboard came back to the window
("Internal C++ object (QStackedWidget) already deleted"). Here each kind of widget gets its
accessible from the factory Qt asks, the widget is deleted while the accessible is still held
(as Qt's cache held that one), and every question a screen reader may ask is put to it."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QStackedWidget, QTabBar, QWidget

from ui.widgets import accessible_factories, announce_notice, reading_accessible, stack_accessible
from ui.widgets.accessible_factories import register_when_met
from ui.widgets.reading_page import Heading, LinkButton
from ui.widgets.tab_bar_accessible import PageTabAccessible

pytestmark = pytest.mark.qt_log_ignore("does not support")  # offscreen: no size hints to pass


def _stack() -> QWidget:
    stack = QStackedWidget()
    stack.addWidget(QLabel("Overview page"))
    return stack


def _combo() -> QWidget:
    combo = QComboBox()
    combo.addItems(["A1", "A2"])
    return combo


def _tab_bar() -> QWidget:
    bar = QTabBar()
    bar.addTab("Profile")
    bar.addTab("Data && privacy")
    return bar


def _marked(kind: type[QWidget], prop: str) -> callable:
    def make() -> QWidget:
        widget = kind()
        reading_accessible.mark(widget, prop)
        return widget
    return make


_kept: list[QWidget] = []  # a parent window, held while its child is asked about


def _description() -> QWidget:
    holder = QWidget()
    _kept.append(holder)
    label = QLabel("Recording it marks the notes as discussed.", holder)
    reading_accessible.describes(label, QLineEdit(holder))
    return label


def _notice() -> QWidget:
    announce_notice._install()
    _kept.append(QWidget())
    return announce_notice.Notice(_kept[-1], "Logged 45 minutes of Travel.")


KINDS = {
    "page stack": _stack,
    "combo box": _combo,
    "tab bar": _tab_bar,
    "heading": lambda: Heading("What the estimate doesn't see"),
    "link": lambda: LinkButton("How is this worked out?"),
    "status line": _marked(QLabel, reading_accessible.STATUS_PROPERTY),
    "description": _description,
    "picture (the gauge)": _marked(QWidget, reading_accessible.PICTURE_PROPERTY),
    "section (a card)": _marked(QWidget, reading_accessible.SECTION_PROPERTY),
    "announcement notice": _notice,
}


@pytest.fixture(autouse=True)
def _makers(qapp):
    stack_accessible.install()
    register_when_met(QComboBox, "ui.widgets.combo_accessible")
    register_when_met(QTabBar, "ui.widgets.tab_bar_accessible")


def _ask_everything(iface) -> None:
    """Every question the AT-SPI bridge puts to an object; none may raise."""
    iface.role()
    for kind in (QAccessible.Text.Name, QAccessible.Text.Description, QAccessible.Text.Value,
                 QAccessible.Text.Help, QAccessible.Text.Accelerator):
        assert iface.text(kind) == ""
    assert iface.state().invalid
    assert iface.rect().isNull()
    assert iface.childCount() == 0
    assert iface.child(0) is None
    assert iface.indexOfChild(iface) == -1
    assert iface.childAt(1, 1) is None
    assert iface.focusChild() is None
    assert list(iface.relations()) == []
    assert iface.actionNames() == []
    iface.doAction("Press")
    # (Its action interface is itself, with no actions, as asserted above.)
    for kind in (QAccessible.InterfaceType.SelectionInterface,
                 QAccessible.InterfaceType.TextInterface,
                 QAccessible.InterfaceType.ValueInterface):
        found = iface.interface_cast(kind)
        assert found is None or found == shiboken6.VoidPtr(0)  # a null pointer: none


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_accessible_whose_widget_is_gone_is_invalid_and_says_nothing(kind, qtbot):
    widget = KINDS[kind]()
    widget.show()
    iface = accessible_factories._factory(widget.metaObject().className(), widget)
    assert iface is not None, f"the app makes its own accessible for a {kind}"
    assert iface.isValid()
    # A tab bar's page tabs are the app's own too (the other children are Qt's, gone with it).
    tabs = [c for c in (iface.child(i) for i in range(iface.childCount()))
            if isinstance(c, PageTabAccessible)]
    shiboken6.delete(widget)
    assert not shiboken6.isValid(widget)
    assert not iface.isValid()
    _ask_everything(iface)
    for tab in tabs:  # deleted with the bar, or invalid and silent
        assert not shiboken6.isValid(tab) or (
            not tab.isValid() and tab.text(QAccessible.Text.Name) == "")


def test_a_living_widget_still_answers_as_before(qtbot):
    stack = _stack()
    qtbot.addWidget(stack)
    iface = accessible_factories._factory("QStackedWidget", stack)
    assert iface.role() == QAccessible.Role.Client
    stack.setAccessibleName("Steps")
    assert iface.role() == QAccessible.Role.LayeredPane
    assert iface.text(QAccessible.Text.Name) == "Steps"
    assert iface.childCount() == 1


def test_a_stack_asked_about_while_it_is_being_destroyed_gets_none_of_ours(qtbot):
    """A tab widget's own page stack (made by Qt) as it is destroyed: Qt has already forgotten
    its accessible when its pages go, and a question about the page's parent then (as a screen
    reader's events bring) made a new one that stayed for good, asked about a deleted stack."""
    from PySide6.QtWidgets import QTabWidget

    tabs = QTabWidget()
    page = QLabel("Profile page")
    tabs.addTab(page, "Profile")
    tabs.show()
    made = []

    def page_going(obj) -> None:
        parent = obj.parent() if obj is not None and shiboken6.isValid(obj) else None
        if parent is not None:
            iface = QAccessible.queryAccessibleInterface(parent)
            made.append((type(iface).__name__,
                         QAccessible.uniqueId(iface) if iface is not None else None))

    page.destroyed.connect(page_going)
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)  # as with a screen reader listening
    try:
        shiboken6.delete(tabs)
    finally:
        QAccessible.setActive(was_active)
    assert made, "the page's parent was asked about as it went"
    for kind, uid in made:  # none (as Qt's own factory answers), or one that is invalid
        assert kind != "StackAccessible"
        left = QAccessible.accessibleInterface(uid) if uid is not None else None
        assert left is None or not left.isValid()
