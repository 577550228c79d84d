"""Benchmark of the offline rules backend: articles per second on ~500-word articles.

Synthetic articles are assembled from the sentences of the fixture articles (Arabic and
English separately, in a fixed pseudo-random order) until each reaches about 500 words, so
the extractor sees realistic cue density. Two figures per language:

1. `RulesBackend.complete` alone (segmentation, lexicon matching, actors, events, draft);
   and the same with the cue matcher's token memo emptied before every article, as if
   every word were new (the articles share their sentences, so the memo mostly hits);
2. the full `Summarizer(backend="rules").summarize` (input preparation, chunking,
   grounding every quote, merge, metadata).

Target: at least 200 articles/s on one core through `complete`. Rates are given by the
process's CPU time (the single-core rate, unaffected by other work on a shared machine)
and by wall time.

Run: python benchmarks/bench_rules.py [--articles N] [--words W]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from summarizer import Summarizer
from summarizer.backends.rules import RulesBackend
from summarizer.backends.rules.lexicon import _forget_tokens
from summarizer.settings import Settings

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"
_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]?")


def sentences(language: str) -> list[str]:
    out: list[str] = []
    for path in sorted(FIXTURES.glob(f"{language}_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out += [s.strip() for s in _SENTENCE.findall(line) if len(s.split()) >= 6]
    return out


def articles(language: str, count: int, words: int, seed: int = 7) -> list[str]:
    pool = sentences(language)
    rng = random.Random(seed)
    result: list[str] = []
    for _ in range(count):
        picked: list[str] = []
        n = 0
        while n < words:
            s = rng.choice(pool)
            picked.append(s)
            n += len(s.split())
        paragraphs = [" ".join(picked[i : i + 3]) for i in range(0, len(picked), 3)]
        result.append(picked[0] + "\n\n" + "\n\n".join(paragraphs))
    return result


def rate(label: str, texts: list[str], fn: Callable[[str], object], repeat: int) -> None:
    """Articles per second: the best of `repeat` passes (as `timeit` does: slower passes
    measure other load on a shared machine, not this code), by the process's CPU time and
    by wall time."""
    fn(texts[0])  # warm the lexicon caches
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for t in texts:
            fn(t)
        best_cpu = min(best_cpu, time.process_time() - cpu0)
        best_wall = min(best_wall, time.perf_counter() - wall0)
    n = len(texts)
    words = sum(len(t.split()) for t in texts) / n
    print(
        f"{label:44s} {n / best_cpu:8.1f} articles/s CPU  {n / best_wall:8.1f} wall  "
        f"({words:.0f} words avg, {best_cpu / n * 1000:.2f} ms CPU/article, best of {repeat})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    backend = RulesBackend(Settings(backend="rules"))
    with Summarizer(backend="rules") as summarizer:
        for language in ("ar", "en"):
            texts = articles(language, args.articles, args.words)

            def complete(text: str) -> object:
                return backend.complete([], text)

            def complete_cold(text: str) -> object:
                _forget_tokens()
                return backend.complete([], text)

            rate(f"[{language}] RulesBackend.complete", texts, complete, args.repeat)
            rate(f"[{language}]   same, every word new", texts, complete_cold, args.repeat)
            summarize = summarizer.summarize
            rate(
                f"[{language}] Summarizer(backend='rules').summarize", texts, summarize, args.repeat
            )


if __name__ == "__main__":
    main()
