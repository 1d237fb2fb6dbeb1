"""`check`: is the data file whole? Integrity, foreign keys and schema version, read-only."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.store.migrations import known_names

MIGRATIONS_TABLE = "_sqlite_migrations"


@dataclass
class HealthReport:
    problems: list[str] = field(default_factory=list)
    schema: list[str] = field(default_factory=list)  # migrations applied, in order
    pending: list[str] = field(default_factory=list)  # known to this build, not applied yet
    tables: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        """What `check` prints: `ok` and the schema version, or each problem."""
        if self.ok:
            latest = self.schema[-1] if self.schema else "none"
            extra = f" ({len(self.pending)} upgrade(s) will apply when the app opens it)" \
                if self.pending else ""
            return ["ok", f"schema: {latest}{extra}"]
        return self.problems


def check_connection(conn: Any) -> HealthReport:
    """Run every check on an open connection; never writes."""
    report = HealthReport()
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"The file cannot be read as a database ({exc}).")
        return report
    if rows != ["ok"]:
        report.problems.append("The integrity check found damage: " + "; ".join(rows[:5]))
        return report
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        tables = sorted({row[0] for row in fk})
        report.problems.append(
            f"{len(fk)} row(s) point at records that no longer exist (in {', '.join(tables)})."
        )
    report.tables = {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if MIGRATIONS_TABLE in report.tables:
        report.schema = [
            r[0]
            for r in conn.execute(
                f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
                ["caseload_companion"],
            )
        ]
    unknown = set(report.schema) - known_names()
    if unknown:
        report.problems.append(
            "This data was saved by a newer version of Caseload Companion "
            f"(it knows {', '.join(sorted(unknown))})."
        )
    report.pending = sorted(known_names() - set(report.schema))
    return report


def check_file(path: Path, passphrase: str | None = None) -> HealthReport:
    """Check the data file at `path`. Raises the same StorageErrors as opening it would."""
    from core.store.database import connect_file

    if not path.exists():
        return HealthReport(problems=[f"There is no data file at {path} yet."])
    conn = connect_file(path, passphrase)
    try:
        return check_connection(conn)
    finally:
        conn.close()
