"""Generated command lines through the real parsers (issue 29, item 5): subcommands with
numbers of every size and precision, dates of any year, text with control characters, escape
sequences and bytes that are not UTF-8. Each must end with exit 0, or exit 1 or 2 with one
line that is not "something went wrong"; and after every input that was accepted, `status
--figures` and `check` must still succeed. The default run tries a few hundred lines; the
stress group (.ci/run, `-m stress`) tries 10,000.
"""

from __future__ import annotations

import io
import os
import tempfile
from datetime import date
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from core.store.database import open_database
from tests.examples import examples

NOW = "2026-11-30T10:00"
WRITES = {"log", "profile", "reductions", "reports", "official", "timer", "retention"}

odd_text = st.lists(st.one_of(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    st.sampled_from(["\x1b[31m", "\x07", "\n", "\t", "\udce9", "\u202e", "é", "@C07"]),
), max_size=12).map("".join)
plausible_numbers = st.one_of(
    st.integers(min_value=1, max_value=60).map(str),
    st.decimals(min_value=1, max_value=60, places=2).map(str),
    st.sampled_from(["22.2", "37", "29.6", "7.4", "10", "12.5", "118", "95"]),
)
wild_numbers = st.one_of(
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=False, allow_infinity=False, places=None).map(str),
    st.sampled_from(["1e-30", "1e-22", "0.001", "22.2", "37", "29.6", "-0", "1e400", "60.01",
                     "0", "0.5", "100", "110.25", "7.4"]),
    odd_text,
)
numbers = st.one_of(plausible_numbers, plausible_numbers, wild_numbers)  # half in range
plausible_dates = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))
wild_dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.sampled_from(["2026-11-30", "30/11/2026", "0001-01-01", "9999-12-31", "2026-02-30"]),
    odd_text,
)
dates = st.one_of(plausible_dates.map(lambda d: d.isoformat()),
                  plausible_dates.map(lambda d: d.strftime("%d/%m/%Y")), wild_dates)
entry = st.one_of(
    st.tuples(st.sampled_from(["", "yesterday ", "24:00 "]),
              st.sampled_from(["45m", "1h30", "09:00-09:30", "22:00-01:00", "-20", "1e-30m",
                               "99999999h", "00:00-24:00", "07:30-08:15"]),
              st.sampled_from([" travel", " recording", " home visit @C07", " admin"]),
              st.one_of(st.just(""), odd_text)).map(lambda t: "".join(t)),
    odd_text,
)


@st.composite
def command_lines(draw) -> list[str]:
    kind = draw(st.sampled_from(["log", "log list", "profile", "reductions add", "reports add",
                                 "status", "history", "official", "timer", "retention",
                                 "cases list", "junk"]))
    if kind == "log":
        argv = ["log", draw(entry)]
        if draw(st.booleans()):
            argv += ["--date", draw(dates)]
    elif kind == "log list":
        argv = ["log", "list", "--from", draw(dates), "--to", draw(dates)]
    elif kind == "profile":
        argv = ["profile", "--hours", draw(numbers)]
        if draw(st.booleans()):
            argv += ["--from", draw(dates)]
        if draw(st.booleans()):
            argv += ["--protected-ceiling", draw(numbers)]
    elif kind == "reductions add":
        amount = draw(st.sampled_from(["--hours", "--percent"]))
        argv = ["reductions", "add", "--reason", draw(st.one_of(
            st.sampled_from(["Court duty", "Mentoring", "PQiP"]), odd_text)),
            amount, draw(numbers), "--from", draw(dates)]
        if draw(st.booleans()):
            argv += ["--to", draw(dates)]
    elif kind == "reports add":
        argv = ["reports", "add", "--kind", draw(st.sampled_from(["standard", "fast"])),
                "--date", draw(dates)]
    elif kind == "status":
        argv = ["status", "--figures"] + (["--as-of", draw(dates)] if draw(st.booleans()) else [])
    elif kind == "history":
        argv = ["history", "--weeks", draw(numbers)]
    elif kind == "official":
        argv = ["official", "--week", draw(dates), "--percent", draw(numbers)]
    elif kind == "timer":
        argv = ["timer", draw(st.sampled_from(["start", "stop", "status"]))]
        if argv[1] == "start":
            argv.append(draw(st.sampled_from(["home visit", "travel", "admin"])))
        if argv[1] == "stop" and draw(st.booleans()):
            argv += ["--at", draw(st.one_of(st.sampled_from(["17:05", "24:00", "25:00"]),
                                            odd_text))]
    elif kind == "retention":
        argv = ["retention", "--days", draw(numbers)]
    elif kind == "cases list":
        argv = ["cases", "list", "--all"]
    else:
        argv = [draw(odd_text), draw(odd_text)]
    return argv


def _run(folder: Path, argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        try:
            code = main.main(["--data-dir", str(folder), *argv])
        except SystemExit as exc:  # argparse's own exit
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue()


@pytest.fixture(scope="module")
def folder():
    old = os.environ.get("CASELOAD_COMPANION_NOW")
    os.environ["CASELOAD_COMPANION_NOW"] = NOW
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data"
        path.mkdir(mode=0o700)
        open_database(path / "caseload.db").close()
        yield path
    if old is None:
        os.environ.pop("CASELOAD_COMPANION_NOW", None)
    else:
        os.environ["CASELOAD_COMPANION_NOW"] = old


def _one_command(folder: Path, argv: list[str]) -> None:
    code, err = _run(folder, argv)
    assert code in (0, 1, 2), (argv, code, err)
    assert "something went wrong" not in err and "Traceback" not in err, (argv, err)
    assert "\x1b" not in err and "\x07" not in err, (argv, err)
    if code != 0:
        assert err.count("\n") == 1, (argv, err)
        return
    if argv[0] in WRITES:  # accepted: the figures and the file must still be whole
        figures, figures_err = _run(folder, ["status", "--figures"])
        assert figures == 0, (argv, figures_err)
        checked, checked_err = _run(folder, ["check"])
        assert checked == 0, (argv, checked_err)


@pytest.mark.timeout(900)  # a few hundred commands; under load one can take a second
@settings(max_examples=examples(1000), suppress_health_check=list(HealthCheck))
@given(argv=command_lines())
def test_generated_command_lines_end_in_one_clear_line_and_leave_the_data_whole(folder, argv):
    _one_command(folder, argv)


@pytest.mark.stress
@pytest.mark.timeout(4 * 3600)
@settings(max_examples=10_000, suppress_health_check=list(HealthCheck), deadline=None)
@given(argv=command_lines())
def test_ten_thousand_generated_command_lines(folder, argv):
    _one_command(folder, argv)
