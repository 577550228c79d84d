"""Schema v1 and the model-facing draft: validators, messages that say how to fix, and the
exported JSON Schemas (committed file, flat draft, grammar conversion)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, actor, as_json, claim, denial, draft, source
from pydantic import ValidationError

from summarizer.schemas import (
    ACTOR_KINDS,
    NEGOTIATION_STATUSES,
    SOURCE_KINDS,
    Actor,
    Contradiction,
    Denial,
    Evidence,
    NegotiationClaim,
    Source,
    StructuredSummary,
    SummaryDraft,
    summary_json_schema,
)

COMMITTED_SCHEMA = ROOT / "schemas" / "summary.schema.json"


def ev(quote: str = "words", start: int | None = 0, end: int | None = 5, alignment: str = "exact"):
    return Evidence(quote=quote, start=start, end=end, alignment=alignment)  # type: ignore[arg-type]


def summary(**items: Any) -> StructuredSummary:
    return StructuredSummary(language="en", headline="h", summary="s", **items)


def a(id: str, **kw: Any) -> Actor:
    return Actor(id=id, name=kw.pop("name", id.title()), kind="person", evidence=ev(), **kw)


def error_text(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return str(exc.value)


# -- Evidence ------------------------------------------------------------------------------


@pytest.mark.parametrize("quote", ["", "   ", "\n\t"])
def test_evidence_rejects_empty_quote(quote: str) -> None:
    with pytest.raises(ValidationError) as exc:
        Evidence(quote=quote)
    assert "quote" in error_text(exc)


def test_evidence_unmatched_has_no_offsets() -> None:
    assert Evidence(quote="x").char_interval is None
    with pytest.raises(ValidationError) as exc:
        Evidence(quote="x", start=0, end=1, alignment="unmatched")
    assert "set start and end to null" in error_text(exc)


@pytest.mark.parametrize("alignment", ["exact", "normalized", "fuzzy"])
@pytest.mark.parametrize(("start", "end"), [(None, None), (3, None), (None, 3), (5, 5), (6, 2)])
def test_grounded_evidence_needs_ordered_offsets(
    alignment: str, start: int | None, end: int | None
) -> None:
    with pytest.raises(ValidationError) as exc:
        Evidence(quote="x", start=start, end=end, alignment=alignment)  # type: ignore[arg-type]
    assert "needs offsets with start < end" in error_text(exc)


def test_evidence_rejects_negative_offsets_and_unknown_alignment() -> None:
    with pytest.raises(ValidationError):
        Evidence(quote="x", start=-1, end=2, alignment="exact")
    with pytest.raises(ValidationError):
        Evidence(quote="x", start=0, end=2, alignment="approximate")  # type: ignore[arg-type]


def test_evidence_grounded_flag() -> None:
    assert ev(alignment="fuzzy").grounded
    assert not Evidence(quote="x").grounded


# -- StructuredSummary references ------------------------------------------------------------


def test_valid_summary_round_trips_through_json() -> None:
    s = summary(
        actors=[a("faylaq"), a("alwan", affiliation="faylaq"), a("russia")],
        sources=[Source(id="afp", name="AFP", kind="news_agency", actor=None, evidence=ev())],
        denials=[Denial(denier="alwan", denied="talks", counterparties=["russia"], evidence=ev())],
        negotiation_claims=[
            NegotiationClaim(
                claimant="russia",
                subject="evacuation",
                status="ongoing",
                source="afp",
                evidence=ev(),
            )
        ],
        contradictions=[Contradiction(claim=0, denial=0)],
    )
    again = StructuredSummary.model_validate_json(s.model_dump_json())
    assert again == s


def test_duplicate_actor_id_is_rejected_with_fix() -> None:
    with pytest.raises(ValidationError) as exc:
        summary(actors=[a("x"), a("x", name="Other")])
    assert "actor id 'x' is used twice: give each actor its own id" in error_text(exc)


def test_duplicate_source_id_is_rejected_with_fix() -> None:
    s = Source(id="afp", name="AFP", kind="news_agency", evidence=ev())
    with pytest.raises(ValidationError) as exc:
        summary(sources=[s, s])
    assert "source id 'afp' is used twice" in error_text(exc)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ({"actors": [a("x", affiliation="ghost")]}, "affiliation refers to actor 'ghost'"),
        (
            {"denials": [Denial(denier="ghost", denied="d", evidence=ev())]},
            "denials[0].denier refers to actor 'ghost', which is not in `actors`: add that "
            "actor or use one of ['x']",
        ),
        (
            {"denials": [Denial(denier="x", denied="d", counterparties=["ghost"], evidence=ev())]},
            "denials[0].counterparties refers to actor 'ghost'",
        ),
        (
            {"denials": [Denial(denier="x", denied="d", source="nope", evidence=ev())]},
            "denials[0].source refers to source 'nope', which is not in `sources`: add that "
            "source, use one of [] or null",
        ),
        (
            {
                "negotiation_claims": [
                    NegotiationClaim(
                        claimant="x", parties=["ghost"], subject="s", status="agreed", evidence=ev()
                    )
                ]
            },
            "negotiation_claims[0].parties refers to actor 'ghost'",
        ),
        (
            {"sources": [Source(id="s", name="S", kind="other", actor="ghost", evidence=ev())]},
            "source 's' actor refers to actor 'ghost'",
        ),
    ],
)
def test_dangling_references_are_rejected_with_fix(items: dict[str, Any], expected: str) -> None:
    items = {"actors": [a("x")]} | items
    with pytest.raises(ValidationError) as exc:
        summary(**items)
    assert expected in error_text(exc)


def test_contradiction_indexes_must_be_in_range() -> None:
    denials = [Denial(denier="x", denied="d", evidence=ev())]
    with pytest.raises(ValidationError) as exc:
        summary(actors=[a("x")], denials=denials, contradictions=[Contradiction(claim=0, denial=1)])
    text = error_text(exc)
    assert "contradictions[0].claim = 0 is not an index into negotiation_claims (0..-1)" in text
    assert "contradictions[0].denial = 1 is not an index into denials (0..0)" in text
    with pytest.raises(ValidationError):
        Contradiction(claim=-1, denial=0)


def test_extra_keys_are_refused_in_output_models() -> None:
    with pytest.raises(ValidationError):
        Evidence.model_validate({"quote": "x", "confidence": 0.9})


def test_check_grounding_compares_exact_spans_with_the_text() -> None:
    text = "Harbor Guard denied talks."
    good = summary(
        actors=[
            Actor(
                id="g", name="Harbor Guard", kind="armed_group", evidence=ev("Harbor Guard", 0, 12)
            )
        ]
    )
    good.check_grounding(text)
    bad = summary(
        actors=[
            Actor(
                id="g", name="Harbor Guard", kind="armed_group", evidence=ev("Harbor Guard", 1, 13)
            )
        ]
    )
    with pytest.raises(ValueError, match="marked exact but does not slice back"):
        bad.check_grounding(text)
    with pytest.raises(ValueError, match="past the text"):
        bad.check_grounding(text[:5])


# -- SummaryDraft ------------------------------------------------------------------------------


def valid_draft() -> dict[str, Any]:
    return draft(
        actors=[actor("g", "Guard", "Guard", kind="armed_group"), actor("c", "Costa", "Costa")],
        sources=[source("r", "Reuters", "told Reuters", kind="news_agency", actor=None)],
        denials=[denial("g", "Guard denied", counterparties=["c"], source="r")],
        claims=[claim("c", "talks continue", parties=["g", "c"])],
        contradictions=[{"claim": 0, "denial": 0, "note": "n"}],
        language="en",
    )


def test_draft_accepts_a_consistent_answer_and_ignores_extra_keys() -> None:
    data = valid_draft()
    data["confidence"] = 0.3
    data["actors"][0]["score"] = 1
    parsed = SummaryDraft.model_validate(data)
    assert [x.id for x in parsed.actors] == ["g", "c"]
    assert [where for where, _ in parsed.quoted_items()] == [
        "actors[0]",
        "actors[1]",
        "sources[0]",
        "denials[0]",
        "negotiation_claims[0]",
    ]


def test_draft_rejects_empty_quote_with_fix() -> None:
    data = valid_draft()
    data["denials"][0]["quote"] = "  "
    with pytest.raises(ValidationError) as exc:
        SummaryDraft.model_validate(data)
    assert "denials[0].quote is empty: copy the words from the article" in error_text(exc)


def test_draft_rejects_dangling_reference_and_bad_index() -> None:
    data = valid_draft()
    data["negotiation_claims"][0]["claimant"] = "ghost"
    data["contradictions"][0]["denial"] = 4
    with pytest.raises(ValidationError) as exc:
        SummaryDraft.model_validate(data)
    text = error_text(exc)
    assert "negotiation_claims[0].claimant refers to actor 'ghost'" in text
    assert "contradictions[0].denial = 4 is not an index into denials" in text


def test_draft_lenient_context_skips_consistency_checks() -> None:
    data = valid_draft()
    data["denials"][0]["denier"] = "ghost"
    parsed = SummaryDraft.model_validate(data, context={"lenient": True})
    assert parsed.denials[0].denier == "ghost"


def test_draft_unwraps_a_markdown_fence() -> None:
    data = valid_draft()
    fenced = "```json\n" + as_json(data) + "\n```\n"
    assert SummaryDraft.model_validate_json(fenced) == SummaryDraft.model_validate(data)
    assert SummaryDraft.model_validate_json(fenced.encode()) == SummaryDraft.model_validate(data)


@pytest.mark.parametrize("field", ["id", "name"])
def test_draft_rejects_empty_actor_id_or_name(field: str) -> None:
    data = valid_draft()
    extra = actor("x", "Someone", "Someone")
    extra[field] = ""
    data["actors"].append(extra)
    with pytest.raises(ValidationError):
        SummaryDraft.model_validate(data)


# -- exported JSON Schemas ---------------------------------------------------------------------


def _walk(node: Any) -> list[Any]:
    out = [node]
    if isinstance(node, dict):
        for v in node.values():
            out += _walk(v)
    elif isinstance(node, list):
        for v in node:
            out += _walk(v)
    return out


def test_draft_schema_is_flat_and_uses_only_literal_enums() -> None:
    schema = SummaryDraft.model_json_schema()
    nodes = _walk(schema)
    assert "$defs" not in json.dumps(schema) and "$ref" not in json.dumps(schema)
    enums = [n["enum"] for n in nodes if isinstance(n, dict) and "enum" in n]
    assert sorted(map(tuple, enums)) == sorted([ACTOR_KINDS, SOURCE_KINDS, NEGOTIATION_STATUSES])
    for n in nodes:
        if isinstance(n, dict) and "enum" in n:
            assert n.get("type") == "string", n
        if isinstance(n, dict):
            # Grammar converters silently drop these (DESIGN.md, pitfalls).
            assert not {"pattern", "minimum", "maximum", "exclusiveMinimum", "allOf"} & set(n)
    # Every field is required, so a grammar forces each key and the model cannot skip one.
    for n in nodes:
        if isinstance(n, dict) and n.get("type") == "object":
            assert set(n["required"]) == set(n["properties"]), n.get("title")


def test_committed_summary_schema_is_current() -> None:
    current = json.dumps(summary_json_schema(), indent=2, ensure_ascii=False) + "\n"
    committed = COMMITTED_SCHEMA.read_text(encoding="utf-8") if COMMITTED_SCHEMA.exists() else ""
    assert committed == current, (
        f"{COMMITTED_SCHEMA.relative_to(ROOT)} is out of date with schemas/summary.py: "
        "regenerate it with `summarizer schema > schemas/summary.schema.json` and commit it"
    )


def test_summary_schema_validates_field_contract() -> None:
    schema = summary_json_schema()
    assert list(schema["properties"]) == [
        "schema_version",
        "language",
        "headline",
        "summary",
        "actors",
        "sources",
        "denials",
        "negotiation_claims",
        "contradictions",
        "meta",
    ]
    evidence = schema["$defs"]["Evidence"]["properties"]
    assert set(evidence) == {"quote", "start", "end", "alignment"}
    assert evidence["alignment"]["enum"] == ["exact", "normalized", "fuzzy", "unmatched"]


def test_draft_schema_converts_to_a_llama_cpp_grammar() -> None:
    llama_grammar = pytest.importorskip("llama_cpp.llama_grammar")
    schema = SummaryDraft.model_json_schema()
    grammar = llama_grammar.LlamaGrammar.from_json_schema(json.dumps(schema))
    text = str(grammar._grammar)
    for value in (*ACTOR_KINDS, *SOURCE_KINDS, *NEGOTIATION_STATUSES):
        assert f'"\\"{value}\\""' in text, value
    for key in (
        "language",
        "headline",
        "summary",
        "actors",
        "sources",
        "denials",
        "negotiation_claims",
        "contradictions",
        "quote",
        "counterparties",
        "claim",
    ):
        assert f'"\\"{key}\\""' in text, key


def test_summary_schema_file_is_valid_json_object() -> None:
    data = json.loads(Path(COMMITTED_SCHEMA).read_text(encoding="utf-8"))
    assert data["title"] == "StructuredSummary"
