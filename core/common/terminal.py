"""What the command line prints: one line per failure, and nothing from the input ever obeyed by
the terminal (control characters and direction overrides are shown as escapes)."""

from __future__ import annotations

import sys
from contextlib import contextmanager


class Escaping:
    """A terminal stream that writes control characters and direction overrides as escapes
    (text stored before they were refused still never colours or retitles a terminal)."""

    def __init__(self, raw):
        self._raw = raw

    def write(self, text: str) -> int:
        from core.common.free_text import escaped

        text = escaped(text)
        if not text.isascii():  # a folder named in Latin-1: "\ufffd", not a failed command
            from core.common.paths import shown_path

            text = shown_path(text)
        return self._raw.write(text)

    def __getattr__(self, name: str):
        return getattr(self._raw, name)


@contextmanager
def shown_not_obeyed():
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Escaping(out), Escaping(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def say(message: object) -> None:
    """One line on stderr, with any control character from the input shown, never obeyed
    (an ESC[31m typed into an argument must not colour the terminal)."""
    from core.common.free_text import visible

    print(f"error: {visible(str(message))}", file=sys.stderr)


def not_utf8(text: str) -> bool:
    """True for an argument that held bytes which are not UTF-8 (Python keeps them as lone
    surrogates, which no file, database or terminal can take)."""
    return any("\udc80" <= ch <= "\udcff" for ch in text)
