"""Fixtures the shell's tests share."""

import pytest

from ui.shell.theme import apply_theme


@pytest.fixture
def themed(qapp):
    """The app's own style, as main.py installs it; the shared application's look put back."""
    style = qapp.style().name()
    palette, sheet = qapp.palette(), qapp.styleSheet()
    apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)
