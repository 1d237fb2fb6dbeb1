"""The Supervision view: agenda, actions, sessions, and the summary's export, preview and PDF.
May import `core`, `ui.widgets` and `ui.shell`'s hub and app pieces.
"""
