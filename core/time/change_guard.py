"""An undo or redo of a time change written only over the rows the change left.

Undo takes out what a change added and puts back what it removed; Redo the other way round
(core.time.time_entries.TimeStore.revert / reapply). Between the change and the Ctrl+Z, a
command (`log … --trim-overlaps`), another window or a calendar import may have changed those
rows or logged time beside them. Then nothing is written and ValidationError says so, the
same rule as a Settings save taken back (core.store.saved_rows): the later change is kept.

* A row to take out must still be exactly as the change left it (same day, times, minutes,
  activity, case and note); one changed or gone since is the later change.
* A row to put back must not cross time logged since (the app never lets typed time overlap);
  its id must still be free.

`check_swap` runs inside the caller's IMMEDIATE transaction, so the check and the write see
the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Callable, Protocol

from core.common.clock import length_words
from core.common.errors import ValidationError
from core.time.entry_clock import span_text
from core.time.overlap import TimedEntry, place


class Entry(TimedEntry, Protocol):
    """What is read here of a `core.time.time_entries.TimeEntry` (no import: no circle)."""

    @property
    def activity_name(self) -> str: ...
    @property
    def timed(self) -> bool: ...


class Store(Protocol):
    """What is read here of a `core.time.time_entries.TimeStore`."""

    def get_entry(self, entry_id: int) -> Any: ...
    def entries_on(self, day: Any) -> list[Any]: ...


def entry_named(entry: Entry) -> str:
    """"09:00–10:00 Recording and admin on Sun 06 Dec" (or "45 minutes of Travel on …")."""
    if entry.start is not None and entry.end is not None:
        what = f"{span_text(entry.start, entry.end)} {entry.activity_name}"
    else:
        what = f"{length_words(entry.minutes)} of {entry.activity_name}"
    return f"{what.strip()} on {entry.date:%a %d %b}"


def check_swap(store: Store, take_out: Sequence[Entry], put_back: Sequence[Entry],
               columns: Callable[[Any], dict[str, Any]], done: str) -> None:
    """Raise ValidationError, before anything is written, when `take_out` is no longer as
    stored or `put_back` would cross time logged since; `done` is "undone" or "redone"."""
    for entry in take_out:
        assert entry.id is not None
        try:
            now = store.get_entry(entry.id)
        except KeyError:
            now = None
        if now is None or columns(now) != columns(entry):
            raise ValidationError([
                f"{_capital(entry_named(entry))} has been changed since, so this was not "
                f"{done}: the later change is kept."])
    leaving = {e.id for e in take_out}
    for entry in put_back:
        clash = _crossed(store, entry, leaving)  # rows stored now, less those going
        if clash:
            listed = "; ".join(entry_named(o) for o in clash)
            raise ValidationError([
                f"{_capital(entry_named(entry))} would overlap time logged since ({listed}), "
                f"so this was not {done}: the later time is kept."])
    for entry in put_back:  # the database gives a new entry an id freed a moment ago
        if entry.id is not None and entry.id not in leaving and _exists(store, entry.id):
            raise ValidationError([
                f"{_capital(entry_named(entry))} cannot come back as it was: an entry logged "
                f"since has taken its place, so this was not {done}: the later change is "
                "kept."])


def _crossed(store: Store, entry: Entry, skip: Iterable[int | None]) -> list[Any]:
    if entry.span() is None:
        return []
    skipped = set(skip)
    others = [o for o in store.entries_on(entry.date) if o.id not in skipped and o.timed]
    return place(entry, others)[0] if others else []


def _exists(store: Store, entry_id: int) -> bool:
    try:
        store.get_entry(entry_id)
    except KeyError:
        return False
    return True


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
