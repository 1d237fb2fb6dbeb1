"""A promise in the README is a test: every command line it lists runs as written, exit 0, on
fresh demo data, early in the morning and late at night."""

import re
import shlex
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

import main
from core.common.clock import NOW_ENV
from core.demo.caseload_demo import fill_demo
from core.store.backup import make_backup
from core.store.database import open_database
from core.store.paths import database_path

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_commands() -> list[str]:
    """The `python main.py …` lines of the Command line section, without their descriptions."""
    section = README.read_text(encoding="utf-8").split("## Command line", 1)[1].split("\n## ")[0]
    lines = [line.strip() for line in section.splitlines() if line.startswith("    python main.py")]
    return [re.split(r"\s{2,}", line)[0] for line in lines]


def readme_time_lines() -> list[str]:
    """The lines the README offers for typing into Time ("type one line (`…`, `…`)")."""
    text = README.read_text(encoding="utf-8")
    examples = text.split("type one line (", 1)[1].split(")", 1)[0]
    return re.findall(r"`([^`]+)`", examples)


COMMANDS = readme_commands() + [f'python main.py log "{line}"' for line in readme_time_lines()]


def test_the_readme_lists_the_commands():
    assert len(COMMANDS) > 20 and any("@C07" in c for c in COMMANDS)
    assert len(readme_time_lines()) == 4


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    """Demo data made once; each command gets its own copy, with the files the README names."""
    folder = tmp_path_factory.mktemp("demo-template")
    data = folder / "data"
    data.mkdir()
    db = open_database(database_path(data))
    fill_demo(db, date.today())
    make_backup(db, data, folder / "backup.db")
    db.close()
    (folder / "cases.csv").write_text("reference,case_type,tier,start_date\n"
                                      "X01,community,B2,2026-10-05\n", encoding="utf-8")
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["reference", "case_type", "tier", "start_date"])
    book.active.append(["X02", "licence", "C1", date(2026, 10, 5)])
    book.save(folder / "cases.xlsx")
    (folder / "calendar.ics").write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:readme-1\r\nDTSTAMP:20261101T090000Z\r\nDTSTART:20261103T100000Z\r\n"
        "DTEND:20261103T110000Z\r\nSUMMARY:Home visit C07\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n", encoding="utf-8")
    return folder


def clock_at(hour: int, minute: int) -> str:
    """Today at hour:minute, as the app's one clock (`core.common.clock`) reads it."""
    return datetime.combine(date.today(), datetime.min.time()).replace(
        hour=hour, minute=minute).isoformat()


@pytest.mark.parametrize("clock", [(0, 5), (23, 55)], ids=["00:05", "23:55"])
@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "python main.py"])
def test_each_readme_command_runs_as_written_on_demo_data(command, clock, demo_template,
                                                          tmp_path, monkeypatch, capsys, qapp):
    # qapp: `export --format pdf` draws with Qt; one QApplication serves every later test.
    work = tmp_path / "work"
    shutil.copytree(demo_template, work)
    data = work / "data"
    argv = shlex.split(command)[2:]
    if argv == ["demo"]:  # demo fills an empty folder, never one with data
        shutil.rmtree(data)
    monkeypatch.chdir(work)
    monkeypatch.setenv(NOW_ENV, clock_at(*clock))
    try:
        code = main.main(["--data-dir", str(data), *argv])
    except SystemExit as ended:
        code = ended.code
    err = capsys.readouterr().err
    assert code == 0, f"{command}: {err}"
