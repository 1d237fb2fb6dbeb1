"""What Orca says on unlocking over a dialog: "Unlocked.", as over the meeting. It was shown to
the bus from the main window while the dialog had the keyboard again, and Orca passed over it.

The app is tests/atspi/lock_host.py (a case open for editing, on encrypted demo data)."""

from __future__ import annotations

import pytest

from tests.atspi.bus import Bus
from tests.atspi.lock_host import PASSPHRASE
from tests.atspi.test_every_dialog import Host, _shown_dialog
from tests.atspi.test_lock_hides_dialogs import LOCK_HOST, _wait
from tests.atspi.test_orca_speaks import orca  # noqa: F401 - fixture

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app, a real screen reader


def test_orca_says_unlocked_over_a_dialog(app_bus, orca, tmp_path):  # noqa: F811
    host = Host(tmp_path, LOCK_HOST)
    try:
        assert host.line(120).startswith("open"), host.log_path.read_text()
        bus = Bus(app_bus.Atspi, host.proc.pid)
        bus.wait_for_app()
        assert _shown_dialog(bus, "Edit case") is not None
        orca.wait_for(bus.pump, "Edit case")
        orca.mark()
        assert host.next("lock") == "locked"
        gate = _wait(bus, lambda: _shown_dialog(bus, "Caseload Companion is locked"), "the gate")
        orca.wait_for(bus.pump, "Passphrase")
        passphrase = next(o for o in bus.walk(gate) if o.get_role_name() == "password text")
        assert bus.Atspi.EditableText.set_text_contents(passphrase, PASSPHRASE)
        orca.mark()
        unlock = next(o for o in bus.walk(gate) if o.get_role_name() == "push button"
                      and o.get_name() == "Unlock")
        bus.Atspi.Action.do_action(unlock, 0)
        assert host.line() == "unlocked"
        said = orca.wait_for(bus.pump, "Unlocked")
        assert sum("Unlocked" in text for text in said) == 1, said
    finally:
        host.stop()
