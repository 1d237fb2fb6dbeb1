"""What Orca says as the arrow keys change a date field. Orca 43 said "/12/2026 unselected" for
the first Up in Profile's "Applies from" (and Settings' leave Date, Edit time's Date) and nothing
for the next, so a change in force, leave or time went on a day never heard. Each press now says
the whole new date in words, with its weekday, once. Skipped without Orca, as
tests/atspi/test_orca_speaks.py is."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.atspi.test_orca_settings_deletions import _settings_page
from tests.atspi.test_orca_settings_keys import _focus, _spin
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - the fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader
UP, DOWN = 0xFF52, 0xFF54


def _words(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def _shown(bus, field) -> date:
    day, month, year = bus.Atspi.Text.get_text(field, 0, -1).split("/")
    return date(int(year), int(month), int(day))


@pytest.mark.parametrize(("page", "name"), [("Profile", "Applies from"),
                                            ("Working week", "Date")])
def test_each_arrow_press_says_the_whole_new_date_once(app_bus, orca, page, name):  # noqa: F811
    bus = app_bus
    _settings_page(bus, page)
    field = _spin(bus, name)
    _focus(bus, orca, field)
    day = _shown(bus, field)
    for press, (key, step) in enumerate(((UP, 1), (UP, 1), (DOWN, -1), (DOWN, -1), (DOWN, -1))):
        day += timedelta(days=step)
        orca.mark()
        bus.key(key)
        orca.wait_for(bus.pump, _words(day))
        bus.pump(1.0)  # anything more Orca would say of this press
        said = orca.said()
        assert sum(_words(day) in text for text in said) == 1, said
        assert _shown(bus, field) == day
        if press:  # Orca's own first reading of the field's new selection may come before it
            assert all(_words(day) in text for text in said), said


def test_the_weeks_total_is_said_once_the_hours_stop_changing(app_bus, orca):  # noqa: F811
    """Working week's total line ("37 hours 30 minutes a week (your profile says 37 hours …)")
    was shown under the days and never said: now once, after the presses, not at each."""
    bus = app_bus
    _settings_page(bus, "Working week")
    monday = _spin(bus, "Monday hours")
    _focus(bus, orca, monday)
    orca.mark()
    bus.key(UP)
    bus.key(UP)
    said = orca.wait_for(bus.pump, "a week (your profile says")
    bus.pump(1.5)
    said = orca.said()
    assert sum("a week (your profile says" in text for text in said) == 1, said
