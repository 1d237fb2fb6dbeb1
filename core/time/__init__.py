"""Time logging: activities, one-line entries, the stored timer, the working week with bank holidays
and time summaries.
May import `core.common`, `core.store`, `core.caseload` and `core.workload`.
"""
