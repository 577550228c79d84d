"""The pipeline's own overhead per 1,000-word article: everything but the model call
(prompt rendering, parsing, validation, grounding, merging, metadata).

Two measurements per language (Arabic, English), each over RUNS articles:
- `openai+http`: the openai backend against the loopback fake server answering instantly
  with a realistic ~30-item draft (exact, normalised and fuzzy quotes);
  `meta.timings["overhead_s"]` excludes the backend call (HTTP + instructor parsing),
  which is reported next to it as `backend call`.
- `in-process`: a `Backend` subclass returning the prebuilt draft at once, so the
  pipeline's work is timed with no HTTP or instructor in the way.

Budget: median overhead under 20 ms per 1,000-word article. Exit status 1 when over it.
Run: `python benchmarks/bench_pipeline.py [--runs 50]`.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fake_openai import chat_tool_call, fake_openai  # noqa: E402

from summarizer import Backend, Completion, Summarizer, SummaryDraft  # noqa: E402
from summarizer.backends import Message  # noqa: E402
from summarizer.schemas import StructuredSummary  # noqa: E402

FIXTURES = ROOT / "evals" / "fixtures"
WORDS = 1000
BUDGET_S = 0.020
# The fastest model call measured on these machines (DESIGN.md, "Pitfalls"): gemma3-270m
# Q4_K_M through llama-cpp-python on 2 cores, 877-token prompt + 62 tokens out, 2.0 s
# unconstrained and 11 s under a JSON-schema grammar. A real ~30-item reply is far longer,
# so the ratios printed against it are upper bounds on the overhead's share.
MODEL_S = {"gemma3-270m unconstrained": 2.0, "gemma3-270m json-schema grammar": 11.0}


def article(prefix: str) -> str:
    """About 1,000 words from the fixtures of one language, cut at a paragraph end."""
    paragraphs: list[str] = []
    for path in sorted(FIXTURES.glob(f"{prefix}_*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out: list[str] = []
    count = 0
    for p in paragraphs:
        if count >= WORDS:
            break
        out.append(p.strip())
        count += len(p.split())
    return "\n\n".join(out) + "\n"


_ARABIC_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "ة": "ه", "ى": "ي"})


def _variant(quote: str) -> str:
    """What models do to quotes: other hamza/ta-marbuta forms, other spacing and case."""
    varied = quote.translate(_ARABIC_VARIANTS)
    if varied == quote:
        varied = quote.upper()
    return varied.replace(" ", "  ", 1)


def _typo(quote: str) -> str:
    """One letter changed in the middle of a long quote (a fuzzy match)."""
    i = len(quote) // 2
    while not quote[i].isalpha():
        i += 1
    return quote[:i] + ("ب" if quote[i] != "ب" and quote[i] > "\u0600" else "q") + quote[i + 1 :]


def realistic_draft(text: str, language: str) -> dict[str, Any]:
    """~30 items: 10 actors, 4 sources, 7 denials, 7 claims, 3 contradictions; a third
    of the long quotes varied (normalised), a few with a typo (fuzzy)."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?؟])\s+|\n+", text) if len(s.split()) >= 9]
    words = [w for w in re.findall(r"\w+", text) if len(w) > 3]

    def clause(i: int) -> str:
        return " ".join(sentences[i % len(sentences)].split()[1:9])

    def name(i: int) -> str:
        first = words[(i * 37) % len(words)]
        return text[text.index(first) : text.index(first) + len(first)]

    actors: list[dict[str, Any]] = [
        {
            "id": f"a{i}",
            "name": name(i),
            "name_en": None,
            "kind": "person",
            "role": None,
            "affiliation": f"a{i - 1}" if i % 3 == 2 else None,
            "aliases": [],
            "quote": name(i),
        }
        for i in range(10)
    ]
    sources = [
        {
            "id": f"s{i}",
            "name": name(20 + i),
            "kind": "news_agency",
            "anonymous": False,
            "actor": None,
            "quote": name(20 + i),
        }
        for i in range(4)
    ]

    def quote(i: int) -> str:
        q = clause(i)
        return _variant(q) if i % 3 == 1 else _typo(q) if i % 4 == 3 else q

    denials = [
        {
            "denier": f"a{i}",
            "denied": "talks",
            "counterparties": [f"a{(i + 1) % 10}"],
            "source": f"s{i % 4}",
            "quote": quote(i),
        }
        for i in range(7)
    ]
    claims = [
        {
            "claimant": f"a{i + 3}",
            "parties": [f"a{i}", f"a{(i + 5) % 10}"],
            "subject": "truce",
            "status": "ongoing",
            "source": None,
            "quote": quote(i + 7),
        }
        for i in range(7)
    ]
    contradictions = [{"claim": i, "denial": i, "note": "n"} for i in range(3)]
    return {
        "language": language,
        "headline": "h",
        "summary": "s",
        "actors": actors,
        "sources": sources,
        "denials": denials,
        "negotiation_claims": claims,
        "contradictions": contradictions,
    }


class PrebuiltBackend(Backend):
    """Answers at once with a prebuilt draft."""

    name = "prebuilt"

    def __init__(self, draft: SummaryDraft) -> None:
        self.draft = draft

    def complete(self, messages: list[Message], text: str) -> Completion:
        return Completion(draft=self.draft)


def _alignments(out: StructuredSummary) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, _, ev in out.evidence():
        counts[ev.alignment] = counts.get(ev.alignment, 0) + 1
    return counts


def _stats(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def bench(language: str, text: str, runs: int) -> list[tuple[str, float, float, str]]:
    data = realistic_draft(text, language)
    draft = SummaryDraft.model_validate(data)
    rows: list[tuple[str, float, float, str]] = []

    with fake_openai("me") as srv:
        srv.queue(chat_tool_call(json.dumps(data, ensure_ascii=False)))
        with Summarizer(backend="openai", base_url=srv.base_url, max_retries=0) as s:
            s.summarize(text)  # warm-up: imports, caches, connection
            overhead, model = [], []
            for _ in range(runs):
                out = s.summarize(text)
                assert out.meta is not None
                overhead.append(out.meta.timings["overhead_s"])
                model.append(out.meta.timings["model_s"])
    items = _alignments(out)
    assert out.meta is not None and out.meta.attempts == 1, "a quote did not ground"
    note = f"{sum(items.values())} items {items}"
    rows.append(("openai+http  overhead", *_stats(overhead), note))
    rows.append(("openai+http  backend call", *_stats(model), "HTTP + instructor parsing"))

    with Summarizer(PrebuiltBackend(draft)) as s:
        s.summarize(text)
        overhead, wall = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            out = s.summarize(text)
            wall.append(time.perf_counter() - t0)
            assert out.meta is not None
            overhead.append(out.meta.timings["overhead_s"])
    rows.append(("in-process   overhead", *_stats(overhead), f"{_alignments(out)}"))
    rows.append(("in-process   wall", *_stats(wall), "summarize() end to end"))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    worst = 0.0
    print(
        f"pipeline overhead per ~{WORDS}-word article, {args.runs} runs each (budget "
        f"{BUDGET_S * 1000:.0f} ms median)"
    )
    for language, prefix in (("ar", "ar"), ("en", "en")):
        text = article(prefix)
        print(f"\n[{language}] {len(text.split())} words, {len(text)} chars")
        print(f"  {'measure':<28} {'median ms':>10} {'p95 ms':>8}  note")
        for label, median, p95, note in bench(language, text, args.runs):
            print(f"  {label:<28} {median * 1000:>10.2f} {p95 * 1000:>8.2f}  {note}")
            if label.endswith("overhead"):
                worst = max(worst, median)
    print(
        f"\nworst median overhead: {worst * 1000:.2f} ms "
        f"({'within' if worst < BUDGET_S else 'OVER'} the {BUDGET_S * 1000:.0f} ms budget)"
    )
    for model, seconds in MODEL_S.items():
        print(f"  = {worst / seconds:.2%} of a {seconds:.1f} s model call ({model}, DESIGN.md)")
    return 0 if worst < BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
