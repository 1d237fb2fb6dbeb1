"""The plan of the house holds: no import circles, and every import follows the layers written in
docs/architecture.md. A newcomer who adds an import the wrong way round is told where and why."""

from __future__ import annotations

from pathlib import Path

from tests.import_graph import RANKS, all_imports, circles, layer_breaks, package_of, project_modules

ROOT = Path(__file__).resolve().parent.parent


def test_the_project_has_no_import_circles() -> None:
    assert circles(all_imports(ROOT)) == []


def test_every_import_follows_the_layers() -> None:
    assert layer_breaks(all_imports(ROOT)) == []


def test_every_package_has_a_layer_and_says_what_lives_there() -> None:
    packages = {package_of(m) for m in project_modules(ROOT)} - {"core", "ui"}
    assert packages - set(RANKS) == set(), "a new package needs its place in RANKS and the doc"
    for package in packages - {"main"}:
        init = ROOT.joinpath(*package.split("."), "__init__.py")
        assert init.exists() and init.read_text().startswith('"""'), package


def test_the_architecture_page_names_every_package() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text()
    for package in RANKS:
        assert f"`{package}`" in page, package


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def test_a_circle_and_each_kind_of_layer_break_are_caught(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "core/__init__.py": "", "core/common/__init__.py": "", "core/store/__init__.py": "",
        "core/workload/__init__.py": "", "ui/__init__.py": "", "ui/time/__init__.py": "",
        "ui/overview/__init__.py": "",
        # a circle made through a function-level import
        "core/workload/a.py": "from core.workload.b import x\n",
        "core/workload/b.py": "def f():\n    from core.workload import a\n",
        # core reaching up into ui, and the store reaching up into a domain, even lazily
        "core/common/dates.py": "import ui.time.view\n",
        "core/store/db.py": "def g():\n    from core.workload.b import x\n",
        # one feature importing another at module level, and another package's private name
        "ui/time/view.py": "from ui.overview.card import Card\n",
        "ui/overview/card.py": "from core.store.db import _secret\n",
    })
    imports = all_imports(root)
    assert circles(imports) == [["core.workload.a", "core.workload.b"]]
    broken = "\n".join(layer_breaks(imports))
    assert "core.common.dates:1 -> ui.time.view (core never imports" in broken
    assert "core.store.db:2 -> core.workload.b (core.store is below core.workload" in broken
    assert "ui.time.view:1 -> ui.overview.card (module-level import" in broken
    assert "ui.overview.card:1 -> core.store.db (another package's private name)" in broken


def test_a_feature_may_make_another_features_view_when_first_needed(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "ui/__init__.py": "", "ui/shell/__init__.py": "", "ui/caseload/__init__.py": "",
        "ui/shell/welcome.py": "def start():\n    from ui.caseload.importer import Dialog\n",
        "ui/caseload/importer.py": "class Dialog: ...\n",
    })
    assert layer_breaks(all_imports(root)) == []
