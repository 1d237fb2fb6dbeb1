"""sqlite-utils as the app imports it (core/store/lean_sqlite_utils.py): without numpy, and
without OpenSSL until something asks for it, yet working exactly as imported plainly.

Each check runs in a fresh interpreter: what a process has imported cannot be taken back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run(code: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, env=env, check=True, timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_opening_plain_data_loads_neither_numpy_nor_openssl(tmp_path):
    """As the window opens a caseload that is not encrypted (its first write through
    sqlite-utils' savepoints loads OpenSSL, as before)."""
    from core.store.database import open_database

    open_database(tmp_path / "caseload.db").conn.close()  # made and migrated
    found = _run(
        "import json, sys\n"
        "from main import _import_sqlite_utils_without_numpy\n"
        "_import_sqlite_utils_without_numpy()\n"
        "from core.store.database import open_database\n"
        "from pathlib import Path\n"
        f"db = open_database(Path({str(tmp_path / 'caseload.db')!r}))\n"
        "print(json.dumps({m: m in sys.modules for m in ('numpy', '_hashlib', 'hmac')}))\n")
    assert found == {"numpy": False, "_hashlib": False, "hmac": False}


def test_sqlite_utils_hashes_and_names_as_when_imported_plainly():
    """What sqlite-utils does with hashlib and secrets (a row's hash id, a random name) works,
    with the standard modules themselves, OpenSSL's hashes included, for the app afterwards."""
    found = _run(
        "import json, sys\n"
        "from core.store.lean_sqlite_utils import import_sqlite_utils\n"
        "import_sqlite_utils()\n"
        "import sqlite_utils\n"
        "from sqlite_utils.utils import hash_record\n"
        "db = sqlite_utils.Database(memory=True)\n"
        "db['t'].insert({'ref': 'C07', 'hours': '1.5'}, hash_id='id')\n"
        "kept = db.execute('select id from t').fetchone()[0]\n"
        "import hashlib, secrets\n"
        "print(json.dumps({'kept': kept, 'same': kept == hash_record({'ref': 'C07', "
        "'hours': '1.5'}), 'token': len(sqlite_utils.db.secrets.token_hex(4)),\n"
        "    'real': type(hashlib).__name__ == 'module' and type(secrets).__name__ == "
        "'module', 'pbkdf2': hashlib.pbkdf2_hmac('sha256', b'a', b'b', 1).hex()[:8]}))\n")
    import hashlib

    expected = hashlib.sha1(json.dumps({"ref": "C07", "hours": "1.5"}, separators=(",", ":"),
                                       sort_keys=True, default=repr).encode("utf8")).hexdigest()
    assert found["kept"] == expected and found["same"]
    assert found["token"] == 8 and found["real"]
    assert found["pbkdf2"] == hashlib.pbkdf2_hmac("sha256", b"a", b"b", 1).hex()[:8]
