"""Speed of the local backend (`llamacpp`) on this machine: the default GGUF, in-process.

Prints, for the seed article and a short article, the tokens read and written, the seconds
and tokens per second of a whole `Summarizer.summarize` call — cold (a fresh model, nothing
cached) and warm (the same `Summarizer` again: llama.cpp reuses the prompt prefix it already
evaluated) — then the raw rates behind them: prompt evaluation, free generation and
grammar-constrained generation.

    python benchmarks/bench_local.py [--model-path GGUF] [--threads N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "evals" / "fixtures" / "ar_001_ghouta_seed.txt"
SHORT = (
    "The interior ministry of Valdoria denied on Tuesday that it had held secret talks with "
    'the Northern Front rebels. "There have been no negotiations of any kind," ministry '
    "spokesman Karel Dunn told Reuters.\n\n"
    "But the Northern Front said in a statement that talks on a prisoner exchange had been "
    "going on for two weeks in the border town of Mirna.\n"
)
RAW_TOKENS = 64


def _row(label: str, prompt: int, completion: int, seconds: float) -> str:
    rate = (prompt + completion) / seconds if seconds else 0.0
    out = completion / seconds if seconds else 0.0
    return (
        f"| {label:<24} | {prompt:>6} | {completion:>6} | {seconds:>7.2f} | "
        f"{rate:>9.1f} | {out:>8.1f} |"
    )


def end_to_end(options: dict[str, Any], articles: dict[str, str]) -> None:
    from summarizer import Summarizer

    print("## Summarizer.summarize (grammar-constrained, the pipeline's prompt, no examples)\n")
    print("| article, run               | prompt | output | seconds | all tok/s | out tok/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, text in articles.items():
        started = time.perf_counter()
        with Summarizer(backend="llamacpp", **options) as s:
            load_s = time.perf_counter() - started
            for run in ("cold", "warm"):
                t0 = time.perf_counter()
                summary = s.summarize(text)
                seconds = time.perf_counter() - t0
                assert summary.meta is not None
                u = summary.meta.usage
                print(_row(f"{name}, {run}", u.prompt_tokens, u.completion_tokens, seconds))
        print(f"|   (model load {load_s:.2f} s) | | | | | |")
    print()


def raw_rates(options: dict[str, Any], text: str) -> None:
    from llama_cpp.llama_grammar import LlamaGrammar

    from summarizer.backends.llamacpp import LlamaCppBackend, json_schema_grammar
    from summarizer.prompting import Prompt
    from summarizer.schemas import SummaryDraft
    from summarizer.settings import Settings

    backend = LlamaCppBackend(Settings(backend="llamacpp", **options))
    llm = backend.llm
    messages = Prompt(examples=False).messages(text)
    prompt = "\n\n".join(m["content"] for m in messages)
    tokens = llm.tokenize(prompt.encode(), special=True)
    grammar = LlamaGrammar.from_string(
        json_schema_grammar(SummaryDraft.model_json_schema()), verbose=False
    )
    print(f"## Raw rates ({len(tokens)}-token prompt, {RAW_TOKENS} tokens out)\n")
    print("| step                       | tokens | seconds | tok/s |")
    print("|---|---:|---:|---:|")

    llm.reset()
    t0 = time.perf_counter()
    llm.eval(tokens)
    seconds = time.perf_counter() - t0
    rate = len(tokens) / seconds
    print(f"| prompt evaluation          | {len(tokens):>6} | {seconds:>7.2f} | {rate:>5.1f} |")

    for label, extra in (("free generation", {}), ("grammar generation", {"grammar": grammar})):
        t0 = time.perf_counter()
        # The prompt is cached from the step above: this times generation only.
        out = llm.create_completion(
            tokens, max_tokens=RAW_TOKENS, temperature=0.0, repeat_penalty=1.0, **extra
        )
        seconds = time.perf_counter() - t0
        n = out["usage"]["completion_tokens"]
        print(f"| {label:<26} | {n:>6} | {seconds:>7.2f} | {n / seconds:>5.1f} |")
    backend.close()
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-path", help="GGUF file (default: the `local` extra's model)")
    parser.add_argument("--threads", type=int, help="CPU threads (default: all available)")
    args = parser.parse_args(argv)
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        print("llama-cpp-python is not installed: pip install 'summarizer[local]'", file=sys.stderr)
        return 2
    import os

    from summarizer.backends.llamacpp import DEFAULT_MAX_TOKENS, LlamaCppBackend
    from summarizer.settings import Settings

    options: dict[str, Any] = {"model_path": args.model_path, "threads": args.threads}
    probe = LlamaCppBackend(Settings(backend="llamacpp", **options))
    print(
        f"# bench_local: {probe.model}, {probe.threads} thread(s) "
        f"of {len(os.sched_getaffinity(0))} CPU(s), n_ctx {probe.n_ctx}, "
        f"max_tokens {DEFAULT_MAX_TOKENS}\n"
    )
    probe.close()
    articles = {"seed (ar)": SEED.read_text(encoding="utf-8"), "short (en)": SHORT}
    end_to_end(options, articles)
    raw_rates(options, articles["seed (ar)"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
