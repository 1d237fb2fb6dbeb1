"""Help > Keyboard shortcuts: every shortcut in the app on one page, not only in tooltips.

The window's own shortcuts (views, Log time, Undo, Lock, F1, Quit) are read from its actions, so
the page cannot fall behind them; the keys that belong to one view are listed here by hand, and a
test checks that every shortcut in the app appears on this page.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QVBoxLayout, QWidget

from ui.widgets.nothing_to_undo import MEETING_HAS_OWN
from ui.widgets.reading_page import Heading, ReadingText, reading_table, table_model

TITLE = "Keyboard shortcuts"
Keys = str | QKeySequence.StandardKey

# Keys that act inside one view or field: (keys, what they do, where).
IN_VIEWS: tuple[tuple[Keys, str, str], ...] = (
    (QKeySequence.StandardKey.New, "New case", "Caseload"),
    ("Ctrl+I", "Import cases from a spreadsheet (CSV or .xlsx)", "Caseload"),
    (QKeySequence.StandardKey.Find, "Search by reference", "Caseload"),
    (QKeySequence.StandardKey.Delete, "Delete the selected time entry",
     "Time, in the week's table"),
    (QKeySequence.StandardKey.Delete, "Delete the selected agenda note",
     "Supervision, in the agenda"),
    ("Return", "Edit the selected agenda note", "Supervision, in the agenda"),
    ("Enter", "Edit the selected agenda note, with the number pad's Enter",
     "Supervision, in the agenda"),
    (QKeySequence.StandardKey.Delete, "Delete the selected past session",
     "Supervision, in Past sessions"),
    (QKeySequence.StandardKey.Delete, "Delete the selected activity, calendar keyword or "
     "leave day", "Settings, in its table"),
    ("Return", "Correct the selected past session", "Supervision, in Past sessions"),
    ("Return", "Log the line you typed", "Time, in the quick entry line"),
    ("Return", "Open the selected row", "Tables"),
    # The supervision meeting (F11): its keys act only while it fills the window.
    ("Up", "Previous topic", "Supervision meeting, in the topics"),
    ("Down", "Next topic", "Supervision meeting, in the topics"),
    ("PgDown", "Next page of the topic", "Supervision meeting"),
    ("PgUp", "Previous page of the topic", "Supervision meeting"),
    ("Ctrl+N", "Go to the Agreed action line", "Supervision meeting"),
    ("Return", "Add the agreed action", "Supervision meeting, in the Agreed action line"),
    ("Ctrl+Return", "End the meeting (asks first; adds an action still being typed)",
     "Supervision meeting"),
    ("Ctrl+Enter", "End the meeting, with the number pad's Enter", "Supervision meeting"),
    ("Escape", "Leave the meeting (what was ticked and agreed is kept)", "Supervision meeting"),
    ("Ctrl+Z", "Undo the meeting's own last step (an agreed action removed); other changes "
     "wait until you leave it", "Supervision meeting"),
    ("Ctrl+Y", "Redo the meeting's own step", "Supervision meeting"),
    ("Ctrl+Shift+Z", "Redo the meeting's own step", "Supervision meeting"),
)
ANYWHERE = "Anywhere"
NOT_IN_MEETING = "Anywhere but the supervision meeting"
EVEN_IN_DIALOGS = "Anywhere, in a dialog too"
IN_DIALOGS_TOO = "worksInDialogs"  # an action's property: its keys reach past an open dialog
# An action's property: what its keys do, in words that stay the same whatever the action's text
# says now. Undo's text names the step it would take back ("Undo Delete case C07"): the page
# listed that, a case reference on a help page, and a row that changed with each step.
SHORTCUT_WORDS = "shortcutWords"
# How the keyboard moves around any window.
MOVING: tuple[tuple[str, str], ...] = (
    ("Tab / Shift+Tab", "Next / previous control (Tab always leaves a table or list)"),
    ("Arrow keys", "Move within a table, list, or group of choices"),
    ("Alt + underlined letter", "Press that button, tick that box or open that menu (in a "
                                "question the letter alone does nothing)"),
    ("Return / Space", "Press the focused button (in a question that deletes or replaces, "
                       "Return always gives the safe answer)"),
    ("Ctrl+Return", "Save a form from a field of several lines, where Return starts a new "
                    "line (a supervision note)"),
    ("Ctrl+Tab", "Next tab, where a page has tabs"),
    ("Escape", "Close a dialog without saving"),
)


def key_text(keys: Keys | QKeySequence, native: bool = True) -> str:
    """As this system writes it ("Ctrl+Z", or ⌘Z on a Mac); `native=False` gives Qt's portable
    form, which tests compare."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    form = (QKeySequence.SequenceFormat.NativeText if native
            else QKeySequence.SequenceFormat.PortableText)
    return sequence.toString(form)


def window_rows(window: QMainWindow) -> list[tuple[QKeySequence, str, str]]:
    """(keys, what, where) for each shortcut on the window's own actions, in menu order."""
    rows: list[tuple[QKeySequence, str, str]] = []
    seen: set[int] = set()
    actions: list[QAction] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None:
            actions += menu.actions()
    actions += window.actions()
    for action in actions:
        if id(action) in seen:
            continue
        seen.add(id(action))
        text = action.property(SHORTCUT_WORDS) or action.text()
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.rstrip("…").rstrip(".")
        # The meeting hides the menus, and with them the keys only they hold.
        where = ANYWHERE if action in window.actions() and not action.property(
            MEETING_HAS_OWN) else NOT_IN_MEETING
        if action.property(IN_DIALOGS_TOO):
            where = EVEN_IN_DIALOGS
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                rows.append((sequence, text, where))
    return rows


def all_rows(window: QMainWindow) -> list[tuple[QKeySequence, str, str]]:
    """Every shortcut the page lists: the window's, then those of single views."""
    return window_rows(window) + [(QKeySequence(k), what, where) for k, what, where in IN_VIEWS]


INTRO = ("Keys are written as this computer shows them. “Anywhere” means anywhere in the main "
         "window; while a dialog is open, only its own keys work, and Lock now.",
         "In each table the arrow keys move from cell to cell, and Tab goes on to the next table. "
         "Arriving in a table by keyboard chooses the row you are on, so Return, Delete and the "
         "buttons under it act on the row you hear.")
HEADERS = ("Keys", "What it does", "Where")


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """The first table: every shortcut, as this system writes its keys."""
    return [(key_text(k), what, where) for k, what, where in all_rows(window)]


def moving_rows() -> list[tuple[str, str, str]]:
    """The second table: how the keyboard moves around any window."""
    return [(k, what, "Everywhere") for k, what in MOVING]


class ShortcutsDialog(QDialog):
    """The page of shortcuts; not modal, so it can stay open while trying them. Two real
    tables with column headings, so a screen reader reads each key with what it does."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setWindowTitle(TITLE)
        self.resize(700, 620)
        self.intro = ReadingText("About these keys",
                                 "".join(f"<p>{html.escape(p)}</p>" for p in INTRO), fit=True)
        self.intro.document().setDocumentMargin(2)
        self.table = reading_table("Shortcuts", HEADERS, shortcut_rows(window), stretch=1)
        self.moving = reading_table("Moving around", HEADERS, moving_rows(), fit=True,
                                    stretch=1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        for heading, table, stretch in (("Shortcuts", self.table, 1),
                                        ("Moving around", self.moving, 0)):
            title = Heading(heading)
            title.setBuddy(table)
            layout.addWidget(title)
            layout.addWidget(table, stretch)
        layout.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self, window: QMainWindow) -> None:
        table_model(self.table).set_items(shortcut_rows(window))

    def listed(self) -> list[tuple[str, str, str]]:
        """Every row of both tables, as shown."""
        return [*table_model(self.table).items(), *table_model(self.moving).items()]


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    """Open the page (one per window, reused), listing the window's shortcuts as they are now."""
    dialog = window.findChild(ShortcutsDialog)
    if dialog is None:
        dialog = ShortcutsDialog(window)
    else:
        dialog.refresh(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
