"""Numbered schema migrations over sqlite-utils' own `Migrations`; never rename one once shipped.

Each module registers its steps on `MIGRATIONS`; import order is apply order.
"""

from core.store.migrations.registry import MIGRATIONS, known_names
from core.store.migrations import m001_caseload  # noqa: F401  (registers its steps)

__all__ = ["MIGRATIONS", "known_names"]
from core.store.migrations import m002_agenda  # noqa: F401,E402
from core.store.migrations import m003_time  # noqa: F401,E402
from core.store.migrations import m004_workload  # noqa: F401,E402
from core.store.migrations import m005_supervision  # noqa: F401,E402
from core.store.migrations import m006_calendar_import  # noqa: F401,E402
from core.store.migrations import m007_timer_utc  # noqa: F401,E402
from core.store.migrations import m008_exact_hours_dated_profile  # noqa: F401,E402
from core.store.migrations import m009_application_id  # noqa: F401,E402
from core.store.migrations import m010_calendar_sync  # noqa: F401,E402


def seed_defaults(db) -> None:
    """Put back what a new data file starts with (the built-in activities, then the calendar
    keyword rules that point at them) into tables just emptied by "Delete all my data".
    The same steps the migrations run for a new file, so the two cannot drift apart."""
    m003_time.seed_activities(db)
    m006_calendar_import.seed_calendar_rules(db)
