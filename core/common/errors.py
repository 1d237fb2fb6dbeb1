"""The one exception for input the practitioner can correct: a list of plain messages."""

from __future__ import annotations


class ValidationError(ValueError):
    """Input that was refused; `problems` lists every reason, each a sentence for the user."""

    def __init__(self, problems: list[str] | str):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(" ".join(self.problems))
