"""The AT-SPI group (`pytest -m atspi`): the real app on demo data, read through Linux's
accessibility bus on a private Xvfb display and D-Bus session.

Skipped when Xvfb, D-Bus, at-spi2-core or the AT-SPI client library (python3-gi,
gir1.2-atspi-2.0) is missing; CI installs them and sets CASELOAD_ATSPI_REQUIRED=1, which turns
that skip into a failure so the group can never silently stop running there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.atspi.bus import Bus, activate_window
from tests.atspi.session import Session, Unavailable, import_atspi


def _unavailable(reason: str) -> None:
    if os.environ.get("CASELOAD_ATSPI_REQUIRED") == "1":
        pytest.fail(f"the AT-SPI tests must run here, but: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def app_bus(tmp_path_factory) -> Iterator[Bus]:
    """The app started once on demo data, its window given the keyboard, read through AT-SPI."""
    workdir = tmp_path_factory.mktemp("atspi")
    session = Session(workdir)
    try:
        atspi = import_atspi()
        session.start()
    except Unavailable as exc:
        session.stop()
        _unavailable(str(exc))
    try:
        session.start_app(workdir / "data")
        bus = Bus(atspi, session.app.pid)  # type: ignore[union-attr]
        bus.data_dir = workdir / "data"  # type: ignore[attr-defined]
        bus.env = session.env  # type: ignore[attr-defined]  # its display and bus, for Orca
        bus.workdir = workdir  # type: ignore[attr-defined]
        try:
            bus.wait_for_app()
        except TimeoutError:
            pytest.fail("the app never appeared on the accessibility bus:\n" + session.app_log())
        activate_window(bus)
        yield bus
    finally:
        session.stop()
