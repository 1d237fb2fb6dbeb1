"""Column widths, sort order and splitter positions come back after a restart."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLabel, QSplitter, QTableView

from ui.shell.window_state import flush_pending, remember_state, restore_state


def _settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)


def _table(qtbot) -> QTableView:
    view = QTableView()
    view.setModel(QStandardItemModel(3, 4, view))
    view.setSortingEnabled(True)
    qtbot.addWidget(view)
    return view


def test_column_widths_and_sort_order_survive_a_restart(qtbot, tmp_path):
    first = _table(qtbot)
    assert remember_state(_settings(tmp_path), "cases/table", first.horizontalHeader()) is False
    first.horizontalHeader().resizeSection(1, 230)
    first.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    flush_pending(first)

    second = _table(qtbot)
    assert remember_state(_settings(tmp_path), "cases/table", second.horizontalHeader())
    header = second.horizontalHeader()
    assert header.sectionSize(1) == 230
    assert header.sortIndicatorSection() == 2
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_splitter_position_survives_a_restart(qtbot, tmp_path):
    def splitter() -> QSplitter:
        s = QSplitter()
        s.addWidget(QLabel("list"))
        s.addWidget(QLabel("detail"))
        s.resize(600, 300)
        qtbot.addWidget(s)
        return s

    first = splitter()
    remember_state(_settings(tmp_path), "time/splitter", first)
    first.setSizes([150, 450])
    first.splitterMoved.emit(150, 1)  # what a drag by the user emits
    flush_pending(first)
    moved = first.sizes()

    second = splitter()
    assert second.sizes() != moved
    assert remember_state(_settings(tmp_path), "time/splitter", second)
    assert second.sizes() == moved


def test_saving_waits_until_resizing_settles(qtbot, tmp_path):
    settings = _settings(tmp_path)
    table = _table(qtbot)
    remember_state(settings, "t", table.horizontalHeader())
    table.horizontalHeader().resizeSection(0, 140)
    assert settings.value("state/t") is None  # nothing written on every pixel of a drag
    qtbot.waitUntil(lambda: settings.value("state/t") is not None)


def test_damaged_saved_state_is_ignored(qtbot, tmp_path):
    settings = _settings(tmp_path)
    settings.setValue("state/broken", QByteArray(b"not a header state"))
    table = _table(qtbot)
    width = table.horizontalHeader().sectionSize(0)
    assert restore_state(settings, "broken", table.horizontalHeader()) is False
    assert table.horizontalHeader().sectionSize(0) == width


def test_the_view_remembered_per_folder_is_found_under_the_same_key_as_before(tmp_path):
    """The key is hashlib's SHA-256 of the folder's path, however it is worked out, so a view
    remembered by an earlier version is still found."""
    import hashlib

    from ui.shell.window_state import folder_key

    digest = hashlib.sha256(str(tmp_path.resolve()).encode()).hexdigest()
    assert folder_key(tmp_path, "window/view") == f"folders/{digest[:16]}/window/view"
