"""The summary's trend chart gives each week's label its own room: the last week's "7 Dec (so
far)" ran across its neighbour and off its cell ("4 Dec Dec (so fa")."""

from __future__ import annotations


from core.supervision.summary_model import TrendPoint
from ui.supervision.trend_image import trend_image

DAYS = ["19 Oct", "26 Oct", "2 Nov", "9 Nov", "16 Nov", "23 Nov", "30 Nov", "7 Dec (so far)"]


def _inked(image, x: int, top: int, bottom: int) -> bool:
    return any(image.pixelColor(x, y).lightness() < 200 for y in range(top, bottom))


def test_week_labels_stay_in_their_own_column(qapp):
    trend = [TrendPoint(label, 95.0 + n) for n, label in enumerate(DAYS)]
    width, height, scale = 300, 120, 3
    image = trend_image(trend, width, height, scale)
    left, right = 30.0, width - 4.0
    step = (right - left) / len(trend)
    label_top, label_bottom = (height - 20) * scale, height * scale
    # Between two weeks, and at the right edge, the labels' band is blank: no label crosses.
    for n in range(1, len(trend) + 1):
        x = min(round((left + n * step) * scale), image.width() - 1)
        assert not _inked(image, x, label_top, label_bottom), DAYS[n - 1]
    # The last label is drawn whole: both its lines are inked.
    last = round((left + (len(trend) - 0.5) * step) * scale)
    lines = [any(_inked(image, x, top, top + 9 * scale) for x in range(last - 30, last + 30))
             for top in (label_top, label_top + 10 * scale)]
    assert lines == [True, True]
