"""sqlite-utils imported without what the app never asks of it, for the window and the commands.

* numpy: sqlite-utils imports it when installed (pyqtgraph brings it) only to map numpy types,
  which the app never stores: about 70 ms of every start. Charts still get the real numpy.
* OpenSSL: sqlite-utils imports `hashlib` (for `hash_record`) and `secrets` (for names of
  temporary tables), and `secrets` imports `hmac`: each loads OpenSSL's libcrypto, about
  3.4 MiB resident and 2 ms, for functions the app calls rarely or never. They are given
  sqlite-utils as stand-ins that import the real module the first time they are used, so
  everything works as before; the app's own modules import the real ones (encrypted data
  loads OpenSSL as it opens, as it must).
"""

from __future__ import annotations

import sys
from types import ModuleType


class _OnFirstUse(ModuleType):
    """In place of a standard module: the real one is imported when a name is first read."""

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # what the import system itself looks at
            raise AttributeError(name)
        from importlib import import_module

        real = sys.modules.get(self.__name__)
        if real is None or real is self:
            sys.modules.pop(self.__name__, None)
            real = import_module(self.__name__)
        value = getattr(real, name)
        setattr(self, name, value)
        return value


ON_FIRST_USE = ("hashlib", "secrets")


def import_sqlite_utils() -> None:
    """Import sqlite-utils (once) without numpy, and with hashlib and secrets imported only
    when sqlite-utils first uses them."""
    if "sqlite_utils" in sys.modules:
        return
    held: dict[str, ModuleType | None] = {}
    if "numpy" not in sys.modules:
        held["numpy"] = None  # makes `import numpy` fail: sqlite-utils does without
    for name in ON_FIRST_USE:
        if name not in sys.modules:
            held[name] = _OnFirstUse(name)
    sys.modules.update(held)  # type: ignore[arg-type]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name, stand_in in held.items():
            if name in sys.modules and sys.modules[name] is stand_in:
                del sys.modules[name]
