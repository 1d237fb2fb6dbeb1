"""A spin box's unit said and shown as its value needs it: "1 minute", "2 minutes", never "1
minutes" (seen and heard on the idle lock at its lowest)."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox

from core.common.words import plural_noun


def unit_suffix(spin: QSpinBox, singular: str, plural: str | None = None) -> None:
    """Give `spin` the unit `singular` (or `plural`) after its value, from now on."""

    def fit(value: int) -> None:
        suffix = f" {plural_noun(value, singular, plural)}"
        if spin.suffix() != suffix:
            spin.setSuffix(suffix)

    fit(spin.value())
    spin.valueChanged.connect(fit)
