"""The caseload store: add, edit, close, reopen and list cases, keeping dated tier history."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable

from core.common.crash_points import crash_point
from core.common import clock
from core.common.dates import from_iso, to_iso
from core.common.errors import ValidationError
from core.caseload.models import (
    CASE_STATES,
    CASE_TYPES,
    CLOSE_REASONS,
    FLAGS,
    MAPPA_LEVELS,
    TIERS,
    Case,
    TierChange,
)
from core.store.rows import inserted_id

if TYPE_CHECKING:
    from sqlite_utils import Database

STATUSES = ("active", "closed", "all")


def case_problems(case: Case) -> list[str]:
    """Every reason the case cannot be saved, as sentences; empty when it is fine."""
    from core.common.identifiers import reference_problem  # only when saving: reading a
    # caseload (this week's words before the window opens) compiles none of its patterns

    problems = []
    ref_problem = reference_problem(case.reference)
    if ref_problem:
        problems.append(ref_problem)
    if case.case_type not in CASE_TYPES:
        problems.append(f"Case type must be one of: {', '.join(CASE_TYPES)}.")
    if case.tier not in TIERS:
        problems.append(f"'{case.tier}' is not a tier; use A3 to D0, A3S to D0S, or untiered.")
    if case.state not in CASE_STATES:
        problems.append("The case state is not one the app knows.")
    unknown = [f for f in case.flags if f not in FLAGS]
    if unknown:
        problems.append(f"Unknown flag: {', '.join(unknown)}.")
    if case.mappa_level is not None and case.mappa_level not in MAPPA_LEVELS:
        problems.append("MAPPA level must be 1, 2 or 3.")
    if case.expected_end_date and case.expected_end_date < case.start_date:
        problems.append("The expected end date is before the start date.")
    if case.tier_date and case.tier_date < case.start_date:
        problems.append("The tier date is before the case started.")
    return problems


def _row_to_case(row: dict[str, Any], history: list[TierChange]) -> Case:
    history = sorted(history, key=lambda c: c.from_date)
    return Case(
        id=row["id"],
        reference=row["reference"],
        case_type=row["case_type"],
        tier=history[-1].tier if history else "untiered",
        tier_date=history[-1].from_date if history else None,
        t2a=bool(row["t2a"]),
        start_date=date.fromisoformat(row["start_date"]),
        expected_end_date=from_iso(row["expected_end_date"]),
        flags=tuple(json.loads(row["flags"] or "[]")),
        mappa_level=row["mappa_level"],
        state=row["state"],
        next_report_due=from_iso(row["next_report_due"]),
        next_review_due=from_iso(row["next_review_due"]),
        closed_date=from_iso(row["closed_date"]),
        close_reason=row["close_reason"],
        tier_history=tuple(history),
    )


def _case_columns(case: Case) -> dict[str, Any]:
    return {
        "reference": case.reference.strip(),
        "case_type": case.case_type,
        "t2a": int(case.t2a),
        "start_date": case.start_date.isoformat(),
        "expected_end_date": to_iso(case.expected_end_date),
        "flags": json.dumps(sorted(set(case.flags))),
        "mappa_level": case.mappa_level,
        "state": case.state,
        "next_report_due": to_iso(case.next_report_due),
        "next_review_due": to_iso(case.next_review_due),
        "closed_date": to_iso(case.closed_date),
        "close_reason": case.close_reason,
    }


class CaseStore:
    """Only this class reads and writes the `cases` and `tier_history` tables."""

    def __init__(self, db: Database):
        self.db = db

    def list_cases(self, status: str = "active", closed_after: date | None = None) -> list[Case]:
        """The cases of `status`, by reference; with `closed_after`, none closed on or before
        that day (this week's words need only the cases held in the two years they look at)."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        where = {"active": "closed_date IS NULL", "closed": "closed_date IS NOT NULL"}.get(status)
        params: list[str] = []
        if closed_after is not None:
            where = (f"({where}) AND " if where else "") + "(closed_date IS NULL OR closed_date > ?)"
            params.append(closed_after.isoformat())
        sql = "SELECT * FROM cases" + (f" WHERE {where}" if where else "") + " ORDER BY reference"
        rows = list(self.db.query(sql, params))
        histories: dict[int, list[TierChange]] = {}
        for h in self.db.query("SELECT case_id, tier, from_date FROM tier_history ORDER BY id"):
            histories.setdefault(h["case_id"], []).append(
                TierChange(h["tier"], date.fromisoformat(h["from_date"]))
            )
        return [_row_to_case(r, histories.get(r["id"], [])) for r in rows]

    def get_case(self, case_id: int) -> Case:
        rows = list(self.db.query("SELECT * FROM cases WHERE id = ?", [case_id]))
        if not rows:
            raise KeyError(case_id)
        history = [
            TierChange(h["tier"], date.fromisoformat(h["from_date"]))
            for h in self.db.query(
                "SELECT tier, from_date FROM tier_history WHERE case_id = ? ORDER BY id", [case_id]
            )
        ]
        return _row_to_case(rows[0], history)

    def references(self) -> set[str]:
        return {r["reference"].upper() for r in self.db.query("SELECT reference FROM cases")}

    def next_free_reference(self) -> str:
        """The next `Cnn` not yet used, e.g. C07 after C01…C06."""
        used = set()
        for ref in self.references():
            match = re.fullmatch(r"C(\d+)", ref)
            if match:
                used.add(int(match.group(1)))
        n = 1
        while n in used:
            n += 1
        return f"C{n:02d}"

    def _check(self, case: Case, exclude_id: int | None = None) -> None:
        problems = case_problems(case)
        clash = list(
            self.db.query(
                "SELECT id FROM cases WHERE upper(reference) = upper(?) AND id IS NOT ?",
                [case.reference.strip(), exclude_id],
            )
        )
        if clash:
            problems.append(f"You already have a case called {case.reference.strip()}.")
        if problems:
            raise ValidationError(problems)

    def _insert(self, case: Case) -> int:
        case_id = inserted_id(self.db.table("cases").insert(_case_columns(case)))
        tier_date = case.tier_date or case.start_date
        self.db.table("tier_history").insert(
            {"case_id": case_id, "tier": case.tier, "from_date": tier_date.isoformat()}
        )
        return case_id

    def add_case(self, case: Case) -> Case:
        with self.db.atomic():  # the check and the write see the same data (BEGIN IMMEDIATE)
            self._check(case)
            case_id = self._insert(case)
        return self.get_case(case_id)

    def add_cases(self, cases: Iterable[Case]) -> list[int]:
        """Insert many cases in one transaction: all of them, or none."""
        cases = list(cases)
        with self.db.atomic():
            for case in cases:
                self._check(case)
            crash_point("case_import.checked")
            ids = []
            for case in cases:
                ids.append(self._insert(case))
                crash_point("case_import.row_written")
            return ids

    def update_case(self, case: Case) -> Case:
        """Save edits; a new tier is added to the history from `case.tier_date` (default today)."""
        if case.id is None:
            raise ValueError("update_case needs a stored case")
        with self.db.atomic():
            self._check(case, exclude_id=case.id)
            before = self.get_case(case.id)
            self.db.table("cases").update(case.id, _case_columns(case))
            if case.tier != before.tier:
                tier_date = case.tier_date or clock.today()
                self.db.table("tier_history").insert(
                    {"case_id": case.id, "tier": case.tier, "from_date": tier_date.isoformat()}
                )
            elif case.tier_date and case.tier_date != before.tier_date and before.tier_history:
                # Same tier, corrected date: amend the latest history row rather than add one.
                self.db.execute(
                    "UPDATE tier_history SET from_date = ? WHERE id = (SELECT max(id) FROM "
                    "tier_history WHERE case_id = ?)",
                    [case.tier_date.isoformat(), case.id],
                )
        return self.get_case(case.id)

    def close_case(self, case_id: int, closed_on: date, reason: str) -> Case:
        with self.db.atomic():
            case = self.get_case(case_id)
            if reason not in CLOSE_REASONS:
                raise ValidationError(f"Reason must be one of: {', '.join(CLOSE_REASONS)}.")
            if closed_on < case.start_date:
                raise ValidationError("A case cannot close before it started.")
            return self._save_state(replace(case, closed_date=closed_on, close_reason=reason))

    def reopen_case(self, case_id: int) -> Case:
        with self.db.atomic():
            case = self.get_case(case_id)
            return self._save_state(replace(case, closed_date=None, close_reason=None))

    def restore_case(self, case: Case, expected: Case | None = None,
                     done: str = "undone") -> Case:
        """Put a stored case back exactly as `case` was read (details, closure, tier history).

        Used to undo and redo an edit, a close or a reopen. A changed tier history is replaced
        row for row; an unchanged one is left alone. KeyError when the case no longer exists;
        ValidationError when its reference is now taken by another case, or when it is no
        longer `expected` (changed since by a command or another window: the later change is
        kept; `done` is "undone" or "redone").
        """
        if case.id is None:
            raise ValueError("restore_case needs a stored case")
        with self.db.atomic():
            current = self.get_case(case.id)  # KeyError first: nothing to put back
            if expected is not None and current != expected:
                raise ValidationError(f"{current.reference} has been changed since, so this "
                                      f"was not {done}: the later change is kept.")
            self._check(case, exclude_id=case.id)
            self.db.table("cases").update(case.id, _case_columns(case))
            if current.tier_history != case.tier_history:
                self.db.execute("DELETE FROM tier_history WHERE case_id = ?", [case.id])
                self.db.table("tier_history").insert_all(
                    {"case_id": case.id, "tier": c.tier, "from_date": c.from_date.isoformat()}
                    for c in case.tier_history
                )
        return self.get_case(case.id)

    def _save_state(self, case: Case) -> Case:
        assert case.id is not None
        self.db.table("cases").update(
            case.id, {"closed_date": to_iso(case.closed_date), "close_reason": case.close_reason}
        )
        return self.get_case(case.id)

    def delete_case(self, case_id: int) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM cases WHERE id = ?", [case_id])

    def readd_cases(self, cases: Iterable[Case]) -> list[Case]:
        """Put deleted cases back as they were read (details and tier history), all or none.

        Used to redo an add or an import after its undo. Each keeps its old id when that id is
        still free, so later undo steps that name the id find it again; otherwise it gets a new
        one. ValidationError when a reference is now taken by another case.
        """
        cases = list(cases)
        restored = []
        with self.db.atomic():
            for case in cases:
                self._check(case)
            for case in cases:
                columns = _case_columns(case)
                if case.id is not None and not self._exists(case.id):
                    columns["id"] = case.id
                case_id = inserted_id(self.db.table("cases").insert(columns))
                history = case.tier_history or (
                    TierChange(case.tier, case.tier_date or case.start_date),)
                self.db.table("tier_history").insert_all(
                    {"case_id": case_id, "tier": c.tier, "from_date": c.from_date.isoformat()}
                    for c in history
                )
                restored.append(case_id)
        return [self.get_case(case_id) for case_id in restored]

    def _exists(self, case_id: int) -> bool:
        return bool(list(self.db.query("SELECT 1 FROM cases WHERE id = ?", [case_id])))

    def links(self, case_ids: Iterable[int]) -> dict[int, list[str]]:
        """What else refers to each case, as table names, for the cases anything refers to.

        Every table with a foreign key to `cases` counts except the case's own tier history;
        supervision notes name a case by its reference, so they count too.
        """
        ids = sorted(set(case_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        found: dict[int, set[str]] = {}
        for table in self.db.table_names():
            if table == "tier_history":  # part of the case itself: it goes with it
                continue
            for fk in self.db.query(f'PRAGMA foreign_key_list("{table}")'):
                if fk["table"] != "cases":
                    continue
                column = fk["from"]
                sql = (f'SELECT DISTINCT "{column}" AS id FROM "{table}" '
                       f'WHERE "{column}" IN ({marks})')
                for row in self.db.query(sql, ids):
                    found.setdefault(row["id"], set()).add(table)
        if "agenda_items" in self.db.table_names():
            sql = ("SELECT DISTINCT c.id FROM cases c JOIN agenda_items a "
                   f"ON upper(a.case_reference) = upper(c.reference) WHERE c.id IN ({marks})")
            for row in self.db.query(sql, ids):
                found.setdefault(row["id"], set()).add("agenda_items")
        return {case_id: sorted(tables) for case_id, tables in sorted(found.items())}

    def delete_unreferenced(self, case_ids: Iterable[int]) -> bool:
        """Delete the cases and their tier history only if nothing else refers to any of them.

        All or nothing, in one transaction: False (and nothing deleted) when any case is missing
        or referred to (see `links`); True when every one was deleted.
        """
        ids = sorted(set(case_ids))
        if not ids:
            return True
        marks = ",".join("?" * len(ids))
        with self.db.atomic():
            present = self.db.execute(f"SELECT COUNT(*) FROM cases WHERE id IN ({marks})", ids)
            if present.fetchone()[0] != len(ids) or self.links(ids):
                return False
            self.db.execute("PRAGMA secure_delete = ON")  # as retention does: nothing lingers
            self.db.execute(f"DELETE FROM tier_history WHERE case_id IN ({marks})", ids)
            self.db.execute(f"DELETE FROM cases WHERE id IN ({marks})", ids)
        return True

    def count(self, status: str = "active") -> int:
        return len(self.list_cases(status))
