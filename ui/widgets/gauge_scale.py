"""What a band gauge shows, apart from any widget: its bands (Okabe-Ito fills, hatching on the
heaviest), the marker's value and figure, and the edge labels shown only with figures on.

Both faces of a gauge (ui.widgets.gauge) paint the one `GaugeScale`, so they look the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from PySide6.QtCore import Qt

from core.workload.estimate import C_BAND_EDGES, C_BANDS, W_BAND_EDGES, W_BANDS

# The scale is labelled with the bands' short words (wording-and-gauge.md, accessibility);
# the codes W1–W5 and C1–C4 stay internal.
W_SCALE_WORDS = {"W1": "Some capacity", "W2": "Fully committed", "W3": "Stretched",
                 "W4": "Over capacity", "W5": "Well over capacity"}
C_SCALE_WORDS = {"C1": "Lighter", "C2": "Steady", "C3": "Full", "C4": "Above manageable"}

SKY, BLUE, ORANGE, VERMILION, OUTLINE = "#56B4E9", "#0072B2", "#E69F00", "#D55E00", "#1A1A1A"
SOLID, HATCHED = Qt.BrushStyle.SolidPattern, Qt.BrushStyle.BDiagPattern


@dataclass(frozen=True)
class Band:
    name: str  # "W1"…, internal
    low: float
    high: float
    colour: str
    hatched: bool
    words: str = ""  # written on the scale: "Over capacity", "Full"…


def weighted_bands() -> list[Band]:
    """W1–W5 on a 60–150% scale (wide enough that most real estimates sit inside it)."""
    edges = (60.0, *(float(e) for e in W_BAND_EDGES), 150.0)  # drawing positions only
    colours = (SKY, BLUE, ORANGE, VERMILION, VERMILION)
    return [Band(name, edges[i], edges[i + 1], colours[i], name in ("W4", "W5"),
                 W_SCALE_WORDS[name]) for i, name in enumerate(W_BANDS)]


# Against a protected ceiling there are three bands: lighter, within it, above it.
CEILING_SCALE_WORDS = {"C1": "Lighter", "C2": "Within protected", "C4": "Above protected"}
CEILING_EDGES = (Fraction(4, 5), Fraction(1))


def caseload_bands(ceiling: bool = False) -> list[Band]:
    """C1–C4 as a share of the caseload reference, from none to 1.6 times it (with a protected
    ceiling, C1, C2 and C4: lighter, within it, above it)."""
    if ceiling:
        edges = (0.0, *(float(e) for e in CEILING_EDGES), 1.6)
        return [Band(name, edges[i], edges[i + 1], colour, name == "C4",
                     CEILING_SCALE_WORDS[name])
                for i, (name, colour) in enumerate((("C1", SKY), ("C2", BLUE),
                                                   ("C4", VERMILION)))]
    edges = (0.0, *(float(e) for e in C_BAND_EDGES), 1.6)  # drawing positions only
    colours = (SKY, BLUE, ORANGE, VERMILION)
    return [Band(name, edges[i], edges[i + 1], colours[i], name == "C4", C_SCALE_WORDS[name])
            for i, name in enumerate(C_BANDS)]


@dataclass
class GaugeScale:
    """The bands, where the marker sits (None: no marker) and what may be written by it."""

    bands: list[Band]
    value: float | None = None
    value_text: str = ""  # the marker's figure, written only with figures on
    edge_texts: dict[float, str] = field(default_factory=dict)
    show_figures: bool = False

    @property
    def low(self) -> float:
        return self.bands[0].low

    @property
    def high(self) -> float:
        return self.bands[-1].high

    def beyond(self) -> bool:
        return self.value is not None and self.value > self.high

    def below(self) -> bool:
        return self.value is not None and self.value < self.low

    def shown_edge_texts(self) -> dict[float, str]:
        """The edge labels drawn now: none while figures are hidden."""
        return dict(self.edge_texts) if self.show_figures else {}

    def marker_text(self) -> str:
        """What is written by the marker: the figure (with figures on), and, when the value
        is off either end of the scale, words saying so: an arrow alone says nothing."""
        figure = self.value_text if self.show_figures else ""
        return ", ".join(t for t in (figure, self.off_scale_words()) if t)

    def off_scale_words(self) -> str:
        """"below the scale" or "beyond the scale" when the marker is off either end, else ""."""
        return "below the scale" if self.below() else "beyond the scale" if self.beyond() else ""
