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
from cli.json_output import print_json_rows

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
                  [{"ratio": 1.5}], [1, 2], [{}], {"x": float("nan")}, {1: "one"},
                  [{"a": 1}, {"a": True}], [{"a": 1}, {"b": 1}], ("pair", [None, {}])):
        print_json(value)
        assert capsys.readouterr().out == json.dumps(value, indent=2, default=str) + "\n"


nested = st.recursive(
    scalars | st.floats(allow_nan=True, allow_infinity=True) | st.decimals(places=2),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=4), inner, max_size=4), max_leaves=12)


@given(nested)
def test_any_value_prints_exactly_as_indented_json(value):
    """`history --json` and `status --json`: objects in lists in objects."""
    out, sys.stdout = sys.stdout, io.StringIO()
    try:
        print_json(value)
        written = sys.stdout.getvalue()
    finally:
        sys.stdout = out
    assert written == json.dumps(value, indent=2, default=str) + "\n"


@given(st.lists(st.tuples(st.integers(), st.text(max_size=5) | st.none(), st.booleans()),
                max_size=5))
def test_rows_given_as_columns_print_as_the_list_of_objects(rows):
    keys = ("id", "100% of \"it\"", "on")
    out, sys.stdout = sys.stdout, io.StringIO()
    try:
        print_json_rows(keys, list(zip(*rows)) or [(), (), ()])
        written = sys.stdout.getvalue()
    finally:
        sys.stdout = out
    assert written == json.dumps([dict(zip(keys, row)) for row in rows], indent=2) + "\n"


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
