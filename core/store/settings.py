"""The app's own settings kept inside the data file: one JSON value per key in `settings`.

They live in the data (not in Qt's settings) when they describe the practitioner's record, such as
the retention period or when the sustained-overload panel was last put aside, so that they move
with the data file, its backups and its encryption.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    rows = list(db.query("SELECT value FROM settings WHERE key = ?", [key]))
    return json.loads(rows[0]["value"]) if rows else default


def set_setting(db: Database, key: str, value: Any) -> None:
    db.table("settings").upsert({"key": key, "value": json.dumps(value)}, pk="key")
