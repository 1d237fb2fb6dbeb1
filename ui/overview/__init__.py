"""The Overview: this week in words, the gauges, drivers, trend, what-if and the sustained panel.
May import `core`, `ui.widgets` and `ui.shell`'s hub and app pieces.
"""
