"""Widgets and models several views share: the band gauge, date fields, form helpers, list models.
May import `core` only; nothing else in `ui`.
"""
