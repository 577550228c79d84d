"""The HTML report of an eval run: figures as in scores.json, one row and one side-by-side
detail per fixture, item statuses that agree with the scorer's counts, escaping, and
graceful degradation when run files are missing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser as Selectolax

from summarizer.evals.dataset import load_dataset
from summarizer.evals.evaluate import load_fixtures, score_rows, write_json, write_results
from summarizer.evals.report_html import render_run_html
from summarizer.grounding import Grounder
from summarizer.schemas import Actor

HOSTILE_ERROR = 'BackendError: <script>window.__pwned=1</script><img src=x onerror="x()">'


def build_run(out: Path) -> dict[str, Any]:
    """A run directory over the smoke dataset written by the harness's own functions:
    fixture 0 predicted perfectly, fixture 1 missing its first denial and with one spurious
    actor, the last fixture failed with a hostile error message."""
    out.mkdir(parents=True, exist_ok=True)
    dataset = load_dataset("smoke")
    loaded = load_fixtures(dataset)
    rows: dict[str, dict[str, Any]] = {}
    for n, item in enumerate(loaded):
        s = item.gold.summary
        if n == 1:
            first_word = item.text.split()[0]
            extra = Actor(
                id="zz_spurious",
                name="Nobody Inparticular",
                kind="person",
                evidence=Grounder(item.text).ground(first_word),
            )
            kept = [k for k in s.contradictions if k.denial != 0]
            s = s.model_copy(
                update={
                    "denials": s.denials[1:],
                    "contradictions": [k.model_copy(update={"denial": k.denial - 1}) for k in kept],
                    "actors": [*s.actors, extra],
                }
            )
        rows[item.fixture.id] = {
            "id": item.fixture.id,
            "summary": s.model_dump(mode="json"),
            "error": None,
            "usage": {"prompt_tokens": 100 * n, "completion_tokens": 7},
            "latency_s": 0.5 + n,
            "attempts": 1,
            "cache_hit": n == 0,
        }
    last = loaded[-1].fixture.id
    rows[last] = {"id": last, "summary": None, "error": HOSTILE_ERROR, "latency_s": 0.1}
    config = {
        "dataset": {"name": dataset.name, "path": str(dataset.path), "fixtures": len(dataset)},
        "backend": "gold-copy",
        "model": "none",
    }
    write_json(out / "config.json", config)
    (out / "predictions.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows.values()),
        encoding="utf-8",
    )
    document: dict[str, Any] = write_results(out, score_rows(loaded, rows))
    return document


def per_fixture(run: Path) -> list[dict[str, Any]]:
    lines = (run / "per_fixture.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_figures_and_fixture_table_follow_the_run_files(tmp_path: Path) -> None:
    scores = build_run(tmp_path / "run")
    tree = Selectolax(render_run_html(tmp_path / "run"))
    table = tree.css_first("table.fields")
    assert table is not None
    for row in table.css("tbody tr"):
        cells = [c.text() for c in row.css("td")]
        figures = scores["overall"][cells[0]]
        assert cells[1:4] == [f"{figures[k]:.3f}" for k in ("precision", "recall", "f1")]
        assert cells[4:7] == [str(figures[k]) for k in ("tp", "fp", "fn")]
    assert len(tree.css("svg.chart rect")) == len(scores["fields"]) * 3
    assert len(table.css("tbody tr")) == len(scores["fields"])
    rows = tree.css("table.fixtures tbody tr")
    assert [r.attributes["data-fixture"] for r in rows] == [
        p["id"] for p in per_fixture(tmp_path / "run")
    ]
    assert [r.css("td")[3].text() for r in rows][-1] == "error"
    assert len(tree.css("details.fixture")) == len(rows)
    assert tree.css("table.sortable thead th button")


def test_item_statuses_agree_with_the_scorer_counts(tmp_path: Path) -> None:
    build_run(tmp_path / "run")
    tree = Selectolax(render_run_html(tmp_path / "run"))
    details = tree.css("details.fixture")
    for n, recorded in enumerate(per_fixture(tmp_path / "run")):
        if recorded["error"]:
            continue
        gold_side, pred_side = details[n].css("div.side")
        for f in ("actors", "sources", "denials", "negotiation_claims", "contradictions"):
            counts = recorded["fields"][f]
            gold = [s.text() for s in gold_side.css(f"li[data-entry^='fx{n}-g-{f}-'] .status")]
            pred = [s.text() for s in pred_side.css(f"li[data-entry^='fx{n}-p-{f}-'] .status")]
            assert gold.count("missed") + gold.count("partial") == counts["fn"], (n, f)
            assert pred.count("spurious") + pred.count("partial") == counts["fp"], (n, f)
            assert pred.count("matched") >= counts["tp"], (n, f)
    # Fixture 1 lost its first denial and gained an actor.
    gold_side, pred_side = details[1].css("div.side")
    first = gold_side.css_first("li[data-entry='fx1-g-denials-0'] .status")
    assert first is not None and first.text() in ("missed", "partial")
    statuses = {
        li.attributes["data-entry"]: li.css_first(".status").text()
        for li in pred_side.css("li[data-entry^='fx1-p-actors-']")
    }
    assert list(statuses.values())[-1] == "spurious"
    assert list(statuses.values()).count("spurious") == 1
    # Both sides highlight their evidence in their own article.
    assert gold_side.css("article mark.first") and pred_side.css("article mark.first")


def test_hostile_error_text_is_escaped_and_only_our_script_runs(tmp_path: Path) -> None:
    build_run(tmp_path / "run")
    page = render_run_html(tmp_path / "run")
    tree = Selectolax(page)
    assert len(tree.css("script")) == 1 and not tree.css("img")
    assert HOSTILE_ERROR in tree.css("details.fixture")[-1].text()
    for node in tree.css("*"):
        assert not any(k.lower().startswith("on") for k in node.attributes), node.tag
    policy = tree.css_first('meta[http-equiv="Content-Security-Policy"]')
    assert policy is not None and "default-src 'none'" in policy.attributes["content"]


def test_missing_files_degrade_to_what_can_be_shown(tmp_path: Path) -> None:
    run = tmp_path / "run"
    document = build_run(run)
    (run / "scores.json").unlink()
    (run / "per_fixture.jsonl").unlink()
    (run / "config.json").unlink()
    tree = Selectolax(render_run_html(run))
    notes = " ".join(p.text() for p in tree.css(".overview .notes"))
    assert "scores.json is missing" in notes and "recomputed" in notes
    # Recomputed figures equal the harness's own.
    row = tree.css_first("table.fields tbody tr")
    assert row is not None
    assert row.css("td")[3].text() == f"{document['overall']['actors']['f1']:.3f}"
    assert len(tree.css("details.fixture")) == document["n"]

    empty = tmp_path / "empty"
    empty.mkdir()
    tree = Selectolax(render_run_html(empty))
    assert "predictions.jsonl is missing" in tree.css_first(".overview").text()
    assert not tree.css("details.fixture")
