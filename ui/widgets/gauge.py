"""The band gauges, for weighted workload and caseload: a labelled scale of bands with a marker.

A gauge has two faces that paint the same scale (ui.widgets.gauge_paint) and look exactly alike;
only one is shown. With figures off it is the gauge itself, a plain focusable widget: a screen
reader hears its name (the card's heading, then the band in words) and its description (words,
"about a fifth"), and no number at all. With figures on it is a `ReadingFace`, a progress bar
painted the same way, so that Qt's own accessible progress bar gives screen readers the figure
the sighted user sees as its Value. A progress bar's value is read as a percentage of its range
(112 on 60–150 is heard as "58 percent"), so with figures off no progress bar exists at all.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QProgressBar, QSizePolicy, QWidget

from core.common.exact import half_up, to_fraction
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


class ReadingFace(ScalePainting, QProgressBar):
    """The gauge as shown with figures on: the same picture, read by screen readers as a level
    whose Value is the figure on screen (percent of available hours, or cases)."""

    def __init__(self, scale: GaugeScale, parent: QWidget):
        super().__init__(parent)
        self.scale = scale
        self.setTextVisible(False)
        _focusable(self)


def _layout_holding(widget: QWidget, layout: QLayout | None = None) -> QLayout | None:
    """The layout (perhaps nested in its parent's) that `widget` sits in, or None."""
    if layout is None:
        parent = widget.parentWidget()
        layout = parent.layout() if parent is not None else None
        if layout is None:
            return None
    if layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        inner = layout.itemAt(i).layout()
        found = _layout_holding(widget, inner) if inner is not None else None
        if found is not None:
            return found
    return None


class BandGauge(ScalePainting, QWidget):
    """A scale of bands with an optional marker; the value is in the bands' own units.

    Words belong beside the gauge (the Overview); the gauge writes a number only after
    `set_show_figures(True)`, and only then is there a reading face whose Value a screen reader
    reads. Its name is its visible label followed by the band in words (`set_label`,
    `set_value_words`), with no "labelled by" (a screen reader would say the label twice), and
    its description is the words-first sentence, on either face.
    """

    def __init__(self, bands: list[Band], name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.scale = GaugeScale(list(bands))
        self._label, self._value_words, self._description = name, "", ""
        self._reading_unit = Fraction(1)  # one whole number on the bus is this much of the scale
        self._reading_face: ReadingFace | None = None
        _focusable(self)
        reading_accessible.mark(self, reading_accessible.PICTURE_PROPERTY)  # its words
        self._dress(self)

    # --- state ----------------------------------------------------------------------------
    def set_value(self, value: float | None, text: str = "") -> None:
        """`value` None: no marker (no data, or no capacity expected); `text` is the figure.
        The value only places the marker (the band is decided in core, exactly)."""
        self.scale.value = None if value is None else float(value)
        self.scale.value_text = text
        self._set_reading()
        self._repaint()

    def value(self) -> float | None:
        return self.scale.value

    def set_edge_texts(self, texts: dict[float, str]) -> None:
        """Labels for the edges between bands, e.g. {100.0: "100%"} or {1.0: "50"}."""
        self.scale.edge_texts = dict(texts)
        self._repaint()

    def set_show_figures(self, on: bool) -> None:
        """Figures on: the marker's figure, the edge labels and the reading face; off: band
        words only, on the words face."""
        self.scale.show_figures = on
        self._show_face(on)
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
        self._dress_faces()

    def set_value_words(self, words: str) -> None:
        """The band in words ("Over capacity"): said straight after the gauge's label."""
        self._value_words = words
        self._dress_faces()

    def value_words(self) -> str:
        return self._value_words

    def set_label(self, label: str) -> None:
        """The visible words that name the gauge (its card's heading)."""
        self._label = label
        self._dress_faces()

    def set_heading(self, heading: QLabel) -> None:
        """The heading is the first words of the gauge's name, and no buddy: a face "labelled
        by" its heading was heard as the heading and then the name that repeats it (Orca: "This
        week's estimate This week's estimate: Over capacity"), as a screen reader says both a
        label and a name that adds words to it."""
        self.set_label(heading.text())

    def _dress_faces(self) -> None:
        for face in self.faces():
            self._dress(face)

    def _dress(self, face: QWidget) -> None:
        words = self._value_words
        face.setAccessibleName(f"{self._label}: {words}" if words else self._label)
        face.setAccessibleDescription(self._description)
        face.setToolTip(self._description)
        if isinstance(face, QProgressBar):  # its text, where a platform reads it: words only
            face.setFormat(words.replace("%", "%%"))  # a format's "%p" would become a figure

    # --- the faces --------------------------------------------------------------------------
    def face(self) -> QWidget:
        """The face shown: the reading face with figures on, else the gauge itself."""
        return self._reading_face or self

    def faces(self) -> list[QWidget]:
        return [self] + ([self._reading_face] if self._reading_face else [])

    def reading_face(self) -> ReadingFace | None:
        return self._reading_face

    def last_tab_stop(self) -> QWidget:
        """What the next Tab stop goes after (the reading face sits straight after the gauge
        in the Tab order while it exists)."""
        return self.face()

    def _show_face(self, figures: bool) -> None:
        if figures == (self._reading_face is not None):
            return
        had_focus = QApplication.focusWidget() in self.faces()
        layout = _layout_holding(self)
        if figures:
            face = ReadingFace(self.scale, self.parentWidget() or self)
            self._reading_face = face
            self._dress(face)
            self._set_reading()
            if layout is not None:
                layout.insertWidget(layout.indexOf(self) + 1, face)
            else:  # standalone: the gauge itself stays shown, the reading face hidden
                face.hide()
            QWidget.setTabOrder(self, face)  # where Tab met the gauge
            self.setFocusProxy(face)  # focus given to the gauge (a mnemonic, a test) goes there
            shown, gone = face, self
        else:
            face, self._reading_face = self._reading_face, None
            self.setFocusProxy(None)
            shown, gone = self, face
        if layout is not None:
            shown.setVisible(True)
        if had_focus:
            shown.setFocus(Qt.FocusReason.OtherFocusReason)
        if layout is not None:
            gone.setVisible(False)
        if gone is not self:
            gone.deleteLater()

    def _repaint(self) -> None:
        for face in self.faces():
            face.updateGeometry()
            face.update()

    # --- what the accessible progress bar reads ----------------------------------------------
    def set_reading_unit(self, unit: Fraction) -> None:
        """How much of the scale one whole number on the bus stands for (a case, on a scale of
        shares of the caseload reference)."""
        self._reading_unit = Fraction(unit)
        self._set_reading()

    def reading(self) -> tuple[int, int, int] | None:
        """(current, minimum, maximum) as the reading face gives them to screen readers, or
        None with no marker. The range is the drawn scale, widened to hold a value beyond it:
        never capped."""
        if self.scale.value is None:
            return None
        low, high, now = (self._whole(v) for v in (self.scale_min, self.scale_max,
                                                   self.scale.value))
        return now, min(low, now), max(high, now)

    def _whole(self, value: float) -> int:
        return int(half_up(to_fraction(value) / self._reading_unit, 0))

    def _set_reading(self) -> None:
        face = self._reading_face
        if face is None:
            return
        reading = self.reading()
        if reading is None:  # no marker: the empty bar at the scale's start, the words say why
            low = self._whole(self.scale_min)
            reading = (low, low, self._whole(self.scale_max))
        now, low, high = reading
        face.setRange(low, high)
        face.setValue(now)

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
        self.set_reading_unit(1 / to_fraction(reference))  # read in cases: 1.0 is `reference`
        edges = CEILING_EDGES if ceiling else C_BAND_EDGES
        texts = {float(edge): number(edge * Fraction(reference)) for edge in edges}
        texts[float(edges[-1])] += " cases"  # the unit once, at the last edge
        self.set_edge_texts(texts)
