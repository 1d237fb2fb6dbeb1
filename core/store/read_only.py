"""A read-only look at the data file through the standard library's sqlite3 alone, for the
reading functions of core that take a sqlite-utils `Database` and only call `query` and
`execute` on it (core.workload.week_words): importing sqlite-utils costs a start-up 35 to 60 ms
that the first words on screen need not wait for. Anything else asked of it fails loudly
(AttributeError), so a reader that starts writing or using more of sqlite-utils is noticed."""

from __future__ import annotations

import sqlite3
from typing import Any, Iterator, Mapping, Sequence


class ReadOnlyData:
    """`query` and `execute` as sqlite-utils' Database has them, over an open connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] | None = None
                ) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters if parameters is not None else ())

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None
              ) -> Iterator[dict[str, Any]]:
        cursor = self.execute(sql, params)
        names = [column[0] for column in cursor.description or ()]
        for row in cursor:
            yield dict(zip(names, row))
