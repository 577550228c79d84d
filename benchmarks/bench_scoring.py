"""Benchmark of the eval harness: scoring throughput and the cached-rerun speed-up.

1. Scoring: 1,000 (gold, prediction) pairs, replicated from the gold fixtures — half scored
   against themselves, half against a perturbed copy (actors renamed and reordered, a
   denial and a claim dropped) so the matcher does real work. Target: under 5 s on one core.
2. Cached rerun: an eval run over the `dev` dataset with `--backend rules`, twice with one
   fresh cache; the second run is served from the cache. The rules extractor is fast, so
   the run's fixed costs (loading and grounding the gold, scoring, writing) dominate; a
   stand-in backend (labelled as such in the output) that answers with the gold after a
   50 ms sleep, like a quick model endpoint, shows the cache at work.

Run: python benchmarks/bench_scoring.py [--pairs N] [--skip-run]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from summarizer.backends import Backend, Completion, Message
from summarizer.evals.dataset import load_dataset
from summarizer.evals.evaluate import LoadedFixture, load_fixtures
from summarizer.evals.runner import RunOptions, run
from summarizer.evals.scoring import aggregate, score_fixture
from summarizer.schemas import StructuredSummary, SummaryDraft


def perturbed(summary: StructuredSummary) -> StructuredSummary:
    data: dict[str, Any] = json.loads(summary.model_dump_json())
    rename = {a["id"]: f"p{i}" for i, a in enumerate(data["actors"])}
    for a in data["actors"]:
        a["id"] = rename[a["id"]]
        a["affiliation"] = rename.get(a["affiliation"]) if a["affiliation"] else None
    data["actors"].reverse()
    for s in data["sources"]:
        s["actor"] = rename.get(s["actor"]) if s["actor"] else None
    for d in data["denials"]:
        d["denier"] = rename[d["denier"]]
        d["counterparties"] = [rename[c] for c in d["counterparties"]]
    for c in data["negotiation_claims"]:
        c["claimant"] = rename[c["claimant"]]
        c["parties"] = [rename[p] for p in c["parties"]]
    data["denials"] = data["denials"][1:]
    data["negotiation_claims"] = data["negotiation_claims"][1:]
    data["contradictions"] = [
        {**k, "claim": k["claim"] - 1, "denial": k["denial"] - 1}
        for k in data["contradictions"]
        if k["claim"] > 0 and k["denial"] > 0
    ]
    return StructuredSummary.model_validate(data)


def bench_scoring(loaded: list[LoadedFixture], pairs: int) -> None:
    variants = [(item, item.gold.summary) for item in loaded]
    variants += [(item, perturbed(item.gold.summary)) for item in loaded]
    work = [variants[i % len(variants)] for i in range(pairs)]
    started = time.perf_counter()
    scores = [
        score_fixture(item.gold, pred, item.text, fixture_id=f"{item.fixture.id}#{i}")
        for i, (item, pred) in enumerate(work)
    ]
    document = aggregate(scores)
    elapsed = time.perf_counter() - started
    print(
        f"scoring: {pairs} fixtures from {len(loaded)} gold files in {elapsed:.3f} s "
        f"({pairs / elapsed:,.0f} fixtures/s; target: {pairs} in < 5 s on one core: "
        f"{'PASS' if elapsed < 5 * pairs / 1000 else 'FAIL'})"
    )
    print(
        f"  sanity: actors F1 {document['overall']['actors']['f1']:.3f}, "
        f"denials F1 {document['overall']['denials']['f1']:.3f}"
    )


class StandInBackend(Backend):
    """NOT the rules backend: answers with the gold after a 50 ms sleep (a stand-in)."""

    name = "stand-in"
    uses_prompt = False

    def __init__(self, loaded: list[LoadedFixture]) -> None:
        self.model = "stand-in-gold-replay"
        self.drafts: dict[str, SummaryDraft] = {}
        for item in loaded:
            data = item.gold.summary.model_dump(mode="json", exclude={"meta", "schema_version"})
            for field in ("actors", "sources", "denials", "negotiation_claims"):
                for x in data[field]:
                    x["quote"] = x.pop("evidence")["quote"]
            self.drafts[item.text] = SummaryDraft.model_validate(data)

    def complete(self, messages: list[Message], text: str) -> Completion:
        time.sleep(0.05)
        # A long article arrives in chunks: answer with its whole gold; the pipeline drops
        # what is not in the chunk and merges the chunks.
        draft = self.drafts.get(text) or next(d for t, d in self.drafts.items() if text in t)
        return Completion(draft=draft)


def bench_cached_rerun(backend: str | Backend, label: str) -> None:
    dataset = load_dataset("dev")
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache.sqlite3"
        times = []
        for name in ("first", "second"):
            started = time.perf_counter()
            result = run(
                RunOptions(
                    dataset=dataset,
                    out_dir=Path(tmp) / name,
                    backend=backend,
                    cache_path=cache,
                    concurrency=4,
                    progress=False,
                )
            )
            times.append(time.perf_counter() - started)
            hits = result.scores["run"]["cache_hits"]
            print(
                f"  {name} run: {times[-1]:.3f} s, {hits}/{len(dataset)} fixtures from cache, "
                f"actors F1 {result.scores['overall']['actors']['f1']:.3f}"
            )
    print(
        f"cached rerun ({label}, dev = {len(dataset)} fixtures): "
        f"speed-up x{times[0] / times[1]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--skip-run", action="store_true", help="only the scoring benchmark")
    args = parser.parse_args()
    loaded = load_fixtures(load_dataset("dev"))
    bench_scoring(loaded, args.pairs)
    if args.skip_run:
        return
    try:
        from summarizer.backends.rules import RulesBackend  # noqa: F401
    except ImportError:
        print("rules backend not installed: skipping its cached rerun")
    else:
        bench_cached_rerun("rules", "rules backend")
    bench_cached_rerun(
        StandInBackend(loaded), "STAND-IN backend, not a real one: gold replay + 50 ms sleep"
    )


if __name__ == "__main__":
    main()
