"""`status`, `history`, `official` and `method`: the estimate in the same words as the app."""

from __future__ import annotations

import argparse
from typing import Any

from core.common import clock
from cli.common import Context, bounded_int, date_arg, positive_float, print_json
from core.supervision.agenda import add_agenda_item_once, open_note_like
from core.common.errors import ValidationError
from core.workload.estimate import load_inputs
from core.workload.history import WeekSummary, weekly_history, workload_status
from core.workload.method_text import method_text
from core.workload.official import MAX_PERCENT, delete_official, record_official
from core.common.exact import half_up, to_half_hour
from core.workload.status_words import StatusWords, status_words
from core.workload.wording import ADD_TO_NOTES, number

DEFAULT_HISTORY_WEEKS = 12



def _official_percent(text: str) -> float:
    """The official figure: the same range said for 100000 as for 700."""
    try:
        return positive_float(text)
    except argparse.ArgumentTypeError as exc:
        if "larger than" in str(exc):
            raise argparse.ArgumentTypeError(
                f"the official figure must be a percentage between 0 and {MAX_PERCENT:g}"
            ) from None
        raise

def _points(value) -> float | int:
    return int(value) if float(value).is_integer() else float(half_up(value, 2))


def _json_number(value) -> float | int | None:
    """A Decimal or Fraction as a JSON number (its exact value is already rounded for show)."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


# The sentences that change with "Show figures": in `without_figures`, as the window and the
# text of `status` say them until figures are asked for.
PLAIN_KEYS = ("headline", "body", "caseload_headline", "caseload_body", "caseload_figures",
              "trend", "recovery", "recent", "official", "sustained", "sustained_caseload",
              "gauge_description", "caseload_description", "body_with_panel")


def status_json(summary: WeekSummary, words: StatusWords,
                plain: StatusWords | None = None) -> dict[str, Any]:
    """One week as the stable JSON object scripts depend on (same keys for status and history).

    `words` carry the figures; `plain` (the same week with figures off) fills
    `without_figures`, so every sentence the text or the window shows is in the JSON."""
    est = summary.estimate
    episode = summary.sustained
    weighted, caseload = summary.weighted_episode, summary.caseload_episode
    return {
        "as_of": est.as_of.isoformat(),
        "week": est.week,
        "has_data": est.has_data,
        "grade": est.grade,
        "contracted_hours": _json_number(est.contracted_hours),
        "reduction_hours": _json_number(est.reduction_hours),
        "caseload_count": est.caseload_count,
        "caseload_reference": float(half_up(est.caseload_reference, 1)),
        "caseload_reference_is_ceiling": est.caseload_reference_is_ceiling,
        "caseload_band": est.caseload_band,
        "caseload_headline": words.caseload_headline,
        "caseload_body": words.caseload_body,
        "workload_points": _points(est.workload_points),
        "available_points": est.available_points,
        "capacity_percent": _json_number(est.capacity_percent),
        "workload_band": est.workload_band,
        "no_capacity_reason": est.no_capacity_reason,
        "extra_hours_per_week": _json_number(est.extra_hours_per_week),
        "spare_hours_per_week": _json_number(est.spare_hours_per_week),
        # One episode, both keys: the weighted one if running, else the caseload one.
        "sustained_weeks": summary.sustained_weeks,
        "sustained_since": _since(episode),
        "weighted_run": summary.weighted_run,
        "weighted_since": _since(weighted),
        "caseload_run": summary.caseload_run,
        "caseload_since": _since(caseload),
        "gap": est.is_gap,
        "so_far_this_week": summary.so_far,
        "weeks_over_110": summary.weeks_over_110,
        "weeks_counted": summary.weeks_counted,
        "weeks_away": summary.recent_away,
        "headline": words.headline,
        "body": words.body,
        # The body as `status` prints it beside the over-capacity panel (no sentence twice).
        "body_with_panel": words.body_with_panel,
        "trend": words.trend,
        "trend_direction": summary.trend,
        "recovery": words.recovery,
        "official_percent": summary.official_percent,
        "gauge_description": words.gauge_description,
        # Every sentence the text of `status` shows, so a script never needs to parse the text.
        "heading": _heading(est, words),
        "recent": words.recent,
        "caseload_figures": words.caseload_figures,
        "figures": words.figures if est.has_data else None,
        "official": words.official,
        "sustained": words.sustained,
        "sustained_caseload": words.sustained_caseload,
        "action": ADD_TO_NOTES if (words.action or words.caseload_action) and est.has_data
        else None,
        # Why the official figure differs from the estimate by more than 5 points (else null).
        "official_gap": _gap_json(words.official_gap),
        "without_figures": ({key: getattr(plain, key) for key in PLAIN_KEYS}
                            | {"official_gap": _gap_json(plain.official_gap)}) if plain else None,
    }


def _since(episode: Any) -> str | None:
    """The first day counted in the run, as its sentence says it."""
    return None if episode is None else (episode.since or episode.start).isoformat()


def _gap_json(gap: Any) -> dict[str, Any] | None:
    if gap is None:
        return None
    return {
        "direction": gap.direction,
        "intro": gap.intro,
        "reasons": [{"kind": r.kind, "text": r.text, "action": r.action,
                     "hours_per_week": None if r.hours is None
                     else _json_number(to_half_hour(r.hours)),
                     "references": list(r.references)} for r in gap.reasons],
    }


def _heading(est: Any, words: StatusWords) -> str:
    """`Week 2026-W48, as of Friday 27 November 2026` (or the day so far this week)."""
    return f"Week {est.week}, as of {words.week_label}"


def _print_status(summary: WeekSummary, words: StatusWords, in_notes: bool = False) -> None:
    """The Overview's words in blocks; the figures only when asked (`--figures`), as in the
    window, where they show under "Show figures"."""
    est = summary.estimate
    body, recent = words.beside_panel(True)  # the panels are printed below: said once
    blocks = [
        [_heading(est, words)],
        [words.headline, body, words.trend, words.recovery, recent],
        [words.caseload_headline, words.caseload_body, words.caseload_figures],
        ["Figures: " + words.figures if words.show_figures and est.has_data else None,
         words.official],
        words.official_gap.lines() if words.official_gap else [],
        *([panel] for panel in words.panels),
    ]
    if (words.action or words.caseload_action) and est.has_data and not in_notes:
        blocks.append([f"{ADD_TO_NOTES}: run `status --add-to-notes`, or use the Overview in the "
                       "app."])
    shown = [[line for line in block if line] for block in blocks]
    print("\n\n".join("\n".join(block) for block in shown if block))


def _figures(args: argparse.Namespace) -> bool:
    """Percentages in the text only when asked (`--figures`); JSON always has every figure."""
    return bool(getattr(args, "figures", False) or getattr(args, "json", False))


def run_status(args: argparse.Namespace, ctx: Context) -> int:
    day = args.as_of or clock.today()
    summary = workload_status(load_inputs(ctx.db), day)
    words = status_words(summary, day, figures=_figures(args))
    added = None
    if args.add_to_notes:
        if not summary.has_data:
            raise ValidationError("There is no estimate on this date to add to your notes.")
        added = add_agenda_item_once(ctx.db, "workload", words.supervision_note,
                                     today=clock.today())
    if args.json:
        print_json(status_json(summary, words, status_words(summary, day, figures=False)))
        return 0
    in_notes = open_note_like(ctx.db, "workload", words.supervision_note) is not None
    _print_status(summary, words, in_notes)
    if args.add_to_notes:
        print("\nAdded to the notes for your next supervision." if added else
              "\nThis is already in the notes for your next supervision; nothing was added.")
    return 0


def run_history(args: argparse.Namespace, ctx: Context) -> int:
    if args.weeks < 1 or args.weeks > 520:
        raise ValidationError("Choose between 1 and 520 weeks.")
    day = args.as_of or clock.today()
    summaries = weekly_history(load_inputs(ctx.db), day, weeks=args.weeks)
    rows = [(s, status_words(s, day)) for s in summaries]
    if args.json:
        print_json([status_json(s, w, status_words(s, day, figures=False)) for s, w in rows])
        return 0
    print(f"{'week':<9} {'cases':>5} {'capacity':>9}  {'official':>8}  words")
    for s, w in rows:
        est = s.estimate
        if not est.has_data:
            print(f"{est.week:<9} {'':>5} {'':>9}  {'':>8}  no data for this week")
            continue
        cap = f"{number(est.capacity_percent)}%" if est.capacity_percent is not None else "none"
        official = f"{number(s.official_percent)}%" if s.official_percent is not None else ""
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
    print(method_text(weightings_as_of(db, clock.today())))
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
    off.add_argument("--percent", type=_official_percent, help="the official figure, e.g. 118")
    off.add_argument("--clear", action="store_true", help="remove the figure for that week")
    off.set_defaults(func=run_official)

    method = sub.add_parser("method", help="how the estimate is worked out; where to get support")
    method.set_defaults(func=run_method, data_optional=True)
