import tests.ui.test_return_on_every_button as T
from tests.ui.test_return_on_every_button import something_to_delete_everywhere
from PySide6.QtWidgets import QApplication, QAbstractItemView
from PySide6.QtCore import QItemSelectionModel
def test_dbg(demo_window, db, qtbot, something_to_delete_everywhere, monkeypatch):
    places = dict(T._places(demo_window))
    places["Supervision > Actions carried forward (2)"]()
    s = demo_window.view("supervision")
    T._return_on(demo_window, qtbot, s.record_button)
    print("EN", T._enable(demo_window, s.delete_note_button))
    for t in demo_window.stack.currentWidget().findChildren(QAbstractItemView):
        print("T", t.accessibleName(), t.isVisible(), t.model().rowCount() if t.model() else None, t.selectionModel().selectedRows() if t.selectionModel() else None)
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    s.agenda_view.selectionModel().setCurrentIndex(s.agenda_view.model().index(0,0), flags)
    print("sel", s.agenda_view.selectionModel().selectedRows(), s.delete_note_button.isEnabled(), s.selected_note())
