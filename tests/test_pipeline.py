"""The pipeline end to end: long articles in chunks, offsets into the whole text, HTML input,
and a backend written against the public `Backend` interface."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from conftest import ROOT, SEED_DENIAL, actor, as_json, claim, denial, draft, seed_draft
from fake_openai import FakeOpenAI, chat_tool_call

from summarizer import Backend, Completion, Summarizer, SummaryDraft
from summarizer.backends import Message
from summarizer.chunking import split
from summarizer.schemas import StructuredSummary

LONG = (ROOT / "evals" / "fixtures" / "en_008_long_varosh_siege_talks.txt").read_text(
    encoding="utf-8"
)
LATE_DENIAL = "The council denied that any new round had been agreed"
LATE_CLAIM = "a new round of indirect talks on the corridor had been scheduled for next week"
EARLY_CLAIM = 'negotiations with "responsible people inside Varosh" on a humanitarian corridor'
CHUNK = {"chunk_chars": 4000, "chunk_overlap": 300}


def long_draft() -> dict[str, Any]:
    return draft(
        actors=[
            actor(
                "council",
                "Varosh Defence Council",
                "The Varosh Defence Council",
                kind="civil_body",
                aliases=["the council"],
            ),
            actor(
                "sarkis", "Lena Sarkis", "Lena Sarkis", affiliation="council", aliases=["Sarkis"]
            ),
            actor("reisz", "Alma Reisz", "Deputy Prime Minister Alma Reisz"),
            actor(
                "official",
                "an official in the deputy prime minister's office",
                "an official in the deputy prime minister's office",
            ),
            actor("icrc", "ICRC", "with the ICRC acting as intermediary", kind="international_org"),
        ],
        denials=[denial("council", LATE_DENIAL, counterparties=["icrc"])],
        claims=[
            claim("reisz", EARLY_CLAIM, parties=["council"]),
            claim("official", LATE_CLAIM, parties=["icrc", "council"], status="proposed"),
        ],
        contradictions=[{"claim": 1, "denial": 0, "note": "n"}],
        language="en",
    )


def check_long(out: StructuredSummary) -> None:
    chunks = split(LONG, CHUNK["chunk_chars"], CHUNK["chunk_overlap"])
    assert len(chunks) >= 4
    assert out.meta is not None and out.meta.chunks == len(chunks)
    out.check_grounding(LONG)
    names = [a.name for a in out.actors]
    assert len(names) == len(set(names))
    assert "Varosh Defence Council" in names and "ICRC" in names
    d = out.denials
    assert [x.evidence.quote for x in d] == [LATE_DENIAL]
    ev = d[0].evidence
    assert ev.alignment == "exact" and LONG[ev.start : ev.end] == LATE_DENIAL
    assert ev.start > chunks[1].end  # found in a later chunk, offset into the whole text
    late = next(c for c in out.negotiation_claims if c.evidence.quote == LATE_CLAIM)
    assert LONG[late.evidence.start : late.evidence.end] == LATE_CLAIM
    early = next(c for c in out.negotiation_claims if c.evidence.quote == EARLY_CLAIM)
    assert early.evidence.start == LONG.index(EARLY_CLAIM)
    ids = {a.id: a.name for a in out.actors}
    assert ids[d[0].denier] == "Varosh Defence Council"
    assert ids[late.claimant].startswith("an official")
    k = out.contradictions
    assert [
        (out.negotiation_claims[x.claim].evidence.quote, out.denials[x.denial].evidence.quote)
        for x in k
    ] == [(LATE_CLAIM, LATE_DENIAL)]


def test_long_article_through_the_fake_server(server: FakeOpenAI) -> None:
    assert len(LONG) > CHUNK["chunk_chars"]
    server.queue(chat_tool_call(as_json(long_draft())))
    with Summarizer(backend="openai", base_url=server.base_url, max_retries=0, **CHUNK) as s:
        out = s.summarize(LONG)
    check_long(out)
    assert out.meta is not None
    n = out.meta.chunks
    prompts = [r["body"]["messages"][1]["content"] for r in server.requests]
    parts = {i for p in prompts for i in range(1, n + 1) if f"This is part {i} of {n} " in p}
    assert parts == set(range(1, n + 1))
    # Each chunk missing some quotes (all of them here) asks once more, never twice.
    assert len(server.requests) == 2 * n


def test_long_article_async_through_the_fake_server(server: FakeOpenAI) -> None:
    server.queue(chat_tool_call(as_json(long_draft())))

    async def go() -> StructuredSummary:
        with Summarizer(
            backend="openai",
            base_url=server.base_url,
            max_retries=0,
            grounding_reask=False,
            **CHUNK,
        ) as s:
            return await s.asummarize(LONG)

    out = asyncio.run(go())
    check_long(out)
    assert out.meta is not None and len(server.requests) == out.meta.chunks


class FixedBackend(Backend):
    """A real backend that answers every chunk with one prebuilt draft."""

    name = "fixed"

    def __init__(self, data: dict[str, Any]) -> None:
        self.draft = SummaryDraft.model_validate(data)
        self.seen: list[tuple[list[Message], str]] = []

    def complete(self, messages: list[Message], text: str) -> Completion:
        self.seen.append((messages, text))
        return Completion(draft=self.draft)


def test_a_custom_backend_gets_each_chunk_and_its_prompt() -> None:
    backend = FixedBackend(long_draft())
    with Summarizer(backend, grounding_reask=False, **CHUNK) as s:
        out = s.summarize(LONG)
    check_long(out)
    chunks = split(LONG, CHUNK["chunk_chars"], CHUNK["chunk_overlap"])
    assert sorted(text for _, text in backend.seen) == sorted(c.text for c in chunks)
    for messages, text in backend.seen:
        assert text in messages[1]["content"]
    assert out.meta is not None and out.meta.backend == "fixed"


class NamedBackend(FixedBackend):
    name = "my-backend"


def test_a_backend_with_its_own_name_is_accepted(seed_text: str) -> None:
    with Summarizer(NamedBackend(seed_draft(seed_text))) as s:
        out = s.summarize(seed_text)
    assert out.meta is not None and out.meta.backend == "my-backend"


def test_html_input_offsets_index_the_converted_text(seed_text: str) -> None:
    html = "<html><body><h1>عنوان</h1><p>" + seed_text.replace("\n\n", "</p><p>") + "</p>"
    backend = FixedBackend(seed_draft(seed_text))
    with Summarizer(backend) as s:
        out = s.summarize(html)
    assert out.meta is not None and out.meta.input.converted_from_html
    converted = backend.seen[0][1]
    assert "<p>" not in converted
    ev = out.denials[0].evidence
    assert converted[ev.start : ev.end] == SEED_DENIAL
    out.check_grounding(converted)


def test_every_warning_is_in_meta(seed_text: str) -> None:
    data = seed_draft(seed_text)
    data["denials"].append(denial("faylaq", "نص غير موجود في هذا المقال"))
    with Summarizer(FixedBackend(data), keep_ungrounded=False) as s:
        out = s.summarize(seed_text)
    assert out.meta is not None
    assert [w for w in out.meta.warnings if "denials[1]" in w]


def test_input_errors_surface_before_any_call() -> None:
    from summarizer import InputError

    backend = FixedBackend(draft(actors=[]))
    with Summarizer(backend) as s, pytest.raises(InputError):
        s.summarize("   \n")
    assert backend.seen == []
