"""The resolver: ground a model draft in the text and make it consistent.

Code, not the model, decides offsets. Items whose quote cannot be grounded are dropped (or
kept as `unmatched` on request); references to dropped or unknown ids are removed, and
contradiction indexes remapped, so the result always validates. Every change is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .grounding import Grounder
from .schemas import (
    Actor,
    Contradiction,
    Denial,
    Evidence,
    NegotiationClaim,
    Source,
    StructuredSummary,
    SummaryDraft,
)

_LANGUAGE_NAMES = {
    "arabic": "ar",
    "english": "en",
    "french": "fr",
    "spanish": "es",
    "german": "de",
    "russian": "ru",
    "turkish": "tr",
    "persian": "fa",
    "farsi": "fa",
    "hebrew": "he",
    "italian": "it",
    "portuguese": "pt",
    "chinese": "zh",
    "urdu": "ur",
    "kurdish": "ku",
}


@dataclass(slots=True)
class Resolved:
    summary: StructuredSummary
    warnings: list[str] = field(default_factory=list)
    #: Descriptions of items whose quote is not in the text (what a re-ask would fix).
    ungrounded: list[str] = field(default_factory=list)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def language_code(value: str) -> str:
    """An ISO 639 code from what the model wrote ("ar", "ar-SY", "Arabic"); "und" when it
    wrote something that is not a language at all (weak models write "1" or "iso")."""
    value = value.strip().lower()
    code = _LANGUAGE_NAMES.get(value, value.split("-")[0].split("_")[0])
    return code if code.isascii() and code.isalpha() and 2 <= len(code) <= 3 else "und"


def _ground(grounder: Grounder, shift: int, quote: str) -> Evidence | None:
    """Evidence for `quote`, or None for a blank one (only a leniently parsed draft has
    those: `Evidence` cannot hold a blank quote, so such items cannot even stay unmatched)."""
    return grounder.ground(quote, shift) if quote.strip() else None


def _ground_named(grounder: Grounder, shift: int, quote: str, names: list[str]) -> Evidence | None:
    """Ground an actor's or source's quote; when the model's quote is not in the text, its
    name (or an alias) found in the text is honest evidence of the first mention."""
    evidence = _ground(grounder, shift, quote)
    if evidence is not None and evidence.grounded:
        return evidence
    for name in names:
        fallback = _ground(grounder, shift, name)
        if fallback is not None and fallback.grounded:
            return fallback
    if evidence is None:  # a blank quote: the name stands in, unmatched, if it must be kept
        return next((_ground(grounder, shift, n) for n in names if n.strip()), None)
    return evidence


def resolve(
    draft: SummaryDraft,
    grounder: Grounder,
    *,
    shift: int = 0,
    keep_ungrounded: bool = False,
) -> Resolved:
    """Ground every quote of `draft` in `grounder.text` (offsets + `shift`) and repair it."""
    warnings: list[str] = []
    ungrounded: list[str] = []

    def keep(where: str, evidence: Evidence | None) -> bool:
        if evidence is None:
            warnings.append(f"dropped {where}: its quote is empty")
            return False
        if evidence.grounded:
            return True
        ungrounded.append(f"{where}: {evidence.quote!r}")
        if keep_ungrounded:
            warnings.append(
                f"kept ungrounded {where}: quote not in the text: {_short(evidence.quote)!r}"
            )
            return True
        warnings.append(f"dropped {where}: quote not in the text: {_short(evidence.quote)!r}")
        return False

    actors: list[Actor] = []
    seen_actors: set[str] = set()
    for i, a in enumerate(draft.actors):
        if a.id in seen_actors:
            warnings.append(f"dropped actors[{i}]: id {a.id!r} used twice")
            continue
        if not a.id.strip() or not a.name.strip():
            warnings.append(f"dropped actors[{i}]: its id or name is empty")
            continue
        ev = _ground_named(grounder, shift, a.quote, [a.name, *a.aliases])
        if keep(f"actors[{i}] ({a.name})", ev):
            assert ev is not None
            seen_actors.add(a.id)
            actors.append(
                Actor(
                    id=a.id,
                    name=a.name,
                    name_en=a.name_en or None,
                    kind=a.kind,
                    role=a.role or None,
                    affiliation=a.affiliation,
                    aliases=[x for x in dict.fromkeys(a.aliases) if x and x != a.name],
                    evidence=ev,
                )
            )
    actor_ids = {a.id for a in actors}

    def actor_ref(where: str, ref: str | None) -> str | None:
        if ref is None or ref in actor_ids:
            return ref
        warnings.append(f"removed {where} reference to unknown or dropped actor {ref!r}")
        return None

    def actor_refs(where: str, refs: list[str]) -> list[str]:
        return [r for r in dict.fromkeys(refs) if actor_ref(where, r) is not None]

    for kept_actor in actors:
        kept_actor.affiliation = actor_ref(
            f"actor {kept_actor.id!r} affiliation", kept_actor.affiliation
        )
        if kept_actor.affiliation == kept_actor.id:
            kept_actor.affiliation = None

    sources: list[Source] = []
    seen_sources: set[str] = set()
    for i, s in enumerate(draft.sources):
        if s.id in seen_sources:
            warnings.append(f"dropped sources[{i}]: id {s.id!r} used twice")
            continue
        if not s.id.strip() or not s.name.strip():
            warnings.append(f"dropped sources[{i}]: its id or name is empty")
            continue
        ev = _ground_named(grounder, shift, s.quote, [s.name])
        if keep(f"sources[{i}] ({s.name})", ev):
            assert ev is not None
            seen_sources.add(s.id)
            sources.append(
                Source(
                    id=s.id,
                    name=s.name,
                    kind=s.kind,
                    anonymous=s.anonymous,
                    actor=actor_ref(f"source {s.id!r} actor", s.actor),
                    evidence=ev,
                )
            )
    source_ids = {s.id for s in sources}

    def source_ref(where: str, ref: str | None) -> str | None:
        if ref is None or ref in source_ids:
            return ref
        warnings.append(f"removed {where} reference to unknown or dropped source {ref!r}")
        return None

    denials: list[Denial] = []
    denial_index: dict[int, int] = {}
    for i, d in enumerate(draft.denials):
        where = f"denials[{i}]"
        ev = _ground(grounder, shift, d.quote)
        if not keep(where, ev):
            continue
        assert ev is not None
        if d.denier not in actor_ids:
            warnings.append(f"dropped {where}: denier {d.denier!r} is not a kept actor")
            continue
        denial_index[i] = len(denials)
        denials.append(
            Denial(
                denier=d.denier,
                denied=d.denied or _short(d.quote),
                counterparties=actor_refs(where, d.counterparties),
                source=source_ref(where, d.source),
                evidence=ev,
            )
        )

    claims: list[NegotiationClaim] = []
    claim_index: dict[int, int] = {}
    for i, c in enumerate(draft.negotiation_claims):
        where = f"negotiation_claims[{i}]"
        ev = _ground(grounder, shift, c.quote)
        if not keep(where, ev):
            continue
        assert ev is not None
        if c.claimant not in actor_ids:
            warnings.append(f"dropped {where}: claimant {c.claimant!r} is not a kept actor")
            continue
        claim_index[i] = len(claims)
        claims.append(
            NegotiationClaim(
                claimant=c.claimant,
                parties=actor_refs(where, c.parties),
                subject=c.subject or _short(c.quote),
                status=c.status,
                source=source_ref(where, c.source),
                evidence=ev,
            )
        )

    contradictions: list[Contradiction] = []
    seen_pairs: set[tuple[int, int]] = set()
    for i, k in enumerate(draft.contradictions):
        pair = (claim_index.get(k.claim, -1), denial_index.get(k.denial, -1))
        if -1 in pair:
            warnings.append(
                f"dropped contradictions[{i}]: its claim or denial was dropped or does not exist"
            )
            continue
        if pair not in seen_pairs:
            seen_pairs.add(pair)
            contradictions.append(Contradiction(claim=pair[0], denial=pair[1], note=k.note))

    summary = StructuredSummary(
        language=language_code(draft.language),
        headline=draft.headline.strip(),
        summary=draft.summary.strip(),
        actors=actors,
        sources=sources,
        denials=denials,
        negotiation_claims=claims,
        contradictions=contradictions,
    )
    return Resolved(summary, warnings, ungrounded)
