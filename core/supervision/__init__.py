"""Supervision: the agenda, sessions and actions, the meeting's outcome, and the one-page summary
(model, sources, composition, rendering, export).
May import every domain package below it: common, store, caseload, workload and time.
"""
