"""The Overview's place in the window's first frame: the last week the Overview showed, in words
(core.store.week_snapshot), laid out as the Overview lays out its title, week line and two
cards, so that the practitioner reads their week at once and nothing moves much when the
Overview worked out from the data replaces it.

Imported before the data file is opened: Qt widgets and the standard library only (no
sqlite-utils, no estimate, no gauges), and not the `Qt` namespace either (ui.widgets.labels).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.store.week_snapshot import WeekSnapshot
from ui.widgets.labels import plain, view_title, words

CARD_STYLE = ("QFrame#overviewCard { border: 1px solid palette(mid); border-radius: 6px; "
              "background: palette(base); }")  # as ui.overview.overview_cards.Card
PANEL_STYLE = ("QFrame#sustainedPanel { border: 1px solid palette(mid); "
               "border-left: 6px solid #D55E00; border-radius: 4px; background: palette(base); }")


def _card(title: str, headline: str, body: str, scale: float) -> QFrame:
    card = QFrame()
    card.setObjectName("overviewCard")
    card.setStyleSheet(CARD_STYLE)
    card.setAccessibleName(title)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(8)
    layout.addWidget(words(title, bold=True))
    layout.addWidget(words(headline, scale, bold=True))
    layout.addWidget(words(body))
    layout.addStretch(1)
    return card


def _panel(text: str) -> QFrame:
    """The calm panel's words, as ui.overview.sustained_panel draws them; its buttons come with
    the Overview, so their row is kept empty rather than offering choices that do nothing yet."""
    panel = QFrame()
    panel.setObjectName("sustainedPanel")
    panel.setFrameShape(QFrame.Shape.StyledPanel)
    panel.setStyleSheet(PANEL_STYLE)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.addWidget(words(text))
    layout.addSpacing(QPushButton("Not now").sizeHint().height())
    return panel


class LastWeekStandIn(QWidget):
    """The kept week's words where the Overview will be; `week` is the week they are for."""

    def __init__(self, snapshot: WeekSnapshot, parent: QWidget | None = None):
        super().__init__(parent)
        self.week = snapshot.week
        self.week_line = plain(snapshot.week_line)
        on_baseline = QVBoxLayout()  # at the foot of the title's row, as the Overview aligns it
        on_baseline.addStretch(1)
        on_baseline.addWidget(self.week_line)
        header = QHBoxLayout()
        header.addWidget(view_title("Overview"))
        header.addSpacing(16)
        header.addLayout(on_baseline)
        header.addStretch(1)
        self.workload = _card("This week's estimate", snapshot.headline, snapshot.body, 1.35)
        self.caseload = _card("Caseload", snapshot.caseload_headline, snapshot.caseload_body,
                              1.15)
        grid = QGridLayout()
        grid.setSpacing(14)
        grid.addWidget(self.workload, 0, 0)
        grid.addWidget(self.caseload, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 16, 12)  # as the Overview's
        layout.setSpacing(12)
        layout.addLayout(header)
        column = QVBoxLayout()  # as the Overview's scrolled content: panels, then the cards
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(14)
        for text in (snapshot.sustained, snapshot.sustained_caseload):
            if text:
                column.addWidget(_panel(text))
        column.addLayout(grid)
        layout.addLayout(column)
        layout.addStretch(1)

    def texts(self) -> list[str]:
        """Every text shown, in reading order (for tests and screen readers alike)."""
        return [label.text() for label in self.findChildren(QLabel)]


def _write_journal_into_file(conn) -> None:  # type: ignore[no-untyped-def]
    """Checkpoint without waiting: when another process is writing, the state kept names the
    journal too, and the next start finds it changed and paints no words (never a frozen
    window). Read-only data cannot be checkpointed: the same."""
    try:
        waited = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(waited)}")
    except Exception:  # noqa: BLE001 - busy, read-only or closed: nothing to do
        pass


def keep_week(overview: QWidget, db: object, data_dir: object, at_quit: bool = False) -> None:
    """Keep the week the Overview shows, in the words it shows with "Show figures" off (never a
    percentage, whatever is showing), for the next start's first frame; keep nothing (and delete
    what was kept) while the data is encrypted or there is no
    week to say (no cases yet, or everything deleted). Called once the data shows, whenever the
    Overview is worked out again, and as the app quits, so a killed app leaves current words.
    The journal is first written into the data file, so the state kept is the one the next
    start finds (core.store.week_snapshot.data_state). `at_quit`: the Overview is not worked out
    again first, so nothing is kept if another process has written since it was (a command
    run just before quitting, not yet shown) or if it was worked out on another day (a window
    left open overnight on another view): the next start works the week out instead."""
    from pathlib import Path

    from core.caseload.cases import CaseStore
    from core.common.clock import today
    from core.store.encryption import is_encrypted
    from core.store.week_snapshot import (SNAPSHOT_NAME, data_state, forget_snapshot,
                                          save_snapshot)
    from core.workload.status_words import status_words

    folder = Path(str(data_dir))
    conn = getattr(db, "conn", db)
    summary = getattr(overview, "summary", None)
    inputs = getattr(overview, "_inputs", None)  # no case at all: the Overview's empty page
    try:
        if (is_encrypted(db) or summary is None or not summary.estimate.has_data
                or (inputs is not None and not inputs.cases)):
            forget_snapshot(folder)
            return
        words = status_words(summary, today(), figures=False)
        week_line = overview.week_line.text()  # type: ignore[attr-defined]
        # Another connection's commit moves data_version; the day is the day it was worked out.
        kept = (conn.execute("PRAGMA data_version").fetchone()[0], today())
        if at_quit and kept != getattr(overview, "kept_as_of", kept):
            # Worked out before another's write, or on another day: these words go. The coming
            # days' stay: each is painted only over the data it was worked out from, so after
            # another's write none is, and after a night with the window open they are true.
            for name in (SNAPSHOT_NAME, SNAPSHOT_NAME + ".new"):
                (folder / name).unlink(missing_ok=True)
            return
        overview.kept_as_of = kept  # type: ignore[attr-defined]
        panels = [text or "" if not panel.isHidden() else "" for panel, text in (
            (overview.sustained, words.sustained),  # type: ignore[attr-defined]
            (overview.sustained_caseload, words.sustained_caseload))]  # type: ignore[attr-defined]
        body, _recent = words.beside_panel(bool(panels[0]))  # as the card says it beside the panel
        _write_journal_into_file(conn)
        references = CaseStore(db).references()  # type: ignore[arg-type]
        state = data_state(folder)
        kept_now = save_snapshot(folder, WeekSnapshot(summary.estimate.week, week_line,
                                                      words.headline, body,
                                                      words.caseload_headline,
                                                      words.caseload_body, *panels,
                                                      today().isoformat(), state),
                                 references=references)
        if at_quit and kept_now:
            timer = getattr(overview, "coming_days_timer", None)
            if timer is not None:
                timer.stop()  # kept now, for the data as the app leaves it
            _keep_coming_days(db, folder, state, references)
        elif kept_now:
            _keep_coming_days_soon(overview, db, folder)
    except Exception:  # noqa: BLE001 - a closed or locked connection: keep nothing
        forget_snapshot(folder)


COMING_DAYS_AFTER_MS = 2000  # after the last of a run of keeps (each edit keeps the week)


def _keep_coming_days_soon(overview: QWidget, db: object, folder: object) -> None:
    """A moment after the week is kept (the timer starting again at each keep), the coming days'
    words too, so that an app that never quits cleanly (a crash, a power cut) still leaves the
    next day's first start its words; as the app quits they are kept again if the data has
    changed since."""
    overview.coming_days_for = (db, folder)  # type: ignore[attr-defined]  # the latest keep's
    timer = getattr(overview, "coming_days_timer", None)
    if timer is None:
        from PySide6.QtCore import QTimer

        timer = overview.coming_days_timer = QTimer(overview)  # type: ignore[attr-defined]
        timer.setSingleShot(True)
        timer.setInterval(COMING_DAYS_AFTER_MS)
        timer.timeout.connect(lambda: _keep_coming_days_now(*overview.coming_days_for))
    timer.start()


def _keep_coming_days_now(db: object, folder: object) -> None:
    """Only where this week's words are still kept (not once deleted: encryption turned on,
    delete-all, a restore), never for encrypted data, for the data as it is now."""
    from pathlib import Path

    from core.caseload.cases import CaseStore
    from core.store.encryption import is_encrypted
    from core.store.week_snapshot import data_state, snapshot_path

    path = Path(str(folder))
    try:
        if not snapshot_path(path).exists() or is_encrypted(db):
            return
        _write_journal_into_file(getattr(db, "conn", db))
        _keep_coming_days(db, path, data_state(path), CaseStore(db).references())  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - closed or locked (a restore, a quit): none kept now; any
        pass  # kept before are for the data as it was then, and painted only over that


def _keep_coming_days(db: object, folder: object, state: str, references: set[str]) -> None:
    """The words for each of the coming days, worked out from the data as the next start will
    find it (`state`, core.store.week_snapshot.data_state), so the next day's first start
    paints them in its first frame (core.store.coming_days); nothing is worked out when those
    kept already are for these days and this state."""
    from datetime import timedelta
    from pathlib import Path

    from core.common.clock import today
    from core.store.coming_days import COMING_DAYS, read_coming_days, save_coming_days
    from core.store.week_snapshot import data_state
    from core.workload.week_words import words_on_days

    path = Path(str(folder))
    days = [today() + timedelta(days=n) for n in range(1, COMING_DAYS + 1)]
    kept = read_coming_days(path)
    if kept and (kept[0].day, kept[0].data_state) == (days[0].isoformat(), state):
        return
    try:
        found = words_on_days(db, days)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - the day's words stay kept; the next day works its out
        return
    if data_state(path) != state:  # written meanwhile: these may not be the data's words
        return
    save_coming_days(path, [words._replace(data_state=state) for words in found
                            if words is not None], references)
