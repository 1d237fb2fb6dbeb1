"""`--json` output: exactly the text `json.dumps(value, indent=2, default=str)` writes, faster.

Scripts compare it byte for byte. Python's own encoder writes indented JSON token by token in
Python (it uses its C encoder only without indentation): ten years of `log list` are 450,000
values and 520 weeks of `history` 220,000. Here a table of rows is written column by column
(each distinct text encoded once, each row filled into one template), anything else by one
recursive function; whatever they do not know (a float that is not finite, a key that is not
text, a Decimal) goes to `json.dumps` itself.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Callable, Sequence

_text: Callable[[str], str] = json.encoder.encode_basestring_ascii  # type: ignore[attr-defined]
_NONE = type(None)


def print_json(value: Any) -> None:
    """Indented JSON on standard output in one write (`json.dump` writes each token on its own:
    two million writes for ten years of time entries, 3 s of `log list --json`)."""
    sys.stdout.write(json_text(value) + "\n")


def print_json_rows(keys: Sequence[str], columns: Sequence[Sequence[Any]]) -> None:
    """A list of objects with the same `keys`, given as one sequence of values per key, as
    `print_json` writes the list of dicts."""
    text = _rows_text(keys, columns)
    if text is None:
        text = json_text([dict(zip(keys, row)) for row in zip(*columns)])
    sys.stdout.write(text + "\n")


def json_text(value: Any) -> str:
    if type(value) is list and value and all(type(row) is dict for row in value):
        keys = tuple(value[0])
        if all(tuple(row) == keys for row in value):
            text = _rows_text(keys, list(zip(*(row.values() for row in value))))
            if text is not None:
                return text
    try:
        return _indented(value, "\n")
    except _NotPlain:
        return json.dumps(value, indent=2, default=str)


class _NotPlain(Exception):
    """A value `_indented` leaves to json.dumps."""


def _indented(value: Any, newline: str) -> str:
    """`value` as json.dumps(indent=2) writes it, at the indentation `newline` carries."""
    kind = type(value)
    if kind is str:
        return _text(value)
    if kind is int:
        return int.__repr__(value)
    if kind is bool:
        return "true" if value else "false"
    if value is None:
        return "null"
    if kind is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise _NotPlain
        return float.__repr__(value)
    inner = newline + "  "
    if kind is dict:
        if not value:
            return "{}"
        if not all(type(key) is str for key in value):
            raise _NotPlain
        return "{" + inner + ("," + inner).join(
            [_text(key) + ": " + _indented(item, inner) for key, item in value.items()]
        ) + newline + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(
            [_indented(item, inner) for item in value]) + newline + "]"
    raise _NotPlain


def _column(values: Sequence[Any]) -> list[str] | None:
    """Each value of a column of text, whole numbers, true/false or null, as JSON; each
    distinct value encoded once. None for a column holding anything else."""
    kinds = set(map(type, values))
    if kinds <= {str, _NONE}:
        def encode(value: Any) -> str:
            return "null" if value is None else _text(value)
    elif kinds <= {int, _NONE}:
        def encode(value: Any) -> str:
            return "null" if value is None else int.__repr__(value)
    elif kinds <= {bool, _NONE}:
        def encode(value: Any) -> str:
            return "null" if value is None else "true" if value else "false"
    else:
        return None
    shown = {value: encode(value) for value in set(values)}
    return list(map(shown.__getitem__, values))


def _rows_text(keys: Sequence[str], columns: Sequence[Sequence[Any]]) -> str | None:
    """The rows' JSON, or None when a key or a value is one `_column` does not take."""
    if not keys or not all(type(key) is str for key in keys) or not columns \
            or not columns[0]:
        return None
    encoded = []
    for values in columns:
        column = _column(values)
        if column is None:
            return None
        encoded.append(column)
    row = "  {\n" + ",\n".join(
        f"    {_text(key).replace('%', '%%')}: %s" for key in keys) + "\n  }"
    return "[\n" + ",\n".join(map(row.__mod__, zip(*encoded))) + "\n]"
