"""Text a person typed is stored and shown as text: never as a command to a terminal.

An ESC from `log $'45m recording \\e[31mred'` was stored and later coloured (or retitled) the
terminal of whoever listed it, and a right-to-left override (U+202E) made a stored note read
backwards. So every text the app stores is refused when it holds a control character (C0 other
than tab and line break, DEL, C1) or a direction override/isolate (U+202A-202E, U+2066-2069),
with a message naming what was found; and terminal output shows any such character escaped.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from core.common.errors import ValidationError

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Every ASCII character UNSAFE does not match: text of these alone is shown as it is.
_SAFE_ASCII = bytes(code for code in range(128) if not UNSAFE.match(chr(code)))
_WRITES = ("INSERT", "UPDATE", "REPLACE")


def escaped(text: str) -> str:
    """`text` with each unsafe character written as an escape such as \\x1b or \\u202e (tabs and
    line breaks are kept)."""
    if text.isascii() and not text.encode("ascii").translate(None, _SAFE_ASCII):
        return text  # 10 MB of `log list --json` checked in a few ms instead of 60
    return UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def text_problem(text: str) -> str | None:
    """The sentence saying why `text` cannot be stored, or None when it can."""
    found = UNSAFE.search(text)
    if found is None:
        return None
    shown = escaped(text if len(text) <= 60 else text[:57] + "...")
    return (f"The text \"{shown}\" holds a control or text-direction character "
            f"({escaped(found.group())}) that a screen would obey rather than show; type it "
            "again without it. Nothing was saved.")


def check_text(text: str) -> str:
    """`text`, or ValidationError when it holds an unsafe character."""
    problem = text_problem(text)
    if problem is not None:
        raise ValidationError(problem)
    return text


def check_write(sql: str, parameters: Any) -> None:
    """Refuse (ValidationError) a statement that would store unsafe text: called for every
    statement the app's database runs, so no way of writing (command, window, import) skips it."""
    if parameters is None or not sql.lstrip()[:8].upper().startswith(_WRITES):
        return
    values: Iterable[Any] = parameters.values() if isinstance(parameters, dict) else parameters
    for value in values:
        if isinstance(value, str):
            check_text(value)


def visible(text: str) -> str:
    """`text` with control characters (ESC, newlines, bell, ...) written as escapes such as
    \\x1b, so nothing from the input is ever obeyed by the terminal, and one line stays one."""
    import unicodedata

    return "".join(ch.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(ch) in ("Cc", "Cf", "Cs") else ch for ch in text)
