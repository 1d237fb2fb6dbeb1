"""Fixtures the shell's tests share."""

import pytest

from ui.shell.theme import apply_theme
from tests.ui.shell.contrast_looks import SCHEMES, in_scheme


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


@pytest.fixture(scope="module", params=list(SCHEMES))
def scheme(request, qapp):
    """The application in each scheme (tests/ui/shell/contrast_looks.py), set once for all of a
    module's tests in it (restyling the application is most of each test's time) and put back
    after them."""
    yield from in_scheme(qapp, request.param)


@pytest.fixture
def scheme_window(scheme, demo_window):
    """The main window on demo data, made and shown in the scheme, as the app starts in it."""
    return demo_window
