"""What a screen reader is told about a band gauge: an indicator (progress bar role) whose value
is the band in words, named for what it measures and described words first.

Qt gives a hand-painted widget the generic role of a panel; this interface, installed once as
an accessibility factory, gives the gauges a role that screen readers announce as a level.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_installed = False


class GaugeAccessible(QAccessibleWidget):
    """Role ProgressBar; `text(Value)` is the band in words (e.g. "Over capacity"), never the
    figure, so what is heard matches what is shown with Show figures off."""

    def __init__(self, gauge: QWidget):
        super().__init__(gauge, QAccessible.Role.ProgressBar)
        self._gauge = gauge

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Value:
            words = getattr(self._gauge, "value_words", None)
            return words() if callable(words) else ""
        return super().text(kind)


def _factory(_class_name: str, target: QObject) -> QAccessibleInterface | None:
    # A gauge is any widget that can say its band in words (BandGauge.value_words); asked by
    # what it does, not by class, this module needs nothing from gauge.py, which installs it.
    if isinstance(target, QWidget) and callable(getattr(target, "value_words", None)):
        return GaugeAccessible(target)
    return None


def install() -> None:
    """Register the factory with Qt once; every gauge made afterwards gets GaugeAccessible."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
