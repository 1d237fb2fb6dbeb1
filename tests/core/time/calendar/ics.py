"""Calendar files built by the tests: Outlook-style (VTIMEZONE "GMT Standard Time"), UTC, all-day.

Every subject, location, attendee and description here is invented, and each holds a marker
(`Acacia`, `Juniper`, `quill@`, `Marigold`) the privacy tests search the stored bytes for.
"""

from __future__ import annotations

from datetime import date, timedelta

GMT_STANDARD_TIME = """BEGIN:VTIMEZONE
TZID:GMT Standard Time
BEGIN:STANDARD
DTSTART:16011028T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
TZOFFSETFROM:+0100
TZOFFSETTO:-0000
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010325T010000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
TZOFFSETFROM:-0000
TZOFFSETTO:+0100
END:DAYLIGHT
END:VTIMEZONE
"""

PRIVATE_WORDS = ("Acacia", "Juniper", "quill@", "Marigold", "Thistle")


def event(
    uid: str,
    summary: str,
    start: str,
    end: str | None = None,
    *,
    tz: str | None = "GMT Standard Time",
    extra: str = "",
) -> str:
    """One VEVENT; `start`/`end` like 20261020T100000, 20261020T090000Z or 20261020 (all day)."""

    def stamp(name: str, value: str) -> str:
        if len(value) == 8:
            return f"{name};VALUE=DATE:{value}"
        if value.endswith("Z") or tz is None:
            return f"{name}:{value}"
        return f"{name};TZID={tz}:{value}"

    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"SUMMARY:{summary}", stamp("DTSTART", start)]
    if end:
        lines.append(stamp("DTEND", end))
    lines.append("DTSTAMP:20261101T120000Z")
    lines += [line for line in extra.strip().splitlines() if line.strip()]
    lines.append("END:VEVENT")
    return "\n".join(lines) + "\n"


def calendar(*events: str, zones: str = GMT_STANDARD_TIME, name: str = "Calendar") -> bytes:
    body = (
        "BEGIN:VCALENDAR\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\nVERSION:2.0\n"
        f"METHOD:PUBLISH\nX-WR-CALNAME:{name}\n" + zones + "".join(events) + "END:VCALENDAR\n"
    )
    return body.replace("\n", "\r\n").encode("utf-8")


def weekly_across_october_change() -> bytes:
    """Weekly Wednesday 10:00 team meeting from 7 Oct 2026 (clocks go back on Sun 25 Oct),
    one occurrence moved (28 Oct to 14:00) and one cancelled (21 Oct, EXDATE)."""
    return calendar(
        event(
            "team-weekly-1",
            "Team meeting",
            "20261007T100000",
            "20261007T110000",
            extra="RRULE:FREQ=WEEKLY;COUNT=6\nEXDATE;TZID=GMT Standard Time:20261021T100000",
        ),
        event(
            "team-weekly-1",
            "Team meeting (moved)",
            "20261028T140000",
            "20261028T150000",
            extra="RECURRENCE-ID;TZID=GMT Standard Time:20261028T100000",
        ),
    )


def realistic_week(monday: date = date(2026, 11, 16)) -> bytes:
    """An invented working week (by default Mon 16 to Fri 20 Nov 2026) as Outlook saves it."""

    def at(day: int, clock: str) -> str:
        return f"{monday + timedelta(days=day):%Y%m%d}" + (f"T{clock}00" if clock else "")

    return calendar(
        event(
            "w1",
            "Home visit C07 – 14 Acacia Avenue",
            at(0, "0930"),
            at(0, "1030"),
            extra="LOCATION:14 Acacia Avenue\nATTENDEE;CN=Pat Quill;PARTSTAT=ACCEPTED:mailto:quill@example.org\n"
            "DESCRIPTION:Marigold: check on the new tenancy",
        ),
        event("w2", "Travel back", at(0, "1030"), at(0, "1100")),
        event("w3", "MAPPA level 2 – C12", at(0, "1400"), at(0, "1530")),
        event("w4", "Court duty", at(1, "0930"), at(1, "1300")),
        event("w5", "Supervision appointment C03", at(2, "1000"), at(2, "1100")),
        event("w6", "Three-way with Juniper House", at(2, "1130"), at(2, "1230")),
        event(
            "w7",
            "Lunch",
            at(2, "1230"),
            at(2, "1315"),
            extra="TRANSP:TRANSPARENT\nX-MICROSOFT-CDO-BUSYSTATUS:FREE",
        ),
        event("w8", "OASys review C21", at(2, "1400"), at(2, "1600")),
        event("w9", "Safeguarding training", at(3, ""), at(4, "")),
        event(
            "w10",
            "Interagency panel",
            at(4, "1000"),
            at(4, "1130"),
            extra="ORGANIZER:mailto:chair@example.org\n"
            "ATTENDEE;PARTSTAT=DECLINED:mailto:quill@example.org",
        ),
        event("w11", "Team meeting", at(4, "1400"), at(4, "1500")),
        event("w12", "Five-a-side", at(4, "1830"), at(4, "1930")),
    )
