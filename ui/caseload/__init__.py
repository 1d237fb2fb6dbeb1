"""The Caseload view: the case table and its filters, the case dialogs, CSV import and retention.
May import `core`, `ui.widgets` and `ui.shell`'s hub and app pieces.
"""
