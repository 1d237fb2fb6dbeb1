"""`export`: the one-page supervision summary (pdf, html, md) or the period's time entries (csv)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from cli.common import Context, date_arg
from core.common.errors import ValidationError
from core.supervision.export import FORMATS, check_target, export_file, resolve_period
from core.supervision.summary import SummaryOptions


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    out = Path(args.out).expanduser()
    options = SummaryOptions(
        start=args.start,
        end=args.end,
        include_cases=args.include_cases,
        include_wellbeing=args.include_wellbeing,
        classification=args.classification,
    )
    today = date.today()
    # Check the range and the target before anything is composed or written.
    start, end = resolve_period(ctx.db, options, today)
    check_target(out)
    if args.format == "pdf":
        # Qt is loaded only for the PDF, so every other command stays free of it.
        from ui.supervision.pdf_export import ensure_gui_application, write_pdf

        ensure_gui_application()
        write_pdf(ctx.db, out, options, today)
    else:
        export_file(ctx.db, out, args.format, options, today)
    print(f"Saved the {args.format.upper()} for {start:%d/%m/%Y} to {end:%d/%m/%Y} at {out}")
    return 0


def _format(text: str) -> str:
    value = text.lower().lstrip(".")
    if value == "markdown":
        value = "md"
    if value not in FORMATS:
        raise argparse.ArgumentTypeError(f"'{text}' is not a format; use {', '.join(FORMATS)}")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="save the supervision summary (pdf, html, md) or the time entries (csv)",
        description=(
            "Save the one-page supervision summary for a period (by default since the last "
            "recorded session). Case references and the wellbeing check-in are left out "
            "unless asked for."
        ),
    )
    parser.add_argument("--from", dest="start", type=date_arg, metavar="DATE",
                        help="first day of the period (default: the last recorded session)")
    parser.add_argument("--to", dest="end", type=date_arg, metavar="DATE",
                        help="last day of the period (default: today)")
    parser.add_argument("--format", type=_format, default="pdf", metavar="FORMAT",
                        help="pdf, html, md or csv (default pdf)")
    parser.add_argument("--out", required=True, metavar="FILE",
                        help="where to save, e.g. supervision-2026-11-28.pdf")
    parser.add_argument("--include-cases", action="store_true",
                        help="include case references (left out by default)")
    parser.add_argument("--include-wellbeing", action="store_true",
                        help="include the private wellbeing check-in (left out by default)")
    parser.add_argument("--classification", metavar="TEXT",
                        help='the classification line (default: the saved one, "OFFICIAL")')
    parser.set_defaults(func=run_export)


__all__ = ["register", "ValidationError"]
