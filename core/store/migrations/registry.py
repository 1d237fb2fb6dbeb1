"""The one migration set every schema step of the app registers on."""

from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("caseload_companion")


def known_names() -> set[str]:
    """Names of every migration this build knows (to spot a database from a newer version)."""
    return {m.name for m in MIGRATIONS._migrations}
