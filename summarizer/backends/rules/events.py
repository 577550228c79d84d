"""Denials, negotiation claims and contradictions, sentence by sentence.

Each sentence gets a speaker (who the attribution or denial verb belongs to: the actor
right after an Arabic verb, or before an English one; a person is preferred over the body
they speak for; "he said"/وأضاف continue the previous speaker) and a source (the channel
closest to the article among the sentence's citations).

- A denial is a denial cue that is not negated (لم ينفِ، did not deny), not part of a
  non-denial phrase (declined to confirm or deny, رفض التعليق) and has a speaker. What is
  denied is the rest of the sentence after the cue, past a denier named right after the verb
  (with its apposition) and past adverbials up to a complementizer (أن، that). Its
  counterparties are the actors named there (those after "with"/مع when there are any),
  minus the denier's own side; when none is named there, another side the sentence names
  before the denial (who made the denied claim); else the most mentioned side of the story
  from another camp than the denier's (an armed group's other side is a state).
- The story's sides are ranked by mentions; international organisations are not sides, and
  the second side comes from another camp than the first.
- A negotiation claim is an attribution segment (from one attribution, denial or refusal
  verb to the next) with a negotiation cue that is not the object of a denial and not a
  plain negative ("no talks", لا مفاوضات); claims with no status cue are left out. The
  claimant is the segment's speaker (else the first actor after the reporting verb, with
  joint subjects "X and Y" each a claimant); the parties are the claimant's side and the
  actors named in the segment, completed with the story's main sides when only one is
  named or the text says "the two sides"; a mediator (an international organisation, an
  envoy, a body named for mediation) speaks of talks between the two sides. Its status
  comes from status cues (refused before stalled, concluded, agreed, proposed, ongoing;
  negated status cues are skipped, except that a negated stall, "the dialogue has not
  stopped", is ongoing); a refusal is a claim with status refused, never a denial.
- A contradiction pairs a denial and a claim that asserts talks took place (ongoing,
  agreed, stalled, concluded) when the counterparties the denial names (or their
  affiliations) are among the claim's parties, or the claimant is a person tied to no body,
  and the denier's side is a party too. A denial of a status ("denied the talks had
  collapsed") contradicts only claims of that status.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .actors import ActorTable, Mention
from .doc import Doc, Sentence
from .lexicon import STATUS_ORDER, CueMatch
from .sources import SourceRec

_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "il", "elle", "ils", "elles", "er", "sie", "el", "ella", "ellos"}
)
_WITH = frozenset({"with", "مع", "avec", "con", "mit", "to", "between", "بين"})
_COMPLEMENTIZERS = frozenset(
    {"ان", "بان", "انه", "انها", "ما", "that", "que", "dass", "reports", "تقارير"}
)
#: How far past the cue a complementizer may open the denied clause.
_ADVERBIAL_TOKENS = 12
#: Cues that name their speaker after them ("according to X", "بحسب X").
_SPEAKER_AFTER = frozenset({"according to", "بحسب", "حسب", "وفق", "وفقا", "selon", "segun"})
#: Claim statuses that assert talks took place (a denial of the talks contradicts them).
_CLAIM_STATUSES = frozenset({"ongoing", "agreed", "stalled", "concluded"})
#: Outside bodies: they mediate between the sides rather than being one.
_THIRD_PARTY_KINDS = frozenset({"international_org"})
#: The camp of each actor kind: a story's two sides come from different camps.
_CAMPS = {
    "armed_group": "armed",
    "government": "state",
    "state": "state",
    "military": "state",
    "political_body": "civil",
    "civil_body": "civil",
}
#: Arabic conjunctions written as a prefix of the next word.
_CONJUNCTIONS = frozenset({"و", "ف"})
#: Modal and future markers: an agreement that "could be signed" is not yet agreed.
_MODALS = frozenset(
    {
        "could",
        "would",
        "will",
        "may",
        "might",
        "expected",
        "pourrait",
        "pourraient",
        "devrait",
        "devraient",
        "sera",
        "podria",
        "podría",
        "será",
        "könnte",
        "wird",
        "سيتم",
        "سوف",
        "يتوقع",
        "المتوقع",
    }
)
#: Objects of a refusal verb that make it a refusal to comment, not to negotiate.
_COMMENT_WORDS = frozenset(
    {
        "التعليق",
        "الاجابه",
        "الادلاء",
        "comment",
        "answer",
        "commenter",
        "repondre",
        "répondre",
        "comentar",
        "responder",
        "kommentieren",
    }
)
#: Claim statuses a denial of a status contradicts.
_DENIED_STATUS_CONFLICTS = {"agreed": frozenset({"agreed", "concluded"})}
#: Words that make a body a mediator by name ("the national mediation office").
_MEDIATION_WORDS = frozenset(
    {
        "mediation",
        "mediator",
        "وساطه",
        "الوساطه",
        "mediacion",
        "mediación",
        "médiation",
        "vermittlung",
    }
)
_MEDIATOR_ROLES = frozenset({"envoy", "mediator", "sheikh", "head of delegation"})


@dataclass(slots=True)
class DenialRec:
    denier: str
    denied: str
    counterparties: list[str]
    source: int | None
    sentence: Sentence
    cue_start: int
    #: Whether the counterparties are named in the denial itself (not inferred).
    explicit: bool = True
    #: The status the denial rejects ("denied that the talks had collapsed": stalled), or
    #: None when it rejects the talks themselves.
    status: str | None = None


@dataclass(slots=True)
class ClaimRec:
    claimant: str
    parties: list[str]
    subject: str
    status: str
    source: int | None
    sentence: Sentence
    #: The sentence also reports a denial (a weaker place for the claim than its own).
    mixed: bool = False


@dataclass(slots=True)
class Events:
    denials: list[DenialRec] = field(default_factory=list)
    claims: list[ClaimRec] = field(default_factory=list)
    contradictions: list[tuple[int, int, str]] = field(default_factory=list)
    #: Source record index → actor key, for channels that belong to the speaker.
    source_actors: dict[int, str] = field(default_factory=dict)


class _Extractor:
    def __init__(self, doc: Doc, actors: ActorTable, sources: list[SourceRec]) -> None:
        self.doc = doc
        self.lex = doc.lexicon
        self.actors = actors
        self.sources = sources
        self.events = Events()
        self.prev_speaker: str | None = None
        self.prev_source: int | None = None
        self.not_denial = list(self.lex.not_denial.finditer(doc.ntext))
        self.main_sides = self._main_sides()

    def _main_sides(self) -> list[str]:
        """Sides of the story, most mentioned first: the default other party of a claim
        that names only its claimant ("talks between the two sides")."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for m in self.actors.mentions:
            side = self.actors.side(m.key)
            if self.actors.actors[side].kind in ("person", "media"):
                continue
            counts[side] = counts.get(side, 0) + 1
            first.setdefault(side, m.start)
        ranked = sorted(counts, key=lambda k: (-counts[k], first[k]))
        # A mediating organisation is not a side; the second side is the most mentioned
        # one from the other camp (an armed group faces a state, not a second name for
        # itself).
        sides = [k for k in ranked if self.actors.actors[k].kind not in _THIRD_PARTY_KINDS]
        rest = [k for k in ranked if k not in sides]
        if sides:
            camp = _CAMPS.get(self.actors.actors[sides[0]].kind)
            other = next(
                (k for k in sides[1:] if _CAMPS.get(self.actors.actors[k].kind) != camp), None
            )
            if other is not None:
                sides.remove(other)
                sides.insert(1, other)
        return sides + rest

    # -- helpers -----------------------------------------------------------------------

    def tokens_between(self, a: int, b: int) -> list[str]:
        return self.doc.ntext[a:b].split()

    def negated(self, start: int, window: int = 2) -> bool:
        """A negator (لم، لا، not, never…) in the `window` tokens before `start`."""
        before = self.doc.ntext[max(0, start - 40) : start].split()[-max(3, window) :]
        joined = " ".join(before)
        # "ولم ينفِ": a negator behind the conjunction و/ف is still a negator.
        return any(
            t in self.lex.denial_negators
            or (t[:1] in _CONJUNCTIONS and len(t) > 2 and t[1:] in self.lex.denial_negators)
            for t in before[-window:]
        ) or any(n in joined for n in self.lex.denial_negators if " " in n)

    def in_not_denial(self, start: int, end: int) -> bool:
        return any(m.start <= start < m.end + 1 or start <= m.start < end for m in self.not_denial)

    def mentions(self, sent: Sentence) -> list[Mention]:
        return self.actors.in_range(sent.nstart, sent.nend)

    def prefer_person(self, key: str, sent: Sentence, near: int) -> str:
        """The named person who speaks for `key` in this sentence, if there is one."""
        if self.actors.actors[key].kind == "person":
            return key
        for m in self.mentions(sent):
            rec = self.actors.actors[m.key]
            if rec.kind == "person" and rec.affiliation == key and abs(m.start - near) < 160:
                return m.key
        return key

    def speaker(self, sent: Sentence, cue: CueMatch[str]) -> str | None:
        mentions = self.mentions(sent)
        doc = self.doc
        after = [
            m
            for m in mentions
            if m.start >= cue.end
            and self._close_after(cue.end, m.start)
            and not doc.clause_break_between(cue.end, m.start - 1)
        ]
        before = [m for m in mentions if m.end <= cue.outer_start]
        if self.lex.clitics:
            # Arabic subjects precede their verb directly; "X، أبرز Y، أكدا" is apposition.
            before = [m for m in before if not doc.clause_break_between(m.end - 1, cue.outer_start)]
        gap_before = self.tokens_between(
            sent.nstart if not before else before[-1].end, cue.outer_start
        )
        pronoun = bool(gap_before) and gap_before[-1] in _PRONOUNS
        if self.lex.clitics or cue.cue in _SPEAKER_AFTER:
            order = [after, [] if pronoun else before[::-1]]
        else:
            order = [[] if pronoun else before[::-1], after]
        for group in order:
            for m in group:
                if group is not after and len(self.tokens_between(m.end, cue.outer_start)) > 25:
                    break
                if self.after_with(m):
                    continue
                return self.prefer_person(m.key, sent, m.start)
        if pronoun or doc.matches(self.lex.continuation, cue.outer_start, cue.end + 1):
            return self.prev_speaker
        return None

    def _close_after(self, end: int, start: int) -> bool:
        """The mention follows the verb directly, or after a title ("نفى الناطق الرسمي
        لحركة…", "said the spokesman for …")."""
        gap = self.tokens_between(end, start)
        if len(gap) <= 2:
            return True
        return len(gap) <= 5 and bool(self.doc.matches(self.lex.titles, end, start))

    def after_with(self, m: Mention) -> bool:
        before = self.doc.ntext[max(0, m.start - 20) : m.start].split()
        return bool(before) and before[-1] in _WITH

    def sentence_source(self, sent: Sentence) -> tuple[int | None, list[int]]:
        here = [i for i, s in enumerate(self.sources) if s.sentence == sent.index]
        if not here:
            return None, here
        best = min(here, key=lambda i: (self.sources[i].priority, self.sources[i].start))
        return best, here

    # -- sentences ---------------------------------------------------------------------

    def run(self) -> Events:
        for sent in self.doc.sentences:
            self.sentence(sent)
        self.contradictions()
        return self.events

    def sentence(self, sent: Sentence) -> None:
        doc, lex = self.doc, self.lex
        source, here = self.sentence_source(sent)
        attributions = list(doc.matches(lex.attribution, sent.nstart, sent.nend))
        speaker: str | None = None
        for cue in attributions:
            speaker = self.speaker(sent, cue)
            if speaker:
                break
        continuing = (
            bool(attributions)
            and lex.continuation.search(
                doc.ntext, sent.nstart, min(sent.nend, attributions[0].end + 2)
            )
            is not None
        )
        if continuing and source is None and speaker == self.prev_speaker:
            source = self.prev_source
        denials = self.denials(sent, source)
        if denials and speaker is None:
            speaker = denials[0]
        self.claims(sent, speaker, source, attributions)
        for i in here:
            rec = self.sources[i]
            who = speaker or (denials[0] if denials else None)
            if rec.needs_speaker and who and i not in self.events.source_actors:
                self.events.source_actors[i] = who
        if speaker:
            self.prev_speaker = speaker
            self.prev_source = source
        elif attributions or denials:
            self.prev_speaker = None
            self.prev_source = source

    def denials(self, sent: Sentence, source: int | None) -> list[str]:
        doc = self.doc
        deniers: list[str] = []
        for cue in doc.matches(self.lex.denial, sent.nstart, sent.nend):
            if self.negated(cue.outer_start) or self.in_not_denial(cue.start, cue.end):
                continue
            denier = self.speaker(sent, cue)
            if denier is None or denier in deniers:
                continue
            scope_start = cue.end
            scope = [m for m in self.mentions(sent) if m.start >= scope_start]
            side = self.actors.side(denier)
            # The denier's own side: itself, the body it speaks for, and that body's owner
            # (a ministry denying on behalf of its government).
            own = {denier, side} | {
                a for a in (self.actors.actors[k].affiliation for k in (denier, side)) if a
            }
            counter: list[str] = []
            withs = [m for m in scope if self.after_with(m)]
            for m in withs or scope:
                k = self.actors.side(m.key)
                if k not in own and m.key not in own and k not in counter:
                    counter.append(k)
            explicit = bool(counter)
            if not counter:
                # "after a government spokesman said the factions had accepted the pause,
                # the battalion issued a statement denying it": the other side the sentence
                # names before the denial is who made the denied claim.
                for m in self.mentions(sent):
                    k = self.actors.side(m.key)
                    if (
                        m.end <= cue.outer_start
                        and k not in own
                        and m.key not in own
                        and k not in counter
                        and self.actors.actors[k].kind not in ("person", "media")
                    ):
                        counter.append(k)
                counter = counter[:1]
            if not counter:
                # "denied that any talks had taken place": the other side of the story,
                # from the other camp when there is one.
                others = [k for k in self.main_sides if k not in own]
                camp = _CAMPS.get(self.actors.actors[side].kind)
                others.sort(key=lambda k: _CAMPS.get(self.actors.actors[k].kind) == camp)
                counter = others[:1]
            denied_start = self.denied_start(sent, cue, denier)
            denied = " ".join(doc.quote(denied_start, sent.nend).split()[:14]).strip(" ،,.")
            self.events.denials.append(
                DenialRec(
                    denier,
                    denied or "a report",
                    counter,
                    source,
                    sent,
                    cue.start,
                    explicit,
                    self.status(scope_start, sent.nend),
                )
            )
            deniers.append(denier)
        return deniers

    def denied_start(self, sent: Sentence, cue: CueMatch[str], denier: str) -> int:
        """Where the denied proposition starts: after the cue, past a denier named right
        after it with its apposition ("نفت سرايا الفجر، الفصيل المسلح…، أمس"), and past
        adverbials up to a complementizer ("denied on Tuesday that…", "في حديث لقناة
        الشرق أن…")."""
        doc = self.doc
        start = cue.end
        side = self.actors.side(denier)
        for m in self.mentions(sent):
            if m.start < cue.end:
                continue
            gap = self.tokens_between(start, m.start)
            if (
                self.actors.side(m.key) in (denier, side)
                and self._close_after(start, m.start)
                and not any(t in _COMPLEMENTIZERS for t in gap)
            ):
                start = m.end
            break
        ti = doc.token_index(start)
        last = min(len(doc.tokens), ti + _ADVERBIAL_TOKENS)
        for i in range(ti, last):
            if doc.tokens[i][0] >= sent.nend:
                break
            if doc.token_text(i) in _COMPLEMENTIZERS:
                return doc.tokens[i][0]
        if start > cue.end and doc.clause_break_between(start - 1, start + 2):
            # "…سرايا الفجر، الفصيل المسلح الذي…، أمس الأربعاء وجود": skip the apposition.
            for i in range(ti, last):
                if doc.tokens[i][0] >= sent.nend:
                    break
                if i > ti and doc.clause_break_between(doc.tokens[i - 1][1] - 1, doc.tokens[i][0]):
                    return doc.tokens[i][0]
        return start

    def modal(self, start: int) -> bool:
        """A modal or future marker in the three tokens before `start`: the agreement is
        expected, not reached."""
        return any(t in _MODALS for t in self.doc.ntext[max(0, start - 40) : start].split()[-3:])

    def refused_comment(self, end: int) -> bool:
        """A refusal to comment or answer, with the refuser named between the verb and its
        object ("ورفض الربيعي التعليق", "refused on Monday to answer"): not a refusal of
        talks."""
        return self._comment_end(end) > end

    def _comment_end(self, end: int) -> int:
        """The end of the comment word among the five tokens after `end`, else `end`."""
        i = self.doc.token_index(end)
        for k in range(i, min(i + 5, len(self.doc.tokens))):
            if self.doc.token_text(k) in _COMMENT_WORDS:
                return self.doc.tokens[k][1]
        return end

    def refusal_negated(self, start: int) -> bool:
        """A negotiation word right after a refusal negator: "لن نفاوض", "will not
        negotiate", "on ne discute pas" refuse talks rather than deny them."""
        words = self.doc.ntext[max(0, start - 40) : start].split()[-3:]
        padded = " " + " ".join(words) + " "
        return any(f" {n} " in padded for n in self.lex.refused_negators)

    def status(self, start: int, end: int) -> str | None:
        found: set[str] = set()
        comment_end = -1
        for cue in self.doc.matches(self.lex.status, start, end):
            if self.in_not_denial(cue.start, cue.end) or cue.start < comment_end:
                continue  # "رفض التعليق": the comment is no suspension (تعليق) of talks
            if cue.value == "refused" and self.refused_comment(cue.end):
                comment_end = self._comment_end(cue.end)
                continue
            if cue.value != "refused" and self.negated(cue.outer_start, 4):
                if cue.value == "stalled":
                    found.add("ongoing")  # "the dialogue has not stopped"
                continue
            if cue.value in ("agreed", "concluded") and self.modal(cue.outer_start):
                found.add("ongoing")  # "an agreement could be signed by the end of the month"
                continue
            found.add(cue.value)
        for kind in STATUS_ORDER:
            if kind in found:
                return kind
        return None

    def claims(
        self,
        sent: Sentence,
        speaker: str | None,
        source: int | None,
        attributions: list[CueMatch[str]],
    ) -> None:
        """One claim per attribution segment that carries a negotiation cue: the segment
        runs from an attribution (or denial) verb to the next one."""
        doc, lex = self.doc, self.lex
        names = self.mentions(sent)
        cues = [
            c
            for c in doc.matches(lex.negotiation, sent.nstart, sent.nend)
            if not any(m.start <= c.start and c.end <= m.end for m in names)
        ]
        if not cues:
            return
        # "لم يؤكد كامارا ولم ينفِ تعليق المحادثات": what is neither confirmed nor denied is
        # not asserted.
        undenied = [
            c
            for c in doc.matches(lex.denial, sent.nstart, sent.nend)
            if self.negated(c.outer_start)
        ]
        no_comment = [
            c
            for c in doc.matches(lex.status, sent.nstart, sent.nend)
            if c.value == "refused" and self.refused_comment(c.end)
        ]
        refusals = [
            c
            for c in doc.matches(lex.status, sent.nstart, sent.nend)
            if c.value == "refused"
            and not self.in_not_denial(c.start, c.end)
            and not self.refused_comment(c.end)
        ]
        denial_cues = [
            c
            for c in doc.matches(lex.denial, sent.nstart, sent.nend)
            if not self.negated(c.outer_start) and not self.in_not_denial(c.start, c.end)
        ]
        governing = sorted(
            [(c, False) for c in attributions + refusals] + [(c, True) for c in denial_cues],
            key=lambda x: x[0].start,
        )
        segments: dict[int, list[CueMatch[str]]] = {}
        for c in cues:
            gi = max((i for i, (g, _) in enumerate(governing) if g.start < c.start), default=-1)
            if gi < 0 and governing:
                gi = 0  # a speaker named after the claim ("…, X said")
            segments.setdefault(gi, []).append(c)
        for gi, seg_cues in sorted(segments.items()):
            if gi >= 0:
                gcue, is_denial = governing[gi]
                seg_start = gcue.start if gcue.start < seg_cues[0].start else sent.nstart
                nxt = governing[gi + 1][0].start if gi + 1 < len(governing) else sent.nend
                seg_end = max(nxt, seg_cues[-1].end) if gcue.start < seg_cues[0].start else gcue.end
            else:
                gcue, is_denial = None, False
                seg_start, seg_end = sent.nstart, sent.nend
            status_end = seg_end
            if gi + 1 < len(governing) and governing[gi + 1][0].value == "refused":
                # "…المبادرة الأممية لا تتضمن أي ضمانات، ولذلك نرفضها": the refusal that
                # closes the segment is its status.
                status_end = max(seg_end, governing[gi + 1][0].end)
            status = self.status(seg_start, status_end)
            if any(self.refusal_negated(c.outer_start) for c in seg_cues):
                status = "refused"  # "لن نفاوض", "will not negotiate"
            if is_denial and status != "refused":
                continue  # the negotiation is what is denied
            if any(seg_start <= m.start < seg_end for m in self.not_denial) or any(
                seg_start <= c.start < seg_end for c in no_comment + undenied
            ):
                continue  # "declined to comment on the proposal"
            if status is None:
                continue  # a mention of talks with no status cue is context, not a claim
            if all(self.negated(c.outer_start) for c in seg_cues) and status != "refused":
                continue  # a plain negative: "no talks", لا مفاوضات
            who = self.speaker(sent, gcue) if gcue is not None else None
            claimants = self.claimants(sent, who or (speaker if gi == 0 else None), attributions)
            if not claimants:
                continue
            subjects = list(dict.fromkeys(c.value for c in seg_cues))
            subject = " / ".join(subjects[:3])
            others: list[str] = []
            for m in self.actors.in_range(seg_start, seg_end):
                side = self.actors.side(m.key)
                if side not in others and side not in claimants and self._party(side):
                    others.append(side)
            both = bool(doc.matches(lex.both_sides, seg_start, seg_end))
            for claimant in claimants:
                if any(
                    c.sentence is sent and c.claimant == claimant and c.status == status
                    for c in self.events.claims
                ):
                    continue  # one claim per claimant and status in a sentence
                side = self.actors.side(claimant)
                parties = ([side] if self._party(side) else []) + [o for o in others if o != side]
                own = self.actors.actors[side].affiliation
                sides = [m for m in self.main_sides if m != own]
                if both and len(sides) >= 2:
                    # "between the two sides": the story's two main sides; a mediator who
                    # speaks of them is not one of them.
                    parties = (
                        sides[:2]
                        if side not in sides[:2]
                        else [side, *[m for m in sides[:2] if m != side]]
                    )
                elif len(sides) >= 2 and side not in sides[:2] and self._third_party(claimant):
                    # A mediator, envoy or outside body speaks of talks between the sides.
                    named = [p for p in parties if p != side]
                    parties += [m for m in sides[:2] if m not in parties][: max(0, 2 - len(named))]
                elif len(parties) < 2:
                    parties += [m for m in sides if m not in parties][: 2 - len(parties)]
                self.events.claims.append(
                    ClaimRec(
                        claimant,
                        parties,
                        subject,
                        status or "unknown",
                        source,
                        sent,
                        mixed=bool(denial_cues),
                    )
                )

    def _party(self, key: str) -> bool:
        """Bodies negotiate; a person is a party only as a mediator or envoy, or when the
        article names no body for them."""
        rec = self.actors.actors[key]
        if rec.kind != "person":
            return True
        return rec.affiliation is None or rec.role in _MEDIATOR_ROLES

    def _third_party(self, key: str) -> bool:
        """An outside body or mediator: an international organisation, or a person whose
        role is mediation."""
        rec = self.actors.actors[key]
        side = self.actors.actors[self.actors.side(key)]
        return (
            side.kind in _THIRD_PARTY_KINDS
            or (rec.kind == "person" and rec.role in _MEDIATOR_ROLES)
            or any(w in _MEDIATION_WORDS for w in side.name.casefold().split())
        )

    def claimants(
        self, sent: Sentence, speaker: str | None, attributions: list[CueMatch[str]]
    ) -> list[str]:
        mentions = self.mentions(sent)
        if speaker:
            first = speaker
        else:
            start = attributions[0].end if attributions else sent.nstart
            rest = [m for m in mentions if m.start >= start and not self.after_with(m)]
            rest = rest or [m for m in mentions if not self.after_with(m)]
            if not rest:
                return []
            first = self.prefer_person(rest[0].key, sent, rest[0].start)
        out = [first]
        # "جيش الإسلام وفيلق الرحمن أكدا رفضهما", "X and Y refused": joint claimants.
        firsts = [m for m in mentions if m.key == first]
        if firsts:
            m0 = firsts[0]
            for m in mentions:
                if m.start <= m0.start:
                    continue
                gap = self.doc.ntext[m0.end : m.start].split()
                joined = not gap or gap in (["و"], ["and"], ["et"], ["y"], ["und"])
                joined = joined and (gap != [] or self.doc.ntext[m.start - 1 : m.start] == "و")
                if joined and m.key not in out:
                    out.append(m.key)
                break
        return out

    def contradictions(self) -> None:
        ev = self.events
        for ci, claim in enumerate(ev.claims):
            if claim.status not in _CLAIM_STATUSES:
                continue
            parties = self.expand(claim.parties)
            claim_side = self.actors.side(claim.claimant)
            for di, denial in enumerate(ev.denials):
                side = self.actors.side(denial.denier)
                if side == claim_side or not denial.explicit:
                    continue  # only counterparties the denial names can contradict
                if denial.status not in (None, "refused") and _DENIED_STATUS_CONFLICTS.get(
                    denial.status, frozenset({denial.status})
                ).isdisjoint({claim.status}):
                    continue  # "denied the talks had collapsed" answers a claim they stalled
                counter = self.expand(denial.counterparties)
                # A claimant the article ties to no body ("Hernán Duque said…") may speak
                # for the side the denial names.
                loose = (
                    self.actors.actors[claim.claimant].kind == "person"
                    and claim_side == claim.claimant
                )
                if (counter & parties or loose) and self.expand([side]) & parties:
                    ev.contradictions.append(
                        (ci, di, "The denial rejects the negotiations the claim asserts.")
                    )

    def expand(self, keys: list[str]) -> set[str]:
        out = set(keys)
        for k in keys:
            rec = self.actors.actors.get(k)
            if rec and rec.affiliation:
                out.add(rec.affiliation)
        return out


def extract_events(doc: Doc, actors: ActorTable, sources: list[SourceRec]) -> Events:
    return _Extractor(doc, actors, sources).run()
