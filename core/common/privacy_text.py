"""What the app promises about privacy, in one place: About, Settings and the docs quote it."""

from __future__ import annotations

NETWORK_STATEMENT = (
    "Caseload Companion never connects to any network: no telemetry, no update checks, "
    "no crash upload, no sync. Nothing in it opens a network connection."
)

STORAGE_STATEMENT = (
    "Your data stays in one file on this computer, in a folder only your user account can read. "
    "Sharing anything, such as a supervision summary, is always something you do yourself."
)
