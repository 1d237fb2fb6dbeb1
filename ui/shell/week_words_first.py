"""This week's words before the data is opened into the window. In the first frame, the words
the Overview kept at the last start, when they are still true (`kept_words`); else, when none are
(the first start of a day, or the first after a change from the command line), they are
worked out alone from the data file (core.workload.week_words, read-only, without sqlite-utils),
in a thread of their own while the frame is being painted (`work_out_ahead`), and painted in
the Overview's place just after the frame; the data is opened into the window after that paint
(the look asked of the system, the answer to later starts, the passphrase, the Overview), and
the Overview, with its trend, history and every card, replaces them a moment later."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QWidget


def kept_words(window: QWidget, data_dir: Path | None) -> QWidget | None:
    """The last week the Overview showed, in words, for the first frame (None if none kept);
    `window.week_in_words` is that place (for the benchmarks). Only words still true are
    painted: kept today, or kept at the last quit for today (core.store.coming_days), for the
    data file as it is now, never over encrypted data."""
    if data_dir is None:
        return None
    from core.common.clock import today
    from core.store.week_snapshot import snapshot_for_first_frame

    day = today()
    year, week, _ = day.isocalendar()  # as core.common.dates.iso_week_label, without `re`
    snapshot = snapshot_for_first_frame(data_dir, f"{year}-W{week:02d}", day.isoformat())
    if snapshot is None:  # the first start of a day: the words kept for it at the last quit
        from core.store.coming_days import coming_day_for_first_frame

        snapshot = coming_day_for_first_frame(data_dir, f"{year}-W{week:02d}", day.isoformat())
    if snapshot is None:
        return None
    from ui.overview.last_week_stand_in import LastWeekStandIn

    window.week_in_words = LastWeekStandIn(snapshot)  # type: ignore[attr-defined]
    return window.week_in_words  # type: ignore[attr-defined]


WAIT_S = 2.0


class _Ahead:
    """This week's words worked out in a thread of their own while the frame is being painted
    (Qt paints with Python's lock released): the modules they need and the look at the data
    file take no time of the frame's own, and are ready, or nearly, when the frame is."""

    def __init__(self, data_dir: Path, day: object):
        import threading

        self.data_dir, self.day = data_dir, day
        self.found: list[object] = []
        self.thread = threading.Thread(target=self._run, name="week-words", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        from core.workload.week_words import week_in_words_from_file

        self.found.append(week_in_words_from_file(self.data_dir, self.day))  # type: ignore[arg-type]

    def result(self) -> object:
        """The words (or None); None too if the look is still going on after WAIT_S (a data
        file on a slow network drive): the Overview then brings the words with the data."""
        self.thread.join(WAIT_S)
        return self.found[0] if self.found else None


def work_out_ahead(window: QWidget, data_dir: str | None) -> None:
    """Start working out this week's words, when the frame will need them (no kept words, the
    Overview shown): call just before the window is shown."""
    if getattr(window, "week_in_words", None) is not None or window.current_key() != "overview":
        return
    from core.common.clock import today
    from core.store.paths import resolve_data_dir

    window.words_ahead = _Ahead(resolve_data_dir(data_dir), today())  # type: ignore[attr-defined]


def words_first(window: QWidget, data_dir: str | None, probe: bool,
                open_data: Callable[[], None]) -> None:
    """Paint this week's words if there are any to paint, then `open_data` after that paint;
    `open_data` at once otherwise."""
    from ui.shell.first_paint import after_painted

    try:
        painted = this_week_first(window, data_dir, probe)
    except Exception:  # noqa: BLE001 - the early words are only a head start
        # Whatever went wrong here, the data is still opened: the window stayed on "Opening
        # your data…" for good when this step failed. The Overview works the week out itself.
        import logging

        logging.getLogger(__name__).exception("This week's words could not be painted early")
        painted = False
    if painted:
        after_painted(window.week_in_words, open_data)  # type: ignore[attr-defined]
    else:
        open_data()


def this_week_first(window: QWidget, data_dir: str | None, probe: bool) -> bool:
    """Put this week's words from the data file in the Overview's place, when the frame shows
    that place with no words in it yet; False when there are none to paint (kept words already
    there, another view shown, no cases, or a data file to be opened or repaired first)."""
    if getattr(window, "week_in_words", None) is not None or window.current_key() != "overview":
        return False
    from core.common.clock import today
    from core.store.paths import resolve_data_dir
    from core.workload.week_words import week_in_words_from_file

    ahead = getattr(window, "words_ahead", None)
    snapshot = (ahead.result() if ahead is not None
                else week_in_words_from_file(resolve_data_dir(data_dir), today()))
    if snapshot is None:
        return False
    from ui.overview.last_week_stand_in import LastWeekStandIn

    window.week_in_words = LastWeekStandIn(snapshot)  # ui.shell.paint_probe looks here
    window.fill_reserved("overview", window.week_in_words)
    if probe:  # benchmarks/: the time to this paint is the time to this week in words
        from ui.shell.paint_probe import report_words_painted

        report_words_painted(window)
    return True
