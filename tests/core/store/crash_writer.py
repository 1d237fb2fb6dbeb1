"""Child process for test_crash_safety: writes through the app's stores, printing after each commit.

Not a test module. Usage: python crash_writer.py DB_PATH ROUND
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from main import _import_sqlite_utils_without_numpy  # noqa: E402

_import_sqlite_utils_without_numpy()  # as main.py's commands import it (not numpy's ~80 ms)

from core.caseload.cases import CaseStore  # noqa: E402
from core.store.database import open_database  # noqa: E402
from core.caseload.models import Case  # noqa: E402


def main() -> None:
    path, round_no = Path(sys.argv[1]), int(sys.argv[2])
    db = open_database(path)
    store = CaseStore(db)
    print("ready", flush=True)
    start = date(2026, 1, 5)
    for i in range(100000):
        ref = f"R{round_no}-{i}"
        if i % 4 == 0:  # several rows in one transaction: all of them or none
            refs = [f"{ref}.{k}" for k in range(3)]
            store.add_cases(Case(r, "community", "C2", start) for r in refs)
            print("batch " + ",".join(refs), flush=True)
        else:
            case = store.add_case(Case(ref, "licence", "B2", start))
            if i % 3 == 0:  # an edit that writes two tables (case row and tier history)
                case.tier, case.tier_date = "A3", date(2026, 2, 2)
                store.update_case(case)
                print(f"tier {ref}", flush=True)
            else:
                print(f"case {ref}", flush=True)


if __name__ == "__main__":
    main()
