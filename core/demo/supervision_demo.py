"""Synthetic supervision demo: a session four weeks ago with its actions, and this month's notes."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlite_utils import Database

from core.supervision.agenda import add_agenda_item, reflection_text
from core.caseload.cases import CaseStore
from core.supervision.meeting import record_session
from core.supervision.sessions import Action, Session, set_action_status


def fill_supervision_demo(db: Database, today: date, rng: random.Random) -> None:
    """One earlier session with three actions (one since done) and a month of agenda notes."""
    held = today - timedelta(weeks=4, days=rng.randint(0, 2))
    session = Session(
        held_on=held,
        with_whom="SPO",
        agreed="Review allocations after the court duty rota changes; revisit caseload next month.",
        next_date=today + timedelta(days=3),
        actions=[
            Action("Book protected time for two parole reports", "Practitioner",
                   held + timedelta(days=14)),
            Action("Raise the court duty rota with the team manager", "SPO",
                   held + timedelta(days=21)),
            Action("Check whether any new allocations can be paused for a month", "SPO",
                   today + timedelta(days=10)),
        ],
    )
    record_session(db, session, today=held)
    first = session.actions[0].id
    assert first is not None  # given by record_session
    set_action_status(db, first, "done", held + timedelta(days=12))

    def note(days_ago: int, kind: str, text: str, **extra: str) -> None:
        add_agenda_item(db, kind, text, today=today - timedelta(days=days_ago), **extra)

    note(20, "workload", "The weighted estimate has stayed over 110% for several weeks; "
         "two parole reports land in the same fortnight.")
    note(18, "going_well", "Three-way meeting with the housing officer unblocked an accommodation plan.")
    note(12, "going_well", "Caught up on recording after the protected admin morning.")
    active = [c.reference for c in CaseStore(db).list_cases("active")]
    if active:
        picks = rng.sample(active, min(2, len(active)))
        note(15, "case", "Recent change in circumstances; need a view on the risk plan.",
             case_reference=picks[0], reason="risk change")
        if len(picks) > 1:
            note(6, "case", "Transfer to another area has stalled; who follows it up?",
                 case_reference=picks[1], reason="stuck")
    note(10, "request", "Pause new allocations for two weeks while the parole reports are written.")
    note(9, "request", "Admin support for the court duty paperwork.")
    note(8, "reflection", reflection_text({
        "Experience": "A home visit where the person was distressed and I had to end it early.",
        "Reflection": "I felt I had let the plan slip, but safety came first.",
        "Analysis": "I had not checked the latest police information before going.",
        "Action": "Check updates before every home visit; discuss joint visits for this case type.",
    }))
    note(7, "learning", "Booked on the domestic abuse refresher; would like ARMS training.")
    note(3, "wellbeing", "Tired after a heavy month; sleeping less before report deadlines.")
