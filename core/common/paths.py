"""A path as bytes to hash, and as words to show: a folder's name need not be valid UTF-8.

On Linux a name is any bytes (a Latin-1 name from an old USB disk, a migrated profile); Python
keeps each byte that is not UTF-8 as a lone surrogate, which `str.encode()` refuses and no label,
settings file, log or PDF can hold. Hash `path_bytes`; show or write `shown_path`.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath

_SURROGATE = re.compile("[\ud800-\udfff]")


def path_bytes(path: PurePath | str) -> bytes:
    """The path's own bytes, as the file system has them (for a UTF-8 name the same bytes as
    `.encode()`, so a key made from one before stays the same)."""
    return os.fsencode(os.fspath(path))


def shown_path(path: PurePath | str) -> str:
    """The path (or any text naming one, such as an error message) as text anything can hold:
    each byte that is not UTF-8 becomes "\ufffd"."""
    return _SURROGATE.sub("\ufffd", os.fspath(path))
