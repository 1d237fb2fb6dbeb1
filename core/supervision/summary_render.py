"""The summary as HTML (also what the PDF is drawn from) and as Markdown, from its plain data."""

from __future__ import annotations

from html import escape

from core.supervision.summary_model import (
    DOCUMENT_TITLE, MIN_FONT_PT, Section, Summary, TrendPoint, long_date,
)
from core.workload.wording import number as figure

CHART_CAPTION = "Weekly estimate, % of available hours. Dashed line: 110%. Hatched: over 110%."
INK, MUTED, RULE = "#1A1A1A", "#444444", "#888888"
_CSS = """
body {{ font-family: 'DejaVu Sans', Arial, sans-serif; font-size: {font}pt; color: {ink}; }}
h1 {{ font-size: 14pt; margin: 0; }}
h2 {{ font-size: 9.6pt; margin-top: 7px; margin-bottom: 2px; }}
p {{ margin-top: 1px; margin-bottom: 2px; }}
ul {{ margin-top: 0; margin-bottom: 0; }}
li {{ margin-bottom: 1px; }}
.class {{ font-weight: bold; letter-spacing: 1px; }}
.muted {{ color: {muted}; }}
td, th {{ padding: 2px 5px; }}
th {{ text-align: left; background-color: #E6E6E6; }}
"""


def _chart_svg(trend: list[TrendPoint], width: int = 300, height: int = 120) -> str:
    """The same chart as the PDF's, as inline SVG: gridlines, dashed 110% line, hatched bars over it."""
    known = [p.percent for p in trend if p.percent is not None]
    top = max(130.0, *(known or [0.0])) * 1.08
    left, right, plot_top, plot_bottom = 30, width - 4, 6, height - 16
    step = (right - left) / max(len(trend), 1)

    def y(value: float) -> float:
        return plot_bottom - (plot_bottom - plot_top) * value / top

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" role="img" aria-label="Weekly estimate for the last {len(trend)} weeks">'
        '<defs><pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="5" height="5" fill="#DDDDDD"/>'
        f'<line x1="0" y1="0" x2="0" y2="5" stroke="{INK}" stroke-width="1"/></pattern></defs>'
    ]
    for level in range(0, int(top) + 1, 50):
        parts.append(
            f'<line x1="{left}" x2="{right}" y1="{y(level):.1f}" y2="{y(level):.1f}" stroke="#C8C8C8"/>'
            f'<text x="{left - 4}" y="{y(level) + 3:.1f}" font-size="8" text-anchor="end">{level}%</text>'
        )
    for n, point in enumerate(trend):
        x = left + n * step + step * 0.17
        if point.percent is not None:
            fill = "url(#hatch)" if point.percent > 110 else "white"
            parts.append(
                f'<rect x="{x:.1f}" y="{y(point.percent):.1f}" width="{step * 0.66:.1f}" '
                f'height="{plot_bottom - y(point.percent):.1f}" fill="{fill}" stroke="{INK}"/>'
            )
        parts.append(
            f'<text x="{left + (n + 0.5) * step:.1f}" y="{height - 4}" font-size="8" '
            f'text-anchor="middle">{escape(point.label)}</text>'
        )
    parts.append(
        f'<line x1="{left}" x2="{right}" y1="{y(110):.1f}" y2="{y(110):.1f}" stroke="{INK}" '
        f'stroke-width="1.4" stroke-dasharray="5 3"/>'
        f'<line x1="{left}" x2="{right}" y1="{plot_bottom}" y2="{plot_bottom}" stroke="{INK}"/></svg>'
    )
    return "".join(parts)


def _table(rows: list[tuple[str, ...]], widths: list[int] | None = None, table_width: str = "100%") -> str:
    head, *body = rows
    cols = "".join(
        f'<th width="{widths[i]}%">{escape(h)}</th>' if widths else f"<th>{escape(h)}</th>"
        for i, h in enumerate(head)
    )
    lines = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in body
    )
    return (
        f'<table width="{table_width}" cellspacing="0" cellpadding="2" border="1" '
        f'style="border-collapse: collapse; border-color: {RULE}; border-style: solid;">'
        f"<tr>{cols}</tr>{lines}</table>"
    )


def _side_by_side(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Two half-height columns of (name, value) pairs, so a list of activities takes half the room."""
    head, *body = rows
    half = -(-len(body) // 2)
    left, right = body[:half], body[half:]
    out = [head + head]
    for n, row in enumerate(left):
        out.append(row + (right[n] if n < len(right) else ("", "")))
    return out


def _body(section: Section) -> str:
    html = []
    if section.empty and not section.has_content():
        html.append(f'<p class="muted"><i>{escape(section.empty)}</i></p>')
    html += [f"<p>{escape(t)}</p>" for t in section.paragraphs]
    if section.bullets:
        html.append("<ul>" + "".join(f"<li>{escape(t)}</li>" for t in section.bullets) + "</ul>")
    if section.rows:
        if section.key == "actions":
            html.append(_table(section.rows, [58, 14, 14, 14]))
        else:
            html.append(_table(_side_by_side(section.rows), [38, 12, 38, 12]))
    if section.comment_lines:
        html.append("<p><b>Manager's comments</b></p>")
        rule = ('<table width="100%" cellspacing="0" cellpadding="0"><tr>'
                f'<td style="border-bottom: 1px solid {RULE};">&nbsp;</td></tr></table>')
        html += [rule] * section.comment_lines
    return "".join(html)


def footer_text(summary: Summary) -> str:
    """The closing line, word for word the same in every format."""
    return (f"Prepared by the practitioner on {long_date(summary.generated_on)} with Caseload "
            "Companion. The weighted figure is a personal estimate using the 2021 published WMT "
            "defaults.")


def _heading(section: Section, font_pt: float) -> str:
    return (
        f'<p style="font-size: {font_pt + 1.5:g}pt; font-weight: bold; margin-top: 8px; '
        'margin-bottom: 2px;">'
        f"{section.number}.&nbsp;&nbsp;{escape(section.title)}"
        + (f'<span style="font-weight: normal; color: {MUTED};">&nbsp;&nbsp;'
           f"({escape(section.more_note)})</span>" if section.more_note else "")
        + "</p>"
    )


def summary_html(summary: Summary, chart_src: str | None = None, chart_width: int = 300) -> str:
    """A full HTML page. The chart is inline SVG, or `<img src=chart_src>` for the PDF."""
    header = summary.section("header")
    css = _CSS.format(font=f"{summary.font_pt:g}", ink=INK, muted=MUTED)
    # The browser tab's name: the document and its period, nothing about anyone.
    title = (f"{DOCUMENT_TITLE}, {long_date(summary.period_start)} to "
             f"{long_date(summary.period_end)}")
    out = [
        f"<html><head><meta charset='utf-8'><title>{escape(title)}</title><style>{css}</style>"
        "</head><body>",
        f'<p class="class" align="center">{escape(summary.classification)}</p>'
        if summary.classification else "",
        f'<p style="font-size: 16pt; font-weight: bold; margin-bottom: 4px;">{DOCUMENT_TITLE}</p>',
        _heading(header, summary.font_pt),
        '<table width="100%" cellspacing="0" cellpadding="1"><tr>'
        + "".join(
            f'<td width="50%">{escape(t)}</td>' + ("</tr><tr>" if n % 2 else "")
            for n, t in enumerate(header.paragraphs)
        )
        + "</tr></table>",
    ]
    if summary.notice:
        out.append(f"<p><i>{escape(summary.notice)}</i></p>")
    for section in summary.sections[1:]:
        out.append(_heading(section, summary.font_pt))
        if section.trend:
            chart = (
                f'<img src="{escape(chart_src)}" width="{chart_width}">'
                if chart_src
                else _chart_svg(section.trend)
            )
            out.append(
                '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
                f'<td valign="top">{_body(section)}</td>'
                f'<td width="{chart_width + 8}" valign="top" align="right">{chart}'
                # The caption is text on the page: never under the 8 pt floor the body keeps.
                f'<br><span style="font-size: {MIN_FONT_PT:g}pt;">{CHART_CAPTION}</span>'
                '</td></tr></table>'
            )
        else:
            out.append(_body(section))
    out.append(
        f'<p class="muted" align="center">{escape(footer_text(summary))}'
        + (f"<br><b>{escape(summary.classification)}</b>" if summary.classification else "")
        + "</p></body></html>"
    )
    return "".join(out)


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def summary_markdown(summary: Summary) -> str:
    """Markdown for pasting into an email or notes; the chart becomes a small table."""
    header = summary.section("header")
    out = []
    if summary.classification:
        out += [f"**{summary.classification}**", ""]
    out += [f"# {DOCUMENT_TITLE}", "", f"## {header.number}. {header.title}", ""]
    out += [f"- {t}" for t in header.paragraphs] + [""]
    if summary.notice:
        out += [f"_{summary.notice}_", ""]
    for section in summary.sections[1:]:
        more = f" ({section.more_note})" if section.more_note else ""
        out += [f"## {section.number}. {section.title}{more}", ""]
        if section.empty and not section.has_content():
            out += [f"_{section.empty}_", ""]
        out += [t + "\n" for t in section.paragraphs]
        out += [f"- {t}" for t in section.bullets] + ([""] if section.bullets else [])
        if section.trend:
            out += ["| Figure taken on | Estimate |", "|---|---:|"] + [
                f"| {p.label} | {p.missing if p.percent is None else f'{figure(p.percent)}%'} |"
                for p in section.trend
            ] + [""]
        if section.rows:
            head, *body = section.rows
            out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
            out += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in body] + [""]
        if section.comment_lines:
            out += ["**Manager's comments:**", "", ""]
    out.append(f"_{footer_text(summary)}_")
    if summary.classification:
        out += ["", f"**{summary.classification}**"]
    return "\n".join(out) + "\n"
