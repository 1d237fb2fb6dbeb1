"""`log import-calendar` on what the calendar import read wrongly before: a reminder repeating
every hour, Google's zone for the whole calendar, an end that is only a day, two appointments
that swapped times and leave moved a day later, each as the practitioner sees the preview and
then what is logged."""

import json
from datetime import date

import pytest

import main
from core.store.database import open_database
from core.store.paths import database_path
from core.time.calendar.importer import import_rows
from core.time.calendar.preview import propose, with_tick
from core.time.calendar.reader import read_calendar
from core.time.working_week import leave_between
from tests.core.time.calendar import ics

SPAN = ["--from", "2026-11-16", "--to", "2026-11-20"]


@pytest.fixture(autouse=True)
def _late_november(monkeypatch):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-27T12:00")


def run(data_dir, *argv):
    return main.main(["--data-dir", str(data_dir), *argv])


def import_file(data_dir, tmp_path, capsys, data: bytes, name="calendar.ics"):
    path = tmp_path / name
    path.write_bytes(data)
    capsys.readouterr()
    assert run(data_dir, "log", "import-calendar", str(path), *SPAN) == 0
    return capsys.readouterr().out.splitlines()


def logged(data_dir, capsys):
    assert run(data_dir, "log", "list", *SPAN, "--json") == 0
    return [(e["date"], e["start"], e["end"]) for e in json.loads(capsys.readouterr().out)]


def test_google_floating_times_are_logged_in_the_calendars_own_zone(data_dir, tmp_path, capsys):
    data = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN"
            b"\r\nX-WR-TIMEZONE:Europe/Paris\r\nBEGIN:VEVENT\r\nUID:g\r\nSUMMARY:Court duty\r\n"
            b"DTSTART:20261118T100000\r\nDTEND:20261118T110000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    out = import_file(data_dir, tmp_path, capsys, data)
    assert out[0].startswith("[x] Wed 18 Nov  09:00–10:00")
    assert logged(data_dir, capsys) == [("2026-11-18", "09:00", "10:00")]


def test_a_start_time_with_an_end_that_is_only_a_day_is_not_logged(data_dir, tmp_path, capsys):
    data = ics.calendar(
        ics.event("m", "Court duty", "20261118T100000", "20261119"),
        ics.event("v", "Court duty", "20261119T100000", "20261119T110000"),
    )
    out = import_file(data_dir, tmp_path, capsys, data)
    assert out[0].startswith("[ ] Wed 18 Nov  –") and out[0].endswith(
        "(Line 25 of the file: it starts at a time but its end is a day with no time, so how "
        "long it lasts is not known; log it by hand)")
    assert out[-1].startswith("Imported 1 of 2 rows (1 hour)")
    assert logged(data_dir, capsys) == [("2026-11-19", "10:00", "11:00")]


def swap(first_at, second_at, sequence=""):
    extra = f"SEQUENCE:{sequence}" if sequence else ""
    return ics.calendar(
        ics.event("a", "Court duty", f"20261118T{first_at}0000",
                  f"20261118T{int(first_at) + 1}0000", extra=extra),
        ics.event("b", "Court duty (remand)", f"20261118T{second_at}0000",
                  f"20261118T{int(second_at) + 1}0000", extra=extra),
    )


def test_two_appointments_that_swapped_times_are_imported_swapped(data_dir, tmp_path, capsys):
    import_file(data_dir, tmp_path, capsys, swap("10", "11"))
    out = import_file(data_dir, tmp_path, capsys, swap("11", "10", "1"))
    moved = "(Changed in your calendar: replaces the entry imported before)"
    assert [(line[:29], line.endswith(moved)) for line in out[:2]] == [
        ("[x] Wed 18 Nov  10:00–11:00  ", True),
        ("[x] Wed 18 Nov  11:00–12:00  ", True),
    ]
    assert "Court duty (remand)" in out[0] and out[-1].startswith("Imported 2 of 2 rows (2 hours)")
    assert logged(data_dir, capsys) == [("2026-11-18", "10:00", "11:00"),
                                        ("2026-11-18", "11:00", "12:00")]
    again = import_file(data_dir, tmp_path, capsys, swap("11", "10", "1"))
    assert again[-1].startswith("Nothing imported") and "already imported" in again[-1]


def test_leave_moved_a_day_later_is_moved_in_the_leave(data_dir, tmp_path, capsys):
    def leave(first, after, sequence=""):
        extra = f"SEQUENCE:{sequence}" if sequence else ""
        return ics.calendar(ics.event("l", "Annual leave", first, after, extra=extra))

    db = open_database(database_path(data_dir))  # ticked in the dialog the first time
    read = read_calendar(leave("20261116", "20261118"), date(2026, 11, 16), date(2026, 11, 20))
    rows = propose(db, read.events, read.first, read.last, date(2026, 11, 27))
    import_rows(db, [with_tick(r, True) for r in rows], date(2026, 11, 27))
    db.close()
    out = import_file(data_dir, tmp_path, capsys, leave("20261117", "20261119", "1"))
    assert out[0].startswith("[x] Mon 16 Nov") and out[0].endswith(
        "(Moved in your calendar: takes this day out of the leave imported before)")
    assert out[1].startswith("[ ] Tue 17 Nov") and out[1].endswith("(Already in your leave)")
    assert out[2].startswith("[x] Wed 18 Nov") and out[2].endswith(
        "(Moved in your calendar: added to your leave as before)")
    assert out[-1].startswith("Imported 2 of 3 rows")
    db = open_database(database_path(data_dir))
    assert sorted(leave_between(db, date(2026, 11, 16), date(2026, 11, 20))) == [
        date(2026, 11, 17), date(2026, 11, 18)]
    db.close()
