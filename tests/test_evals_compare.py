"""Comparing two run directories: deltas, drops (including rates where lower is better) and
regressed fixtures, on hand-made result files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.evals.compare import compare_runs
from summarizer.evals.scoring import FIELDS


def write_run(
    path: Path, f1: dict[str, float], rates: dict[str, float], per: dict[str, float]
) -> None:
    path.mkdir()
    block = {f: {"precision": 1.0, "recall": 1.0, "f1": f1.get(f, 1.0)} for f in FIELDS}
    scores = {"n": len(per), "overall": block, "macro": block, "rates": rates}
    (path / "scores.json").write_text(json.dumps(scores))
    rows = [
        {"id": fid, "fields": {f: {"f1": value if f == "denials" else 1.0} for f in FIELDS}}
        for fid, value in per.items()
    ]
    (path / "per_fixture.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_deltas_drops_and_regressions(tmp_path: Path) -> None:
    rates_a = {"grounding_rate": 0.9, "schema_valid_rate": 1.0, "error_rate": 0.0}
    rates_b = {"grounding_rate": 0.95, "schema_valid_rate": 1.0, "error_rate": 0.25}
    write_run(tmp_path / "a", {"denials": 0.8}, rates_a, {"x": 1.0, "y": 0.5, "only_a": 1.0})
    write_run(tmp_path / "b", {"denials": 0.7}, rates_b, {"x": 0.5, "y": 0.5, "only_b": 1.0})
    c = compare_runs(tmp_path / "a", tmp_path / "b")
    by_name = {d.name: d for d in c.deltas}
    assert by_name["denials"].delta == pytest.approx(-0.1)
    assert by_name["denials"].drop == pytest.approx(0.1)
    assert by_name["grounding_rate"].drop == pytest.approx(-0.05)  # better
    assert by_name["error_rate"].drop == pytest.approx(0.25)  # more errors is worse
    assert [d.name for d in c.drops_over(0.2)] == ["error_rate"]
    assert {d.name for d in c.drops_over(0.05)} == {"denials", "macro.denials", "error_rate"}
    assert c.drops_over(0.1) == [by_name["error_rate"]]  # 0.1 is not over 0.1
    assert [(r.id, r.fields) for r in c.regressions] == [("x", {"denials": (1.0, 0.5)})]
    assert c.only_a == ["only_a"] and c.only_b == ["only_b"]
