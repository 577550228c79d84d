"""The resolver grounds a draft in the text and repairs it so the summary always validates."""

from __future__ import annotations

from typing import Any

from conftest import (
    MISSING_QUOTE,
    SEED_CLAIM,
    SEED_DENIAL,
    actor,
    claim,
    denial,
    draft,
    seed_draft,
    source,
)

from summarizer.grounding import Grounder
from summarizer.resolve import language_code, resolve
from summarizer.schemas import StructuredSummary, SummaryDraft


def run(data: dict[str, Any], text: str, **kw: Any):  # type: ignore[no-untyped-def]
    return resolve(
        SummaryDraft.model_validate(data, context={"lenient": True}), Grounder(text), **kw
    )


def test_seed_draft_grounds_every_item(seed_text: str) -> None:
    out = run(seed_draft(seed_text), seed_text)
    s = out.summary
    assert out.warnings == [] and out.ungrounded == []
    assert [a.id for a in s.actors] == ["alwan", "faylaq", "russia"]
    assert s.actors[0].affiliation == "faylaq"
    assert s.denials[0].evidence.alignment == "exact"
    assert seed_text[s.denials[0].evidence.start : s.denials[0].evidence.end] == SEED_DENIAL
    ev = s.negotiation_claims[0].evidence
    assert ev.alignment == "normalized" and seed_text[ev.start : ev.end] == SEED_CLAIM
    assert [(k.claim, k.denial) for k in s.contradictions] == [(0, 0)]
    s.check_grounding(seed_text)


def test_dropping_ungrounded_items_removes_references_and_remaps_contradictions(
    seed_text: str,
) -> None:
    data = seed_draft(seed_text)
    data["actors"].insert(0, actor("ghost", "شبح", MISSING_QUOTE))
    data["actors"][1]["affiliation"] = "faylaq"
    data["denials"].insert(0, denial("ghost", SEED_DENIAL))  # its denier is dropped
    data["denials"].insert(1, denial("faylaq", MISSING_QUOTE))  # its quote is not there
    data["denials"][2]["counterparties"] = ["russia", "ghost"]
    data["negotiation_claims"][0]["parties"] = ["ghost", "russia"]
    data["contradictions"] = [
        {"claim": 0, "denial": 1, "note": "to a dropped denial"},
        {"claim": 0, "denial": 2, "note": "kept, remapped"},
    ]
    out = run(data, seed_text)
    s = out.summary
    assert [a.id for a in s.actors] == ["alwan", "faylaq", "russia"]
    assert len(s.denials) == 1 and s.denials[0].denier == "alwan"
    assert s.denials[0].counterparties == ["russia"]
    assert s.negotiation_claims[0].parties == ["russia"]
    assert [(k.claim, k.denial, k.note) for k in s.contradictions] == [(0, 0, "kept, remapped")]
    text = "\n".join(out.warnings)
    assert "dropped actors[0] (شبح): quote not in the text" in text
    assert "dropped denials[0]: denier 'ghost' is not a kept actor" in text
    assert "dropped denials[1]: quote not in the text" in text
    assert "dropped contradictions[0]" in text
    assert "reference to unknown or dropped actor 'ghost'" in text
    assert out.ungrounded == [
        f"actors[0] (شبح): {MISSING_QUOTE!r}",
        f"denials[1]: {MISSING_QUOTE!r}",
    ]
    StructuredSummary.model_validate(s.model_dump())


def test_keep_ungrounded_keeps_them_unmatched_without_offsets(seed_text: str) -> None:
    data = seed_draft(seed_text, extra_denial=MISSING_QUOTE)
    data["contradictions"].append({"claim": 0, "denial": 1, "note": "n"})
    out = run(data, seed_text, keep_ungrounded=True)
    kept = out.summary.denials[1]
    assert kept.evidence.alignment == "unmatched"
    assert (kept.evidence.start, kept.evidence.end) == (None, None)
    assert len(out.summary.contradictions) == 2
    assert any(w.startswith("kept ungrounded denials[1]") for w in out.warnings)
    dropped = run(data, seed_text)
    assert len(dropped.summary.denials) == 1 and len(dropped.summary.contradictions) == 1


def test_actor_and_source_fall_back_to_their_name(seed_text: str) -> None:
    data = seed_draft(seed_text)
    data["actors"][1]["quote"] = "فيلق الرحمن القوي جدا في كل مكان"  # not in the article
    data["sources"][0]["quote"] = "قناة الجزيرة الفضائية من الدوحة"
    out = run(data, seed_text)
    faylaq = out.summary.actors[1]
    assert faylaq.evidence.alignment == "exact"
    assert seed_text[faylaq.evidence.start : faylaq.evidence.end] == "فيلق الرحمن"
    jazeera = out.summary.sources[0].evidence
    assert seed_text[jazeera.start : jazeera.end] == "الجزيرة"
    assert out.ungrounded == []


def test_actor_falls_back_to_an_alias() -> None:
    text = "The militia said no talks were held."
    data = draft(
        actors=[actor("g", "Harbor Guard", "Harbor Guard", aliases=["The militia"])],
        language="English",
    )
    out = run(data, text)
    assert out.summary.actors[0].evidence.start == 0
    assert out.summary.language == "en"


def test_shift_makes_offsets_article_offsets() -> None:
    text = "Costa said talks go on."
    data = draft(actors=[actor("c", "Costa", "Costa")], claims=[claim("c", "talks go on")])
    out = resolve(SummaryDraft.model_validate(data), Grounder(text), shift=1000)
    assert out.summary.negotiation_claims[0].evidence.start == 1000 + text.index("talks")


def test_duplicate_ids_and_self_affiliation_are_repaired() -> None:
    text = "Guard and Costa met."
    data = draft(
        actors=[actor("g", "Guard", "Guard", affiliation="g"), actor("g", "Costa", "Costa")],
        sources=[source("s", "Guard", "Guard"), source("s", "Costa", "Costa")],
    )
    out = run(data, text)
    assert [(a.id, a.name, a.affiliation) for a in out.summary.actors] == [("g", "Guard", None)]
    assert [s.name for s in out.summary.sources] == ["Guard"]
    assert any("used twice" in w for w in out.warnings)


def test_blank_quotes_and_empty_names_from_a_lenient_parse_are_dropped() -> None:
    # Only a leniently parsed reply has these; they used to crash the resolver.
    text = "Ana Costa said talks continue. Reuters reported it."
    data = draft(
        actors=[
            actor("c", "Ana Costa", "Ana Costa"),
            actor("", "Nobody", "Ana Costa"),
            actor("n", "", "Ana Costa"),
            actor("r", "Reuters", " "),
        ],
        sources=[source("reu", "Reuters", "  ", kind="news_agency"), source("x", "", "Reuters")],
        claims=[claim("c", "   ")],
        denials=[denial("c", "")],
        language="en",
    )
    out = run(data, text, keep_ungrounded=True)
    s = out.summary
    assert [a.id for a in s.actors] == ["c", "r"]
    assert s.actors[1].evidence.alignment == "exact"  # blank quote: the name stands in
    assert [x.id for x in s.sources] == ["reu"]
    assert s.denials == [] and s.negotiation_claims == []
    text_w = "\n".join(out.warnings)
    assert "dropped actors[1]: its id or name is empty" in text_w
    assert "dropped negotiation_claims[0]: its quote is empty" in text_w
    assert "dropped denials[0]: its quote is empty" in text_w


def test_language_code() -> None:
    assert language_code("Arabic") == "ar"
    assert language_code("en-US") == "en"
    assert language_code("  ") == "und"
    assert language_code("1") == "und"
    assert language_code("english language") == "und"
