"""Every file of the corpus (real calendars and spreadsheets from other projects' test suites,
listed in MANIFEST) through the same import as the command line and the dialog: none crashes or
hangs, each reads or is refused in one line, and none leaves its event text in the data file, its
journal, a backup or the log."""

from __future__ import annotations

import re
from pathlib import Path

from core.caseload.cases import CaseStore
from core.caseload.csv_import import preview_file
from core.common.errors import ValidationError
from core.store.applog import setup_logging
from core.store.backup import make_backup
from core.store.database import open_database
from core.store.paths import database_path
from tests.corpus.corpus_run import (
    CALENDARS, CORPUS, SECONDS_PER_FILE, SPREADSHEETS, deadline, run_calendar,
)

PRIVATE_PROPERTIES = re.compile(
    r"^(SUMMARY|LOCATION|DESCRIPTION|ATTENDEE|ORGANIZER)[^:]*:(.*)$", re.I | re.M
)


def test_the_manifest_lists_every_file_with_its_source_commit_and_licence():
    rows = [line.split("\t") for line in (CORPUS / "MANIFEST").read_text().splitlines()
            if line and not line.startswith("#")][1:]
    listed = {r[0] for r in rows}
    assert all(len(r) == 5 and re.fullmatch(r"[0-9a-f]{40}", r[3]) and r[4] for r in rows)
    on_disk = {f"{p.parent.name}/{p.name}" for p in CALENDARS + SPREADSHEETS}
    assert listed == on_disk and len(CALENDARS) >= 300 and len(SPREADSHEETS) >= 40


def _private_words(paths: list[Path]) -> set[bytes]:
    """Distinctive words of each file's subjects, places, descriptions and people."""
    words: set[bytes] = set()
    for path in paths:
        text = path.read_bytes().decode("utf-8", "replace").replace("\r\n ", "").replace("\n ", "")
        for _name, value in PRIVATE_PROPERTIES.findall(text):
            for part in re.split(r"[\s,;:\\()\"'<>=/]+", value.removeprefix("mailto:")):
                if len(part) >= 8:
                    words.add(part.encode("utf-8"))
    return words


def _found_in(blob: bytes, words: set[bytes]) -> set[bytes]:
    """The words that occur anywhere in `blob`. A word can only be there if its first eight
    bytes are, so one pass over the blob's 8-byte windows leaves the few worth searching for
    (searching the whole blob once per word took seconds for the three thousand words)."""
    windows = {blob[i:i + 8] for i in range(len(blob) - 7)}
    return {w for w in words if w[:8] in windows and w in blob}


def test_every_calendar_reads_or_is_refused_in_one_line_and_leaves_no_text(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    setup_logging(data_dir)
    db = open_database(database_path(data_dir))
    baseline = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    failures, refused, read_events, imported = [], [], 0, 0
    for path in CALENDARS:
        try:
            with deadline(SECONDS_PER_FILE):
                read, rows, refusal = run_calendar(db, path)
        except Exception as exc:  # noqa: BLE001 - each failure is listed, not the first only
            failures.append(f"{path.name}: {type(exc).__name__}: {str(exc)[:120]}")
            continue
        if refusal:
            refused.append(path.name)
            if "\n" in refusal or not refusal.strip():
                failures.append(f"{path.name}: refused in more than one line")
        else:
            read_events += len(read.events)
            imported += sum(r.ticked for r in rows)
    assert failures == []
    assert read_events > 1500 and imported > 150  # the corpus is read, not mostly refused
    assert len(refused) < len(CALENDARS) // 10, refused
    backup = make_backup(db, data_dir, tmp_path / "backup.db")
    stored = [p for p in data_dir.rglob("*") if p.is_file()] + [backup]
    found = b"".join(p.read_bytes() for p in stored)
    leaked = sorted(w for w in _found_in(found, _private_words(CALENDARS)) if w not in baseline)
    db.close()
    assert leaked == []


def test_every_spreadsheet_previews_or_is_refused_in_one_line(db):
    failures = []
    for path in SPREADSHEETS:
        try:
            with deadline(SECONDS_PER_FILE):
                preview = preview_file(path, CaseStore(db))
        except ValidationError as exc:
            if "\n" in str(exc) or len(exc.problems) != 1:
                failures.append(f"{path.name}: refused in more than one line")
            continue
        except Exception as exc:  # noqa: BLE001
            failures.append(f"{path.name}: {type(exc).__name__}: {str(exc)[:120]}")
            continue
        if not preview.ok and not preview.problems:
            failures.append(f"{path.name}: neither cases nor a reason")
    assert failures == []
