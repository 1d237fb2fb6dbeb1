"""Declined means the practitioner declined: a frequent invitee's answer never stands for theirs.

The files are those a tester built (Outlook-style, X-WR-CALNAME "Calendar", the organiser not
listed as an attendee): a meeting the practitioner organised and an invitee declined was hidden
as "Declined", and a meeting the practitioner declined was ticked and imported.
"""

from datetime import date

import pytest

from core.common.errors import ValidationError
from core.store.settings import get_setting
from core.time.calendar.attendance import (
    MAYBE_DECLINED,
    MY_ADDRESS,
    attendance_for,
    remember_my_address,
)
from core.time.calendar.preview import propose
from core.time.calendar.reader import read_calendar
from tests.core.time.calendar import ics

ME = "jo.officer@example.org"
TODAY = date(2026, 11, 29)
WEEK = (date(2026, 11, 23), date(2026, 11, 29))


def declined_file(name: str = "Calendar") -> bytes:
    """The tester's declined.ics: o1 and o2 organised by the practitioner (pc accepts o1 and
    declines o2), o3 organised by a manager, declined by the practitioner, accepted by pc."""
    return ics.calendar(
        ics.event("o1", "MAPPA meeting C07", "20261123T100000Z", "20261123T110000Z",
                  extra=f"ORGANIZER:mailto:{ME}\nATTENDEE;PARTSTAT=ACCEPTED:mailto:pc@example.org"),
        ics.event("o2", "MAPPA meeting C08", "20261125T100000Z", "20261125T110000Z",
                  extra=f"ORGANIZER:mailto:{ME}\nATTENDEE;PARTSTAT=DECLINED:mailto:pc@example.org"),
        ics.event("o3", "MARAC C09", "20261126T140000Z", "20261126T160000Z",
                  extra="ORGANIZER:mailto:sam.manager@example.org\n"
                  f"ATTENDEE;PARTSTAT=DECLINED:mailto:{ME}\n"
                  "ATTENDEE;PARTSTAT=ACCEPTED:mailto:pc@example.org"),
        zones="",
        name=name,
    )


def reasons(db, data, told=None):
    read = read_calendar(data, *WEEK)
    rows = propose(db, read.events, *WEEK, TODAY, None, attendance_for(db, read, told))
    return {r.event.uid: (r.ticked, r.reason) for r in rows}


def test_with_the_practitioners_address_only_their_own_answer_counts(db):
    assert reasons(db, declined_file(), told=ME) == {
        "o1": (True, ""),
        "o2": (True, ""),  # their own meeting, an invitee said no: still worked
        "o3": (False, "Declined"),  # they said no: not imported
    }


def test_the_address_is_remembered_only_as_a_keyed_code_and_used_next_time(db):
    remember_my_address(db, f"  MAILTO:{ME.upper()} ")
    stored = get_setting(db, MY_ADDRESS)
    assert ME not in str(stored) and len(stored) == 64
    assert reasons(db, declined_file())["o3"] == (False, "Declined")
    assert reasons(db, declined_file())["o2"] == (True, "")


def test_without_the_address_no_one_elses_answer_skips_a_meeting(db):
    # Both the practitioner and pc are in every meeting, so either could be the owner: every
    # meeting where one of them declined is asked about, none is skipped as declined.
    got = reasons(db, declined_file())
    assert got["o1"] == (True, "")
    assert got["o2"] == (False, MAYBE_DECLINED) and got["o3"] == (False, MAYBE_DECLINED)
    read = read_calendar(declined_file(), *WEEK)
    rows = propose(db, read.events, *WEEK, TODAY, None, attendance_for(db, read))
    assert all(r.can_import and not r.greyed for r in rows)  # the practitioner can tick them


def test_the_calendar_named_by_its_owners_address_settles_it(db):
    assert reasons(db, declined_file(name=ME)) == {
        "o1": (True, ""),
        "o2": (True, ""),
        "o3": (False, "Declined"),
    }


def test_one_meeting_where_i_accepted_and_someone_else_declined_is_not_declined(db):
    data = ics.calendar(
        ics.event("m", "MAPPA meeting C07", "20261124T100000Z", "20261124T110000Z",
                  extra="ORGANIZER:mailto:chair@example.org\n"
                  f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{ME}\n"
                  "ATTENDEE;PARTSTAT=DECLINED:mailto:pc@example.org"),
        zones="",
    )
    assert reasons(db, data, told=ME) == {"m": (True, "")}
    # Unknown owner, but Outlook's own status says the time was kept busy: attended.
    busy = data.replace(b"END:VEVENT", b"X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nEND:VEVENT")
    assert reasons(db, busy) == {"m": (True, "")}


def test_an_address_given_for_a_dry_run_is_not_remembered_and_a_bad_one_is_refused(db):
    reasons(db, declined_file(), told=ME)
    assert get_setting(db, MY_ADDRESS) is None
    with pytest.raises(ValidationError, match="not an e-mail address"):
        remember_my_address(db, "Jo Officer")
