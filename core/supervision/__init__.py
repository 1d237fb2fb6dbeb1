"""Supervision: the agenda, sessions and actions, the meeting's outcome, and the one-page summary
(model, sources, composition, fitting to one page, rendering, export). `summary.compose_summary`
gives the period's sections in full and `summary_fit.fit_summary` the one shape every format draws.
May import every domain package below it: common, store, caseload, workload and time.
"""
