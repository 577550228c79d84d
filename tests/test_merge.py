"""Merging chunk summaries: actors deduplicated across chunks, ids remapped or renamed,
references and contradiction indexes following, offsets untouched."""

from __future__ import annotations

from typing import Any

from summarizer.merge import merge
from summarizer.schemas import (
    Actor,
    Contradiction,
    Denial,
    Evidence,
    NegotiationClaim,
    Source,
    StructuredSummary,
)


def ev(quote: str, start: int) -> Evidence:
    return Evidence(quote=quote, start=start, end=start + len(quote), alignment="exact")


def act(id: str, name: str, at: int, **kw: Any) -> Actor:
    return Actor(id=id, name=name, kind=kw.pop("kind", "person"), evidence=ev(name, at), **kw)


def part(**items: Any) -> StructuredSummary:
    return StructuredSummary(
        language="ar", headline=items.pop("headline", "h"), summary="s", **items
    )


def test_one_part_is_returned_as_is() -> None:
    p = part(actors=[act("a", "A", 0)])
    assert merge([p]) is p


def test_actors_meet_on_normalised_names_and_aliases() -> None:
    p1 = part(
        headline="first",
        actors=[
            act("faylaq", "فيلق الرحمن", 0, kind="armed_group"),
            act("russia", "روسيا", 20, kind="state"),
        ],
    )
    p2 = part(
        headline="second",
        actors=[
            # Tashkeel and another alef form: the same actor.
            act("rahman", "فَيْلَق الرَّحمن", 500, kind="armed_group", role="faction"),
            # Known in chunk 1 by name, here by an alias.
            act("moscow", "موسكو", 520, kind="state", aliases=["روسيا"], name_en="Russia"),
        ],
    )
    merged = merge([p1, p2])
    assert merged.headline == "first"
    assert [a.id for a in merged.actors] == ["faylaq", "russia"]
    faylaq, russia = merged.actors
    assert faylaq.evidence.start == 0  # first mention kept
    assert faylaq.role == "faction"  # filled from the later chunk
    assert "فَيْلَق الرَّحمن" in faylaq.aliases
    assert "موسكو" in russia.aliases and russia.name_en == "Russia"


def test_ids_are_remapped_and_colliding_ids_renamed() -> None:
    p1 = part(
        actors=[act("a", "Guard", 0, kind="armed_group"), act("b", "Costa", 10)],
        sources=[Source(id="s", name="Reuters", kind="news_agency", evidence=ev("Reuters", 30))],
        denials=[
            Denial(
                denier="a",
                denied="talks",
                counterparties=["b"],
                source="s",
                evidence=ev("Guard denied", 40),
            )
        ],
    )
    p2 = part(
        actors=[
            act("x", "Guard", 1000, kind="armed_group"),  # same actor, other id
            act("a", "Ana Ruiz", 1010),  # a new actor whose id collides
            act("c", "Tomas Reyes", 1020, affiliation="x"),
        ],
        sources=[
            Source(id="s", name="AFP", kind="news_agency", actor=None, evidence=ev("AFP", 1030)),
            Source(id="r", name="reuters", kind="news_agency", evidence=ev("reuters", 1040)),
        ],
        denials=[
            Denial(
                denier="c",
                denied="talks",
                counterparties=["x", "a"],
                source="r",
                evidence=ev("Reyes denied", 1050),
            )
        ],
        negotiation_claims=[
            NegotiationClaim(
                claimant="a",
                parties=["x"],
                subject="truce",
                status="agreed",
                source="s",
                evidence=ev("truce agreed", 1070),
            )
        ],
        contradictions=[Contradiction(claim=0, denial=0, note="n")],
    )
    merged = merge([p1, p2])
    ids = {a.name: a.id for a in merged.actors}
    assert ids == {"Guard": "a", "Costa": "b", "Ana Ruiz": "a_2", "Tomas Reyes": "c"}
    reyes = next(a for a in merged.actors if a.id == "c")
    assert reyes.affiliation == "a"  # "x" in its chunk is "a" now
    assert [s.id for s in merged.sources] == ["s", "s_2"]  # AFP renamed; reuters merged
    d = merged.denials[1]
    assert (d.denier, d.counterparties, d.source) == ("c", ["a", "a_2"], "s")
    c = merged.negotiation_claims[0]
    assert (c.claimant, c.parties, c.source) == ("a_2", ["a"], "s_2")
    # The chunk's contradiction (claim 0, denial 0) is now (claim 0, denial 1).
    assert [(k.claim, k.denial) for k in merged.contradictions] == [(0, 1)]
    assert [x.evidence.start for x in merged.denials] == [40, 1050]  # offsets preserved


def test_overlap_duplicates_are_kept_once_and_indexes_follow() -> None:
    def chunk(at: int) -> StructuredSummary:
        return part(
            actors=[act("g", "Guard", at, kind="armed_group"), act("r", "Russia", at + 10)],
            denials=[Denial(denier="g", denied="talks", evidence=ev("Guard denied talks", 500))],
            negotiation_claims=[
                NegotiationClaim(
                    claimant="r", subject="s", status="ongoing", evidence=ev("talks go on", 600)
                )
            ],
            contradictions=[Contradiction(claim=0, denial=0)],
        )

    p2 = chunk(450)
    p2 = p2.model_copy(
        update={
            "denials": [
                Denial(denier="g", denied="other", evidence=ev("Guard denied more", 900)),
                *p2.denials,
            ],
            "contradictions": [Contradiction(claim=0, denial=1), Contradiction(claim=0, denial=0)],
        }
    )
    merged = merge([chunk(0), StructuredSummary.model_validate(p2.model_dump())])
    assert len(merged.actors) == 2
    assert [d.evidence.quote for d in merged.denials] == ["Guard denied talks", "Guard denied more"]
    assert len(merged.negotiation_claims) == 1
    assert [(k.claim, k.denial) for k in merged.contradictions] == [(0, 0), (0, 1)]


def test_affiliation_to_an_actor_merged_into_itself_is_dropped() -> None:
    p1 = part(actors=[act("g", "Guard", 0, kind="armed_group", aliases=["the group"])])
    p2 = part(
        actors=[
            act("grp", "the group", 100, kind="armed_group"),
            act("g2", "Guard", 120, kind="armed_group", affiliation="grp"),
        ]
    )
    merged = merge([p1, p2])
    assert [(a.id, a.affiliation) for a in merged.actors] == [("g", None)]
