"""The WMT estimate and how it is said: weightings, reductions and reports, profile, estimate,
weekly history, official figures, what-if, drivers, wording and the method text.
May import `core.common`, `core.store` and `core.caseload`.
"""
