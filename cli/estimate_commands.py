"""`status`, `history`, `official` and `method`: the estimate in the same words as the app."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from cli.common import Context, bounded_int, date_arg, positive_float, print_json
from core.supervision.agenda import add_agenda_item
from core.common.errors import ValidationError
from core.workload.estimate import load_inputs
from core.workload.history import WeekSummary, weekly_history, workload_status
from core.workload.method_text import method_text
from core.workload.official import delete_official, record_official
from core.workload.wording import ADD_TO_NOTES, StatusWords, day_words, status_words

DEFAULT_HISTORY_WEEKS = 12


def _points(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def status_json(summary: WeekSummary, words: StatusWords) -> dict[str, Any]:
    """One week as the stable JSON object scripts depend on (same keys for status and history)."""
    est = summary.estimate
    episode = summary.sustained
    return {
        "as_of": est.as_of.isoformat(),
        "week": est.week,
        "has_data": est.has_data,
        "grade": est.grade,
        "contracted_hours": est.contracted_hours,
        "reduction_hours": est.reduction_hours,
        "caseload_count": est.caseload_count,
        "caseload_reference": round(est.caseload_reference, 1),
        "caseload_reference_is_ceiling": est.caseload_reference_is_ceiling,
        "caseload_band": est.caseload_band,
        "caseload_headline": words.caseload_headline,
        "caseload_body": words.caseload_body,
        "workload_points": _points(est.workload_points),
        "available_points": est.available_points,
        "capacity_percent": est.capacity_percent,
        "workload_band": est.workload_band,
        "no_capacity_reason": est.no_capacity_reason,
        "extra_hours_per_week": est.extra_hours_per_week,
        "spare_hours_per_week": est.spare_hours_per_week,
        "sustained_weeks": summary.sustained_weeks,
        "sustained_since": episode.start.isoformat() if episode else None,
        "weeks_over_110": summary.weeks_over_110,
        "weeks_counted": summary.weeks_counted,
        "headline": words.headline,
        "body": words.body,
        "trend": words.trend,
        "trend_direction": summary.trend,
        "recovery": words.recovery,
        "official_percent": summary.official_percent,
        "gauge_description": words.gauge_description,
        # Every sentence the text of `status` shows, so a script never needs to parse the text.
        "heading": _heading(est),
        "recent": words.recent,
        "caseload_figures": words.caseload_figures,
        "figures": words.figures if est.has_data else None,
        "official": words.official,
        "sustained": words.sustained,
        "action": ADD_TO_NOTES if (words.action or words.caseload_action) and est.has_data
        else None,
    }


def _heading(est: Any) -> str:
    return f"Week {est.week}, as of {day_words(est.as_of)} {est.as_of.year}"


def _print_status(summary: WeekSummary, words: StatusWords, figures: bool = False) -> None:
    """The Overview's words in blocks; the figures only when asked (`--figures`), as in the
    window, where they show under "Show figures"."""
    est = summary.estimate
    blocks = [
        [_heading(est)],
        [words.headline, words.body, words.trend, words.recovery, words.recent],
        [words.caseload_headline, words.caseload_body, words.caseload_figures if figures else None],
        ["Figures: " + words.figures if figures and est.has_data else None, words.official],
        [words.sustained],
    ]
    if (words.action or words.caseload_action) and est.has_data:
        blocks.append([f"{ADD_TO_NOTES}: run `status --add-to-notes`, or use the Overview in the "
                       "app."])
    shown = [[line for line in block if line] for block in blocks]
    print("\n\n".join("\n".join(block) for block in shown if block))


def run_status(args: argparse.Namespace, ctx: Context) -> int:
    day = args.as_of or date.today()
    summary = workload_status(load_inputs(ctx.db), day)
    words = status_words(summary, day)
    if args.add_to_notes:
        if not summary.has_data:
            raise ValidationError("There is no estimate on this date to add to your notes.")
        add_agenda_item(ctx.db, "workload", words.supervision_note, today=date.today())
    if args.json:
        print_json(status_json(summary, words))
        return 0
    _print_status(summary, words, args.figures)
    if args.add_to_notes:
        print("\nAdded to the notes for your next supervision.")
    return 0


def run_history(args: argparse.Namespace, ctx: Context) -> int:
    if args.weeks < 1 or args.weeks > 520:
        raise ValidationError("Choose between 1 and 520 weeks.")
    day = args.as_of or date.today()
    summaries = weekly_history(load_inputs(ctx.db), day, weeks=args.weeks)
    rows = [(s, status_words(s, day)) for s in summaries]
    if args.json:
        print_json([status_json(s, w) for s, w in rows])
        return 0
    print(f"{'week':<9} {'cases':>5} {'capacity':>9}  {'official':>8}  words")
    for s, w in rows:
        est = s.estimate
        if not est.has_data:
            print(f"{est.week:<9} {'':>5} {'':>9}  {'':>8}  no data for this week")
            continue
        cap = f"{est.capacity_percent:.1f}%" if est.capacity_percent is not None else "none"
        official = f"{s.official_percent:g}%" if s.official_percent is not None else ""
        trend = f" {w.trend}" if w.trend else ""
        print(f"{est.week:<9} {est.caseload_count:>5} {cap:>9}  {official:>8}  "
              f"{w.headline}.{trend}")
    return 0


def run_official(args: argparse.Namespace, ctx: Context) -> int:
    if args.clear:
        delete_official(ctx.db, args.week)
        print(f"Removed the official figure for the week of {args.week}.")
        return 0
    if args.percent is None:
        raise ValidationError("Give the official figure with --percent, or use --clear.")
    week = record_official(ctx.db, args.week, args.percent)
    print(f"Recorded the official figure for {week}: {args.percent:g} percent.")
    return 0


def run_method(args: argparse.Namespace, ctx: Context) -> int:
    from core.store.database import open_database
    from core.workload.weightings import weightings_as_of

    # Without a data folder: the published defaults, from a database held only in memory.
    db = ctx.db if ctx.db_path.exists() else open_database(None)
    print(method_text(weightings_as_of(db, date.today())))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    status = sub.add_parser("status", help="this week's workload estimate, in words and figures")
    status.add_argument("--as-of", type=date_arg, help="the day to work it out for (default today)")
    status.add_argument("--figures", action="store_true",
                        help="show the points and percentages behind the words")
    status.add_argument("--json", action="store_true", help="words and figures as JSON")
    status.add_argument("--add-to-notes", action="store_true",
                        help="add this week's workload to the notes for your next supervision")
    status.set_defaults(func=run_status)

    hist = sub.add_parser("history", help="the weekly estimate, oldest week first")
    hist.add_argument("--weeks", type=bounded_int(1, 520), default=DEFAULT_HISTORY_WEEKS,
                      help=f"how many weeks (default {DEFAULT_HISTORY_WEEKS})")
    hist.add_argument("--as-of", type=date_arg, help="the last day shown (default today)")
    hist.add_argument("--json", action="store_true")
    hist.set_defaults(func=run_history)

    off = sub.add_parser("official", help="record the official WMT figure your manager gave you")
    off.add_argument("--week", type=date_arg, required=True, help="any day in that week")
    off.add_argument("--percent", type=positive_float, help="the official figure, e.g. 118")
    off.add_argument("--clear", action="store_true", help="remove the figure for that week")
    off.set_defaults(func=run_official)

    method = sub.add_parser("method", help="how the estimate is worked out; where to get support")
    method.set_defaults(func=run_method, data_optional=True)
