"""Widgets and models several views share: the band gauge, date fields, form helpers, list models,
and the midnight watch that moves "today" on, and `announce`, which tells a screen reader what
just happened.
May import `core` only; nothing else in `ui`.
"""
