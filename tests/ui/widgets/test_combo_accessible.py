"""A combo box as the app presents it to a screen reader (ui/widgets/combo_accessible.py): named
by the label beside it, where Qt on Linux names it by its current value, and otherwise what
Qt's own is: the current item as its value, its list (and an editable one's line) as children,
Show menu and Press opening the list. tests/atspi/test_combo_boxes.py reads it on the real bus."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets import combo_accessible

pytestmark = pytest.mark.qt_log_ignore("does not support")  # offscreen: no popup grabs
NAME, VALUE = QAccessible.Text.Name, QAccessible.Text.Value
SHOW, PRESS = QAccessibleActionInterface.showMenuAction(), QAccessibleActionInterface.pressAction()


@pytest.fixture
def form(qtbot):
    combo_accessible.install()
    holder = QWidget()
    layout = QFormLayout(holder)
    holder.kind = QComboBox()
    holder.kind.addItems(["All types", "Community", "Custody"])
    layout.addRow("Case &type", holder.kind)
    holder.reason = QComboBox()
    holder.reason.setEditable(True)
    holder.reason.addItems(["Training", "Other"])
    layout.addRow("&Reason", holder.reason)
    holder.period = QComboBox()
    holder.period.addItems(["Last 4 weeks", "Last 12 weeks"])
    holder.period.setAccessibleName("Trend period")
    layout.addRow("&Period", holder.period)
    # A label whose combo box sits in a row of its own (not its sibling): found in the window.
    row = QWidget()
    QVBoxLayout(row).addWidget(holder_flag := QComboBox())
    holder_flag.addItems(["Any flags", "MAPPA"])
    flag_label = QLabel("&Flags")
    flag_label.setBuddy(holder_flag)
    layout.addRow(flag_label, row)
    holder.flag = holder_flag
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    return holder


def _iface(widget):  # type: ignore[no-untyped-def]
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface


def test_named_by_its_label_never_by_its_value(form):
    assert _iface(form.kind).text(NAME) == "Case type"
    assert _iface(form.reason).text(NAME) == "Reason"
    assert _iface(form.period).text(NAME) == "Trend period"  # a name set in code is kept
    assert _iface(form.flag).text(NAME) == "Flags"
    for combo in (form.kind, form.reason, form.period, form.flag):
        assert _iface(combo).role() == QAccessible.Role.ComboBox
        assert _iface(combo).text(NAME) != combo.currentText()


def test_its_value_is_the_item_it_shows(form, qtbot):
    iface = _iface(form.kind)
    assert iface.text(VALUE) == "All types"
    form.kind.setCurrentIndex(2)
    assert iface.text(VALUE) == "Custody" and iface.text(NAME) == "Case type"
    form.reason.lineEdit().setText("Sickness")
    assert _iface(form.reason).text(VALUE) == "Sickness"


def test_its_list_and_an_editable_ones_line_are_its_children(form):
    iface = _iface(form.kind)
    assert iface.childCount() == 1
    items = iface.child(0)
    assert items.object() is form.kind.view() and iface.indexOfChild(items) == 0
    assert items.childCount() == 3  # a screen reader reads the list's items when it opens
    assert items.parent().object() is form.kind
    editable = _iface(form.reason)
    assert editable.childCount() == 2
    assert editable.child(1).object() is form.reason.lineEdit()
    assert editable.indexOfChild(editable.child(1)) == 1
    assert editable.state().editable and not iface.state().editable


def test_show_menu_and_press_open_and_close_the_list(form, qtbot):
    iface = _iface(form.kind)
    actions = iface.actionInterface()
    assert actions is not None
    assert actions.actionNames()[:2] == [SHOW, PRESS]
    assert QAccessibleActionInterface.setFocusAction() in actions.actionNames()
    assert iface.state().expandable and not iface.state().expanded
    actions.doAction(SHOW)
    qtbot.waitUntil(lambda: form.kind.view().isVisible())
    assert iface.state().expanded
    actions.doAction(PRESS)
    qtbot.waitUntil(lambda: not form.kind.view().isVisible())
    assert not iface.state().expanded


def test_combo_boxes_made_and_dropped_leave_nothing_behind(form, qtbot):
    """Qt keeps the accessible it was given until its combo box is gone: one made in Python
    must live as long (a collected one would leave Qt a dangling object), and go with it."""
    for round_ in range(40):
        combo = QComboBox(form)
        combo.addItems(["One", "Two"])
        label = QLabel(f"Round {round_}", form)
        label.setBuddy(combo)
        ident = QAccessible.uniqueId(_iface(combo))
        gc.collect()
        again = QAccessible.accessibleInterface(ident)
        assert again is not None and again.text(NAME) == f"Round {round_}"
        assert again.text(VALUE) == "One" and again.child(0).childCount() == 2
        combo.deleteLater()
        label.deleteLater()
        qtbot.waitUntil(lambda gone=ident: QAccessible.accessibleInterface(gone) is None)
    assert _iface(form.kind).text(NAME) == "Case type"


def test_a_cell_editor_is_named_as_its_cell_and_one_with_no_label_is_never_nameless(qtbot):
    combo_accessible.install()
    holder = QWidget()
    editor, bare = QComboBox(holder), QComboBox(holder)
    editor.addItems(["Training", "Travel"])
    editor.setAccessibleName("Activity, row 3")  # as a table's cell editor is named
    bare.addItems(["One", "Two"])
    qtbot.addWidget(holder)
    assert _iface(editor).text(NAME) == "Activity, row 3"
    assert _iface(bare).text(NAME) == "One"  # Qt's own name for it: better than none


def test_the_line_of_an_editable_one_is_found_where_it_is_shown(form):
    iface = _iface(form.reason)
    line = form.reason.lineEdit()
    middle = line.mapToGlobal(line.rect().center())
    assert iface.childAt(middle.x(), middle.y()).object() is line
    assert _iface(form.kind).childAt(middle.x(), middle.y()) is None


def test_its_selection_is_the_item_the_keys_moved_to_on_the_closed_box(form, qtbot):
    """What Orca says when Down changes the closed box: the selected item, found through the
    selection. An item the program set, or in a box without the keyboard, has none (a box
    changed elsewhere in the window is not spoken)."""
    form.activateWindow()
    for combo, items in ((form.kind, ["All types", "Community", "Custody"]),
                         (form.flag, ["Any flags", "MAPPA"])):
        selection = _iface(combo).selectionInterface()
        assert selection is not None
        form.period.setFocus()
        qtbot.waitUntil(form.period.hasFocus)
        combo.setCurrentIndex(1)
        assert selection.selectedItemCount() == 0 and selection.selectedItems() == []
        combo.setFocus()
        qtbot.waitUntil(lambda combo=combo: combo.hasFocus())
        combo.setCurrentIndex(0)  # by the program, with the keyboard in the box: none yet
        assert selection.selectedItemCount() == 0
        for row in range(1, len(items)):
            qtbot.keyClick(combo, Qt.Key.Key_Down)
            assert combo.currentIndex() == row
            assert selection.selectedItemCount() == 1
            assert selection.selectedItem(0).text(NAME) == items[row]
            assert [i.text(NAME) for i in selection.selectedItems()] == [items[row]]
            assert selection.selectedItem(0).role() == QAccessible.Role.ListItem
        qtbot.keyClick(combo, Qt.Key.Key_Home)
        assert selection.selectedItem(0).text(NAME) == items[0]
        assert not selection.select(selection.selectedItem(0)) and combo.currentIndex() == 0
        form.period.setFocus()  # the keyboard gone: the selection with it
        qtbot.waitUntil(form.period.hasFocus)
        assert selection.selectedItemCount() == 0


def test_the_app_names_a_combo_box_by_its_label_without_installing_it_first():
    """The app registers the combo box's accessible at start and imports it only when a combo
    box is first asked about (ui.shell.app): a fresh app names it by its label all the same,
    and a page stack met first is still passed over."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtGui import QAccessible\n"
        "from PySide6.QtWidgets import QComboBox, QFormLayout, QStackedWidget, QWidget\n"
        "from ui.shell.app import create_application\n"
        "app = create_application()\n"
        "holder = QWidget(); layout = QFormLayout(holder)\n"
        "stack = QStackedWidget(); layout.addRow(stack)\n"
        "combo = QComboBox(); combo.addItems(['All types', 'Community']); "
        "layout.addRow('Case &type', combo)\n"
        "holder.show(); app.processEvents()\n"
        "before = 'ui.widgets.combo_accessible' in sys.modules\n"
        "name = QAccessible.Text.Name\n"
        "stack_role = QAccessible.queryAccessibleInterface(stack).role()\n"
        "print(before, QAccessible.queryAccessibleInterface(combo).text(name), "
        "stack_role == QAccessible.Role.Client)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "False Case type True"


def _item_a_screen_reader_reads(combo):  # type: ignore[no-untyped-def]
    """The item Orca (43) says for a combo box: its selected item, or else its list's."""
    iface = _iface(combo)
    selected = iface.selectionInterface().selectedItems()
    selected = selected or iface.child(0).selectionInterface().selectedItems()
    return [item.text(NAME) for item in selected]


@pytest.mark.parametrize("close", ["Esc", "closed by the program", "closed by a lock"])
def test_a_list_closed_without_a_choice_is_read_with_the_item_the_box_shows(form, qtbot, close):
    """Down to another row of the open list, then Esc (or a lock closing it): the box still
    shows its item, and that is what is read, not the row the arrows left highlighted."""
    for combo in (form.kind, form.flag):
        form.activateWindow()  # back from the list's own window
        combo.setFocus()
        qtbot.waitUntil(combo.hasFocus)
        _iface(combo)  # met by the screen reader as the focus came
        shown = combo.currentText()
        combo.showPopup()
        qtbot.waitUntil(combo.view().isVisible)
        qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
        assert combo.view().currentIndex().row() == combo.currentIndex() + 1
        if close == "Esc":
            qtbot.keyClick(combo.view(), Qt.Key.Key_Escape)
        elif close == "closed by a lock":
            from ui.shell.lock_away import close_popups

            close_popups()  # as Lock now does to whatever is open
        else:
            combo.hidePopup()
        qtbot.waitUntil(lambda combo=combo: not combo.view().isVisible())
        assert combo.currentText() == shown
        qtbot.waitUntil(lambda combo=combo, shown=shown:
                        _item_a_screen_reader_reads(combo) == [shown])
        assert _iface(combo).text(VALUE) == shown


def test_a_row_chosen_from_the_open_list_is_still_chosen_and_read(form, qtbot):
    form.activateWindow()
    form.kind.setFocus()
    qtbot.waitUntil(form.kind.hasFocus)
    for key, row in ((Qt.Key.Key_Return, 1), (Qt.Key.Key_Enter, 2)):
        form.kind.showPopup()
        qtbot.waitUntil(form.kind.view().isVisible)
        qtbot.keyClick(form.kind.view(), Qt.Key.Key_Down)
        qtbot.keyClick(form.kind.view(), key)
        qtbot.waitUntil(lambda: not form.kind.view().isVisible())
        assert form.kind.currentIndex() == row
        qtbot.wait(0)  # the list put back on the current item, were it another
        assert _item_a_screen_reader_reads(form.kind) == [form.kind.currentText()]
