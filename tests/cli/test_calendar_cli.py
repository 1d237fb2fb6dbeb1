"""`log import-calendar`: dry run saves nothing, import twice adds nothing, bad files exit 2 with
one line and no data file, and no event text reaches the database, a backup or an export."""

import json
from datetime import date

import pytest

import main
from core.caseload.cases import CaseStore
from core.caseload.models import Case
from core.store.database import open_database
from core.store.paths import database_path
from tests.core.time.calendar import ics

# Words only the calendar holds: subjects, a location, an attendee and a description.
PRIVATE = (
    b"Acacia",
    b"Juniper",
    b"quill",
    b"Quill",
    b"Marigold",
    b"Three-way",
    b"Interagency",
    b"Five-a-side",
    b"Safeguarding",
    b"Supervision appointment",
    b"Team meeting",
    b"w10",
)


@pytest.fixture(autouse=True)
def _late_november(monkeypatch):
    """The calendars are of autumn 2026; the command sees a fixed "today" after them."""
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-27T12:00")


@pytest.fixture
def week(tmp_path):
    path = tmp_path / "calendar.ics"
    path.write_bytes(ics.realistic_week())
    return path


@pytest.fixture
def with_cases(data_dir):
    db = open_database(database_path(data_dir))
    for ref in ("C07", "C12", "C03", "C21"):
        CaseStore(db).add_case(Case(ref, "community", "B2", date(2025, 1, 6)))
    db.close()
    return data_dir


def run(data_dir, *argv):
    return main.main(["--data-dir", str(data_dir), *argv])


def entries(data_dir, capsys):
    capsys.readouterr()
    assert run(data_dir, "log", "list", "--from", "2026-11-16", "--to", "2026-11-20", "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_dry_run_shows_the_preview_and_saves_nothing(with_cases, week, capsys):
    assert run(with_cases, "log", "import-calendar", str(week), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "[x] Mon 16 Nov  09:30–10:30" in out and "Home visit C07 – 14 Acacia Avenue" in out
    assert "(Declined)" in out and "Would import 6 of 12 rows (9 hours 30 minutes)" in out
    assert entries(with_cases, capsys) == []


def test_json_lists_the_rows_without_any_event_text(with_cases, week, capsys):
    assert (
        run(
            with_cases,
            "log",
            "import-calendar",
            str(week),
            "--dry-run",
            "--json",
            "--from",
            "2026-11-16",
            "--to",
            "2026-11-20",
        )
        == 0
    )
    raw = capsys.readouterr().out
    result = json.loads(raw)
    assert (result["from"], result["to"], result["imported"]) == ("2026-11-16", "2026-11-20", 0)
    assert result["rows"][0] == {
        "kind": "time",
        "date": "2026-11-16",
        "start": "09:30",
        "end": "10:30",
        "minutes": 60,
        "activity": "Home visit",
        "activity_from": "keyword “home visit”",
        "case": "C07",
        "leave_kind": None,
        "import": True,
        "can_import": True,
        "reason": None,
        "change": None,
    }
    assert not any(word.decode() in raw for word in PRIVATE)


def test_importing_the_same_file_twice_adds_nothing(with_cases, week, capsys):
    assert run(with_cases, "log", "import-calendar", str(week)) == 0
    assert "Imported 6 of 12 rows (9 hours 30 minutes)" in capsys.readouterr().out
    first = entries(with_cases, capsys)
    assert [(e["date"], e["start"], e["activity"], e["case"], e["note"]) for e in first][0] == (
        "2026-11-16",
        "09:30",
        "Home visit",
        "C07",
        "",
    )
    assert run(with_cases, "log", "import-calendar", str(week)) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Nothing imported from 16 Nov 2026 to 27 Nov 2026: 6 rows are already imported, and the "
        "others need an activity: add keyword rules in Settings > Activities, or use File > "
        "Import calendar… to choose them."
    )
    assert entries(with_cases, capsys) == first


def test_a_second_import_of_a_file_says_it_is_already_imported(with_cases, tmp_path, capsys):
    path = tmp_path / "visits.ics"
    path.write_bytes(
        ics.calendar(ics.event("v", "Home visit C07", "20261124T100000Z", "20261124T110000Z"))
    )
    span = ["--from", "2026-11-23", "--to", "2026-11-27"]
    assert run(with_cases, "log", "import-calendar", str(path), *span) == 0
    assert "Imported 1 of 1 rows" in capsys.readouterr().out
    assert run(with_cases, "log", "import-calendar", str(path), *span) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("(Already imported)")
    assert out[-1] == (
        "Nothing imported from 23 Nov 2026 to 27 Nov 2026: every event in these dates is "
        "already imported."
    )


def test_the_apps_clock_sets_today_and_subjects_reach_the_terminal_without_escapes(
    with_cases, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-11-25T12:00")
    path = tmp_path / "invite.ics"
    path.write_bytes(
        ics.calendar(
            ics.event("e", "HV C07 \x1b]0;pwned\x07\x1b[31mred\u202e", "20261124T100000Z",
                      "20261124T110000Z"),
            ics.event("f", "Home visit C07", "20261126T100000Z", "20261126T110000Z"),
        )
    )
    assert run(with_cases, "log", "import-calendar", str(path), "--from", "2026-11-23",
               "--dry-run") == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "HV C07 ]0;pwned [31mred" in out
    assert "Thu 26 Nov" not in out and "to 25 Nov 2026" in out  # the fixed day, not the real one


def test_clock_change_week_through_the_command_line(data_dir, tmp_path, capsys):
    path = tmp_path / "utc.ics"
    path.write_bytes(
        ics.calendar(
            ics.event("u1", "Court", "20261023T090000Z", "20261023T100000Z"),
            ics.event("u2", "Court", "20261026T090000Z", "20261026T100000Z"),
            zones="",
        )
    )
    assert run(data_dir, "log", "import-calendar", str(path), "--from", "2026-10-19") == 0
    capsys.readouterr()
    assert run(data_dir, "log", "list", "--from", "2026-10-19", "--to", "2026-10-30", "--json") == 0
    got = [(e["date"], e["start"], e["end"]) for e in json.loads(capsys.readouterr().out)]
    assert got == [("2026-10-23", "10:00", "11:00"), ("2026-10-26", "09:00", "10:00")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"reference,case_type\n", "This is not a calendar (.ics) file."),
        (None, "The file is 50 MB"),
    ],
)
def test_a_bad_file_exits_2_with_one_line_and_writes_nothing(data_dir, tmp_path, capsys, content,
                                                             message):
    path = tmp_path / "bad.ics"
    if content is None:
        with path.open("wb") as f:
            f.truncate(50 * 1024 * 1024)
    else:
        path.write_bytes(content)
    before = database_path(data_dir).read_bytes()
    assert run(data_dir, "log", "import-calendar", str(path)) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert database_path(data_dir).read_bytes() == before


def test_from_after_to_and_a_missing_file_are_bad_input(data_dir, capsys):
    assert (
        run(
            data_dir,
            "log",
            "import-calendar",
            "x.ics",
            "--from",
            "2026-11-20",
            "--to",
            "2026-11-16",
        )
        == 2
    )
    assert "--from is after --to" in capsys.readouterr().err
    assert run(data_dir, "log", "import-calendar") == 2
    assert "Give one calendar file" in capsys.readouterr().err


def test_no_event_text_reaches_the_database_a_backup_or_an_export(
    with_cases, week, tmp_path, capsys
):
    assert run(with_cases, "log", "import-calendar", str(week)) == 0
    assert run(with_cases, "backup", "--out", str(tmp_path / "copy.db")) == 0
    for fmt in ("csv", "md", "html"):
        assert (
            run(
                with_cases,
                "export",
                "--from",
                "2026-11-16",
                "--to",
                "2026-11-20",
                "--format",
                fmt,
                "--out",
                str(tmp_path / f"out.{fmt}"),
                "--include-cases",
            )
            == 0
        )
    files = [p for p in with_cases.rglob("*") if p.is_file()] + [
        tmp_path / "copy.db",
        *(tmp_path / f"out.{f}" for f in ("csv", "md", "html")),
    ]
    assert len(files) >= 5 and (tmp_path / "out.csv").read_text().count("\n") == 8  # classification, header, 6 entries
    for path in files:
        data = path.read_bytes()
        found = [w for w in PRIVATE if w in data or w.lower() in data.lower()]
        assert not found, f"{path.name} holds {found}"


def test_weekly_repeat_with_two_exceptions_across_the_october_change(data_dir, tmp_path, capsys):
    path = tmp_path / "team.ics"
    path.write_bytes(ics.weekly_across_october_change())
    assert run(data_dir, "log", "import-calendar", str(path), "--dry-run", "--json") == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [(r["date"], r["start"], r["end"], r["reason"]) for r in rows] == [
        ("2026-10-07", "10:00", "11:00", "Choose an activity"),
        ("2026-10-14", "10:00", "11:00", "Choose an activity"),
        ("2026-10-28", "14:00", "15:00", "Choose an activity"),
        ("2026-11-04", "10:00", "11:00", "Choose an activity"),
        ("2026-11-11", "10:00", "11:00", "Choose an activity"),
    ]


def test_all_day_and_declined_events_are_listed_but_not_imported(with_cases, week, capsys):
    assert run(with_cases, "log", "import-calendar", str(week)) == 0
    out = capsys.readouterr().out
    assert "[ ] Thu 19 Nov  all day" in out and "(All day: training day?)" in out
    assert "[ ] Fri 20 Nov  10:00–11:30" in out and "(Declined)" in out
    dates = {e["date"] for e in entries(with_cases, capsys)}
    assert "2026-11-19" not in dates and all(
        e["start"] != "10:00" or e["date"] != "2026-11-20" for e in entries(with_cases, capsys)
    )


def test_only_the_practitioners_own_answer_marks_a_meeting_declined(with_cases, tmp_path, capsys):
    from tests.core.time.calendar.test_attendance import ME, declined_file

    path = tmp_path / "declined.ics"
    path.write_bytes(declined_file())
    span = ["--from", "2026-11-23", "--to", "2026-11-27"]
    assert run(with_cases, "log", "import-calendar", str(path), *span, "--dry-run") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("[x] Mon 23 Nov") and "(" not in out[0]
    assert out[1].startswith("[ ] Wed 25 Nov") and out[1].endswith("(You may have declined this)")
    assert out[2].startswith("[ ] Thu 26 Nov") and out[2].endswith("(You may have declined this)")
    assert out[3].startswith("Whose answers are yours cannot be told from this file: add --me")
    assert run(with_cases, "log", "import-calendar", str(path), *span, "--me", ME) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("[x] Wed 25 Nov") and out[2].endswith("(Declined)")
    assert "Imported 2 of 3 rows (2 hours)" in out[-1]
    assert b"jo.officer" not in database_path(with_cases).read_bytes()
    assert run(with_cases, "log", "import-calendar", str(path), *span, "--dry-run") == 0
    assert capsys.readouterr().out.splitlines()[2].endswith("(Declined)")  # remembered


def test_a_repeat_every_second_is_one_row_saying_why_and_the_rest_imports(
    with_cases, tmp_path, capsys
):
    path = tmp_path / "secondly.ics"
    path.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:s\r\nDTSTART:20000101T090000Z\r\n"
        b"DTEND:20000101T090001Z\r\nRRULE:FREQ=SECONDLY\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:v\r\nDTSTART:20261118T100000Z\r\nDTEND:20261118T110000Z\r\n"
        b"SUMMARY:Home visit C07\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    span = ["--from", "2026-11-16", "--to", "2026-11-20"]
    assert run(with_cases, "log", "import-calendar", str(path), *span) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("[ ] Mon 16 Nov") and out[0].endswith(
        "(Line 7 of the file: it repeats every second, which no appointment does; log it by hand)")
    assert out[1].startswith("[x] Wed 18 Nov  10:00–11:00")
    assert out[-1].startswith("Imported 1 of 2 rows (1 hour)")
    assert [(e["date"], e["start"], e["minutes"]) for e in entries(with_cases, capsys)] == [
        ("2026-11-18", "10:00", 60)
    ]


def test_the_dry_run_totals_are_what_the_import_then_says_it_did(with_cases, tmp_path, capsys):
    import re

    path = tmp_path / "moved.ics"
    path.write_bytes(ics.calendar(
        ics.event("a", "Home visit C07", "20261118T100000", "20261118T110000"),
        ics.event("b", "Home visit C12", "20261118T140000", "20261118T150000"),
    ))
    period = ("--from", "2026-11-18", "--to", "2026-11-18")
    assert run(with_cases, "log", "import-calendar", str(path), *period) == 0
    path.write_bytes(ics.calendar(
        ics.event("a", "Home visit C07", "20261118T120000", "20261118T123000", extra="SEQUENCE:1"),
        ics.event("b", "Home visit C12", "20261118T140000", "20261118T150000",
                  extra="STATUS:CANCELLED\nSEQUENCE:1"),
        ics.event("c", "Home visit C03", "20261118T160000", "20261118T170000"),
    ))
    capsys.readouterr()
    assert run(with_cases, "log", "import-calendar", str(path), *period, "--dry-run") == 0
    would = re.search(r"Would import (\d+ of \d+ rows \([^)]*\))", capsys.readouterr().out)
    assert run(with_cases, "log", "import-calendar", str(path), *period) == 0
    did = re.search(r"Imported (\d+ of \d+ rows \([^)]*\))", capsys.readouterr().out)
    assert would and did and would.group(1) == did.group(1) == "3 of 3 rows (1 hour 30 minutes)"


BROKEN_FIRST = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:test
BEGIN:VEVENT
UID:d1
SUMMARY:Home visit
DTSTART;TZID=Mars/Olympus:20261104T100000
DTEND;TZID=Mars/Olympus:20261104T110000
END:VEVENT
BEGIN:VEVENT
UID:d2
SUMMARY:Home visit
DTSTART:20261105T100000Z
DTEND:20261105T110000Z
END:VEVENT
END:VCALENDAR
"""


def test_without_from_a_broken_first_event_still_has_its_row(data_dir, tmp_path, capsys):
    path = tmp_path / "broken.ics"
    path.write_bytes(BROKEN_FIRST)
    assert run(data_dir, "log", "import-calendar", str(path), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "[ ] Wed 04 Nov" in out and "Line 7 of the file" in out and "log it by hand" in out
    assert "from 04 Nov 2026 to 27 Nov 2026" in out


def test_a_file_whose_only_event_is_broken_shows_that_event(data_dir, tmp_path, capsys):
    path = tmp_path / "only.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:test\nBEGIN:VEVENT\nUID:d1\n"
                     b"DTSTART:20261104T100000Z\nDTSTART:20261104T120000Z\n"
                     b"DTEND:20261104T110000Z\nEND:VEVENT\nEND:VCALENDAR\n")
    assert run(data_dir, "log", "import-calendar", str(path), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "[ ] Wed 04 Nov" in out and "no events" not in out


def test_a_file_of_only_future_events_never_gives_dates_backwards(data_dir, tmp_path, capsys):
    path = tmp_path / "future.ics"
    path.write_bytes(BROKEN_FIRST.replace(b"20261104", b"20270104").replace(b"20261105", b"20270105"))
    assert run(data_dir, "log", "import-calendar", str(path), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "from 27 Nov 2026 to 27 Nov 2026" in out
