"""The band gauges, for weighted workload and caseload: a labelled scale of bands with a marker.

A gauge is a plain focusable picture (ui.widgets.gauge_paint paints it): a screen reader hears
its name (the card's heading, then the band in words) and its description, the card's sentences
as shown, and with Show figures on the figure in them exactly as written by the marker ("about
118.4 percent", "45 cases"). It has no Value, figures on or off. Orca 43 says any level's Value as
a whole share of its range, computed as it computes it (truncated, in floating point, without
taking away the minimum): 118 on the 60–150 scale was heard as "131 percent" beside 118.4% on
screen, 45 cases as "56 percent", and even a 0–100 range says 29 as "28 percent" and 118.4 as
"118 percent". No range makes that share the figure shown, so the figure is said in words only.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from core.workload.estimate import C_BAND_EDGES, W_BAND_EDGES
from core.workload.wording import number
from ui.widgets import reading_accessible
from ui.widgets.gauge_paint import ScalePainting
from ui.widgets.gauge_scale import (  # noqa: F401 - the gauge's vocabulary, imported from here
    BLUE, C_SCALE_WORDS, CEILING_EDGES, CEILING_SCALE_WORDS, HATCHED, OUTLINE, ORANGE, SKY,
    SOLID, VERMILION, W_SCALE_WORDS, Band, GaugeScale, caseload_bands, weighted_bands)


def _focusable(widget: QWidget) -> None:
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class BandGauge(ScalePainting, QWidget):
    """A scale of bands with an optional marker; the value is in the bands' own units.

    Words belong beside the gauge (the Overview); the gauge writes a number only after
    `set_show_figures(True)`. Its name is its visible label followed by the band in words
    (`set_label`, `set_value_words`), with no "labelled by" (a screen reader would say the label
    twice), and its description is the words-first sentence (with figures on, holding the
    figure as written), the only place a screen reader hears a number from it.
    """

    def __init__(self, bands: list[Band], name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.scale = GaugeScale(list(bands))
        self._label, self._value_words, self._description = name, "", ""
        _focusable(self)
        reading_accessible.mark(self, reading_accessible.PICTURE_PROPERTY)  # its words
        self._dress()

    # --- state ----------------------------------------------------------------------------
    def set_value(self, value: float | None, text: str = "") -> None:
        """`value` None: no marker (no data, or no capacity expected); `text` is the figure.
        The value only places the marker (the band is decided in core, exactly)."""
        self.scale.value = None if value is None else float(value)
        self.scale.value_text = text
        self._dress()  # "below the scale", written by the marker, is said with the band
        self._repaint()

    def value(self) -> float | None:
        return self.scale.value

    def set_edge_texts(self, texts: dict[float, str]) -> None:
        """Labels for the edges between bands, e.g. {100.0: "100%"} or {1.0: "50"}."""
        self.scale.edge_texts = dict(texts)
        self._repaint()

    def set_show_figures(self, on: bool) -> None:
        """Figures on: the marker's figure and the edge labels; off: band words only. The
        caller puts the figure in the description too, as the card shows it."""
        self.scale.show_figures = on
        self._repaint()

    def shows_figures(self) -> bool:
        return self.scale.show_figures

    def edge_texts(self) -> dict[float, str]:
        """The edge labels drawn now: none while figures are hidden."""
        return self.scale.shown_edge_texts()

    def scale_words(self) -> list[str]:
        """What is written under each band: its short words, never its code."""
        return [band.words or band.name for band in self.scale.bands]

    def set_description(self, text: str) -> None:
        """The words-first sentence, for screen readers and as the tooltip (the Overview passes
        the sentence without a percentage while figures are hidden)."""
        self._description = text
        self._dress()

    def set_value_words(self, words: str) -> None:
        """The band in words ("Over capacity"): said straight after the gauge's label."""
        self._value_words = words
        self._dress()

    def value_words(self) -> str:
        return self._value_words

    def set_label(self, label: str) -> None:
        """The visible words that name the gauge (its card's heading)."""
        self._label = label
        self._dress()

    def set_heading(self, heading: QLabel) -> None:
        """The heading is the first words of the gauge's name, and no buddy: a face "labelled
        by" its heading was heard as the heading and then the name that repeats it (Orca: "This
        week's estimate This week's estimate: Over capacity"), as a screen reader says both a
        label and a name that adds words to it."""
        self.set_label(heading.text())

    def _dress(self) -> None:
        # The words written by the marker when it is off the scale are said too: the screen
        # showed "below the scale" and Orca said only "Some capacity", the band it is below.
        words = ", ".join(w for w in (self._value_words, self.scale.off_scale_words()) if w)
        self.setAccessibleName(f"{self._label}: {words}" if words else self._label)
        self.setAccessibleDescription(self._description)
        self.setToolTip(self._description)

    def face(self) -> QWidget:
        """What has the focus and is read: the gauge itself, figures on or off."""
        return self

    def last_tab_stop(self) -> QWidget:
        """What the next Tab stop goes after."""
        return self

    def _repaint(self) -> None:
        self.updateGeometry()
        self.update()

    # --- the scale --------------------------------------------------------------------------
    def bands(self) -> list[Band]:
        return list(self.scale.bands)

    def band_pattern(self, name: str) -> Qt.BrushStyle:
        """SOLID or HATCHED: the shape cue each band carries besides its colour."""
        band = next(b for b in self.scale.bands if b.name == name)
        return HATCHED if band.hatched else SOLID

    @property
    def scale_min(self) -> float:
        return self.scale.low

    @property
    def scale_max(self) -> float:
        return self.scale.high

    def is_beyond_scale(self) -> bool:
        return self.scale.beyond()

    def is_below_scale(self) -> bool:
        return self.scale.below()

    def marker_text(self) -> str:
        return self.scale.marker_text()


class WorkloadGauge(BandGauge):
    """Weighted workload, W1–W5, in percent of available hours."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(weighted_bands(), "Weighted workload", parent)
        self.set_edge_texts({float(edge): f"{number(edge)}%" for edge in W_BAND_EDGES})


class CaseloadGauge(BandGauge):
    """Caseload, C1–C4, as a share of the caseload reference (edges labelled in cases)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(caseload_bands(), "Caseload", parent)

    def set_reference(self, reference, ceiling: bool = False) -> None:
        """Label the edges in cases, e.g. 40, 50 and 60 for a full-time reference of 50
        (shown only with figures; a part-time 30.4 shows 24.3, 30.4 and 36.5); against a
        protected ceiling the scale has its three bands, edged at 0.8 P and P."""
        self.scale.bands = caseload_bands(ceiling)
        edges = CEILING_EDGES if ceiling else C_BAND_EDGES
        texts = {float(edge): number(edge * Fraction(reference)) for edge in edges}
        texts[float(edges[-1])] += " cases"  # the unit once, at the last edge
        self.set_edge_texts(texts)
