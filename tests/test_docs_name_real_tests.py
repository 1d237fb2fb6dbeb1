"""docs/data-protection.md maps each promise to the test that proves it: every test it names must
exist, or a reviewer is pointed at nothing. The README's links to files in the project must lead
somewhere too."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def named_tests(text: str) -> list[tuple[str, str | None]]:
    """(file, test name or None) for each `tests/…py` and `::test_…` the text names; a bare
    `::test_…` belongs to the file named last before it."""
    found: list[tuple[str, str | None]] = []
    last = None
    for match in re.finditer(r"`(tests/[\w/]+\.py)?(?:::(\w+))?`", text):
        path, name = match.groups()
        if path:
            last = path
            found.append((path, name))
        elif name and last:
            found.append((last, name))
    return found


def test_every_test_the_data_protection_page_names_exists() -> None:
    names = named_tests((ROOT / "docs" / "data-protection.md").read_text(encoding="utf-8"))
    assert len(names) > 30
    missing = [f"{path}::{name}" if name else path for path, name in names
               if not (ROOT / path).exists()
               or (name and f"def {name}(" not in (ROOT / path).read_text(encoding="utf-8"))]
    assert missing == []


def test_the_readmes_links_to_project_files_lead_somewhere() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(((?!https?:)[^)#\s]+)\)", readme)
    assert targets and [t for t in targets if not (ROOT / t).exists()] == []
