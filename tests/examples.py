"""How many examples a property test tries: its thorough count in CI, a fifth of it by default.

tests/conftest.py loads a hypothesis profile from HYPOTHESIS_PROFILE: `quick` unless told
(the README's command: the same examples every run, so a red result there is a real failure
and repeats), or `ci` (`.ci/run`: each test's full count, drawn afresh each run). Neither has a
deadline: how long one example takes depends on the machine's load, not on the code.
"""

from __future__ import annotations

import os

THOROUGH = os.environ.get("HYPOTHESIS_PROFILE", "quick") == "ci"


def examples(thorough: int) -> int:
    """`thorough` under the ci profile; otherwise a fifth of it, and never fewer than 3."""
    return thorough if THOROUGH else max(3, thorough // 5)
