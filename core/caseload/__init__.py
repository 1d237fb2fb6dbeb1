"""The practitioner's cases: the case store and its vocabularies, import from a spreadsheet (CSV as
Excel saves it, or .xlsx) and retention.
May import `core.common` and `core.store`.
"""
