"""Every sentence the workload wording can produce, in one list, for tests and review.

It sits above `wording`, `drivers`, `what_if` and `method_text` so that none of them has to import
another to gather the list (what-if builds on the wording, so the wording cannot import it back).
"""

from __future__ import annotations

from core.workload.drivers import all_driver_sentences
from core.workload.method_text import all_method_sentences
from core.workload.what_if import all_what_if_sentences
from core.workload.wording import wording_sentences


def all_sentences() -> list[str]:
    """Every text the app's workload wording can produce, with sample values (no empty ones)."""
    texts = wording_sentences() + all_driver_sentences() + all_what_if_sentences()
    return [t for t in texts + all_method_sentences() if t]
