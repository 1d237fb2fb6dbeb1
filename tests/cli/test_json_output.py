"""`--json` output is the same text whichever way it is written: scripts compare it byte for
byte, and the fast path for long lists of flat rows (ten years of `log list`) must not differ
from standard indented JSON by a single character."""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import main
from cli.common import print_json

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.text(max_size=12))  # any text: quotes, backslashes, accents, controls
rows = st.lists(st.dictionaries(st.text(max_size=6), scalars, max_size=6), max_size=6)


@given(rows)
def test_flat_rows_print_exactly_as_indented_json(value):
    out, sys.stdout = sys.stdout, io.StringIO()
    try:
        print_json(value)
        written = sys.stdout.getvalue()
    finally:
        sys.stdout = out
    assert written == json.dumps(value, indent=2, default=str) + "\n"


def test_values_outside_flat_rows_still_print_as_before(capsys):
    for value in ([{"hours": Decimal("7.5"), "nested": {"a": [1, 2]}}], {"a": 1}, [],
                  [{"ratio": 1.5}], [1, 2]):
        print_json(value)
        assert capsys.readouterr().out == json.dumps(value, indent=2, default=str) + "\n"


def test_a_long_log_list_reads_back_entry_for_entry(data_dir, capsys):
    for day in range(1, 29):
        assert main.main(["--data-dir", str(data_dir), "log", f"09:00-09:45 travel é \"{day}\"",
                          "--date", f"2026-02-{day:02d}"]) == 0
    capsys.readouterr()
    assert main.main(["--data-dir", str(data_dir), "log", "list", "--from", "2026-02-01",
                      "--to", "2026-02-28", "--json"]) == 0
    out = capsys.readouterr().out
    listed = json.loads(out)
    assert out == json.dumps(listed, indent=2) + "\n"
    assert [(e["date"], e["start"], e["end"], e["minutes"]) for e in listed] == [
        (f"2026-02-{day:02d}", "09:00", "09:45", 45) for day in range(1, 29)]
    assert all(e["note"] == f"é \"{day}\"" for day, e in enumerate(listed, start=1))
