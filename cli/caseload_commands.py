"""`demo`, `cases`, `profile`, `reductions` and `reports` subcommands."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from cli.common import Context, bounded_int, date_arg, print_json
from core.caseload.cases import CaseStore
from core.common.errors import ValidationError
from core.common.dates import shorten
from core.common.exact import to_decimal, too_precise
from core.common.names import name_refusal
from core.caseload.models import GRADES, OVERDUE, REPORT_KINDS, Case, Profile, Reduction
from core.common import clock
from core.workload.estimate import NO_CAPACITY_GRADES, TARGET_GRADES
from core.workload.profile import get_profile, save_profile
from core.workload.reductions import add_reduction, add_report, list_reductions


def _state_today(case: Case) -> str:
    """'supervised', 'warrant', 'unpaid_work_only', or 'overdue_termination' once the case is
    open past its expected end date: what the estimate reads today."""
    return case.state if case.closed_date else case.state_on(clock.today())


def case_json(case: Case) -> dict[str, Any]:
    """One case as the stable JSON object scripts depend on."""
    return {
        "reference": case.reference,
        "case_type": case.case_type,
        "tier": case.tier,
        "tier_date": case.tier_date.isoformat() if case.tier_date else None,
        "start_date": case.start_date.isoformat(),
        "end_date": case.expected_end_date.isoformat() if case.expected_end_date else None,
        "t2a": case.t2a,
        "flags": list(case.flags) + ([f"mappa_{case.mappa_level}"] if case.mappa_level else []),
        "status": case.status,
        "closed_date": case.closed_date.isoformat() if case.closed_date else None,
        "close_reason": case.close_reason,
        "state": _state_today(case),
    }


def run_demo(args: argparse.Namespace, ctx: Context) -> int:
    from core.demo.caseload_demo import fill_demo  # ~60 ms no other command needs

    fill_demo(ctx.db)
    print(f"Demo data added to {ctx.data_dir}")
    return 0


def run_cases_import(args: argparse.Namespace, ctx: Context) -> int:
    # Here, not at the top: the reader of spreadsheets (zipfile with it) cost every other
    # caseload command 10-20 ms.
    from core.caseload.csv_import import import_preview, preview_file

    path = Path(args.file)
    if not path.is_file():
        raise ValidationError(f"There is no file at {path}.")
    # Into a new folder the data file is made only once the file is accepted.
    store = CaseStore(ctx.db) if ctx.db_path.exists() else None
    try:
        preview = preview_file(path, store)
    except OSError as exc:
        raise ValidationError(f"{path.name} could not be read ({exc.strerror or exc}).") from None
    if len(preview.problems) == 1:  # one line, as every other refusal
        raise ValidationError(
            f"Nothing was imported from {path.name} ({preview.detected}). {preview.problems[0]}."
        )
    if preview.problems:
        n = len(preview.problems)
        raise ValidationError(
            [f"Nothing was imported; {n} line{'s' if n != 1 else ''} of {path.name} "
             f"({preview.detected}) need{'s' if n == 1 else ''} changing:"]
            + [str(p) for p in preview.problems]
        )
    count = import_preview(preview, store or CaseStore(ctx.db))
    cases = f"{count} case{'s' if count != 1 else ''}"
    print(f"Imported {cases} from {path.name} ({preview.detected}).")
    return 0


_STATE_WORDS = {"warrant": "waiting on a warrant", "unpaid_work_only": "only unpaid work left",
                OVERDUE: "past its expected end date (overdue termination)"}


def run_cases_list(args: argparse.Namespace, ctx: Context) -> int:
    cases = CaseStore(ctx.db).list_cases("all" if args.all else "active")
    if args.json:
        print_json([case_json(c) for c in cases])
        return 0
    if not cases:
        print("No cases yet. Add one in the app, or import a CSV with `cases import`.")
        return 0
    for c in cases:
        status = f"closed {c.closed_date}" if c.closed_date else "active"
        state = _state_today(c)
        if not c.closed_date and state != "supervised":
            status += ", " + _STATE_WORDS[state]
        t2a = " T2A" if c.t2a else ""
        end = f" to {c.expected_end_date}" if c.expected_end_date else ""
        print(f"{c.reference:<12} {c.case_type:<10} {c.tier:<9}{t2a:<5} from {c.start_date}{end}"
              f"  {status}")
    print(f"{len(cases)} case{'s' if len(cases) != 1 else ''}")
    return 0


def exact_hours(text: str) -> Decimal:
    """argparse type for hours and percentages: the decimal typed (22.2 stays 22.2 exactly)."""
    shown = shorten(text)
    if len(text) > 20 or any(c.isalpha() for c in text):  # 1e-30, 1e400, nan, inf
        raise argparse.ArgumentTypeError(f"'{shown}' is not a number such as 22.2")
    try:
        value = to_decimal(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{shown}' is not a number") from None
    if too_precise(value):
        raise argparse.ArgumentTypeError(
            f"'{shown}' has more than two decimal places; give hours or a percentage such as 22.2")
    return value  # the range is checked where the value is used, with its own message


def run_profile(args: argparse.Namespace, ctx: Context) -> int:
    profile = get_profile(ctx.db, args.from_date)
    if args.grade or args.hours is not None or args.protected_ceiling is not None:
        profile = save_profile(
            ctx.db,
            Profile(
                grade=args.grade or profile.grade,
                contracted_hours=args.hours if args.hours is not None else profile.contracted_hours,
                protected_ceiling=(
                    (args.protected_ceiling or None)
                    if args.protected_ceiling is not None
                    else profile.protected_ceiling
                ),
            ),
            effective_from=args.from_date,
        )
        if args.from_date and not args.json:
            print(f"From {args.from_date.isoformat()} (earlier weeks keep the profile they had):")
    elif args.from_date:
        raise ValidationError("--from says when a change applies; give --grade, --hours or "
                              "--protected-ceiling with it.")
    if args.json:
        hours = profile.contracted_hours
        print_json(asdict(profile) | {"contracted_hours": None if hours is None else float(hours),
                                      "hours": float(profile.hours)})
        return 0
    ceiling = profile.protected_ceiling or "none"
    hours = profile.hours
    if profile.contracted_hours is None and profile.grade not in (*TARGET_GRADES,
                                                                  *NO_CAPACITY_GRADES):
        hours = "not given (no capacity figure until you give them with --hours)"
    print(f"grade: {profile.grade}\ncontracted hours: {hours}\nprotected ceiling: {ceiling}")
    return 0


def run_reductions_add(args: argparse.Namespace, ctx: Context) -> int:
    refusal = name_refusal({"reason": args.reason})
    if refusal:
        raise ValidationError(refusal)
    reduction = Reduction(
        reason=args.reason,
        start_date=args.from_date,
        end_date=args.to_date,
        hours_per_week=args.hours,
        percent=args.percent,
    )
    saved = add_reduction(ctx.db, reduction, get_profile(ctx.db).hours)
    until = f" until {saved.end_date}" if saved.end_date else ""
    print(f"Reduction added: {saved.reason} from {saved.start_date}{until}.")
    return 0


def reduction_json(r: Reduction) -> dict[str, Any]:
    return {
        "reason": r.reason,
        "hours": None if r.hours_per_week is None else float(r.hours_per_week),
        "percent": None if r.percent is None else float(r.percent),
        "from": r.start_date.isoformat(),
        "to": r.end_date.isoformat() if r.end_date else None,
    }


def run_reductions_list(args: argparse.Namespace, ctx: Context) -> int:
    reductions = list_reductions(ctx.db)
    if args.json:
        print_json([reduction_json(r) for r in reductions])
        return 0
    if not reductions:
        print("No reductions recorded.")
    for r in reductions:
        amount = f"{r.hours_per_week:g} h/week" if r.hours_per_week is not None else f"{r.percent:g}%"
        print(f"{r.reason}: {amount}, {r.start_date} to {r.end_date or 'open'}")
    return 0


def run_reports_add(args: argparse.Namespace, ctx: Context) -> int:
    report = add_report(ctx.db, args.kind, args.date)
    print(f"Recorded a {report.kind} court report completed on {report.completed_date}.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help="fill an empty data folder with synthetic demo data")
    demo.set_defaults(func=run_demo, creates_data=True)

    cases = sub.add_parser("cases", help="import or list cases").add_subparsers(
        dest="cases_command", required=True
    )
    imp = cases.add_parser(
        "import", help="import cases from a CSV or .xlsx file (all rows or none)"
    )
    imp.add_argument("file")
    imp.set_defaults(func=run_cases_import, creates_data=True)
    lst = cases.add_parser("list", help="list active cases (--all includes closed)")
    lst.add_argument("--all", action="store_true")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_cases_list)

    prof = sub.add_parser("profile", help="show or set grade, hours and protected ceiling")
    prof.add_argument("--grade", choices=GRADES)
    prof.add_argument("--hours", type=exact_hours, help="contracted hours a week, e.g. 22.2")
    prof.add_argument(
        "--protected-ceiling", type=bounded_int(0, 1000), help="caseload ceiling agreed with your manager (0 clears)"
    )
    prof.add_argument("--from", dest="from_date", type=date_arg,
                      help="the first day the change applies (default today); earlier weeks "
                           "keep the hours and grade they had")
    prof.add_argument("--json", action="store_true")
    prof.set_defaults(func=run_profile, creates_data=True)

    red = sub.add_parser("reductions", help="record or list reductions").add_subparsers(
        dest="reductions_command", required=True
    )
    add = red.add_parser("add", help="add a reduction agreed with your manager")
    add.add_argument("--reason", required=True)
    amount = add.add_mutually_exclusive_group(required=True)
    amount.add_argument("--hours", type=exact_hours, help="hours a week")
    amount.add_argument("--percent", type=exact_hours, help="%% of contracted hours")
    add.add_argument("--from", dest="from_date", type=date_arg, required=True)
    add.add_argument("--to", dest="to_date", type=date_arg)
    add.set_defaults(func=run_reductions_add)
    rl = red.add_parser("list", help="list reductions")
    rl.add_argument("--json", action="store_true")
    rl.set_defaults(func=run_reductions_list)

    rep = sub.add_parser("reports", help="record court reports").add_subparsers(
        dest="reports_command", required=True
    )
    radd = rep.add_parser("add", help="record a completed court report")
    radd.add_argument("--kind", choices=REPORT_KINDS, required=True)
    radd.add_argument("--date", type=date_arg, required=True)
    radd.set_defaults(func=run_reports_add)
