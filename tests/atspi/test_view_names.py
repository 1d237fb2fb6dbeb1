"""Through AT-SPI, each view and page of the main window as the dialogs are checked: every
focusable control named (a combo box by its label), none named by its own value, and no two
controls on screen together sharing a name."""

from __future__ import annotations

import pytest

from tests.atspi.bus import activate_window, places
from tests.atspi.test_dialogs import _problems

pytestmark = [pytest.mark.atspi, pytest.mark.timeout(300)]  # a real app on a real bus


def test_no_two_controls_on_a_page_share_a_name(app_bus):
    activate_window(app_bus)
    problems = []
    for place in places(app_bus):
        problems += _problems(app_bus, app_bus.frame(), place)
    assert not problems, "\n".join(problems)
