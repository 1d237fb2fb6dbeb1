"""The Overview's actions: "Add to supervision notes", the sustained panels' "Not now", the
official figure and the method page. A mixin of OverviewView, kept apart so the view's module
stays a readable size; every word still comes from core."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.common.errors import ValidationError
from core.workload.history import dismiss_sustained_panel
from ui.widgets.step_said import say_result

if TYPE_CHECKING:
    from ui.overview.method_dialog import MethodDialog


class OverviewActions:
    """What the Overview's buttons do (mixed into OverviewView, whose state it uses)."""

    def add_to_notes(self, text: str | None = None) -> bool:
        """Store this week's supervision note (core's words, or `text`: the explanation of a
        gap with the official figure); say so calmly."""
        if self.words is None:
            return False
        from core.supervision.agenda import add_agenda_item_once

        try:  # pressed twice, the same point is not put on the agenda twice
            item = add_agenda_item_once(self._db, "workload", text or self.words.supervision_note,
                                        today=self._today())
        except ValidationError as exc:
            self.workload.status.setText(" ".join(exc.problems))
            self.workload.status.setVisible(True)
            say_result(self, self.workload.status.text(), assertive=True)
            return False
        card = self.gap if text else self.workload
        card.notes_added()
        if item is not None and item.id is not None:
            self._offer_undo(card, item.id)
        self._hub.supervisionChanged.emit()
        return True

    def _offer_undo(self, card, item_id: int) -> None:  # type: ignore[no-untyped-def]
        """Ctrl+Z takes the note back, as one added in Supervision; the card's button is
        pressable again while the note is not on the agenda."""
        from core.supervision.agenda import delete_agenda_item, open_agenda
        from ui.widgets.deletion_undo import AdditionCommand, undo_stack_of

        stack = undo_stack_of(self)
        if stack is None:
            return

        def changed() -> None:
            waiting = any(i.id == item_id for i in open_agenda(self._db))
            card.add_button.setEnabled(not waiting)
            card.status.setVisible(waiting)
            self._hub.supervisionChanged.emit()

        stack.push(AdditionCommand(self._db, "the note", lambda: delete_agenda_item(
            self._db, item_id), changed, self))

    def _panel_add(self) -> None:
        if self.add_to_notes():
            self._panel_not_now()

    def _panel_not_now(self) -> None:
        if self.episode is not None:
            dismiss_sustained_panel(self._db, self.episode)
        self.episode = None
        self.sustained.hide()
        self._action_in_panels()

    def _caseload_panel_add(self) -> None:
        if self.add_to_notes():
            self._caseload_panel_not_now()

    def _caseload_panel_not_now(self) -> None:
        if self.caseload_episode is not None:
            dismiss_sustained_panel(self._db, self.caseload_episode)
        self.caseload_episode = None
        self.sustained_caseload.hide()
        self._action_in_panels()

    def enter_official(self) -> None:
        from ui.overview.official_dialog import OfficialDialog

        day = self._today()
        if OfficialDialog.get_official(self, self._db, day, day):
            self.refresh()

    def open_method(self, section: str | None = None) -> MethodDialog:
        from ui.overview.method_dialog import MethodDialog

        weightings = self.summary.estimate.weightings if self.summary else None
        return MethodDialog.open_at(self.window(), weightings, section)

    def open_support(self) -> MethodDialog:
        """'What does this mean?': the method, scrolled to where support is."""
        from ui.overview.method_dialog import SUPPORT

        return self.open_method(SUPPORT)
