"""The start-up rows of run_benchmarks.py's table, from benchmarks/startup.py's interleaved rounds.

Every ratio is taken round by round (the app's time in a round ÷ the floor's or GTimeLog's time in
that same round) and its verdict is the median of those per-round ratios; the ratio of the two
medians, which can come from different rounds, is kept beside it for information.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from benchmarks.startup import measure_startup

Row = dict[str, object]

TARGET_MISSED = 3  # the exit code when every figure was measured but a target was missed
MIB_LIMIT = 130  # memory settled, with the Overview shown
WORDS_LIMIT = 1.5  # this week in words, as a multiple of the floor's first paint


def row(what: str, values: list[float], unit: str, target: str, ok: bool | None) -> Row:
    median = statistics.median(values)
    text = f"{median:.2f}" if unit == "×" else f"{median:.0f} {unit}" if median >= 10 \
        else f"{median:.1f} {unit}"
    return {"what": what, "median": round(median, 3), "unit": unit, "text": text,
            "target": target, "ok": ok, "runs": [round(v, 3) for v in values]}


def note_row(what: str) -> Row:
    """A line of text in the table (no measurement): `note` says so in the JSON."""
    found = row(what, [0.0], "", "(for information)", None)
    found["text"], found["note"] = "", True
    return found


def ratio_row(what: str, app_ms: list[float], peer_ms: list[float], limit: float | None,
              below: bool = False) -> Row:
    """The median of the per-round ratios (`runs`, round by round), checked against `limit`
    (`below`: strictly less, i.e. ahead of the peer); `ratio_of_medians` beside it."""
    per_round = [a / b for a, b in zip(app_ms, peer_ms, strict=True)]
    ratio = statistics.median(per_round)
    of_medians = statistics.median(app_ms) / statistics.median(peer_ms)
    target = "(for information)" if limit is None else f"< {limit}" if below else f"≤ {limit}"
    found = row(what, per_round, "×", target,
                None if limit is None else ratio < limit if below else ratio <= limit)
    found["ratio_of_medians"] = round(of_medians, 3)
    found["text"] = f"{ratio:.2f} (ratio of medians {of_medians:.2f})"
    return found


LABELS = (("app", "ten years"), ("app_demo", "demo data"), ("bundle", "Linux bundle, ten years"),
          ("app_day", "ten years, a day's first start: the data as the app left it the day "
                      "before"),
          ("app_demo_day", "demo data, a day's first start: the data as the app left it the day "
                           "before"),
          ("app_cold", "ten years, no kept words: after a change from elsewhere"),
          ("app_demo_cold", "demo data, no kept words: after a change from elsewhere"))


def startup_rows(data_dir: Path, runs: int, offscreen: bool, bundle: Path | None) -> list[Row]:
    """Launch to the first frame, to this week in words and to the Overview worked out from the
    data, against the floor and GTimeLog in the same rounds, with a kept snapshot and without
    one; memory settled (RSS and PSS, MiB) with the Overview shown."""
    found = measure_startup(data_dir, runs, offscreen, bundle)
    runs_by_key: dict[str, list[dict[str, float]]] = found["runs"]  # type: ignore[assignment]

    def ms(key: str, what: str) -> list[float]:
        return [run[what] * 1000 for run in runs_by_key[key]]

    rows: list[Row] = [note_row(f"display: {found['platform']}; GTimeLog reads "
                                f"{found['timelog_lines']} lines of timelog.txt")]
    del rows[0]["note"]  # the heading of the start-up rows, not a note above the table
    notes: list[str] = found["notes"]  # type: ignore[assignment]
    if bundle is None:
        notes = notes + ["no Linux bundle is built (packaging/build.py; or name one with "
                         "--bundle), so it was not timed"]
    rows += [note_row(f"note: {note}") for note in notes]
    floor = ms("floor", "painted")
    rows.append(row("floor: bare QMainWindow with a QTableView, first paint", floor, "ms", "",
                    None))
    peers = {"floor": floor}
    if "gtimelog" in runs_by_key:
        rows.append(row("GTimeLog (ten years of timelog.txt), first paint",
                        ms("gtimelog", "painted"), "ms", "", None))
        rows.append(row("GTimeLog, its log loaded and painted", ms("gtimelog", "data"), "ms",
                        "(for information)", None))
        peers["GTimeLog"] = ms("gtimelog", "painted")
    for key, label in LABELS:
        if key in runs_by_key:
            rows += _app_rows(key, label, runs_by_key, ms, peers)
    if "gtimelog" in runs_by_key:
        for what, name in (("settled_rss", "RSS"), ("settled_pss", "PSS")):
            rows.append(row(f"GTimeLog: memory settled ({name})",
                            [run[what] / 1024 for run in runs_by_key["gtimelog"]], "MiB",
                            "(for information)", None))
    return rows


def _app_rows(key, label, runs_by_key, ms, peers) -> list[Row]:  # type: ignore[no-untyped-def]
    """One start of the app: its times, ratios to the floor and GTimeLog, CPU and memory. The
    same targets hold for a start with kept words, for a day's first start and for one with
    none (after a change from elsewhere)."""
    cold = key.endswith(("_cold", "_day"))
    words_limit, ahead = WORDS_LIMIT, 1.0
    first, words, overview = ms(key, "painted"), ms(key, "data"), ms(key, "overview")
    snapshot = sum(run["from_snapshot"] for run in runs_by_key[key])
    rows = [row(f"app ({label}): launch to first frame", first, "ms", "", None),
            row(f"app ({label}): launch to this week in words (in the first frame in "
                f"{snapshot:.0f} of {len(words)} runs)", words, "ms", "", None),
            row(f"app ({label}): launch to the Overview worked out from the data", overview,
                "ms", "(for information)", None)]
    rows.append(ratio_row(f"app ({label}): first frame ÷ floor", first, peers["floor"], None))
    rows.append(ratio_row(f"app ({label}): this week in words ÷ floor's first paint", words,
                          peers["floor"], words_limit))
    rows.append(ratio_row(f"app ({label}): Overview worked out from the data ÷ floor's first "
                          "paint", overview, peers["floor"], None))
    if "GTimeLog" in peers:
        gtimelog = peers["GTimeLog"]
        rows.append(ratio_row(f"app ({label}): first frame ÷ GTimeLog's first paint", first,
                              gtimelog, None))
        rows.append(ratio_row(f"app ({label}): this week in words ÷ GTimeLog's first paint",
                              words, gtimelog, ahead, below=True))
        rows.append(ratio_row(f"app ({label}): Overview worked out from the data ÷ GTimeLog's "
                              "first paint", overview, gtimelog, None))
    if cold:
        return rows  # CPU and memory as in the warm start
    rows.append(ratio_row(f"app ({label}): CPU time to first frame ÷ floor's",
                          [r["cpu"] for r in runs_by_key[key]],
                          [r["cpu"] for r in runs_by_key["floor"]], None))
    if "gtimelog" in runs_by_key:  # steadier than wall-clock while the machine is shared
        rows.append(ratio_row(f"app ({label}): CPU time to first frame ÷ GTimeLog's",
                              [r["cpu"] for r in runs_by_key[key]],
                              [r["cpu"] for r in runs_by_key["gtimelog"]], None))
    charts = [run.get("settled_charts", 0.0) for run in runs_by_key[key]]
    for what, name in (("settled_rss", "RSS"), ("settled_pss", "PSS")):
        mib = [run[what] / 1024 for run in runs_by_key[key]]
        rows.append(row(f"app ({label}): memory settled, Overview shown ({name})", mib,
                        "MiB", f"< {MIB_LIMIT} MiB", statistics.median(mib) < MIB_LIMIT))
        rows[-1]["chart_library_loaded_runs"] = int(sum(charts))
    # Whether the trend chart (pyqtgraph) was in view, so the figures can be compared.
    rows.append(row(f"app ({label}): chart library (pyqtgraph) loaded when memory settled, "
                    "runs (1 = loaded)", charts, "", "(for information)", None))
    rows[-1]["text"] = f"{sum(charts):.0f} of {len(charts)}"
    return rows
