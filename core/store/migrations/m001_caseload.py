"""m001: profile, settings, cases with dated tier history, reductions and court reports."""

from sqlite_utils import Database

from core.store.migrations.registry import MIGRATIONS


@MIGRATIONS()
def m001_create_caseload(db: Database) -> None:
    db.table("settings").create({"key": str, "value": str}, pk="key")
    db.table("profile").create(
        {"id": int, "grade": str, "contracted_hours": float, "protected_ceiling": int},
        pk="id",
        not_null={"grade"},
    )
    db.table("cases").create(
        {
            "id": int,
            "reference": str,
            "case_type": str,
            "t2a": int,
            "start_date": str,
            "expected_end_date": str,
            "flags": str,
            "mappa_level": int,
            "state": str,
            "next_report_due": str,
            "next_review_due": str,
            "closed_date": str,
            "close_reason": str,
        },
        pk="id",
        not_null={"reference", "case_type", "start_date", "state"},
        defaults={"t2a": 0, "flags": "[]", "state": "supervised"},
    )
    db.table("cases").create_index(["reference"], unique=True)
    # Raw SQL for ON DELETE CASCADE: deleting a case (retention, delete-all) takes its history too.
    db.execute(
        """CREATE TABLE tier_history (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            tier TEXT NOT NULL,
            from_date TEXT NOT NULL
        )"""
    )
    db.table("tier_history").create_index(["case_id", "from_date"])
    db.table("reductions").create(
        {
            "id": int,
            "reason": str,
            "hours_per_week": float,
            "percent": float,
            "start_date": str,
            "end_date": str,
        },
        pk="id",
        not_null={"reason", "start_date"},
    )
    db.table("court_reports").create(
        {"id": int, "kind": str, "completed_date": str},
        pk="id",
        not_null={"kind", "completed_date"},
    )
