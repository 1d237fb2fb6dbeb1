"""Settings: profile, reductions and reports, weightings, activities, working week, data & privacy.
May import `core`, `ui.widgets` and `ui.shell`'s hub and app pieces.
"""
