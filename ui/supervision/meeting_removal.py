"""An action agreed in the meeting and removed (Remove, with Space) is one step on the window's
Undo, like every other removal: Ctrl+Z puts it back in its place among the actions agreed
today, Ctrl+Y removes it again, each way said and shown (in the status bar and on the meeting's
message line).

Nothing of the meeting is stored until it ends (core.supervision.meeting.MeetingDraft), so the
step works on the draft, not the file. It is refused, said and dropped when the draft is no
longer the one it was made in (the meeting ended and was recorded, or the data was restored),
when the same action has been agreed again since (its words went back on the Agreed action line,
and Return there adds it again: putting it back as well would agree it twice), and on Redo when
the action is no longer among those agreed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from core.supervision.meeting import MeetingDraft
from core.supervision.meeting_content import redact_action
from core.supervision.summary_model import redact_references
from core.supervision.sessions import Action
from ui.widgets.deletion_undo import undo_stack_of
from ui.widgets.step_said import say_step

# The meeting's controller and view (ui.supervision.meeting_operations, .meeting_view) are
# typed as Any here: both import this module, and naming them would make a circle.


def remove_agreed_action(view: Any, index: int) -> None:
    """Remove the `index`th action agreed in the meeting `view` shows. Its words go back on
    the empty "Agreed action" line, the keyboard with them, so a Remove pressed by mistake
    loses nothing (Return there adds it again); said and shown, with its undo."""
    removed = view.draft.new_actions.pop(index)
    view.show_topic(keep_page=True)
    bar = view.action_bar
    # As the row showed it: a case reference hidden on screen is neither said nor put back.
    shown = redact_action(removed, view.content.references) if view.content else removed
    said = f"Removed the agreed action “{shown.text}”."
    if shown == removed and not bar.text.text().strip():  # (the owner is kept there anyway)
        bar.text.setText(removed.text)  # with no history: Ctrl+Z there is the window's Undo
        bar.owner.setText(removed.owner or "")
        if removed.due_date is not None:
            bar.due.set_value(removed.due_date)
        said += " Its words are back on the Agreed action line: Return adds it again."
    stack, controller = undo_stack_of(view), getattr(view.window(), "meeting", None)
    command = None
    if stack is not None and controller is not None and controller.draft is view.draft:
        command = ActionRemovedCommand(controller, view.window(), view.draft, index, removed,
                                       shown.text)
        said += " Undo with Ctrl+Z."
    bar.text.setFocus()
    bar.message.setText(said)
    bar.message.show()
    if command is not None:
        stack.push(command)
        command.shown = said
    say_step(view, said, after_focus=True)


class ActionRemovedCommand(QUndoCommand):
    """Pushed after the action has left the draft; its first redo (run by `push`) does
    nothing. `words` is the action as the row showed it (a case reference hidden)."""

    def __init__(self, controller: Any, window: QWidget, draft: MeetingDraft,
                 index: int, action: Action, words: str):
        super().__init__(f"Remove the agreed action “{words}”")
        self._controller, self._window, self._draft = controller, window, draft
        self._index, self.action, self._words = index, action, words
        self._pushed = False
        self.shown = ""  # the words the removal was shown with

    @property
    def meeting_draft(self) -> MeetingDraft:
        """The meeting this step belongs to: Ctrl+Z in it takes back only its own steps
        (ui.supervision.meeting_screen)."""
        return self._draft

    def _held(self) -> bool:
        return any(a is self.action for a in self._draft.new_actions)

    def _refused(self, text: str) -> None:
        self.setObsolete(True)
        self._show(text, assertive=True)

    def _show(self, text: str, assertive: bool = False) -> None:
        view = self._controller.view
        if view is not None and view.content is not None:
            # Removed while Case references was ticked, taken back after it was cleared.
            text = redact_references(text, view.content.references)
        if view is not None and view.draft is self._draft:
            view.show_topic(keep_page=True)
            view.action_bar.message.setText(text)
            view.action_bar.message.show()
        self.shown = say_step(view if view is not None else self._window, text, assertive,
                              was=self.shown)

    def undo(self) -> None:
        if self._controller.draft is not self._draft:
            self._refused(f"The meeting has ended since, so “{self._words}” was not brought "
                          "back.")
            return
        if self.action in self._draft.new_actions:  # (equal words, owner and date)
            self._refused(f"“{self._words}” has been agreed again since, so this was not "
                          "undone: it is agreed once.")
            return
        self._draft.new_actions.insert(min(self._index, len(self._draft.new_actions)),
                                       self.action)
        view = self._controller.view
        if view is not None and view.draft is self._draft:
            bar = view.action_bar
            if (bar.text.text(), bar.owner.text()) == (self.action.text, self.action.owner):
                bar.text.setText("")  # the words Remove put there: now agreed, not typed
            if view.current_topic() != "actions":
                view.select_topic("actions")
        self._show(f"Brought back the agreed action “{self._words}”.")

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if self._controller.draft is not self._draft or not self._held():
            self._refused(f"“{self._words}” has been changed since, so this was not redone: "
                          "the later change is kept.")
            return
        self._index = next(i for i, a in enumerate(self._draft.new_actions) if a is self.action)
        del self._draft.new_actions[self._index]
        self._show(f"Removed the agreed action “{self._words}” again.")
