"""Scoring a dataset's predictions and writing the results of a run directory.

A run directory holds `config.json`, `predictions.jsonl` (one line per fixture),
`scores.json` (the dataset's figures, see `scoring.aggregate`), `per_fixture.jsonl` (each
fixture's counts, misses and spurious items) and `report.md`. Result files are written
atomically: a reader sees the old file or the whole new one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import inputs
from .._io import atomic_write_text
from ..errors import InputError
from .dataset import Dataset, Fixture
from .errors import EvalUsageError, HarnessError
from .gates import check_gates
from .gold import Gold, load_gold
from .scoring import FixtureScore, aggregate, parse_prediction, score_fixture

SCORES_FORMAT = "summarizer.evals.scores/1"


@dataclass(frozen=True, slots=True)
class LoadedFixture:
    fixture: Fixture
    text: str
    gold: Gold


def load_fixture(fixture: Fixture) -> LoadedFixture:
    """The fixture's article text (read as the CLI reads articles) and its grounded gold."""
    try:
        article = inputs.read(fixture.text_path)
    except InputError as exc:
        raise EvalUsageError(f"fixture {fixture.id}: {exc}") from None
    return LoadedFixture(fixture, article.text, load_gold(fixture.gold_path, article.text))


def load_fixtures(dataset: Dataset) -> list[LoadedFixture]:
    return [load_fixture(f) for f in dataset.fixtures]


def score_rows(
    loaded: Iterable[LoadedFixture], rows: Mapping[str, Mapping[str, Any]]
) -> list[FixtureScore]:
    """Score each fixture's prediction row ({"id", "summary", "error"?}); a fixture without
    a row, or whose summary is missing or invalid, is schema-invalid (all gold missed)."""
    scores: list[FixtureScore] = []
    for item in loaded:
        f = item.fixture
        row = rows.get(f.id)
        error: str | None
        if row is None:
            summary, error = None, "no prediction"
        else:
            summary, invalid = parse_prediction(row.get("summary"))
            error = row.get("error") or (invalid if summary is None else None)
        scores.append(
            score_fixture(
                item.gold,
                summary,
                item.text,
                fixture_id=f.id,
                language=f.language,
                tags=f.tags,
                error=str(error) if error is not None else None,
            )
        )
    return scores


def read_predictions(path: Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Prediction rows by id from a JSON Lines file produced elsewhere (read-only: a bad
    line is skipped and reported, its fixture then counts as without a prediction)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise EvalUsageError(f"no predictions file {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalUsageError(f"cannot read predictions {path}: {exc}") from None
    notes: list[str] = []
    rows = {row["id"]: row for row in id_rows(lines, path.name, notes)}
    return rows, notes


def id_rows(lines: list[str], name: str, notes: list[str]) -> list[dict[str, Any]]:
    """The JSON objects with a string `id`, one a line; other lines are skipped, each with a
    note naming `name` and the line number."""
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            notes.append(f"{name}:{number}: skipped a line that is not JSON")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            notes.append(f"{name}:{number}: skipped a line without a string id")
            continue
        rows.append(row)
    return rows


def _write(path: Path, text: str) -> None:
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise HarnessError(f"cannot write {path}: {exc.strerror or exc}") from None


def write_json(path: Path, data: Any) -> None:
    _write(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_results(
    out_dir: Path,
    scores: list[FixtureScore],
    *,
    extra: Mapping[str, Any] | None = None,
    gates: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """Write scores.json, per_fixture.jsonl and report.md; return the scores document
    (with "gates": {"checked", "failed"} when gates are given)."""
    from .report import render_markdown

    document: dict[str, Any] = {"format": SCORES_FORMAT, **aggregate(scores)}
    if extra:
        document.update(extra)
    if gates:
        document["gates"] = {"checked": dict(gates), "failed": check_gates(document, gates)}
    per_fixture = [s.as_dict() for s in scores]
    write_json(out_dir / "scores.json", document)
    _write(
        out_dir / "per_fixture.jsonl",
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in per_fixture),
    )
    config = read_json(out_dir / "config.json") if (out_dir / "config.json").exists() else {}
    _write(out_dir / "report.md", render_markdown(config, document, per_fixture))
    return document


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalUsageError(f"no {path.name} in {path.parent}: is it a run directory?") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HarnessError(f"cannot read {path}: {exc}") from None


def read_per_fixture(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows
