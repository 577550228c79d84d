"""Merging the summaries of a long article's chunks into one.

Actors are the same when their normalised names or aliases meet (so "فيلق الرحمن" and
"فيلق الرحمن" with diacritics, or an alias in one chunk and a name in another, merge);
sources when normalised name and kind meet. Ids are remapped, colliding ids renamed;
duplicate denials and claims (same speaker, same normalised words, from the overlap) are
kept once; contradiction indexes follow. Offsets are already article offsets.
"""

from __future__ import annotations

from .schemas import Actor, Contradiction, Denial, NegotiationClaim, Source, StructuredSummary
from .textnorm import normalize


def _actor_keys(actor: Actor) -> set[str]:
    names = [actor.name, *actor.aliases] + ([actor.name_en] if actor.name_en else [])
    return {k for k in (normalize(n) for n in names) if k}


def _fresh_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}_{n}", n + 1
    taken.add(candidate)
    return candidate


def merge(parts: list[StructuredSummary]) -> StructuredSummary:
    """One summary from chunk summaries, in article order. Headline, summary and language
    come from the first chunk, which holds the lede of a news article."""
    if len(parts) == 1:
        return parts[0]
    actors: list[Actor] = []
    actor_keys: list[set[str]] = []
    sources: list[Source] = []
    source_keys: list[tuple[str, str]] = []
    denials: list[Denial] = []
    claims: list[NegotiationClaim] = []
    contradictions: list[Contradiction] = []
    seen_denials: dict[tuple[str, str], int] = {}
    seen_claims: dict[tuple[str, str, str], int] = {}
    seen_pairs: set[tuple[int, int]] = set()
    taken_actor_ids: set[str] = set()
    taken_source_ids: set[str] = set()

    for part in parts:
        amap: dict[str, str] = {}
        for a in part.actors:
            keys = _actor_keys(a)
            hit = next((i for i, k in enumerate(actor_keys) if k & keys), None)
            if hit is None:
                new = a.model_copy(deep=True)
                new.id = _fresh_id(a.id, taken_actor_ids)
                # The part-local affiliation id is remapped below, with the others.
                new.affiliation = None
                actors.append(new)
                actor_keys.append(keys)
                amap[a.id] = new.id
            else:
                kept = actors[hit]
                kept.aliases = [
                    x for x in dict.fromkeys([*kept.aliases, a.name, *a.aliases]) if x != kept.name
                ]
                kept.name_en = kept.name_en or a.name_en
                kept.role = kept.role or a.role
                actor_keys[hit] |= keys
                amap[a.id] = kept.id
        for a in part.actors:  # affiliations, once every id of this part is mapped
            target = actors[next(i for i, x in enumerate(actors) if x.id == amap[a.id])]
            if target.affiliation is None and a.affiliation is not None:
                mapped = amap.get(a.affiliation)
                target.affiliation = mapped if mapped != target.id else None

        smap: dict[str, str] = {}
        for s in part.sources:
            skey = (normalize(s.name), s.kind)
            if skey in source_keys:
                smap[s.id] = sources[source_keys.index(skey)].id
                continue
            new_s = s.model_copy(deep=True)
            new_s.id = _fresh_id(s.id, taken_source_ids)
            new_s.actor = amap.get(s.actor) if s.actor else None
            sources.append(new_s)
            source_keys.append(skey)
            smap[s.id] = new_s.id

        dmap: dict[int, int] = {}
        for i, d in enumerate(part.denials):
            denier = amap[d.denier]
            dkey = (denier, normalize(d.evidence.quote))
            if dkey not in seen_denials:
                seen_denials[dkey] = len(denials)
                denials.append(
                    d.model_copy(
                        update={
                            "denier": denier,
                            "counterparties": list(
                                dict.fromkeys(amap[c] for c in d.counterparties)
                            ),
                            "source": smap.get(d.source) if d.source else None,
                        }
                    )
                )
            dmap[i] = seen_denials[dkey]

        cmap: dict[int, int] = {}
        for i, c in enumerate(part.negotiation_claims):
            claimant = amap[c.claimant]
            ckey = (claimant, c.status, normalize(c.evidence.quote))
            if ckey not in seen_claims:
                seen_claims[ckey] = len(claims)
                claims.append(
                    c.model_copy(
                        update={
                            "claimant": claimant,
                            "parties": list(dict.fromkeys(amap[p] for p in c.parties)),
                            "source": smap.get(c.source) if c.source else None,
                        }
                    )
                )
            cmap[i] = seen_claims[ckey]

        for k in part.contradictions:
            pair = (cmap[k.claim], dmap[k.denial])
            if pair not in seen_pairs:
                seen_pairs.add(pair)
                contradictions.append(Contradiction(claim=pair[0], denial=pair[1], note=k.note))

    first = parts[0]
    return StructuredSummary(
        language=first.language,
        headline=first.headline,
        summary=first.summary,
        actors=actors,
        sources=sources,
        denials=denials,
        negotiation_claims=claims,
        contradictions=contradictions,
    )
