"""tests/demo_copy.py's copy of the demo is what `fill_demo` itself writes, so the tests that
start from it see the demo data exactly."""

from __future__ import annotations

from datetime import date

import pytest

from core.common.errors import ValidationError
from core.demo.caseload_demo import fill_demo
from core.store.database import open_database
from core.store.paths import database_path
from tests import demo_copy
from tests.demo_copy import contents, demo_into


@pytest.mark.parametrize("today", [date(2026, 11, 27), None])
def test_the_copy_holds_what_fill_demo_writes(tmp_path, monkeypatch, today):
    monkeypatch.setenv("CASELOAD_COMPANION_NOW", "2026-12-02T12:00")
    made = open_database(None)
    fill_demo(made, today)
    filled: list[object] = []
    monkeypatch.setattr(demo_copy, "fill_demo", lambda *a: filled.append(a) or fill_demo(*a))
    copied, again = open_database(database_path(tmp_path)), open_database(None)
    demo_into(copied, today)  # into a data file, as the window's tests open it
    demo_into(again, today)
    assert len(filled) <= 1  # made once in this process, then copied
    assert contents(copied) == contents(made) == contents(again)
    assert any("m001_create_caseload" in line for line in contents(copied))
    assert copied.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_database_with_anything_in_it_gets_fill_demo_itself(db):
    demo_into(db, date(2026, 11, 27))
    with pytest.raises(ValidationError, match="already holds data"):
        demo_into(db, date(2026, 11, 27))
