"""Retention deletes only cases closed long enough ago; delete-all leaves nothing to recover."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import main
from core.store.backup import list_backups, make_backup
from core.caseload.cases import CaseStore
from core.store.database import open_database
from tests.demo_copy import demo_into
from core.common.errors import ValidationError
from core.caseload.models import Case
from core.caseload.retention import (
    closed_before,
    delete_all_data,
    delete_closed_cases,
    get_retention_days,
    set_retention_days,
)

TODAY = date(2026, 11, 28)


def _store_with_closures(db):
    store = CaseStore(db)
    closures = (("C01", None), ("C02", 10), ("C03", 30), ("C04", 31), ("C05", 400))
    for ref, closed_days_ago in closures:
        case = store.add_case(Case(ref, "community", "B2", date(2025, 1, 6)))
        if closed_days_ago is not None:
            store.close_case(case.id, TODAY - timedelta(days=closed_days_ago), "completed")
    return store


def test_only_cases_closed_more_than_n_days_ago_are_deleted(db):
    store = _store_with_closures(db)
    assert get_retention_days(db) == 30
    assert [c.reference for c in closed_before(db, 30, TODAY)] == ["C04", "C05"]
    assert delete_closed_cases(db, 30, TODAY) == 2
    assert store.references() == {"C01", "C02", "C03"}
    orphans = list(db.query("SELECT count(*) AS n FROM tier_history WHERE case_id NOT IN "
                            "(SELECT id FROM cases)"))
    assert orphans[0]["n"] == 0


def test_retention_days_are_remembered_and_checked(db):
    set_retention_days(db, 90)
    assert get_retention_days(db) == 90
    for bad in (0, -5, 100000, 2.5, True):
        with pytest.raises(ValidationError):
            set_retention_days(db, bad)
    assert get_retention_days(db) == 90


def test_delete_all_really_deletes(data_dir):
    path = data_dir / "caseload.db"
    db = open_database(path)
    demo_into(db)
    db.execute("UPDATE activities SET name = 'Magistrates rota Q9' WHERE key = 'court_duty'")
    make_backup(db, data_dir)
    (data_dir / "caseload.before-m005-20260101-000000.db").write_bytes(b"old copy")
    result = delete_all_data(db, data_dir, include_backups=True)
    assert result.rows_deleted > 57
    assert CaseStore(db).list_cases("all") == []
    db.close()
    raw = path.read_bytes() + (data_dir / "caseload.db-wal").read_bytes() \
        if (data_dir / "caseload.db-wal").exists() else path.read_bytes()
    assert b"C07" not in raw and b"Magistrates rota Q9" not in raw
    assert list_backups(data_dir / "backups") == []
    assert not (data_dir / "caseload.before-m005-20260101-000000.db").exists()
    again = open_database(path)  # the app still works, as if new
    assert CaseStore(again).add_case(Case("C01", "community", "B2", TODAY)).id
    again.close()


def _defaults(db):
    activities = list(db.query("SELECT key, name, counted_by_wmt, hidden, built_in, position "
                               "FROM activities ORDER BY position"))
    rules = list(db.query("SELECT r.keyword, a.key FROM calendar_rules r "
                          "JOIN activities a ON a.id = r.activity_id ORDER BY r.keyword"))
    return activities, rules


def test_delete_all_leaves_the_file_as_after_a_first_start(data_dir, tmp_path):
    (tmp_path / "fresh").mkdir()
    fresh = open_database(tmp_path / "fresh" / "caseload.db")
    expected = _defaults(fresh)
    fresh.close()
    assert len(expected[0]) == 15 and len(expected[1]) == 16
    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    db.execute("UPDATE activities SET name = 'Renamed Q9', hidden = 1 WHERE key = 'travel'")
    db.execute("DELETE FROM calendar_rules WHERE keyword = 'HV'")
    delete_all_data(db, data_dir)
    assert _defaults(db) == expected  # renamed, hidden and removed defaults come back as new
    db.close()


def test_cli_after_delete_all_time_can_be_logged_and_demo_runs(data_dir, capsys):
    folder = str(data_dir)
    assert main.main(["--data-dir", folder, "demo"]) == 0
    assert main.main(["--data-dir", folder, "delete-all", "--yes"]) == 0
    assert main.main(["--data-dir", folder, "log", "45m travel"]) == 0
    assert "Travel" in capsys.readouterr().out
    assert main.main(["--data-dir", folder, "delete-all", "--yes"]) == 0
    assert main.main(["--data-dir", folder, "demo"]) == 0
    assert main.main(["--data-dir", folder, "cases", "list"]) == 0
    assert "C01" in capsys.readouterr().out


def test_delete_all_keeps_backups_unless_asked(data_dir):
    db = open_database(data_dir / "caseload.db")
    demo_into(db)
    make_backup(db, data_dir)
    delete_all_data(db, data_dir, include_backups=False)
    assert len(list_backups(data_dir / "backups")) == 1
    db.close()


def test_cli_delete_all_needs_yes(data_dir, capsys):
    assert main.main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main.main(["--data-dir", str(data_dir), "delete-all"]) == 2
    assert "--yes" in capsys.readouterr().err
    assert main.main(["--data-dir", str(data_dir), "cases", "list"]) == 0
    assert "C01" in capsys.readouterr().out
    assert main.main(["--data-dir", str(data_dir), "delete-all", "--yes"]) == 0
    assert main.main(["--data-dir", str(data_dir), "cases", "list"]) == 0
    assert "No cases yet" in capsys.readouterr().out


def test_cli_retention_lists_then_deletes(data_dir, capsys):
    assert main.main(["--data-dir", str(data_dir), "demo"]) == 0
    assert main.main(["--data-dir", str(data_dir), "retention", "--days", "1"]) == 0
    assert "Due for deletion" in capsys.readouterr().out
    assert main.main(["--data-dir", str(data_dir), "retention", "--delete"]) == 0
    assert "Deleted" in capsys.readouterr().out
    assert main.main(["--data-dir", str(data_dir), "cases", "list", "--all"]) == 0
    assert "closed" not in capsys.readouterr().out
