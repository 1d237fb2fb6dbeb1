"""Modules stay small enough to read in one sitting: the project's rule is 100-300 lines a
module, and one over 400 lines must be split along a seam of responsibility (as
core.workload.estimate_series came out of core.workload.estimate). Every module of core/, ui/,
cli/ and main.py is counted; a newcomer who lets one grow past 400 is told which and by how much."""

from __future__ import annotations

from pathlib import Path

from tests.import_graph import project_modules

ROOT = Path(__file__).resolve().parent.parent
MOST_LINES = 400


def oversized(root: Path) -> list[str]:
    """'module: N lines' for each module over MOST_LINES lines, in name order."""
    found = []
    for name, path in sorted(project_modules(root).items()):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MOST_LINES:
            found.append(f"{name}: {lines} lines (split it: over {MOST_LINES} must split)")
    return found


def test_no_module_is_over_400_lines() -> None:
    assert oversized(ROOT) == []


def test_a_module_one_line_over_the_limit_is_named(tmp_path: Path) -> None:
    for name, lines in (("core/long.py", MOST_LINES + 1), ("core/at_limit.py", MOST_LINES),
                        ("ui/view.py", 50), ("main.py", MOST_LINES + 30)):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n" * lines)
    assert oversized(tmp_path) == [
        "core.long: 401 lines (split it: over 400 must split)",
        "main: 430 lines (split it: over 400 must split)",
    ]
