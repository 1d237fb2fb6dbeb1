"""The supervision meeting: the month in large type, one topic at a time, worked through live.

Topics on the left (Up/Down), their rows on the right a page at a time (Page Down/Up), the
agreed-action line always at the bottom (Ctrl+N). Private things (the wellbeing check-in,
reductions' typed reasons, case references) are not on screen at all until their
"show to my manager" tick is used; the ticks start clear every time the view opens.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from core.common import clock
from core.common.errors import ValidationError
from core.supervision.meeting import MeetingDraft
from core.supervision.sessions import action_problems, next_supervision_or_default
from core.supervision.meeting_content import (
    PRIVATE_TOPICS,
    TOPICS,
    MeetingContent,
    meeting_content,
    redact_action,
)
from ui.supervision.meeting_action_bar import ActionBar
from ui.widgets.confirm import confirm_no_names
from ui.supervision.meeting_pager import PagedRows
from ui.supervision.meeting_words import (
    EMPTY,
    agreed_words,
    opened_words,
    tab_stops,
    tell,
    topic_words,
)
from ui.supervision.private_ticks import CASES, REDUCTIONS, WELLBEING, PrivateTick
from ui.supervision.meeting_rows import (
    COMPACT_BELOW,
    ActionRow,
    NoteRow,
    Row,
    TextRow,
    meeting_stylesheet,
)
from ui.widgets.date_fields import OptionalDateField

class MeetingView(QWidget):
    """Shows `meeting_content` and keeps what is ticked and agreed in `draft` (nothing is
    stored here: ending the meeting records the draft in one step).

    Signals:
        leaveRequested(): Esc or Leave: back to the normal view, the draft kept.
        endRequested(): End meeting: record the draft.
    """

    leaveRequested = Signal()
    endRequested = Signal()

    def __init__(self, db: Database, draft: MeetingDraft, today: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._today = today or clock.today()
        self.draft = draft
        self.content: MeetingContent | None = None
        self._build_ui()
        self._connect_signals()
        self.reload()

    def _build_ui(self) -> None:
        self.setObjectName("supervisionMeeting")
        self.compact = False  # the system's type size, in a window too small for the large
        self.setStyleSheet(meeting_stylesheet())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 16)
        layout.setSpacing(12)
        top = QHBoxLayout()
        self.title = QLabel("Supervision meeting")
        self.title.setObjectName("meetingTitle")
        self.title.setWordWrap(True)  # wraps rather than clips on a small, highly scaled screen
        top.addWidget(self.title, 1)
        self.end_button = QPushButton("&End meeting")
        self.end_button.setToolTip("Record what was discussed and agreed (Ctrl+Enter)")
        self.leave_button = QPushButton("Leave (Esc)")
        self.leave_button.setToolTip("Back to the app; what you ticked is kept until you end")
        top.addWidget(self.end_button)
        top.addWidget(self.leave_button)
        layout.addLayout(top)

        second = QHBoxLayout()
        self.period = QLabel()
        self.period.setWordWrap(True)
        second.addWidget(self.period, 1)
        # One next-supervision date: the one agreed last time (or four weeks on), as the
        # summary above and the actions' due dates have it.
        self._next = next_supervision_or_default(self._db, self._today)
        self.next_date = OptionalDateField("&Next supervision:", self.draft.next_date, self._next)
        second.addWidget(self.next_date)
        layout.addLayout(second)

        # The caption and ticks flow onto a second line when the window is narrow (200%
        # scaling on a small laptop) instead of being cut off.
        self.private = QGridLayout()
        self.private.setHorizontalSpacing(16)
        self.private_caption = QLabel("Show to my manager:")
        self.private_caption.setWordWrap(True)
        # Each asks before it shows (ui.supervision.private_ticks): they sit a stop past Add.
        self.show_wellbeing = PrivateTick(WELLBEING)
        self.show_reductions = PrivateTick(REDUCTIONS)
        self.show_cases = PrivateTick(CASES)
        self._private_widgets = [self.private_caption, self.show_wellbeing,
                                 self.show_reductions, self.show_cases]
        self._private_columns = 0
        layout.addLayout(self.private)

        body = QHBoxLayout()
        body.setSpacing(24)
        self.topics = QListWidget()
        self.topics.setAccessibleName("Topics")
        self.topics.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.topics.setSpacing(4)
        body.addWidget(self.topics)
        self.topics.setParent(self)  # the meeting's style sheet (its type size) applies from here
        self.topics.ensurePolished()
        longest = max(self.topics.fontMetrics().horizontalAdvance(f"{t}  ✓9/9")
                      for _k, t, _w in TOPICS)
        # As wide as the longest topic, narrower (titles wrapping) when the window is small.
        self.topics.setWordWrap(True)
        self.topics.setMaximumWidth(longest + 48)
        self.topics.setMinimumWidth(min(longest + 48, self.topics.fontMetrics()
                                        .horizontalAdvance("Learning and") + 48))
        body.setStretch(0, 2)
        right = QVBoxLayout()
        self.topic_title = QLabel()
        self.topic_title.setObjectName("topicTitle")
        self.topic_title.setWordWrap(True)
        right.addWidget(self.topic_title)
        self.rows = PagedRows()
        right.addWidget(self.rows, 1)
        body.addLayout(right, 3)
        layout.addLayout(body, 1)

        self.action_bar = ActionBar(self._today, due=self._next)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.action_bar.message)
        self._flow_private()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        compact = self.height() < COMPACT_BELOW
        if compact != self.compact:
            self.compact = compact
            self.setStyleSheet(meeting_stylesheet(compact))
            self._private_columns = 0  # the ticks' widths changed with the type
            self.show_topic(keep_page=True)  # rows are paged by their height in this type
        self._flow_private()

    def _flow_private(self) -> None:
        """Lay the "show to my manager" caption and ticks in as many columns as fit."""
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        spacing = self.private.horizontalSpacing()
        widths = [w.sizeHint().width() + spacing for w in self._private_widgets]
        columns = len(widths)
        while columns > 1 and max(sum(widths[i:i + columns])
                                  for i in range(0, len(widths), columns)) > room:
            columns -= 1
        if columns == self._private_columns:
            return
        self._private_columns = columns
        self.private_caption.setWordWrap(columns < len(widths))  # on one line while it fits
        for widget in self._private_widgets:
            self.private.removeWidget(widget)
        for i, widget in enumerate(self._private_widgets):
            self.private.addWidget(widget, i // columns, i % columns)
        for column in range(len(widths) + 1):
            self.private.setColumnStretch(column, 1 if column == columns else 0)

    def _connect_signals(self) -> None:
        self.topics.currentRowChanged.connect(lambda _row: self.show_topic())
        for box in (self.show_wellbeing, self.show_reductions):
            box.toggled.connect(lambda _on: self._rebuild_topics())
        self.show_cases.toggled.connect(lambda _on: self.reload())
        self.action_bar.actionAdded.connect(self._add_action)
        self.next_date.valueChanged.connect(
            lambda: setattr(self.draft, "next_date", self.next_date.value()))
        self.end_button.clicked.connect(self.request_end)
        self.leave_button.clicked.connect(self.leaveRequested)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Escape), self.leaveRequested.emit),
            (QKeySequence("Ctrl+Return"), self.request_end),
            (QKeySequence("Ctrl+Enter"), self.request_end),
            (QKeySequence("Ctrl+N"), lambda: self.action_bar.text.setFocus()),
            (QKeySequence(Qt.Key.Key_PageDown), lambda: self.rows.turn(1)),
            (QKeySequence(Qt.Key.Key_PageUp), lambda: self.rows.turn(-1)),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(context)  # only while the meeting (not a lock screen) has focus
            shortcut.activated.connect(slot)

    # --- what is shown -------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the month again (the case-references tick changes how notes are worded)."""
        self.content = meeting_content(self._db, self._today, self.show_cases.isChecked())
        self.period.setText(self.content.period)
        self._rebuild_topics()

    def clear_private_ticks(self) -> None:
        """Untick every "show to my manager" box (the idle lock: the laptop was unattended)."""
        for box in (self.show_wellbeing, self.show_reductions, self.show_cases):
            box.setChecked(False)

    def visible_topics(self) -> list[str]:
        shown = {"wellbeing": self.show_wellbeing.isChecked()}
        return [key for key, _t, _k in TOPICS if key not in PRIVATE_TOPICS or shown[key]]

    def _rebuild_topics(self) -> None:
        current = self.current_topic()
        self.topics.blockSignals(True)
        self.topics.clear()
        for key in self.visible_topics():
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self._label_item(item)
            self.topics.addItem(item)
        keys = self.visible_topics()
        self.topics.setCurrentRow(keys.index(current) if current in keys else 0)
        self.topics.blockSignals(False)
        self.show_topic(keep_page=True)

    def _topic_label(self, key: str) -> str:
        """The topic's title, with how many of its notes are ticked once any are."""
        title = next(t for k, t, _kinds in TOPICS if k == key)
        notes = self.content.notes.get(key, []) if self.content else []
        ticked = sum(1 for n in notes if n.id in self.draft.discussed)
        return f"{title}  ✓{ticked}/{len(notes)}" if ticked else title

    def _label_item(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        words = topic_words(self._sentences(key)) if key in ("month", "time") else ""
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, words)  # said with the topic
        text = self._topic_label(key)
        item.setText(text)
        title, _sep, count = text.partition("  ✓")
        spoken = title + (f", {count.replace('/', ' of ')} discussed" if count else "")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)

    @Slot(int, bool)  # declared: connected per row, it would remake the view's accessible
    def _ticked(self, item_id: int, on: bool) -> None:
        self.draft.toggle_discussed(item_id, on)
        item = self.topics.currentItem()
        if item is not None:
            self._label_item(item)

    def current_topic(self) -> str | None:
        item = self.topics.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_topic(self, key: str) -> None:
        self.topics.setCurrentRow(self.visible_topics().index(key))

    def show_topic(self, keep_page: bool = False) -> None:
        key = self.current_topic()
        if key is None or self.content is None:
            return
        self.topic_title.setText(next(t for k, t, _kinds in TOPICS if k == key))
        self.rows.set_rows(self._rows_for(key), keep_page=keep_page)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes from the topics into the topic's rows (the Discussed ticks), its pages, the
        agreed-action line, and only then to the "Show to my manager" ticks: rows made after
        the window came last, and a Space meant for them could tick Case references."""
        chain: list[QWidget] = [self.topics]
        for holder in (*self.rows.rows, self.rows.bar, self.action_bar):
            chain += tab_stops(holder)
        chain += [self.show_wellbeing, self.show_reductions, self.show_cases]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _sentences(self, key: str) -> list[tuple[str, str]]:
        """The month's (or the time's) lines as shown: each sentence, with hours at its end."""
        content = self.content
        assert content is not None
        if key == "time":
            return [(content.time_sentence, "")] + list(content.time_rows[1:])
        lines = [(line, "") for line in content.month]
        if self.show_reductions.isChecked():
            reasons = ", ".join(content.reduction_reasons) or "none beyond those named above"
            lines.append((f"Reductions, as agreed: {reasons}.", ""))
        return lines

    def _rows_for(self, key: str) -> list[Row]:
        content = self.content
        assert content is not None
        rows: list[Row]
        if key in ("month", "time"):
            rows = [TextRow(text, right) for text, right in self._sentences(key)]
        elif key == "actions":
            rows = [ActionRow(a, self.draft.status_updates.get(a.id or 0)) for a in content.actions]
            rows += [ActionRow(redact_action(a, content.references), new_index=i)
                     for i, a in enumerate(self.draft.new_actions)]
            for row in rows:
                row.statusChosen.connect(self.draft.set_status)
                row.removed.connect(self._remove_action)
        else:
            rows = []
            for note in content.notes.get(key, []):
                row = NoteRow(note.id, note.text, note.id in self.draft.discussed)
                row.toggled.connect(self._ticked)
                rows.append(row)
        return rows or [TextRow(EMPTY.get(key, ""))]

    def request_end(self) -> None:
        """End meeting (button or Ctrl+Enter): an action still on the "Agreed action" line is
        added first, so the words are never lost; if it is refused (or Edit is chosen at the
        name question) the meeting stays open with the words as typed."""
        bar = self.action_bar
        if bar.text.text().strip():  # the owner alone is kept for the next action, not an action
            bar.submit()
            if bar.text.text().strip():
                return
        self.endRequested.emit()

    # --- agreeing actions ----------------------------------------------------------------------
    def _add_action(self, action) -> None:  # type: ignore[no-untyped-def]
        # Actions reach the summary: ask about name-like words, as every other dialog does.
        problems = action_problems(action)
        if problems:
            self.action_bar.refused(problems)
            return
        if not confirm_no_names(self, [action.text, action.owner]):
            self.action_bar.text.setFocus()  # Edit: the words stay as typed
            return
        try:
            self.draft.add_action(action)
        except ValidationError as exc:
            self.action_bar.refused(list(exc.problems))
            return
        self.action_bar.accepted()
        references = self.content.references if self.content else set()
        tell(self, agreed_words(action, references))  # heard and seen, as Remove is
        if self.current_topic() == "actions":
            self.show_topic(keep_page=True)

    def tell(self, text: str, assertive: bool = False) -> None:
        """Show and say `text` on the meeting's own line (ui.supervision.meeting_words)."""
        tell(self, text, assertive)

    def say_opened(self) -> None:
        """"Supervision meeting" and its period, said once the keyboard is on the topics."""
        from ui.widgets.announce import announce

        announce(self.topics, opened_words(self.content.period if self.content else ""),
                 after_focus=True)  # a notice before the focus moves, Orca 43 drops

    @Slot(int)  # declared, as _ticked
    def _remove_action(self, index: int) -> None:
        """Remove an action agreed in this meeting, one step on the window's Undo; its words
        go back on the empty Agreed action line (ui.supervision.meeting_removal)."""
        from ui.supervision.meeting_removal import remove_agreed_action

        remove_agreed_action(self, index)
