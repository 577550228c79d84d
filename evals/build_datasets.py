"""Regenerate `datasets/dev.jsonl`, `datasets/heldout.jsonl` and `datasets/smoke.jsonl` from
the fixture lists (`datasets/ar_fixtures.jsonl`, `datasets/en_other_fixtures.jsonl` for dev,
`datasets/heldout_fixtures.jsonl` for the held-out set).

Run after adding fixtures: `python -m summarizer.evals.build_datasets`. A listed fixture
without a gold file is left out (and named); a gold file in no list is added to dev (and
named). The held-out set holds articles written by people who never saw the rules backend's
code, to measure how a backend tuned on dev does on text nobody tuned it on: keep it out of
tuning. The smoke set is hand-picked below: the seed, two more languages, prompt injection and
hamza variants, nothing long, so CI stays quick.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .dataset import DATASETS_DIR, FIXTURES_DIR

LISTS = ("ar_fixtures.jsonl", "en_other_fixtures.jsonl")
HELDOUT = "heldout_fixtures.jsonl"
SMOKE = (
    "ar_001_ghouta_seed",
    "ar_008_rusafa_water_hamza_variants",
    "en_001_velka_valley_evacuation",
    "en_005_grey_ravens_statement",
    "fr_001_ndakoro_crn_dement",
)


def _row(raw: dict[str, Any]) -> dict[str, Any]:
    language = raw.get("language", raw.get("lang"))
    return {"id": raw["id"], "language": language, "tags": list(raw.get("tags") or [])}


def _listed(path: Path) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                rows[raw["id"]] = _row(raw)
    return rows


def _with_gold(rows: dict[str, dict[str, Any]], fixtures: Path) -> list[dict[str, Any]]:
    for fid in [f for f in rows if not (fixtures / f"{f}.gold.json").exists()]:
        print(f"left out {fid}: listed but has no gold yet", file=sys.stderr)
        del rows[fid]
    return [rows[k] for k in sorted(rows)]


def collect_heldout(
    datasets: Path = DATASETS_DIR, fixtures: Path = FIXTURES_DIR
) -> list[dict[str, Any]]:
    return _with_gold(_listed(datasets / HELDOUT), fixtures)


def collect(datasets: Path = DATASETS_DIR, fixtures: Path = FIXTURES_DIR) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for name in LISTS:
        rows.update(_listed(datasets / name))
    heldout = _listed(datasets / HELDOUT)
    for gold in sorted(fixtures.glob("*.gold.json")):
        fid = gold.name.removesuffix(".gold.json")
        if fid not in rows and fid not in heldout and (fixtures / f"{fid}.txt").exists():
            data = json.loads(gold.read_text(encoding="utf-8"))
            rows[fid] = _row({"id": fid, "language": data.get("language")})
            print(f"added {fid}: it has gold but is in no list", file=sys.stderr)
    return _with_gold(rows, fixtures)


def _dump(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main() -> None:
    rows = collect()
    (DATASETS_DIR / "dev.jsonl").write_text(_dump(rows), encoding="utf-8")
    by_id = {r["id"]: r for r in rows}
    smoke = [by_id[f] for f in SMOKE if f in by_id]
    (DATASETS_DIR / "smoke.jsonl").write_text(_dump(smoke), encoding="utf-8")
    heldout = collect_heldout()
    (DATASETS_DIR / "heldout.jsonl").write_text(_dump(heldout), encoding="utf-8")
    print(
        f"dev: {len(rows)} fixtures; heldout: {len(heldout)} fixtures; "
        f"smoke: {', '.join(r['id'] for r in smoke)}"
    )


if __name__ == "__main__":
    main()
