"""What an undo or redo did, said and shown where the practitioner is: one helper for every step.

The window has one undo stack, so Ctrl+Z on the Profile page can take back time logged in the
Time view. An announcement alone is heard, not seen, and a line on the step's own page is not
seen from another view. `say_step` does all three the same way for every step:

* the words go to the window's status bar, seen whichever view or page is shown;
* when the step belongs to a view other than the one shown, the words name it ("Undone in
  the Time view: Log time (Travel, …)."), so nothing is taken back out of sight without
  saying where;
* a line still offering the step's undo ("Saved. … Undo with Ctrl+Z.") is given the new words,
  so no page says a change is saved after it has been taken back;
* and the same words are announced (polite; an error or a refusal assertive).

`say_result` does the same for what an action itself did ("Deleted …", "Saved …"): every
result said is shown too, in the same words.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from ui.widgets.announce import announce, one_stop


def say_step(widget: QWidget | None, text: str, assertive: bool = False, was: str = "",
             after_focus: bool = False) -> str:
    """Show and say `text`, what an undo or redo did (or why it was refused). `widget` is where
    the step was made (a page, a view); `was` the words shown when it was made; `after_focus`
    as for `announce` (a question just closed: the window takes the keyboard back first).
    Returns the words as shown."""
    shown = show_step(widget, text, was)
    if shown:
        announce(widget, shown, assertive=assertive,  # from its window if hidden or gone
                 after_focus=after_focus)
    return shown


def say_result(widget: QWidget | None, text: str, assertive: bool = False,
               after_focus: bool = False) -> str:
    """Say what an action just did and show the same words in the window's status bar, as
    they are: for a view or page whose own line shows them too, the status bar no longer keeps
    an older line ("Undone: …") that the words heard have moved on from. Returns the words."""
    text = one_stop((text or "").strip())
    if not text:
        return ""
    window = _window_of(widget)
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text)
    announce(widget, text, assertive=assertive, after_focus=after_focus)
    return text


def show_step(widget: QWidget | None, text: str, was: str = "") -> str:
    """`say_step` without the announcement, for a view whose own line says it already."""
    text = one_stop((text or "").strip())
    if not text:
        return ""
    window = _window_of(widget)
    title = _other_view(window, widget)
    if title:
        text = _placed(text, title)
    if window is not None:
        # The line as shown, with or without its hint (the Caseload shows the words, and
        # says them with how to undo them).
        stale = {was.strip(), was.strip().removesuffix(" Undo with Ctrl+Z.")} - {""}
        # The same words with their details after a colon: "Deleted 2 closed cases: C04 and
        # C08." on the Caseload's line, where "Deleted 2 closed cases." was said.
        detailed = tuple(f"{s.removesuffix('.')}: " for s in stale if s.endswith("."))
        if stale:
            for label in window.findChildren(QLabel):
                if label.text() in stale or label.text().startswith(detailed):
                    label.setText(text)
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text)
    return text


def _placed(text: str, title: str) -> str:
    """The words with the view they happened in."""
    for done in ("Undone", "Redone"):
        if text.startswith(f"{done}: "):
            return f"{done} in the {title} view: {text[len(done) + 2:]}"
    return f"{text[:-1] if text.endswith('.') else text}, in the {title} view."


def _window_of(widget: QWidget | None) -> QWidget | None:
    try:
        window = widget.window() if widget is not None else None
    except RuntimeError:  # the widget has gone (a dialog closed since)
        window = None
    return window or QApplication.activeWindow()


def _other_view(window: QWidget | None, widget: QWidget | None) -> str:
    """The title of the view holding `widget`, when that view is not the one shown."""
    stack = getattr(window, "stack", None)
    nav = getattr(window, "nav", None)
    if widget is None or stack is None or nav is None:
        return ""
    child: QWidget | None = widget
    try:
        while child is not None and child.parentWidget() is not stack:
            child = child.parentWidget()
    except RuntimeError:  # the widget has gone (a dialog closed since): no view to name
        return ""
    if child is None:
        return ""
    index = stack.indexOf(child)
    if index < 0 or index == stack.currentIndex() or nav.item(index) is None:
        return ""
    return nav.item(index).text()
