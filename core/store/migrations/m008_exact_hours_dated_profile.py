"""m008 (exact hours, dated profile): hours and percentages as the text typed, and a dated
history of grade, contracted hours and protected ceiling.

A REAL column holds 29.6 as 29.6000000000000014…, which put part-time officers a band out at
the edges. SQLite's own CAST of the old REAL values gives back the shortest text ('22.2'), so
nothing typed is lost. Each profile change applies from a date, so past weeks keep the hours
they had; the profile held before this step applies from the beginning.
"""

from sqlite_utils import Database

from core.store.migrations.registry import MIGRATIONS

SINCE_ALWAYS = "0001-01-01"


@MIGRATIONS()
def m008_exact_hours_dated_profile(db: Database) -> None:
    db.table("profile").transform(types={"contracted_hours": str})
    db.table("reductions").transform(types={"hours_per_week": str, "percent": str})
    db.table("profile_changes").create(
        {
            "id": int,
            "effective_from": str,
            "grade": str,
            "contracted_hours": str,
            "protected_ceiling": int,
            "changed_on": str,
        },
        pk="id",
        not_null={"effective_from", "grade", "changed_on"},
    )
    db.table("profile_changes").create_index(["effective_from"])
    db.execute(
        "INSERT INTO profile_changes (effective_from, grade, contracted_hours, "
        "protected_ceiling, changed_on) SELECT ?, grade, contracted_hours, protected_ceiling, "
        "date('now') FROM profile WHERE id = 1",
        [SINCE_ALWAYS],
    )
