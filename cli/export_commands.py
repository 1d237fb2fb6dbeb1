"""`export`: the one-page supervision summary (pdf, html, md) or the period's time entries (csv)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from core.common import clock
from cli.common import Context, date_arg
from core.common.errors import ValidationError
from core.supervision.export import (
    FORMAT_NAMES,
    FORMATS,
    PAGELESS,
    TargetExistsError,
    check_target,
    default_file_name,
    export_text,
    resolve_period,
    summary_text,
    write_text,
)
from core.supervision.summary import SummaryOptions, compose_summary


def _format_and_target(args: argparse.Namespace, today: date) -> tuple[str, Path]:
    """What was typed decides the format: --format, else --out's extension (a `.docx` or a name
    with no extension is refused rather than filled with a PDF); --format with another format's
    extension is refused too. Without --out, the window's neutral name in the current folder."""
    if args.out is None:
        fmt = args.format or "pdf"
        return fmt, Path.cwd() / default_file_name(fmt, today)
    out = Path(args.out).expanduser()
    suffix = out.suffix.lower().lstrip(".")
    from_name = _EXTENSIONS.get(suffix)
    if args.format is None:
        if from_name is None:
            what = f"ends in .{suffix}, which is not" if suffix else "has no ending to name"
            raise ValidationError(
                f"{out.name} {what} a format ({', '.join(FORMATS)}); end the name with one, "
                "or add --format")
        return from_name, out
    if from_name is not None and from_name != args.format:
        raise ValidationError(
            f"--format {args.format} does not match {out.name}; use --format {from_name}, "
            f"or end the name with .{args.format}")
    return args.format, out


# A file's extension as the format it names (".markdown" is Markdown too).
_EXTENSIONS = {**{f: f for f in FORMATS}, "markdown": "md", "htm": "html"}


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    today = clock.today()
    fmt, out = _format_and_target(args, today)
    options = SummaryOptions(
        start=args.start,
        end=args.end,
        include_cases=args.include_cases,
        include_wellbeing=args.include_wellbeing,
        classification=args.classification,
        include_reasons=args.include_reasons,
    )
    # Check the range and the target before anything is composed or written.
    start, end = resolve_period(ctx.db, options, today)
    try:
        check_target(out, overwrite=args.force)
    except TargetExistsError:
        raise ValidationError(
            f"{out} already exists; add --force to replace it, or choose another name.") from None
    if fmt == "csv":
        write_text(out, export_text(ctx.db, "csv", options, today), args.force)
    elif fmt in PAGELESS:
        # HTML and Markdown have no pages: they hold the whole summary, nothing left out.
        write_text(out, summary_text(compose_summary(ctx.db, options, today), fmt), args.force)
    else:
        # Qt lays the page out: the PDF is fitted once against its own layout, so Qt is
        # loaded for it and no other command.
        from ui.supervision.pdf_export import fitted_summary, write_pdf

        summary = fitted_summary(ctx.db, options, today)
        if summary.fit_notes:
            print(summary.fit_message())
        write_pdf(summary, out, args.force)
    print(f"Saved the {FORMAT_NAMES[fmt]} for {start:%d/%m/%Y} to {end:%d/%m/%Y} at {out}")
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
            "recorded session). Case references, the wellbeing check-in and typed reduction "
            "reasons are left out unless asked for. An existing file is replaced only with "
            "--force."
        ),
    )
    parser.add_argument("--from", dest="start", type=date_arg, metavar="DATE",
                        help="first day of the period (default: the last recorded session)")
    parser.add_argument("--to", dest="end", type=date_arg, metavar="DATE",
                        help="last day of the period (default: today)")
    parser.add_argument("--format", type=_format, metavar="FORMAT",
                        help="pdf, html, md or csv (default: from FILE's extension, else pdf)")
    parser.add_argument("--out", metavar="FILE",
                        help="where to save (default: supervision-DATE.pdf, or the format's "
                             "extension, in the current folder)")
    parser.add_argument("--include-cases", action="store_true",
                        help="include case references (left out by default)")
    parser.add_argument("--include-wellbeing", action="store_true",
                        help="include the private wellbeing check-in (left out by default)")
    parser.add_argument("--include-reasons", action="store_true",
                        help="show reduction reasons as typed (default: their category only)")
    parser.add_argument("--force", action="store_true",
                        help="replace FILE if it already exists")
    parser.add_argument("--classification", metavar="TEXT",
                        help='the classification line (default: the saved one, "OFFICIAL")')
    parser.set_defaults(func=run_export)


__all__ = ["register", "ValidationError"]
