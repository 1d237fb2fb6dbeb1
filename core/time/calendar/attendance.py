"""Whose answer counts: a meeting is "Declined" only when the practitioner declined it.

An .ics file lists every invitee's answer (ATTENDEE;PARTSTAT=DECLINED), so a colleague's "no"
must not hide a meeting the practitioner went to, and the practitioner's own "no" must not be
lost among the others'. Their own entry is found, in this order (RFC 5545 sections 3.8.4.1 and
3.8.4.3 for ORGANIZER and ATTENDEE, 3.2.12 for PARTSTAT):

1. the address they gave the app (`remember_my_address`), kept only as a keyed hash (HMAC-SHA256
   under the data file's own calendar key), like the rest of the calendar memory;
2. the address the file names as the calendar's owner (Google's X-WR-CALNAME);
3. the one address present in every meeting of the file (the owner is at all their own meetings).

When their entry is known: declined if and only if it says DECLINED (the organiser has not
declined their own meeting). When it cannot be told: no row is skipped on someone else's answer;
a row is unticked with "You may have declined this" only when an attendee who could be the
practitioner declined, and Outlook's own busy status (X-MICROSOFT-CDO-BUSYSTATUS BUSY or OOF, the
owner's time kept busy) settles it as attended.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from core.common.errors import ValidationError
from core.store.settings import get_setting, set_setting
from core.time.calendar.reader import CalendarEvent, CalendarRead
from core.time.calendar.rules import keyed_hash

MY_ADDRESS = "calendar_my_address_hash"
DECLINED = "Declined"
MAYBE_DECLINED = "You may have declined this"


def _normal(address: str) -> str:
    return address.strip().lower().removeprefix("mailto:")


def check_address(address: str) -> str:
    """The address in lower case without "mailto:"; ValidationError if it is not one."""
    normal = _normal(address)
    if normal.count("@") != 1 or " " in normal or normal.startswith("@") or normal.endswith("@"):
        raise ValidationError(
            [
                f"“{address.strip()}” is not an e-mail address; give the one invitations "
                "reach you at."
            ]
        )
    return normal


def remember_my_address(db: Database, address: str) -> None:
    """Keep the practitioner's own address as a keyed hash (never the address itself).
    ValidationError when it does not look like an e-mail address; an empty one forgets it."""
    if not _normal(address):
        with db.atomic():
            db.execute("DELETE FROM settings WHERE key = ?", [MY_ADDRESS])
        return
    normal = check_address(address)
    with db.atomic():
        set_setting(db, MY_ADDRESS, keyed_hash(db, "me:" + normal, create=True))


def has_my_address(db: Database) -> bool:
    return bool(get_setting(db, MY_ADDRESS))


@dataclass(frozen=True)
class Attendance:
    """Who the practitioner is in one file.

    `known` is True when their address is settled (`owner` is then it, or None when the address
    they gave is not in the file); otherwise `candidates` are the addresses that may be theirs
    (None: anyone's)."""

    known: bool
    owner: str | None = None
    candidates: frozenset[str] | None = None


def attendance_for(db: Database, read: CalendarRead, told: str | None = None) -> Attendance:
    """Settle the practitioner's address for `read` by the rules in the module docstring;
    `told` is an address given for this reading only (a dry run remembers nothing)."""
    if told:
        mine = check_address(told)
        present = any(mine in (e.organizer, *(a for a, _ in e.answers)) for e in read.events)
        return Attendance(True, mine if present else None)
    stored = get_setting(db, MY_ADDRESS)
    if stored:
        addresses = {e.organizer for e in read.events}
        addresses.update(a for e in read.events for a, _ in e.answers)
        addresses.discard("")
        matching = [a for a in sorted(addresses) if keyed_hash(db, "me:" + a) == stored]
        return Attendance(True, matching[0] if matching else None)
    if read.named_owner:
        return Attendance(True, read.named_owner)
    if len(read.regulars) == 1:
        return Attendance(True, next(iter(read.regulars)))
    return Attendance(False, candidates=read.regulars or None)


def declined_reason(event: CalendarEvent, attendance: Attendance) -> str:
    """"Declined", "You may have declined this", or "" (attended, as far as the file says)."""
    if attendance.known:
        owner = attendance.owner
        if owner is None or owner == event.organizer:
            return ""
        said = {a: answer for a, answer in event.answers}
        return DECLINED if said.get(owner) == "DECLINED" else ""
    if event.busy in ("BUSY", "OOF"):
        return ""
    declined = {a for a, answer in event.answers if answer == "DECLINED"} - {event.organizer}
    if attendance.candidates is not None:
        declined &= attendance.candidates
    return MAYBE_DECLINED if declined else ""
