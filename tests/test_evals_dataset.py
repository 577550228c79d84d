"""Datasets: name resolution, fixture lookup, errors; the shipped datasets load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.evals.dataset import DATASETS_DIR, FIXTURES_DIR, load_dataset
from summarizer.evals.errors import EvalUsageError
from summarizer.evals.evaluate import load_fixtures

SEED = "ar_001_ghouta_seed"


def test_shipped_datasets_resolve_by_name_and_load() -> None:
    dev = load_dataset("dev")
    smoke = load_dataset("smoke")
    assert dev.path == DATASETS_DIR / "dev.jsonl"
    assert SEED in smoke.ids() and 3 <= len(smoke) <= 8
    assert set(smoke.ids()) <= set(dev.ids())
    # dev and heldout split the gold fixtures between them, and every one loads and grounds.
    heldout = load_dataset("heldout")
    gold_ids = {p.name.removesuffix(".gold.json") for p in FIXTURES_DIR.glob("*.gold.json")}
    assert set(dev.ids()) | set(heldout.ids()) == gold_ids, (
        "run: python -m summarizer.evals.build_datasets"
    )
    assert not set(dev.ids()) & set(heldout.ids())
    assert len(load_fixtures(dev)) == len(dev)
    assert len(load_fixtures(heldout)) == len(heldout) > 0


def test_smoke_mixes_languages() -> None:
    smoke = load_fixtures(load_dataset("smoke"))
    languages = {item.fixture.language or item.gold.summary.language for item in smoke}
    if any(p.name.startswith("en_") for p in FIXTURES_DIR.glob("*.gold.json")):
        assert {"ar", "en"} <= languages


def test_path_and_explicit_fixture_paths(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text((FIXTURES_DIR / f"{SEED}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    gold = tmp_path / "a.gold.json"
    gold.write_text((FIXTURES_DIR / f"{SEED}.gold.json").read_text(encoding="utf-8"))
    ds = tmp_path / "d.jsonl"
    row = {
        "id": "x",
        "language": "ar",
        "tags": ["seed"],
        "text_path": "a.txt",
        "gold_path": str(gold),
    }
    ds.write_text(json.dumps(row) + "\n\n")
    loaded = load_dataset(str(ds))
    assert loaded.fixtures[0].text_path == text and loaded.fixtures[0].tags == ("seed",)
    assert loaded.name == "d"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "lists no fixtures"),
        ("{oops\n", "not JSON"),
        ('{"name": "x"}\n', 'needs a string "id"'),
        (f'{{"id": "{SEED}"}}\n{{"id": "{SEED}"}}\n', "listed twice"),
        ('{"id": "no_such_fixture"}\n', "has no text file"),
        (f'{{"id": "{SEED}", "tags": "one"}}\n', "tags"),
    ],
)
def test_bad_datasets_are_usage_errors(tmp_path: Path, content: str, message: str) -> None:
    ds = tmp_path / "bad.jsonl"
    ds.write_text(content)
    with pytest.raises(EvalUsageError, match=message):
        load_dataset(ds)


def test_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(EvalUsageError, match="smoke"):
        load_dataset("no_such_dataset")
