"""`RulesBackend`: the offline, deterministic cue-lexicon extractor.

It reads only the article text (no prompt) and returns a `SummaryDraft` whose quotes are
all exact substrings of that text, so the shared grounder marks every one `exact`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ...schemas import (
    ActorDraft,
    ContradictionDraft,
    DenialDraft,
    NegotiationClaimDraft,
    SourceDraft,
    SummaryDraft,
)
from ..base import Backend, Completion, Message
from .actors import ActorTable, _key, extract_actors
from .doc import Doc
from .events import ANONYMOUS_PREFIX, Events, extract_events
from .ids import IdMaker
from .sources import SourceRec, extract_sources

if TYPE_CHECKING:
    from ...settings import Settings

MODEL_VERSION = "rules-v1"
#: Kinds kept even when they take part in no denial or claim: named people, acting outlets.
_KEPT_UNUSED = frozenset({"person", "media"})
_HEADLINE_CHARS = 200
_SUMMARY_SENTENCES = 3


class RulesBackend(Backend):
    """Extracts actors, sources, denials and negotiation claims with cue lexicons."""

    name: ClassVar[str] = "rules"
    uses_prompt: ClassVar[bool] = False
    default_examples: ClassVar[bool] = False

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings
        self.model = MODEL_VERSION

    def complete(self, messages: list[Message], text: str) -> Completion:
        del messages  # the rules read the article, not the prompt
        return Completion(draft=extract(text), attempts=1)


def extract(text: str, language: str | None = None, *, every_actor: bool = False) -> SummaryDraft:
    """The draft of `text`, every quote an exact substring of it. Its actors are those that
    take part in the story; `every_actor` lists every one the article names instead (what
    the recogniser found, for inspecting it)."""
    doc = Doc(text, language)
    actors = extract_actors(doc)
    sources = extract_sources(doc, actors)
    events = extract_events(doc, actors, sources)
    return _Assembler(doc, actors, sources, events, every_actor=every_actor).draft()


class _Assembler:
    def __init__(
        self,
        doc: Doc,
        actors: ActorTable,
        sources: list[SourceRec],
        events: Events,
        *,
        every_actor: bool = False,
    ):
        self.doc = doc
        self.every_actor = every_actor
        self.actors = actors
        self.sources = sources
        self.events = events
        self.actor_ids: dict[str, str] = {}
        self.source_ids: dict[int, str] = {}

    def draft(self) -> SummaryDraft:
        actors = self._actors()
        sources = self._sources()
        denials = self._denials()
        claims = self._claims()
        # Repeated denials and claims were merged before contradictions were found, so
        # the events' indexes are the draft's.
        contradictions = [
            ContradictionDraft(claim=c, denial=d, note=note)
            for c, d, note in dict.fromkeys(self.events.contradictions)
        ]
        headline, summary = self._headline_summary()
        draft = SummaryDraft(
            language=self.doc.language,
            headline=headline,
            summary=summary,
            actors=actors,
            sources=sources,
            denials=denials,
            negotiation_claims=claims,
            contradictions=contradictions,
        )
        # Constructing the draft ran its model validator (unique ids, every reference
        # resolves) like any model answer: validating a dump of it again would only repeat
        # the same checks on the same values.
        return draft

    def _quote_at(self, npos: int) -> str:
        return self.doc.sentence_quote(self.doc.sentence_at(npos))

    def _actors(self) -> list[ActorDraft]:
        ids = IdMaker()
        # An actor takes part in the story (ANNOTATION.md §2): it speaks, denies, claims, is
        # a party or a counterparty, owns a member or a channel. A body only mentioned
        # ("the talks were held at the Sheraton", a dateline's country) is none; persons
        # and outlets that act are always kept. An anonymous speaker counts only when it
        # asserts a denial or a claim.
        used = {d.denier for d in self.events.denials} | {c.claimant for c in self.events.claims}
        involved = (
            used
            | {k for d in self.events.denials for k in d.counterparties}
            | {k for c in self.events.claims for k in c.parties}
            | {r.affiliation for r in self.actors.actors.values() if r.affiliation}
            | {r.actor for r in self.sources if r.actor}
            | set(self.events.source_actors.values())
            | self.events.speakers
        )
        recs = sorted(
            (
                r
                for r in self.actors.actors.values()
                if (not r.key.startswith(ANONYMOUS_PREFIX) or r.key in used)
                and (self.every_actor or r.kind in _KEPT_UNUSED or r.key in involved)
            ),
            key=lambda r: r.first,
        )
        for rec in recs:
            self.actor_ids[rec.key] = ids.make(rec.gazetteer_id or rec.name_en or rec.name)
        out: list[ActorDraft] = []
        for rec in recs:
            aliases = [a for a in dict.fromkeys(rec.aliases) if _key(a) != _key(rec.name)]
            out.append(
                ActorDraft(
                    id=self.actor_ids[rec.key],
                    name=rec.name,
                    name_en=rec.name_en,
                    kind=rec.kind,
                    role=rec.role,
                    affiliation=self.actor_ids.get(rec.affiliation or ""),
                    aliases=aliases,
                    quote=self._first_mention(rec.key, rec.first),
                )
            )
        return out

    def _first_mention(self, key: str, first: int) -> str:
        """The actor's first mention, exactly as written (the name, not its sentence)."""
        for m in self.actors.mentions:
            if m.key == key and m.start == first:
                return self.doc.quote(m.start, m.end)
        return self._quote_at(first)

    def _sources(self) -> list[SourceDraft]:
        ids = IdMaker()
        groups: dict[tuple[str, str, str | None], str] = {}
        out: list[SourceDraft] = []
        latest: dict[str, tuple[str, str, str | None]] = {}
        for i, rec in enumerate(self.sources):
            actor = rec.actor or self.events.source_actors.get(i)
            if rec.kind == "anonymous":
                group = (rec.kind, f"{rec.key}#{rec.sentence}", actor)
            elif rec.needs_speaker:
                group = (rec.kind, rec.key, actor)
                if rec.kind in latest and rec.repeated:
                    # "In the same statement", «في البيان نفسه»: the one cited before.
                    group = latest[rec.kind]
            else:
                group = (rec.kind, rec.key, None)
            latest[rec.kind] = group
            if group in groups:
                self.source_ids[i] = groups[group]
                continue
            sid = ids.make(
                rec.key
                if rec.key.isascii() and rec.key.isidentifier()
                else ("anonymous_source" if rec.anonymous else rec.name)
            )
            groups[group] = sid
            self.source_ids[i] = sid
            out.append(
                SourceDraft(
                    id=sid,
                    name=rec.name,
                    kind=rec.kind,
                    anonymous=rec.anonymous,
                    actor=self.actor_ids.get(actor) if actor else None,
                    quote=self.doc.sentence_quote(self.doc.sentences[rec.sentence]),
                )
            )
        return out

    def _denials(self) -> list[DenialDraft]:
        return [
            DenialDraft(
                denier=self.actor_ids[d.denier],
                denied=d.denied,
                counterparties=[self.actor_ids[c] for c in d.counterparties],
                source=self.source_ids.get(d.source) if d.source is not None else None,
                quote=self.doc.sentence_quote(d.sentence),
            )
            for d in self.events.denials
        ]

    def _claims(self) -> list[NegotiationClaimDraft]:
        return [
            NegotiationClaimDraft(
                claimant=self.actor_ids[c.claimant],
                parties=[self.actor_ids[p] for p in c.parties],
                subject=c.subject,
                status=c.status,
                source=self.source_ids.get(c.source) if c.source is not None else None,
                quote=self.doc.sentence_quote(c.sentence),
            )
            for c in self.events.claims
        ]

    def _headline_summary(self) -> tuple[str, str]:
        sentences = [self.doc.sentence_quote(s) for s in self.doc.sentences]
        if not sentences:
            return "", ""
        headline = sentences[0]
        if len(headline) > _HEADLINE_CHARS:
            headline = headline[:_HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"
        body: list[str] = []
        for s in sentences[1:]:
            if s != headline and s not in body and len(s.split()) > 3:
                body.append(s)
            if len(body) == _SUMMARY_SENTENCES:
                break
        return headline, " ".join(body) or headline
