"""Schema v1 of the structured summary: what every backend returns and every tool reads.

Field names are a contract (CLI output, gold fixtures and checks rely on them). The
descriptions are written for two readers at once: the person reading the JSON Schema and
the language model filling it in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1"

ActorKind = Literal[
    "person",
    "armed_group",
    "government",
    "state",
    "military",
    "political_body",
    "international_org",
    "media",
    "civil_body",
    "other",
]
SourceKind = Literal[
    "news_agency",
    "broadcaster",
    "newspaper",
    "official_statement",
    "spokesperson",
    "anonymous",
    "audio_recording",
    "document",
    "social_media",
    "other",
]
NegotiationStatus = Literal[
    "ongoing", "proposed", "agreed", "refused", "stalled", "concluded", "unknown"
]
Alignment = Literal["exact", "normalized", "fuzzy", "unmatched"]

ACTOR_KINDS: tuple[str, ...] = ActorKind.__args__  # type: ignore[attr-defined]
SOURCE_KINDS: tuple[str, ...] = SourceKind.__args__  # type: ignore[attr-defined]
NEGOTIATION_STATUSES: tuple[str, ...] = NegotiationStatus.__args__  # type: ignore[attr-defined]
GROUNDED: frozenset[str] = frozenset({"exact", "normalized", "fuzzy"})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class Evidence(_Model):
    """Where an item is said in the article. `quote` comes from the model; the rest is code's."""

    quote: str = Field(
        min_length=1,
        description="Verbatim words copied from the article (a clause or sentence).",
    )
    start: int | None = Field(
        default=None,
        ge=0,
        description="Filled by code: character offset of the span in the input text.",
    )
    end: int | None = Field(
        default=None,
        ge=0,
        description="Filled by code: end offset (exclusive) of the span in the input text.",
    )
    alignment: Alignment = Field(
        default="unmatched",
        description=(
            "Filled by code: how the quote was found in the text — `exact` (byte-for-byte), "
            "`normalized` (after Unicode/Arabic/whitespace/punctuation folding), `fuzzy` "
            "(approximate alignment above the threshold) or `unmatched` (not found; never "
            "presented as grounded)."
        ),
    )

    @model_validator(mode="after")
    def _offsets_match_alignment(self) -> Evidence:
        if not self.quote.strip():
            raise ValueError("evidence.quote is blank: copy the words from the article")
        if self.alignment == "unmatched":
            if self.start is not None or self.end is not None:
                raise ValueError("an unmatched quote has no offsets: set start and end to null")
        elif self.start is None or self.end is None or self.end <= self.start:
            raise ValueError(
                f"alignment {self.alignment!r} needs offsets with start < end "
                f"(got start={self.start}, end={self.end})"
            )
        return self

    @property
    def grounded(self) -> bool:
        return self.alignment in GROUNDED

    @property
    def char_interval(self) -> tuple[int, int] | None:
        if self.start is None or self.end is None:
            return None
        return (self.start, self.end)


class Actor(_Model):
    id: str = Field(min_length=1, description="Short handle other items use to refer to it.")
    name: str = Field(min_length=1, description="Name as written in the article, original script.")
    name_en: str | None = Field(default=None, description="English rendering, or null.")
    kind: ActorKind
    role: str | None = Field(default=None, description="e.g. spokesperson, commander; or null.")
    affiliation: str | None = Field(default=None, description="Actor id it belongs to, or null.")
    aliases: list[str] = Field(default_factory=list, description="Other surface forms in the text.")
    evidence: Evidence


class Source(_Model):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1, description="As written in the article.")
    kind: SourceKind
    anonymous: bool = False
    actor: str | None = Field(default=None, description="Actor id of the source, or null.")
    evidence: Evidence


class Denial(_Model):
    denier: str = Field(description="Actor id of who denies.")
    denied: str = Field(min_length=1, description="The proposition denied, paraphrased.")
    counterparties: list[str] = Field(
        default_factory=list, description="Actor ids the denial is about."
    )
    source: str | None = Field(default=None, description="Source id it is reported through.")
    evidence: Evidence


class NegotiationClaim(_Model):
    claimant: str = Field(description="Actor id asserting the claim.")
    parties: list[str] = Field(default_factory=list, description="Actor ids said to negotiate.")
    subject: str = Field(min_length=1, description="What is negotiated.")
    status: NegotiationStatus
    source: str | None = None
    evidence: Evidence


class Contradiction(_Model):
    claim: int = Field(ge=0, description="Index into negotiation_claims.")
    denial: int = Field(ge=0, description="Index into denials.")
    note: str = ""


class Usage(_Model):
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )


class InputInfo(_Model):
    chars: int = 0
    encoding: str | None = None
    converted_from_html: bool = Field(
        default=False,
        description="True when the input was HTML: offsets then index the converted text.",
    )


class Meta(_Model):
    """Run metadata, filled by code."""

    backend: str
    model: str | None = None
    base_url: str | None = None
    mode: str | None = None
    prompt_hash: str | None = None
    attempts: int = 0
    usage: Usage = Field(default_factory=Usage)
    latency_s: float = 0.0
    timings: dict[str, float] = Field(default_factory=dict)
    chunks: int = 1
    input: InputInfo = Field(default_factory=InputInfo)
    warnings: list[str] = Field(default_factory=list)


def _check_references(
    actors: Iterable[Any],
    sources: Iterable[Any],
    denials: Iterable[Any],
    claims: Iterable[Any],
    contradictions: Iterable[Any],
) -> list[str]:
    """Every broken reference, each as a sentence saying how to fix it.

    Shared by the model-facing draft and the final summary so both enforce one rule set.
    """
    problems: list[str] = []
    actor_ids = [a.id for a in actors]
    source_ids = [s.id for s in sources]
    for label, ids in (("actor", actor_ids), ("source", source_ids)):
        seen: set[str] = set()
        for i in ids:
            if i in seen:
                problems.append(f"{label} id {i!r} is used twice: give each {label} its own id")
            seen.add(i)
    known_actors, known_sources = set(actor_ids), set(source_ids)

    def need_actor(where: str, ref: str | None) -> None:
        if ref is not None and ref not in known_actors:
            problems.append(
                f"{where} refers to actor {ref!r}, which is not in `actors`: "
                f"add that actor or use one of {sorted(known_actors)}"
            )

    def need_source(where: str, ref: str | None) -> None:
        if ref is not None and ref not in known_sources:
            problems.append(
                f"{where} refers to source {ref!r}, which is not in `sources`: "
                f"add that source, use one of {sorted(known_sources)} or null"
            )

    for a in actors:
        need_actor(f"actor {a.id!r} affiliation", a.affiliation)
    for s in sources:
        need_actor(f"source {s.id!r} actor", s.actor)
    n_denials = 0
    for n_denials, d in enumerate(denials, 1):
        need_actor(f"denials[{n_denials - 1}].denier", d.denier)
        for c in d.counterparties:
            need_actor(f"denials[{n_denials - 1}].counterparties", c)
        need_source(f"denials[{n_denials - 1}].source", d.source)
    n_claims = 0
    for n_claims, c in enumerate(claims, 1):
        need_actor(f"negotiation_claims[{n_claims - 1}].claimant", c.claimant)
        for p in c.parties:
            need_actor(f"negotiation_claims[{n_claims - 1}].parties", p)
        need_source(f"negotiation_claims[{n_claims - 1}].source", c.source)
    for i, k in enumerate(contradictions):
        if not 0 <= k.claim < n_claims:
            problems.append(
                f"contradictions[{i}].claim = {k.claim} is not an index into "
                f"negotiation_claims (0..{n_claims - 1})"
            )
        if not 0 <= k.denial < n_denials:
            problems.append(
                f"contradictions[{i}].denial = {k.denial} is not an index into "
                f"denials (0..{n_denials - 1})"
            )
    return problems


class StructuredSummary(_Model):
    """The grounded structured summary of one article (schema v1)."""

    schema_version: Literal["1"] = "1"
    language: str = Field(description="ISO 639-1 code of the article's language, e.g. `ar`, `en`.")
    headline: str = Field(description="One neutral line saying what the article reports.")
    summary: str = Field(description="2–4 neutral sentences.")
    actors: list[Actor] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    denials: list[Denial] = Field(default_factory=list)
    negotiation_claims: list[NegotiationClaim] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    meta: Meta | None = None

    @model_validator(mode="after")
    def _references_resolve(self) -> StructuredSummary:
        problems = _check_references(
            self.actors, self.sources, self.denials, self.negotiation_claims, self.contradictions
        )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def evidence(self) -> Iterator[tuple[str, int, Evidence]]:
        """Every evidence span as (category, index within category, evidence)."""
        for category in ("actors", "sources", "denials", "negotiation_claims"):
            for i, item in enumerate(getattr(self, category)):
                yield category, i, item.evidence

    def check_grounding(self, text: str) -> None:
        """Raise ValueError unless every `exact` span slices back to its quote in `text`."""
        for category, i, ev in self.evidence():
            if ev.end is not None and ev.end > len(text):
                raise ValueError(f"{category}[{i}] ends at {ev.end}, past the text ({len(text)})")
            if ev.alignment == "exact" and text[ev.start : ev.end] != ev.quote:
                raise ValueError(f"{category}[{i}] is marked exact but does not slice back")
