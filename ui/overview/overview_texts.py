"""The Overview's fixed sentences: what its cards say when there is nothing (yet) to say.

Kept apart from the view so the wording can be read and reviewed in one place; the week's own
sentences come from core.workload (wording, status_words).
"""

TREND_TITLE = "Weekly trend"
WHAT_IF_TITLE = "What if I took another case?"
NOT_SEEN_NOTE = ("The estimate gives no points for some work, such as travel, covering for "
                 "colleagues or parole reports. Hours logged in activities it does not count "
                 "show here, beside the estimate, never inside it.")
NOT_SEEN_EMPTY = ("Hours you log in activities the estimate does not count, such as travel or "
                  "covering for colleagues, show here. Log time with Ctrl+L; choose which "
                  "activities count in Settings > Activities.")
NO_DRIVERS = "No case or court report carries points this week."
EMPTY_TEXT = ("There are no cases yet, so there is nothing to estimate. Add your cases in "
              "Caseload, and your grade and contracted hours in Settings > Profile. This page "
              "then describes your workload in words.")
EMPTY_TEXT_WITH_PROFILE = ("There are no cases yet, so there is nothing to estimate. Add your "
                           "cases in Caseload; this page then describes your workload in words.")
