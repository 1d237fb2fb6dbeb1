"""Command-line tests start from a data folder that holds a (new, empty) data file, as after the
app's first start: commands other than demo, cases import, profile and restore refuse a folder
with no data at all, and the tests for that refusal make their own empty folder."""

import pytest

from core.store.database import open_database
from core.store.paths import database_path


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "data"
    path.mkdir(mode=0o700, exist_ok=True)
    open_database(database_path(path)).close()
    return path
