"""The Time view: quick entry, the timer, the week with its gaps, charts and time undo steps.
May import `core`, `ui.widgets` and `ui.shell`'s hub and app pieces.
"""
