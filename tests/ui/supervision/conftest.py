"""Fixtures the meeting's tests share: the questions asked when a meeting ends, answered."""

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def no_pdf(monkeypatch):
    """The PDF offer after ending is answered No; the offers made are listed."""
    offers: list[str] = []

    def answer(_parent, _title, text, *args):
        offers.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    return offers


@pytest.fixture
def end_answers(monkeypatch):
    """The "End the meeting and record it?" question, answered from this list (True = end);
    the questions asked are kept in `asked`."""
    from ui.supervision.meeting_operations import END_QUESTION

    answers = type("Answers", (list,), {"asked": []})([True] * 5)

    def ask(_parent, _title, question, *_buttons, **_how):
        assert question == END_QUESTION
        answers.asked.append(question)
        return answers.pop(0)

    monkeypatch.setattr("ui.widgets.confirm.ask", ask)
    return answers
