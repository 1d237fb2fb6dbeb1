"""The practitioner's cases: the case store and its vocabularies, CSV import and retention.
May import `core.common` and `core.store`.
"""
