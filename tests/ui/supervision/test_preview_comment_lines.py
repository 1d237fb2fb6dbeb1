"""The summary preview's lines for the manager's comments are drawn as rules, not typed as
underscores: a screen reader reading the text met 60 "underscore"s three times. What the lines
are is said once, as the text's description."""

from __future__ import annotations

from ui.supervision.summary_preview import SummaryPreview


def test_comment_lines_are_rules_described_not_underscores(demo_window, qtbot):
    summary = demo_window.view("supervision")._fitted_summary()
    lines = max(s.comment_lines for s in summary.sections)
    assert lines > 0  # the actions section leaves lines to write on
    preview = SummaryPreview(summary, demo_window)
    qtbot.addWidget(preview)
    texts = preview.page.texts
    assert not any("__" in t.toPlainText() for t in texts)
    holding = [t for t in texts if "Manager's comments" in t.toPlainText()]
    assert len(holding) == 1
    assert holding[0].accessibleDescription() == (
        f"Under Manager's comments, {lines} ruled lines to write on.")
    rules = [b for b in _blocks(holding[0].document())
             if b.blockFormat().hasProperty(b.blockFormat().Property.BlockTrailingHorizontalRulerWidth)]
    assert len(rules) == lines  # the lines are still there to see


def _blocks(document):  # type: ignore[no-untyped-def]
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()
