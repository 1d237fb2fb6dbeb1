"""Importing PySide6 and pyqtgraph without the memory they would otherwise keep for nothing.

Two costs were measured (benchmarks/, memory settled with the Overview's chart in view, demo data,
148 MiB RSS before):

* PySide6 checks every module imported after it for `from __feature__ import …` by reading the
  module's whole source with `inspect.getsource`, which leaves every line of every file in
  Python's `linecache` for good: 448 files, about 16 MiB of text with the chart. The check here
  is the same (does the file mention PySide6?) without keeping the text.
* pyqtgraph (`pyqtgraph.Qt`) makes its own copies of the QtCore, QtGui and QtWidgets namespaces
  by reading every name in them, which makes PySide6 build every class it would otherwise build
  only when first used (about 8 MiB and 100 ms). `import_pyqtgraph` gives pyqtgraph the same
  namespaces, each name looked up in PySide6 when pyqtgraph first uses it.

Both keep behaviour as it was: the same check, the same classes; only what is never used is no
longer made. Each falls back to the plain way when the library is not laid out as expected.
"""

from __future__ import annotations

import sys

# Nothing else imported at the top: each module imported before stop_keeping_module_sources()
# has run would still be read and kept by the check it replaces (typing too).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

QT_NAMESPACES = ("QtCore", "QtGui", "QtWidgets")


def _mentions_pyside(module: ModuleType) -> bool:
    """Whether a module's source file mentions PySide6, read once and not kept."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built in, compiled, or without a source file: as inspect finds no source
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def stop_keeping_module_sources() -> bool:
    """Make PySide6's per-import check read each source file without keeping it in memory.
    Returns False (and changes nothing) when this PySide6 has no such check."""
    import PySide6.QtCore  # noqa: F401  (loads the check)

    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _mentions_pyside  # type: ignore[attr-defined]
    return True


def _lazy_namespace(name: str, source: ModuleType, folder: Path) -> ModuleType:
    """pyqtgraph's (empty) `pyqtgraph.Qt.<name>` package, each name fetched from PySide6 when
    first asked for, then kept."""
    from types import ModuleType

    namespace = ModuleType(f"pyqtgraph.Qt.{name}")
    namespace.__path__ = [str(folder)]
    namespace.__package__ = namespace.__name__

    def lookup(attribute: str) -> object:
        value = getattr(source, attribute)
        setattr(namespace, attribute, value)
        return value

    namespace.__getattr__ = lookup  # type: ignore[method-assign]
    return namespace


def empty_package(folder: Path) -> bool:
    """Whether `folder` is a package with nothing in it: an empty `__init__.py`, or, where only
    compiled modules are shipped (the Linux bundle keeps each as a .pyc file beside the
    program), an `__init__.pyc` compiled from an empty file."""
    source, compiled = folder / "__init__.py", folder / "__init__.pyc"
    try:
        if source.is_file():
            return source.stat().st_size == 0
        if not compiled.is_file() or compiled.stat().st_size > 4096:
            return False
        import marshal
        from importlib.util import MAGIC_NUMBER

        data = compiled.read_bytes()
        if not data.startswith(MAGIC_NUMBER):
            return False
        code, empty = marshal.loads(data[16:]), compile("", str(source), "exec")
    except (OSError, ValueError, EOFError, TypeError):
        return False
    return (code.co_code, code.co_consts, code.co_names) == (
        empty.co_code, empty.co_consts, empty.co_names)


def import_pyqtgraph() -> ModuleType:
    """pyqtgraph, imported without building every Qt class (see the module's docstring)."""
    if "pyqtgraph" in sys.modules:
        return sys.modules["pyqtgraph"]
    stop_keeping_module_sources()
    from importlib.util import find_spec
    from pathlib import Path

    import PySide6.QtCore
    import PySide6.QtGui  # noqa: F401
    import PySide6.QtWidgets  # noqa: F401

    sources = {name: sys.modules[f"PySide6.{name}"] for name in QT_NAMESPACES}
    spec = find_spec("pyqtgraph")
    folders = [Path(place) / "Qt" for place in (spec.submodule_search_locations or [])] \
        if spec is not None else []
    qt = folders[0] if folders else None
    # Only where pyqtgraph's copies are the empty packages this was measured with, and PySide6
    # lists each namespace's names itself (its lazily built classes).
    if qt is None or not all(
            empty_package(qt / name) and callable(vars(sources[name]).get("__dir__"))
            for name in QT_NAMESPACES):
        import pyqtgraph  # type: ignore[import-untyped]

        return pyqtgraph
    listings = {name: vars(source)["__dir__"] for name, source in sources.items()}
    for name, source in sources.items():
        sys.modules[f"pyqtgraph.Qt.{name}"] = _lazy_namespace(name, source, qt / name)
        source.__dir__ = list  # type: ignore[method-assign]  # pyqtgraph copies no name
    try:
        import pyqtgraph  # type: ignore[import-untyped]
    except BaseException:
        for name in QT_NAMESPACES:
            sys.modules.pop(f"pyqtgraph.Qt.{name}", None)
        raise
    finally:
        for name, source in sources.items():
            source.__dir__ = listings[name]  # type: ignore[method-assign]
    return pyqtgraph
