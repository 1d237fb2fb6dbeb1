"""Synthetic demo data (case references like C07, never a realistic name) for an empty folder.
May import every other `core` package; nothing in `core` imports it.
"""
