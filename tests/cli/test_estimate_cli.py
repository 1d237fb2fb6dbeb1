"""`status`, `history` and `official` on the command line: the same words and figures as core."""

import json
from datetime import date
from decimal import Decimal

import main
from core.store.database import open_database
from core.workload.history import snapshot_day, weekly_history, workload_status
from core.store.paths import database_path
from core.workload.status_words import status_words
from tests.cli.demo_folder import demo_folder

STATUS_KEYS = {
    "as_of", "week", "has_data", "caseload_count", "caseload_reference", "caseload_band",
    "workload_points", "available_points", "capacity_percent", "workload_band",
    "extra_hours_per_week", "sustained_weeks", "headline", "body", "trend", "official_percent",
}


def run(capsys, data_dir, *argv):
    code = main.main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def core_status(data_dir, day, figures=True):
    db = open_database(database_path(data_dir))
    try:
        summary = workload_status(db, day)
        return summary, status_words(summary, day, figures)
    finally:
        db.close()


def test_status_json_matches_the_core_estimate_on_the_demo(capsys, tmp_path):
    folder = demo_folder(tmp_path / "demo")
    code, out, _ = run(capsys, folder, "status", "--json")
    assert code == 0
    data = json.loads(out)
    assert STATUS_KEYS <= set(data)
    summary, words = core_status(folder, date.today())
    est = summary.estimate
    assert data["as_of"] == snapshot_day(date.today()).isoformat() and data["week"] == est.week
    assert data["caseload_count"] == est.caseload_count
    assert data["caseload_band"] == est.caseload_band
    assert data["workload_points"] == est.workload_points
    assert data["available_points"] == est.available_points
    assert Decimal(str(data["capacity_percent"])) == est.capacity_percent
    assert data["workload_band"] == est.workload_band
    assert Decimal(str(data["extra_hours_per_week"])) == est.extra_hours_per_week
    assert data["sustained_weeks"] == summary.sustained_weeks
    assert (data["headline"], data["body"]) == (words.headline, words.body)
    assert data["trend"] == words.trend


def test_status_prints_the_same_words_as_the_overview(capsys, tmp_path):
    folder = demo_folder(tmp_path / "demo")
    code, out, _ = run(capsys, folder, "status")
    _, words = core_status(folder, date.today(), figures=False)
    assert code == 0
    body, recent = words.beside_panel(bool(words.sustained))  # the panel, printed, says it
    for line in (words.headline, body, words.caseload_headline, words.caseload_body):
        assert line in out
    if words.sustained:
        assert out.count("HMPPS treats") == 1 and (recent is None or recent not in out)
    assert "%" not in out and "percent" not in out  # figures only when asked


def test_history_lists_weeks_oldest_first_with_gaps_flagged(capsys, tmp_path):
    run(capsys, tmp_path, "profile", "--hours", "30")
    run(capsys, tmp_path, "reports", "add", "--kind", "standard", "--date", "2026-03-04")
    code, out, _ = run(capsys, tmp_path, "history", "--weeks", "6", "--as-of", "2026-03-27",
                       "--json")
    weeks = json.loads(out)
    assert code == 0 and len(weeks) == 6
    assert [w["week"] for w in weeks] == [f"2026-W{n:02d}" for n in range(8, 14)]
    # The report counts for 30 days from 4 March: the Fridays 6, 13, 20 and 27 March.
    assert [w["has_data"] for w in weeks] == [False, False, True, True, True, True]
    assert weeks[0]["capacity_percent"] is None and weeks[0]["headline"] == "No estimate yet"
    assert weeks[2]["workload_points"] == 138 and weeks[2]["available_points"] == 1764


def test_history_json_agrees_with_core_history(capsys, tmp_path):
    folder = demo_folder(tmp_path / "demo")
    _, out, _ = run(capsys, folder, "history", "--weeks", "12", "--json")
    weeks = json.loads(out)
    db = open_database(database_path(folder))
    expected = weekly_history(db, date.today(), weeks=12)
    db.close()
    assert [None if w["capacity_percent"] is None else Decimal(str(w["capacity_percent"]))
            for w in weeks] == [s.estimate.capacity_percent for s in expected]
    assert len({w["capacity_percent"] for w in weeks}) > 3  # the demo's load moves week to week


def test_official_figure_is_recorded_and_shown_beside_the_estimate(capsys, tmp_path):
    folder = demo_folder(tmp_path / "demo")
    code, out, _ = run(capsys, folder, "official", "--week", date.today().isoformat(),
                       "--percent", "121.5")
    assert code == 0 and "121.5 percent" in out
    _, out, _ = run(capsys, folder, "status", "--json")
    assert json.loads(out)["official_percent"] == 121.5
    _, out, _ = run(capsys, folder, "status")
    assert "An official workload figure your manager gave is recorded for this week" in out


def test_bad_official_figure_exits_2_with_one_line(capsys, tmp_path):
    run(capsys, tmp_path, "profile", "--hours", "37")  # makes the data file
    code, _, err = run(capsys, tmp_path, "official", "--week", "2026-03-02", "--percent", "900")
    assert code == 2 and err.startswith("error: The official figure must be a percentage")


def test_status_add_to_notes_puts_the_workload_on_the_agenda(capsys, tmp_path):
    folder = demo_folder(tmp_path / "demo")
    code, out, _ = run(capsys, folder, "status", "--add-to-notes")
    assert code == 0 and "Added to the notes for your next supervision." in out
    db = open_database(database_path(folder))
    notes = [r["text"] for r in db.query("SELECT text FROM agenda_items WHERE kind = 'workload'")]
    db.close()
    # The summary's words and dates: no ISO week number, no workload points.
    assert any(n.startswith(("Workload for the week to ", "Workload for this week so far"))
               for n in notes)
    assert not any("-W" in n or "points" in n for n in notes)


def test_method_explains_the_estimate(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, "method")
    assert code == 0 and "Time already allowed for" in out and "occupational health" in out


def test_sustained_weeks_and_since_describe_the_same_episode(capsys, tmp_path):
    # breaker4 report, finding 5: the caseload run (9) was paired with the weighted start.
    from core.caseload.cases import CaseStore
    from core.caseload.models import Case, Profile
    from core.workload.profile import save_profile

    db = open_database(database_path(tmp_path))
    save_profile(db, Profile(grade="PO", contracted_hours=Decimal("37")),
                 effective_from=date(2026, 8, 31))
    CaseStore(db).add_cases([Case(f"C{n}", "community", "C0", date(2026, 8, 31))
                             for n in range(61)]
                            + [Case(f"A{n}", "community", "A3", date(2026, 10, 5))
                               for n in range(3)])
    db.close()
    code, out, _ = run(capsys, tmp_path, "status", "--as-of", "2026-10-30", "--json")
    data = json.loads(out)
    assert code == 0 and data["caseload_run"] > data["weighted_run"] >= 4
    assert (data["sustained_weeks"], data["sustained_since"]) == (data["weighted_run"],
                                                                  data["weighted_since"])
