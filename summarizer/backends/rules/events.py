"""Denials, negotiation claims and contradictions, sentence by sentence.

Each sentence gets a speaker (who the attribution or denial verb belongs to: the actor
right after an Arabic verb, or before an English one; a person is preferred over the body
they speak for; "he said"/وأضاف continue the previous speaker) and a source (the channel
closest to the article among the sentence's citations).

- An anonymous source tied to no actor that is the subject of the verb ("a Western
  diplomat said", "قالت مصادر محلية", "citing local sources") is the speaker: it becomes an
  actor of its own (person, or `other` for a plural), kept only when it asserts a denial
  or a claim. A first-person denial ("ننفي", "we deny") belongs to whoever the sentence
  names before it, never to the actor after the verb. "نقل" without "عن" conveys (an
  offer), it does not report.
- A denial is a denial cue that is not negated (لم ينفِ، did not deny), not part of a
  non-denial phrase (declined to confirm or deny, رفض التعليق) and has a speaker. What is
  denied is the rest of the sentence after the cue, past a denier named right after the verb
  with its title and body ("نفى وائل علوان المتحدث باسم فيلق الرحمن"), dash, bracket or
  comma asides and time words, and past adverbials up to a complementizer (أن، that); it
  ends at the first clause break after its first words ("…، مؤكدة أن…", ", saying…"). Its
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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

from ...textnorm import normalize
from .actors import ActorRec, ActorTable, Mention
from .doc import Doc, Sentence
from .lexicon import AR_CONJUNCTIONS, OUTLET_KINDS, STATUS_ORDER, CueMatch, load_grammar
from .sources import SourceRec

#: Word classes from the lexicons' [grammar] tables (grammar.py says what each holds).
_G = load_grammar()
_PRONOUNS = _G.pronouns
_WITH = _G.with_
_PRONOUN_GAP = _G.sentence_adverbs | _G.pronoun_clitics
_AND = _G.and_
_ARTICLES_ANY = _G.definite_articles
_COMPLEMENTIZERS = _G.complementizers
_REPORTED_CLAUSE = _G.reported_clause
_INFINITIVE_OPENERS = _G.infinitive_openers
_RELATIVES = _G.relatives
_INSTITUTIONS = _G.institutions
_WITHHOLDING = _G.withholding
_SIMILAR = _G.similar
_ANONYMOUS_STOPS = _G.anonymous_stops
_DETERMINERS = _G.determiners
_SPEAKER_NOUNS = _G.speaker_nouns
_CITING = _G.citing
_CHAIN_VERBS = _G.chain_verbs
_PREPOSITIONS = _G.anonymous_prepositions
_PLURAL_SPEAKERS = _G.plural_speakers
_NEUTER_PRONOUNS = _G.neuter_pronouns
_FIRST_PERSON = _G.first_person
_TIME_WORDS = _G.time_words
_SPEAKER_AFTER = _G.speaker_after
_MODALS = _G.modals
_CONDITIONALS = _G.conditionals
_COORDINATORS = _G.coordinators
_MA_RELATIVE = _G.relative_pairs
_CONTINUITY = _G.continuity_verbs
_VERB_PARTICLES = _G.verb_particles
_AR_PRONOUN_PARTICLES = _G.pronoun_particles
_CONCESSIVE = _G.concessive
_DISJUNCTIONS = _G.disjunctions
_AUXILIARIES = _G.auxiliaries
_PAST_AUXILIARIES = _G.past_auxiliaries
_NEGATIVE_OBJECTS = _G.negative_objects
_REPORTED_ABOUT = _G.reported_about
_BACK_REFERENCES = _G.back_references
_COMMENT_WORDS = _G.comment_words
_MEDIATION_WORDS = _G.mediation_words
_PASSIVE_AUX = _G.passive_auxiliaries
_AGENT_PREPOSITIONS = _G.agent_prepositions
_TWO = _G.two

#: Punctuation a negator never reaches across to negate a cue.
_NEGATION_STOPS = ("،", ",", "؛", ";", ":", "(", ")")
#: Negotiation values that name an agreement already made when definite.
_AGREEMENT_SUBJECTS = frozenset({"agreement", "deal"})
_PAIRED_QUOTES = (("«", "»"), ("“", "”"))
_CLOSING_QUOTES = ('"', "»", "”")
_FINAL_STOPS = (".", "!", "?", "؟", "…")
#: How far past the cue a complementizer may open the denied clause.
_ADVERBIAL_TOKENS = 12
#: What ends a denied clause: commas, semicolons, brackets and spaced dashes.
_DENIED_END = re.compile(r"[،؛,;()]|\s[-–—]\s")
#: A clause break this early is an aside, not the end of the denied clause.
_DENIED_MIN_WORDS = 3
_DENIED_MAX_WORDS = 20
#: Key prefix of the actors made for anonymous speakers.
ANONYMOUS_PREFIX = "anonymous@"
#: How many words a title may take between a verb and its subject ("نفى المتحدث باسم
#: ألوية حماة الساحل العقيد منصور…"), and a titled apposition before its holder.
_TITLE_GAP = 8
_APPOSITION_GAP = 12
#: Words between an anonymous subject and its verb ("a diplomat, who asked not to be
#: named, said").
_ANONYMOUS_GAP = 16
#: Words that may qualify an anonymous source after its cue.
_ANONYMOUS_WORDS = 4
#: Endings of an Arabic relative adjective (nisba), normalised: أمني، قبلية، دبلوماسيين.
_NISBA = ("ي", "يه", "يين", "يون")
_CHAIN_WINDOW = 6
#: An aside opening right after a name, and what closes it.
_ASIDE_OPEN = re.compile(r"\s*([-–—،,(])")
_ASIDE_CLOSE = {
    **{d: re.compile(r"[-–—]") for d in "-–—"},
    **{c: re.compile(r"[،,]") for c in "،,"},
    "(": re.compile(r"\)"),
}
_ASIDE_WORDS = 20
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
#: The camp that each camp faces first in a conflict story.
_FACING = {"armed": ("state",), "state": ("armed",)}
#: Quotation marks (a clause break that opens a quote, not an apposition).
_QUOTES = frozenset('"«»“”')
#: How far (normalised characters) before a predicative cue its verb's negator may stand.
_PREDICATE_REACH = 80
#: Offer nouns a later sentence refers back to ("rejected the offer", "تدرس العرض").
_OFFER_SUBJECTS = frozenset({"offer", "proposal", "initiative"})
#: The subject of a claim a status verb states alone, by its status, and back.
_ACT_SUBJECTS = {"agreed": "agreement", "proposed": "proposal"}
_ACT_STATUS = {subject: status for status, subject in _ACT_SUBJECTS.items()}
#: How many words (and normalised characters) back a verb asking for a denial may govern it,
#: past a long subject ("وطالب النائب عن دائرة سيدي بوعرادة أسامة القماطي وزارة الدفاع بنفي").
_DEMAND_WORDS = 12
_DEMAND_CHARS = 100
#: Words between a denial verb and the reports it denies ("denied the media reports").
_DENIED_REPORT_GAP = 2
#: How similar (rapidfuzz token set ratio) a lead's denied clause and a later one are when
#: the later denial restates the lead's.
_SAME_DENIED = 60
#: Sentences that make the headline and the lead, which the body repeats in full.
_LEAD_SENTENCES = 1
#: How many sentences back an anaphoric offer is looked for.
_OFFER_WINDOW = 6
#: How many words may link an offer to its author ("put forward by").
_OFFER_BY_WORDS = 3
#: How many tokens after a refusal verb its comment word may come.
_COMMENT_REACH = 10
#: Claim statuses a denial of a status contradicts.
_DENIED_STATUS_CONFLICTS = {"agreed": frozenset({"agreed", "concluded"})}
#: Clitics before an Arabic dual ("والعشيرتين", "للفصيلين").
_AR_PREFIXES = ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل")
#: How many words may separate a name from the phrase that calls it a mediator (", which
#: has been mediating").
_MEDIATING_GAP = 4
#: Punctuation that ends an apposition: what follows it says nothing about the name.
_NOT_APPOSED = frozenset('.;:!?()"«»“”')
_MEDIATOR_ROLES = frozenset({"envoy", "mediator", "sheikh", "head of delegation", "ombudsman"})


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
    #: Actors that speak in the story, whatever they say.
    speakers: set[str] = field(default_factory=set)


class _Extractor:
    def __init__(self, doc: Doc, actors: ActorTable, sources: list[SourceRec]) -> None:
        self.doc = doc
        self.lex = doc.lexicon
        self.actors = actors
        self.sources = sources
        self.events = Events()
        self.prev_speaker: str | None = None
        self.prev_source: int | None = None
        #: The last body that opened a sentence as its subject (what "it" refers to).
        self.last_body: str | None = None
        #: The sentence index of the last speaker, and the last person who opened a
        #: sentence as its subject with that sentence's index (what "he" may refer to).
        self.prev_speaker_at = -1
        self.last_person: tuple[int, str] | None = None
        self.not_denial = list(self.lex.not_denial.finditer(doc.ntext))
        #: Where the article names the outlets it cites (agencies, papers, broadcasters).
        self.outlet_spans = [(rec.start, rec.end) for rec in sources if rec.kind in OUTLET_KINDS]
        self.main_sides = self._main_sides()

    def _main_sides(self) -> list[str]:
        """Sides of the story, most mentioned first: the default other party of a claim
        that names only its claimant ("talks between the two sides")."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        # A side is what the talks are about: mentions in sentences about talks count twice.
        talk_sentences = {
            self.doc.sentence_at(c.start).index for c in self.doc.all_matches(self.lex.negotiation)
        }
        for m in self.actors.mentions:
            side = self.actors.side(m.key)
            if self.actors.actors[side].kind in ("person", "media") or self.in_outlet(m):
                continue
            weight = 1 + (self.doc.sentence_at(m.start).index in talk_sentences)
            counts[side] = counts.get(side, 0) + weight
            first.setdefault(side, m.start)
        ranked = sorted(counts, key=lambda k: (-counts[k], first[k]))
        # A mediating organisation is not a side; the second side is the most mentioned
        # one from the other camp (an armed group faces a state, not a second name for
        # itself).
        sides = [
            k
            for k in ranked
            if self.actors.actors[k].kind not in _THIRD_PARTY_KINDS and k not in self.mediating
        ]
        rest = [k for k in ranked if k not in sides]
        if sides:
            camp = _CAMPS.get(self.actors.actors[sides[0]].kind)
            # An armed group faces the state before a council or a party that may only
            # mediate between them.
            facing = _FACING.get(camp or "", ())
            other = next(
                (
                    k
                    for wanted in facing
                    for k in sides[1:]
                    if _CAMPS.get(self.actors.actors[k].kind) == wanted
                ),
                None,
            ) or next(
                (k for k in sides[1:] if _CAMPS.get(self.actors.actors[k].kind) != camp), None
            )
            if other is not None:
                sides.remove(other)
                sides.insert(1, other)
        return sides + rest

    @cached_property
    def mediating(self) -> frozenset[str]:
        """Sides that mediate, whatever their kind: named for it ("لجنة الوساطة") or
        described so right after their name ("the Church, which has mediated since March",
        «الاتحاد الجهوي للشغل الذي يقود وساطة», "la Conférence épiscopale, médiatrice du
        dialogue"). A mediator speaks of the two sides' talks; it is not one of the sides."""
        doc = self.doc
        # Actor keys are their normalised names.
        found = {k for k in self.actors.actors if not _MEDIATION_WORDS.isdisjoint(k.split())}
        for cue in doc.all_matches(self.lex.mediating):
            i = bisect_left(self._mention_ends, cue.outer_start + 1) - 1
            if i < 0:
                continue
            m = self._mentions_by_end[i]
            gap = doc.text[doc.span(m.start, m.end)[1] : doc.span(cue.start, cue.end)[0]]
            words = self.tokens_between(m.end, cue.outer_start)
            # Set off right after the name by one comma (", which has been mediating"), or
            # in Arabic by a relative with at most a word before it (the rest of the name:
            # «للشغل الذي»); "Moscow has brokered" is a subject and its verb.
            commas = gap.count(",") + gap.count("،")
            if any(c in gap for c in _NOT_APPOSED) or len(words) > _MEDIATING_GAP:
                continue
            if commas > 1 or (commas == 0 and (len(words) > 1 or not self.lex.clitics)):
                continue
            if commas == 1 and gap.lstrip()[0] not in ",،":
                continue
            found.add(self.actors.side(m.key))
        # "برعاية وزارة العمل", "mediated by the Church": what a mediation phrase introduces.
        found.update(self.mediators(0, len(doc.ntext)))
        return frozenset(found)

    @cached_property
    def _mentions_by_end(self) -> list[Mention]:
        return sorted(self.actors.mentions, key=lambda m: m.end)

    @cached_property
    def _mention_ends(self) -> list[int]:
        return [m.end for m in self._mentions_by_end]

    # -- helpers -----------------------------------------------------------------------

    def tokens_between(self, a: int, b: int) -> list[str]:
        return self.doc.ntext[a:b].split()

    def words_before(self, npos: int, chars: int) -> list[str]:
        """The words of the `chars` characters before `npos` (a word the window cuts counts
        by its tail): what precedes a cue, within a short distance."""
        return self.doc.ntext[max(0, npos - chars) : npos].split()

    def words_before_break(self, npos: int, chars: int) -> list[str]:
        """`words_before`, from the last comma, colon or bracket on."""
        words = self.words_before(npos, chars)
        raw = self.doc.quote(max(0, npos - chars), npos)
        cut = max(raw.rfind(c) for c in _NEGATION_STOPS)
        if cut < 0:
            return words
        kept = len(raw[cut + 1 :].split())
        return words[len(words) - kept :] if kept else []

    def words_after(self, npos: int, chars: int) -> list[str]:
        """The words of the `chars` characters from `npos` on."""
        return self.doc.ntext[npos : npos + chars].split()

    def negated(self, start: int, window: int = 2) -> bool:
        """A negator (لم، لا، not, never…) in the `window` tokens before `start`, or before
        the verb a disjunction joins it to ("لم يؤكد الحوراني أو ينفِ", "did not confirm or
        deny"). A negator never reaches across a comma ("…، لم تسمه، أن الجانبين
        «اتفقا»"), which only the original text shows: it is read when a negator is near.
        "ما" after a pronoun is relative ("وهو ما نفاه الكيال": which al-Kayyal denied)."""
        if (
            self.lex.clitics
            and self.doc.ntext.endswith("ما ", 0, start)
            and tuple(self.words_before(start, 24)[-2:]) in _MA_RELATIVE
        ):
            return False
        return self._negator_before(self.words_before, start, window) and (
            self._negator_before(self.words_before_break, start, window)
        )

    def demanded(self, start: int) -> bool:
        """Whether a verb asking someone to deny governs the cue at `start`, in its clause
        ("طالبت رابطة أمهات المعتقلين الجيش بنفي ما ورد", "called on the ministry to deny")."""
        sent = self.doc.sentence_at(start)
        chars = min(_DEMAND_CHARS, start - sent.nstart)
        near = self.words_before(start, chars)[-_DEMAND_WORDS:]
        if not _holds_entry(near, self.lex.denial_demands):
            return False  # the usual case: no demand verb near, no need for the original
        before = self.words_before_break(start, chars)[-_DEMAND_WORDS:]
        return _holds_entry(before, self.lex.denial_demands)

    def _negator_before(
        self, words_before: Callable[[int, int], list[str]], start: int, window: int
    ) -> bool:
        before = words_before(start, 40)[-max(3, window) :]
        if before and before[-1] in _DISJUNCTIONS:
            # "ولم يؤكد متحدث باسم الوزارة الاتفاق أو ينفِه": the verb the disjunction joins
            # may be a clause back, with its subject and object in between.
            before = words_before(start, 120)[-12:-1]
            window = len(before)
        return _holds_entry(_still_unnegated(before), self.lex.denial_negators, last=window)

    def in_outlet(self, m: Mention) -> bool:
        """Whether the mention is part of a cited outlet's name."""
        return any(a <= m.start and m.end <= b for a, b in self.outlet_spans)

    def by_nobody(self, sent: Sentence, cue: CueMatch[str]) -> bool:
        """Whether the verb's subject is no one ("Nobody in the government denied that…",
        "Nadie negó…"): a word for no one in its clause before it."""
        start = self._clause_opening(sent, cue.outer_start)
        return _holds_entry(self.tokens_between(start, cue.outer_start), self.lex.denial_nobody)

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
        anonymous = self.anonymous_speaker(sent, cue)
        if anonymous is not None:
            return anonymous
        mentions = self.mentions(sent)
        doc = self.doc
        after = [
            m
            for m in mentions
            if m.start >= cue.end
            and self._close_after(cue.end, m.start)
            and not doc.clause_break_between(cue.end, m.start - 1)
        ]
        if not after and self.lex.clitics:
            after = self._titled_apposition(sent, cue, mentions)
        before = [m for m in mentions if m.end <= cue.outer_start]
        if self.lex.clitics:
            # Arabic subjects precede their verb directly; "X، أبرز Y، أكدا" is apposition,
            # as is the name in "القائد العسكري للواء السهل، مهند العبيد، نفى".
            topic = before[:1]
            same = [m for m in before if not doc.clause_break_between(m.end - 1, cue.outer_start)]
            if not same and cue.outer_start == cue.start and self._after_aside(sent, cue.start):
                # No conjunction on the verb: it is the main clause's, after the apposition.
                same = self._subject_candidates(sent, before, cue.outer_start)
            before = same
            particle = self.tokens_between(sent.nstart, cue.outer_start)[-1:]
            if particle and particle[0] in _AR_PRONOUN_PARTICLES:
                # "قالت الكتائب إنها …، لكنها نفت": the sentence's topic, else the last
                # sentence's speaker.
                if topic:
                    return self.prefer_person(topic[0].key, sent, topic[0].start)
                return self.prev_speaker
        else:
            before = self._subject_candidates(sent, before, cue.outer_start)
        gap_before = self.tokens_between(
            sent.nstart if not before else before[-1].end, cue.outer_start
        )
        while len(gap_before) > 1 and gap_before[-1] in _PRONOUN_GAP:
            gap_before.pop()
        pronoun = bool(gap_before) and gap_before[-1] in _PRONOUNS
        if self.lex.clitics or cue.cue in _SPEAKER_AFTER:
            order = [after, [] if pronoun else before[::-1]]
        else:
            # A pronoun subject ("He also denied that the group's commanders…") leaves
            # the names after the verb to its object.
            order = [] if pronoun else [before[::-1], after]
        for group in order:
            for m in group:
                if group is not after and len(self.tokens_between(m.end, cue.outer_start)) > 25:
                    break
                if self.after_with(m):
                    continue
                return self.prefer_person(m.key, sent, m.start)
        if (
            pronoun
            and gap_before[-1] in _NEUTER_PRONOUNS
            and self.last_body is not None
            and (
                self.prev_speaker is None or self.actors.actors[self.prev_speaker].kind == "person"
            )
        ):
            # "it said" is never a person: the body that was last a sentence's subject.
            return self.last_body
        if pronoun and self.last_person is not None and self.last_person[0] > self.prev_speaker_at:
            # "M. Ngombi a rejeté la demande…. Il a également démenti…": the person who
            # opened a later sentence than the last speaker's.
            return self.last_person[1]
        if pronoun or doc.matches(self.lex.continuation, cue.outer_start, cue.end + 1):
            return self.prev_speaker
        return None

    def _titled_apposition(
        self, sent: Sentence, cue: CueMatch[str], mentions: list[Mention]
    ) -> list[Mention]:
        """ "نفى قائد العمليات في المنطقة الجنوبية، اللواء رائد العتوم، أن…": a title
        right after the verb, then its holder set off by a comma."""
        doc = self.doc
        title = doc.matches(self.lex.titles, cue.end, sent.nend)
        if not title or self.tokens_between(cue.end, title[0].start):
            return []
        for m in mentions:
            if m.start < cue.end:
                continue
            gap = self.tokens_between(cue.end, m.start)
            if len(gap) > _APPOSITION_GAP or not _COMPLEMENTIZERS.isdisjoint(gap):
                return []
            if self.actors.actors[m.key].kind == "person":
                return [m]
        return []

    def _clause_before(self, sent: Sentence, verb: int) -> tuple[int, int] | None:
        """The clause that ends at the last clause break before `verb` in its sentence, as
        (its opening break or the sentence start, that break); None without such a break."""
        breaks = self.doc.clause_breaks
        i = bisect_left(breaks, verb + 1) - 1
        if i < 0 or breaks[i] < sent.nstart:
            return None
        opening = breaks[i - 1] if i > 0 and breaks[i - 1] >= sent.nstart else sent.nstart
        return opening, breaks[i]

    def _clause_opening(self, sent: Sentence, npos: int) -> int:
        """Where the clause that holds `npos` opens: its last clause break before `npos` in
        the sentence, else the sentence's start."""
        clause = self._clause_before(sent, npos)
        return clause[1] if clause else sent.nstart

    def _after_aside(self, sent: Sentence, verb: int) -> bool:
        """Whether the verb at `verb` directly follows a comma of its sentence (not a
        quotation mark: "بأنها «عارية عن الصحة»" is no verb after an apposition)."""
        doc = self.doc
        clause = self._clause_before(sent, verb)
        if clause is None or self.tokens_between(clause[1], verb):
            return False
        k = doc.token_index(verb)
        if k == 0:
            return False
        gap = doc.text[doc.span(*doc.tokens[k - 1])[1] : doc.span(*doc.tokens[k])[0]]
        return any(c in gap for c in ",،") and not any(c in gap for c in _QUOTES)

    def _subject_candidates(
        self, sent: Sentence, before: list[Mention], verb: int
    ) -> list[Mention]:
        """Mentions that can be the subject of the verb at `verb`, nearest last: those of
        its own clause; after a relative pronoun ("…, which said"), its antecedent; when the
        verb directly follows an aside ("Yusuf Amrani, who chairs the Council of Elders,
        told…"), those of the clauses before the aside first, then the aside's own, unless
        the aside is just a name ("The LDF's commander, Hassan Dube, said")."""
        clause = self._clause_before(sent, verb)
        if clause is None:
            return before  # no clause break before the verb in this sentence
        open_, close = clause
        same = [m for m in before if m.start >= close]
        gap = self.tokens_between(close, verb)
        if gap == [] or (len(gap) == 1 and gap[0] in _RELATIVES):
            earlier = [m for m in before if m.end <= close]
            if gap:
                return earlier  # "the port authority, which said": the antecedent
            aside = [m for m in earlier if m.start >= open_]
            head = [m for m in earlier if m.start < open_]
            if len(aside) == 1 and len(self.tokens_between(open_, close)) == len(
                self.tokens_between(aside[0].start, aside[0].end)
            ):
                return head + aside  # "The LDF's commander, Hassan Dube, said": the name
            return aside + head
        if same or gap[0] in self.lex.grammar.articles:
            return same  # ", a council of elders mediating between them said": its own subject
        return before  # "…, a de son côté rejeté": adverbials, the subject is earlier

    def conveys(self, cue: CueMatch[str]) -> bool:
        """نقل without عن after it: a verb of conveying ("نقل الوسيط عرضا إلى الجماعة"),
        not of reporting."""
        if cue.cue not in _CHAIN_VERBS:
            return False
        ti = self.doc.token_index(cue.end)
        window = range(ti, min(ti + _CHAIN_WINDOW, len(self.doc.tokens)))
        return all(self.doc.token_text(i) != "عن" for i in window)

    def withheld(self, cue: CueMatch[str]) -> bool:
        """ "عدم ذكر اسمه" (without his name being mentioned): a verbal noun of a source's
        anonymity, not a report."""
        before = self.words_before(cue.outer_start, 12)[-1:]
        return bool(before) and before[0] in _WITHHOLDING

    def anonymous_speaker(self, sent: Sentence, cue: CueMatch[str]) -> str | None:
        """An anonymous source tied to no actor that is the subject of the verb ("a
        Western diplomat said", "قالت مصادر محلية", "selon une source proche du dossier"):
        it becomes an actor of its own (a person, or `other` for a plural) so that it can
        be the claimant or denier."""
        doc = self.doc
        after = bool(self.lex.clitics) or cue.cue in _SPEAKER_AFTER
        for i, rec in enumerate(self.sources):
            if rec.sentence != sent.index or not rec.anonymous or rec.actor is not None:
                continue
            words = set(self.doc.ntext[rec.start : rec.end].split())
            if words.isdisjoint(_SPEAKER_NOUNS):
                continue  # "on condition of anonymity", "a member of…": not the speaker
            gap = self.tokens_between(cue.end, rec.start) if rec.start >= cue.end else None
            if gap is not None and gap and gap[-1] in _CITING and len(gap) <= _ADVERBIAL_TOKENS:
                # "أفاد مراسل الجزيرة، نقلا عن مصادر محلية، بأن…", "X reported, citing
                # sources, that…": the cited sources assert what follows.
                if any(t in _COMPLEMENTIZERS for t in gap):
                    continue
                between = []
            elif after:
                if gap is None or len(gap) > 1:
                    continue
                between = self.actors.in_range(cue.end, rec.start)
            else:
                if rec.end > cue.outer_start:
                    continue
                if len(self.tokens_between(rec.end, cue.outer_start)) > _ANONYMOUS_GAP:
                    continue
                between = self.actors.in_range(rec.end, cue.outer_start)
            if between:
                continue
            body = self.institution(rec.start, rec.end)
            if body is not None:
                # "مصدر عسكري", "a government source": the body the source speaks for.
                self.events.source_actors.setdefault(i, body)
                return body
            key = f"{ANONYMOUS_PREFIX}{rec.start}"
            if key not in self.actors.actors:
                start, end = self.anonymous_name(rec.start, rec.end, sent)
                name = doc.quote(start, end).strip(" ،,.")
                plural = any(
                    t in _PLURAL_SPEAKERS or (not self.lex.clitics and t.endswith("s"))
                    for t in doc.ntext[start:end].split()[:3]
                )
                # "دبلوماسي أوروبي مطلع على الملف" is also written short, before its
                # first preposition: the short form is an alias.
                qualified = doc.ntext[start:end].split()
                cut = next((k for k, w in enumerate(qualified) if k >= 2 and w in _PREPOSITIONS), 0)
                aliases: list[str] = []
                if cut:
                    short = doc.quote(start, doc.tokens[doc.token_index(start) + cut - 1][1])
                    aliases.append(short.strip(" ،,."))
                if self.lex.clitics and len(qualified) > 2 and qualified[1].endswith(_NISBA):
                    # "مصدر أمني مطلع على الملف" is also "مصدر أمني": the noun and its
                    # adjective.
                    second = doc.tokens[doc.token_index(start) + 1][1]
                    aliases.append(doc.quote(start, second).strip(" ،,."))
                if qualified[0] in _DETERMINERS and len(qualified) > 2:
                    # "une source sécuritaire à Bérengo" is also "source sécuritaire".
                    first = doc.tokens[doc.token_index(start) + 1][0]
                    last = doc.tokens[doc.token_index(start) + (cut or len(qualified)) - 1][1]
                    aliases.append(doc.quote(first, last).strip(" ،,."))
                    # "A Western diplomat close to the mediation" is also "Western diplomat".
                    noun = next((k for k, w in enumerate(qualified) if w in _SPEAKER_NOUNS), 0)
                    if 1 < noun < len(qualified) - 1:
                        last = doc.tokens[doc.token_index(start) + noun][1]
                        aliases.append(doc.quote(first, last).strip(" ،,."))
                self.actors.actors[key] = ActorRec(
                    key,
                    name,
                    "other" if plural else "person",
                    rec.start,
                    name_en=name if self.lex.code == "en" else None,
                    aliases=aliases,
                )
            self.events.source_actors.setdefault(i, key)
            return key
        return None

    def institution(self, start: int, end: int) -> str | None:
        """The article's body an anonymous source's adjective points to ("مصدر عسكري":
        the army; "a government official": the government), when there is one."""
        words = self.doc.ntext[max(0, start - 20) : end + 20].split()
        kind = next((_INSTITUTIONS[w] for w in words if w in _INSTITUTIONS), None)
        if kind is None:
            return None
        bodies = [r for r in self.actors.actors.values() if r.kind == kind]
        if not bodies:
            return None
        return max(bodies, key=lambda r: (r.real_mentions, -r.first)).key

    def anonymous_name(self, start: int, end: int, sent: Sentence) -> tuple[int, int]:
        """The anonymous speaker's words: the source cue with the words that qualify it
        ("مصادر محلية", "a source close to the talks", "a Western diplomat"), up to a
        clause break, a named actor, a complementizer or a reporting verb."""
        doc = self.doc
        ti = doc.token_index(start)
        if not self.lex.clitics:
            # "a Western diplomat": the determiner and adjectives before the cue.
            k = ti - 1
            while k >= 0 and ti - k <= 2 and doc.tokens[k][0] >= sent.nstart:
                if doc.clause_break_between(doc.tokens[k][1] - 1, doc.tokens[ti][0]):
                    break
                start = doc.tokens[k][0]
                if doc.token_text(k) in _DETERMINERS:
                    break
                k -= 1
            if doc.token_text(doc.token_index(start)) not in _DETERMINERS:
                start = doc.tokens[ti][0]
        k = doc.token_index(end)
        stops = [m.start for m in self.actors.in_range(end, sent.nend)]
        stops += [c.start for c in doc.matches(self.lex.attribution, end, sent.nend)]
        stops += [c.start for c in doc.matches(self.lex.source_kinds, end, sent.nend)]
        # "مصدر دبلوماسي": a second anonymous cue right after the first qualifies it.
        adjacent = doc.tokens[k][1] if k < len(doc.tokens) else end
        stops += [c.start for c in doc.matches(self.lex.anonymous, adjacent, sent.nend)]
        stops += [a for a, _, _ in self.actors.outlets if end <= a < sent.nend]
        first = next(iter(sorted(stops)), sent.nend)
        while k < len(doc.tokens) and k - doc.token_index(end) < _ANONYMOUS_WORDS:
            ts, te = doc.tokens[k]
            if te > first or ts >= sent.nend or doc.clause_break_between(end - 1, ts):
                break
            word = doc.token_text(k)
            if word in _COMPLEMENTIZERS or word in _ANONYMOUS_STOPS or word in _PRONOUNS:
                break
            if doc.quote(ts, te) in _AUXILIARIES:
                break  # "Une source … a toutefois affirmé": the verb phrase begins
            end = te
            k += 1
        return start, end

    def _close_after(self, end: int, start: int) -> bool:
        """The mention follows the verb directly, after a title ("نفى الناطق الرسمي
        لحركة…", "said the spokesman for …") or in what the verb cites."""
        gap = self.tokens_between(end, start)
        if len(gap) <= 2:
            return True
        if gap[0] in self.lex.object_openers:
            return False  # "نفى صحة تقارير تحدثت عن دفع طهران": the verb's object, not who cites
        if len(gap) <= _CHAIN_WINDOW and not _CITING.isdisjoint(gap):
            return True  # "نقلت فيه عن مصدر في قيادة خفر السواحل": the body cited
        return len(gap) <= _TITLE_GAP and bool(self.doc.matches(self.lex.titles, end, start))

    def after_with(self, m: Mention) -> bool:
        """Whether the mention follows "with"/"مع"/"con", past an article ("con el Clan"),
        or is coordinated with one that does ("between the army and the Crane Brigade")."""
        before = self.words_before(m.start, 60)
        if before and before[-1] in _ARTICLES_ANY:
            before = before[:-1]
        if before and before[-1] in _AND:
            return not _WITH.isdisjoint(before[-6:-1])
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
        self.merge_repeated_claims()
        self.merge_repeated_denials()
        self.contradictions()
        return self.events

    def merge_repeated_denials(self) -> None:
        """One denial per fact. A headline's denials give way to the body's when the body
        has any: the headline sums them up, often with a vaguer subject. A first sentence
        that is no headline gives way to a later denial by the same side (often then by
        its named spokesman); otherwise it may deny something else than the body does, so
        it stays. The lead under a headline gives way to a later denial by the same side
        of the same thing, a similar denied clause ("denied any part in it", then "denied
        that any of its members had taken part in the attack"). Of the denials left with
        the same denier and counterparties, the fullest sentence's are kept."""
        denials = self.events.denials
        drop: set[int] = set()
        lead = 1 if self.doc.sentences and self.headline(self.doc.sentences[0]) else 0
        for i, early in enumerate(denials):
            if early.sentence.index > lead:
                continue
            if self.headline(early.sentence) and any(
                d.sentence.index > 0 for d in denials[i + 1 :]
            ):
                drop.add(i)  # "captors deny": the body says who and what in full
                continue
            side = self.actors.side(early.denier)
            counter = {self.actors.side(c) for c in early.counterparties}
            for later in denials[i + 1 :]:
                if later.sentence.index <= early.sentence.index:
                    continue
                if early.sentence.index > 0:
                    restated = self.actors.side(later.denier) == side and self.restates(
                        early, later
                    )
                else:
                    other = {self.actors.side(c) for c in later.counterparties}
                    restated = later.denier == early.denier or (
                        self.actors.side(later.denier) == side
                        and (bool(counter & other) or not counter or not other)
                    )
                if restated:
                    drop.add(i)
                    break
        kept = [d for i, d in enumerate(denials) if i not in drop]
        # (Two denials in one sentence, "نفى … كما نفى …", are two facts; so are two
        # denials of different things: "denied any negotiation…", then "also denied that a
        # ransom had been paid".)
        fullest: list[DenialRec] = []
        for d in kept:
            same = next(
                (
                    i
                    for i, f in enumerate(fullest)
                    if f.denier == d.denier
                    and set(f.counterparties) == set(d.counterparties)
                    and f.sentence is not d.sentence
                    and self.restates(f, d)
                ),
                None,
            )
            if same is None:
                fullest.append(d)
            elif _length(d.sentence) > _length(fullest[same].sentence):
                fullest[same] = d
        kept_ids = {id(f) for f in fullest}
        self.events.denials = [d for d in kept if id(d) in kept_ids]

    def restates(self, a: DenialRec, b: DenialRec) -> bool:
        """Whether two denials deny the same thing: similar denied clauses."""
        return (
            fuzz.token_set_ratio(self.content_words(a.denied), self.content_words(b.denied))
            >= _SAME_DENIED
        )

    def content_words(self, text: str) -> str:
        """The text normalised, without its stop words: what two denied clauses share."""
        words = self.lex.stopwords | self.lex.stop
        return " ".join(w for w in normalize(text).split() if w not in words)

    def headline(self, sent: Sentence) -> bool:
        """Whether the sentence is a headline: the first line, with no final stop, or any
        part of a first line that ".." splits ("منفذ الغضا مغلق.. ومحافظ الغضا ينفي")."""
        if len(self.doc.sentences) < 2:
            return False
        quote = self.doc.sentence_quote(sent)
        if sent.index > 0 or ".." in quote:
            line_end = self.doc.text.find("\n")
            first_line = self.doc.text[:line_end] if line_end > 0 else ""
            return sent.start < len(first_line) and not first_line.rstrip().endswith(_FINAL_STOPS)
        return not quote.rstrip().endswith(_FINAL_STOPS)

    def merge_repeated_claims(self) -> None:
        """One claim per fact: a headline or lead that announces what the body reports
        again (same side, status and parties) gives way to the body's fuller sentence, as
        does a headline claim the body makes again, and a lead claim made in a sentence
        that also carries a denial when a later sentence makes it on its own."""
        claims = self.events.claims

        def sides(c: ClaimRec) -> frozenset[str]:
            return frozenset(self.actors.side(p) for p in c.parties)

        def restated(c: ClaimRec, o: ClaimRec) -> bool:
            if o.sentence.index <= c.sentence.index or o.status != c.status:
                return False
            if o.claimant == c.claimant and (
                c.sentence.index == 0
                or (c.mixed and not o.mixed and set(o.parties) == set(c.parties))
            ):
                return True
            return (
                c.sentence.index <= _LEAD_SENTENCES
                and self.actors.side(o.claimant) == self.actors.side(c.claimant)
                and sides(o) == sides(c)
            )

        self.events.claims = [
            c for i, c in enumerate(claims) if not any(restated(c, o) for o in claims[i + 1 :])
        ]

    def sentence(self, sent: Sentence) -> None:
        doc, lex = self.doc, self.lex
        source, here = self.sentence_source(sent)
        attributions = [
            c
            for c in doc.matches(lex.attribution, sent.nstart, sent.nend)
            if not self.conveys(c) and not self.withheld(c)
        ]
        speaker: str | None = None
        for cue in attributions:
            speaker = self.speaker(sent, cue)
            if speaker:
                break
        continuing = bool(attributions) and bool(
            doc.matches(lex.continuation, sent.nstart, min(sent.nend, attributions[0].end + 2))
        )
        if continuing and source is None and speaker == self.prev_speaker:
            source = self.prev_source
        denials = self.denials(sent, source)
        if denials and speaker is None:
            speaker = denials[0]
        before = len(self.events.claims)
        self.claims(sent, speaker, source, attributions)
        for claim in self.events.claims[before:]:
            if self.actors.actors[claim.claimant].kind == "person":
                # "M. Ngombi a rejeté la demande de l'UGET": a person who claims is a subject.
                self.last_person = (sent.index, claim.claimant)
        for i in here:
            rec = self.sources[i]
            who = speaker or (denials[0] if denials else None)
            if rec.needs_speaker and who and i not in self.events.source_actors:
                self.events.source_actors[i] = who
        subject = next(iter(self.mentions(sent)), None)
        if speaker:
            self.events.speakers.add(speaker)
        if subject is not None and len(self.tokens_between(sent.nstart, subject.start)) <= 1:
            side = self.actors.side(subject.key)
            if self.actors.actors[side].kind != "person":
                self.last_body = side
            if self.actors.actors[subject.key].kind == "person":
                self.last_person = (sent.index, subject.key)
        elif subject is not None and not self.lex.clitics:
            person = self._subject_before_auxiliary(sent)
            if person is not None:
                self.last_person = (sent.index, person)
        if speaker:
            self.prev_speaker = speaker
            self.prev_speaker_at = sent.index
            self.prev_source = source
        elif attributions or denials:
            self.prev_speaker = None
            self.prev_source = source

    def _subject_before_auxiliary(self, sent: Sentence) -> str | None:
        """ "A Mbalanga, la ministre …, Solange Yakoma, a livré une version…": a person
        named right before an auxiliary, past the apposition's comma, is the sentence's
        subject though the sentence opens with other words."""
        doc = self.doc
        for m in self.mentions(sent):
            if self.actors.actors[m.key].kind != "person":
                continue
            j = doc.token_index(m.end - 1) + 1
            if (
                j < len(doc.tokens)
                and doc.tokens[j][0] < sent.nend
                and doc.quote(*doc.tokens[j]) in _AUXILIARIES
            ):
                return m.key
        return None

    def denials(self, sent: Sentence, source: int | None) -> list[str]:
        doc = self.doc
        deniers: list[str] = []
        last_cue = -1
        for cue in doc.matches(self.lex.denial, sent.nstart, sent.nend):
            if (
                self.negated(cue.outer_start)
                or self.demanded(cue.outer_start)
                or self.by_nobody(sent, cue)
                or (
                    cue.cue in self.lex.denial_predicative
                    and _holds_entry(
                        self.words_before_break(cue.outer_start, _PREDICATE_REACH),
                        self.lex.denial_negators,
                    )
                )
            ):
                continue
            passive = self.passive_agent(sent, cue)
            if passive is None and self.in_not_denial(cue.start, cue.end):
                continue  # "was denied entry", but "was denied by the ministry" is a denial
            if self.first_person(cue):
                denier = self.quoted_speaker(sent, cue)
            else:
                denier = passive or self.speaker(sent, cue)
            if denier is None:
                # '"There is no truth in the claim…," Mwakasege told Radio Tumaini': the
                # quote's author, named after it, denies.
                denier = self.quote_author(sent, cue)
            if denier is None or cue.cue in self.lex.denial_participles:
                denier = self.shared_subject(sent, cue, deniers) or denier
            also = bool(deniers) and self.coordinated(cue.outer_start)
            if also and (denier is None or denier in deniers):
                denier = deniers[-1]  # "…، كما نفى وجود أي مفاوضات", "and also denied"
            if denier is None or (
                denier in deniers and not (also and doc.clause_break_between(last_cue, cue.start))
            ):
                continue
            last_cue = cue.start
            scope_start = cue.end
            if passive is not None:
                # "A report that … was denied by …": the subject is what is denied.
                aux = self.doc.token_index(cue.outer_start) - 1
                scope_start = dstart = sent.nstart
                dend = self.doc.tokens[aux][0]
            else:
                dstart = self.denied_start(sent, cue, denier)
                dend = self.denied_end(sent, dstart)
            scope = [m for m in self.mentions(sent) if scope_start <= m.start < dend]
            side = self.actors.side(denier)
            # The denier's own side: itself, the body it speaks for, and that body's owner
            # (a ministry denying on behalf of its government).
            own = {denier, side} | {
                a for a in (self.actors.actors[k].affiliation for k in (denier, side)) if a
            }
            subject = self._denied_subject(scope, dstart)
            if (
                subject is not None
                and side == denier
                and self.actors.actors[denier].kind == "person"
            ):
                # "ونفى الناطق باسمها … أن تكون الحركة قد أجرت أي مفاوضات مع الجيش": a
                # spokesman whose body only a pronoun names denies for the body that is
                # the denied clause's subject.
                own.add(subject)
            counter: list[str] = []
            withs = [m for m in scope if self.after_with(m)]
            for m in withs or scope:
                k = self.actors.side(m.key)
                # "في بيان صادر عن مكتب رئيس الوزراء": a body of the denier's own side
                # is the channel, not the other side; so is the outlet it spoke to ("denied
                # to the BNS news agency that…").
                sibling = self.actors.actors[k].affiliation in own
                if (
                    k not in own
                    and m.key not in own
                    and k not in counter
                    and not sibling
                    and not self.in_outlet(m)
                ):
                    counter.append(k)
            if not counter and self.doc.matches(self.lex.both_sides, dstart, dend):
                # "نفى أن يكون قد نقل أي أموال بين الطرفين": the story's two sides.
                counter = [k for k in self.main_sides[:2] if k not in own]
            explicit = bool(counter)
            if (
                not counter
                and self.about_talks(dstart, dend)
                # "أن تكون الرابطة قد طلبت الهدنة من أي طرف": no one in particular.
                and self.lex.denial_anyone.search(self.doc.ntext, dstart, dend) is None
            ):
                # "after a government spokesman said the factions had accepted the pause,
                # the battalion issued a statement denying it": the other side the sentence
                # names before the denial is who made the denied claim. Not one the denier
                # itself names in the words it said before ("وقالت القاهرة إنها تواصل جهودها
                # مع الاتحاد الأفريقي…، ونفت…").
                own_words = self.own_words_start(sent, cue, own)
                for m in self.mentions(sent):
                    k = self.actors.side(m.key)
                    if (
                        m.end <= min(cue.outer_start, own_words)
                        and k not in own
                        and m.key not in own
                        and k not in counter
                        and self.actors.actors[k].kind not in ("person", "media")
                        and self.actors.actors[k].affiliation not in own
                        and k not in self.mediating
                    ):
                        counter.append(k)
                counter = counter[:1]
                if not counter:
                    # The article calls the denier one of "the two tribes": the other one.
                    counter = [k for k in self.pair_of(side) if k != side]
                if not counter:
                    # "denied that any talks had taken place": the other side of the story,
                    # from the other camp when there is one.
                    others = [k for k in self.main_sides if k not in own]
                    camp = _CAMPS.get(self.actors.actors[side].kind)
                    others.sort(key=lambda k: _CAMPS.get(self.actors.actors[k].kind) == camp)
                    counter = others[:1]
            denied = self.denied_text(dstart, dend)
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

    def _reports_before(
        self, sent: Sentence, npos: int
    ) -> Iterator[tuple[CueMatch[str], str | None]]:
        """The reporting verbs of the sentence before `npos`, nearest first, each with its
        speaker."""
        for a in reversed(self.doc.matches(self.lex.attribution, sent.nstart, npos)):
            if not self.conveys(a) and not self.withheld(a):
                yield a, self.speaker(sent, a)

    def own_words_start(self, sent: Sentence, cue: CueMatch[str], own: set[str]) -> int:
        """Where the words the denier said before its denial in the sentence begin: the
        end of the last reporting verb before the cue when the denier is its subject, else
        the cue itself."""
        last = next(self._reports_before(sent, cue.outer_start), None)
        if last is not None and last[1] is not None and self.actors.side(last[1]) in own:
            return last[0].end
        return cue.outer_start

    def shared_subject(self, sent: Sentence, cue: CueMatch[str], deniers: list[str]) -> str | None:
        """The subject of a denial verb that has none of its own: a participle ("…،
        نافيا أن…") or, where a known subject is dropped (Arabic), a verb with only particles
        before it in its clause and its object after it ("قالت الكتائب إن…، ونفت أن…"). It
        is the topic of "أما X، فـ…", else the subject of the reporting verb or the denial
        before it in the sentence, else, when the verb opens the sentence, the previous
        sentence's speaker."""
        lex = self.lex
        opening = self._clause_opening(sent, cue.outer_start)
        if cue.cue not in lex.denial_participles:
            after = self.words_after(cue.end, 24)[:1]
            if (
                not lex.clitics
                or not set(self.tokens_between(opening, cue.outer_start)) <= _VERB_PARTICLES
                or not after
                or after[0] not in lex.object_openers
            ):
                return None
        before = [m for m in self.mentions(sent) if m.end <= cue.outer_start]
        if before and self.tokens_between(sent.nstart, before[0].start)[:1] == ["اما"]:
            person = [m for m in before if self.actors.actors[m.key].kind == "person"]
            m = (person or before)[0]
            return self.prefer_person(m.key, sent, m.start)
        reported = next((s for _, s in self._reports_before(sent, cue.outer_start) if s), None)
        if reported is not None:
            return reported
        if deniers:
            return deniers[-1]
        return self.prev_speaker if opening == sent.nstart else None

    def _denied_subject(self, scope: list[Mention], dstart: int) -> str | None:
        """The body that opens the denied clause as its subject by its head noun ("that
        the group had…", «أن تكون الحركة قد…»): the first mention, at most a verb and an
        article after the clause's start."""
        for m in scope[:1]:
            key = self.actors.side(m.key)
            rec = self.actors.actors[key]
            if rec.kind in ("person", "media", "state") or rec.head is None:
                return None
            # Only a body named by its head noun ("el ministerio", «العائلة», "the
            # group"): a body named in full there is the other side ("that the RLF had
            # been party to the talks").
            words = self.doc.ntext[m.start : m.end].split()
            anaphor = len(words) == 1 and words[0].endswith(normalize(rec.head))
            if (
                anaphor
                and m.start >= dstart
                and len(self.tokens_between(dstart, m.start)) <= 3
                and not self.after_with(m)
            ):
                return key
        return None

    def about_talks(self, start: int, end: int) -> bool:
        """Whether the denied clause from `start` to `end` has another side to infer: talks,
        a deal or a contact, or a report of them ("denied the reports", "denied it"); not
        a proposition about an act ("denied that its forces besiege the hospital")."""
        doc = self.doc
        first = doc.token_index(start)
        # "that …", "estar detrás…", and "the reports that its owners planned…": what
        # is denied is a proposition, about talks only if its words say so.
        proposition = (
            first < len(doc.tokens)
            and doc.tokens[first][0] < end
            and doc.token_text(first) in _REPORTED_CLAUSE | _INFINITIVE_OPENERS
        ) or not _REPORTED_CLAUSE.isdisjoint(words := doc.ntext[start:end].split())
        # «ما تداولته مواقع إخبارية عن نيتها إغلاق الميناء»: what a report says "about".
        proposition = proposition or (
            bool(self.lex.clitics) and not _REPORTED_ABOUT.isdisjoint(words[1:])
        )
        # A stall word alone says nothing of talks: "dément avoir bloqué l'accès de l'usine".
        return (
            not proposition
            or bool(doc.matches(self.lex.negotiation, start, end))
            or bool(self.statuses(start, end) - {"stalled"})
        )

    def passive_agent(self, sent: Sentence, cue: CueMatch[str]) -> str | None:
        """ "A report … was denied by the Ministry of Defence", "démenti par…": the agent
        after "by" denies, not the subject."""
        if not _PASSIVE_AUX.intersection(self.words_before(cue.outer_start, 16)[-2:]):
            return None
        after = self.words_after(cue.outer_end, 8)[:1]
        if not after or after[0] not in _AGENT_PREPOSITIONS:
            return None
        for m in self.mentions(sent):
            if m.start >= cue.outer_end:
                if len(self.tokens_between(cue.outer_end, m.start)) <= 2:
                    return self.prefer_person(m.key, sent, m.start)
                break
        return None

    def coordinated(self, start: int) -> bool:
        """An "also" right before `start`: the verb shares the previous verb's subject."""
        before = self.words_before(start, 24)[-2:]
        return not _COORDINATORS.isdisjoint(before)

    def first_person(self, cue: CueMatch[str]) -> bool:
        """A first-person denial ("ننفي نفيا قاطعا", "we deny"): the speaker is the author
        of the quoted words, never the actor named after the verb."""
        doc = self.doc
        ti = doc.token_index(cue.start)
        words = [doc.token_text(i) for i in range(max(0, ti - 2), ti + 1)]
        return any(w in _FIRST_PERSON for w in words)

    def quote_author(self, sent: Sentence, cue: CueMatch[str]) -> str | None:
        """The speaker of the reporting verb after the direct quote the cue is in."""
        doc = self.doc
        ostart = doc.span(cue.start, cue.end)[0]
        text = doc.text[sent.start : ostart]
        inside = text.count('"') % 2 == 1 or any(
            text.count(o) > text.count(c) for o, c in _PAIRED_QUOTES
        )
        if not inside:
            return None
        close = min(
            (i for q in _CLOSING_QUOTES if (i := doc.text.find(q, ostart, sent.end)) >= 0),
            default=-1,
        )
        if close < 0:
            return None
        after = doc.matches(self.lex.attribution, doc.to_norm(close), sent.nend)
        return self.speaker(sent, after[0]) if after else None

    def quoted_speaker(self, sent: Sentence, cue: CueMatch[str]) -> str | None:
        """Who speaks a first-person denial: the last actor named before it in the
        sentence ("وجاء في البيان الذي حمل توقيع المكتب الإعلامي للسرايا: ننفي…"), else
        the previous sentence's speaker."""
        before = [m for m in self.mentions(sent) if m.end <= cue.outer_start]
        if before:
            m = before[-1]
            return self.prefer_person(m.key, sent, m.start)
        return self.prev_speaker

    def denied_end(self, sent: Sentence, start: int) -> int:
        """Where the denied clause from `start` ends (normalised offset): at the end of the
        sentence or at the first clause break (comma, semicolon, bracket, spaced dash)
        after its first words, which opens a participle or a new attribution ("…، مؤكدة
        أن…", "…, saying…"). Quotation marks do not end it: a quoted object is the denied
        proposition itself."""
        ostart, oend = self.doc.span(start, sent.nend)
        text = self.doc.text[ostart:oend]
        for m in _DENIED_END.finditer(text):
            if len(text[: m.start()].split()) >= _DENIED_MIN_WORDS:
                return min(sent.nend, self.doc.to_norm(ostart + m.start()))
        return sent.nend

    def denied_text(self, start: int, end: int) -> str:
        """The denied proposition's words, at most `_DENIED_MAX_WORDS` of them."""
        text = self.doc.quote(start, end)
        return " ".join(text.split()[:_DENIED_MAX_WORDS]).strip(' ،,.;؛:-–—"“”«»')

    def denied_start(self, sent: Sentence, cue: CueMatch[str], denier: str) -> int:
        """Where the denied proposition starts: after the cue, past a denier named right
        after it with its apposition ("نفت سرايا الفجر، الفصيل المسلح…، أمس"), and past
        adverbials up to a complementizer ("denied on Tuesday that…", "في حديث لقناة
        الشرق أن…")."""
        doc = self.doc
        start = cue.end
        side = self.actors.side(denier)
        own = {denier, side, self.actors.actors[denier].affiliation}
        for m in self.mentions(sent):
            if m.start < start:
                continue
            gap = self.tokens_between(start, m.start)
            if (
                self.actors.side(m.key) in own | {m.key} & own
                and (self._close_after(start, m.start) or (m.key == denier and len(gap) <= 5))
                and not any(t in _COMPLEMENTIZERS for t in gap)
                and (
                    start == cue.end
                    or m.key == denier  # "نفى قائد القوات في القطاع، العقيد رضوان الشامي،"
                    or not doc.clause_break_between(start - 1, m.start - 1)
                )
            ):
                # The denier and then the body in its title ("نفى وائل علوان المتحدث باسم
                # فيلق الرحمن…").
                start = m.end
                continue
            break
        named = start > cue.end  # a denier named after the verb, with its apposition
        if named:
            start = self.skip_asides(start, sent.nend)
        else:
            # "نفت، في بيان مساء الثلاثاء، التوصل إلى…": an aside right after the verb,
            # unless it holds what is denied ("نفى، مؤكدا أن الحركة لم تفاوض،").
            past = self.skip_asides(start, sent.nend)
            aside = self.tokens_between(start, past)
            if _COMPLEMENTIZERS.isdisjoint(aside) and not doc.matches(
                self.lex.negotiation, start, past
            ):
                start = past
        ti = doc.token_index(start)
        while ti < len(doc.tokens) and doc.tokens[ti][0] < sent.nend:
            if doc.token_text(ti) not in _TIME_WORDS:
                break
            ti += 1  # "نفت الحركة أمس الأربعاء وجود…"
            start = doc.tokens[ti][0] if ti < len(doc.tokens) else sent.nend
        last = min(len(doc.tokens), ti + _ADVERBIAL_TOKENS)
        negotiation = [c.start for c in doc.matches(self.lex.negotiation, start, sent.nend)]
        for i in range(ti, last):
            if doc.tokens[i][0] >= sent.nend:
                break
            if (
                i > ti
                and any(n < doc.tokens[i][0] for n in negotiation)
                and doc.clause_break_between(doc.tokens[i - 1][1] - 1, doc.tokens[i][0])
            ):
                break  # the object ("وجود أي مفاوضات…") is already there: "…، مؤكدة أن"
            if doc.token_text(i) in _COMPLEMENTIZERS or (
                i > ti and doc.token_text(i) in _INFINITIVE_OPENERS
            ):
                return doc.tokens[i][0]
        if named and doc.clause_break_between(start - 1, start + 2):
            # "…سرايا الفجر، الفصيل المسلح الذي…، أمس الأربعاء وجود": skip the apposition.
            for i in range(ti, last):
                if doc.tokens[i][0] >= sent.nend:
                    break
                if i > ti and doc.clause_break_between(doc.tokens[i - 1][1] - 1, doc.tokens[i][0]):
                    return doc.tokens[i][0]
        return start

    def skip_asides(self, start: int, end: int) -> int:
        """Past asides that open right at `start`: "-أحد أكبر الفصائل-", "(…)", ", a
        spokesman for the group,", each closed before the end of the sentence."""
        doc = self.doc
        # From the end of the word before `start`: normalisation drops punctuation.
        ostart = doc.span(start - 1, start)[1] if start > 0 else 0
        rest = doc.text[ostart : doc.span(start, end)[1]]
        pos = 0
        for _ in range(3):
            m = _ASIDE_OPEN.match(rest, pos)
            if m is None:
                break
            c = _ASIDE_CLOSE[m.group(1)].search(rest, m.end())
            if c is None or len(rest[m.end() : c.start()].split()) > _ASIDE_WORDS:
                break
            if not rest[c.end() :].strip():
                break
            pos = c.end()
            start = doc.to_norm(ostart + pos + len(rest[pos:]) - len(rest[pos:].lstrip()))
        return start

    def modal(self, start: int) -> bool:
        """A modal or future marker in the three tokens before `start`: the agreement is
        expected, not reached."""
        return any(t in _MODALS for t in self.words_before(start, 40)[-3:])

    def negated_object(self, end: int) -> bool:
        """A negative object right after the verb: "we signed nothing", "n'a rien signé"."""
        after = self.words_after(end, 20)[:1]
        return bool(after) and after[0] in _NEGATIVE_OBJECTS

    def conditional(self, start: int) -> bool:
        """A conditional marker in the three tokens before `start` ("if they reject")."""
        before = self.words_before(start, 40)[-3:]
        return any(
            t in _CONDITIONALS or (t[:1] in AR_CONJUNCTIONS and t[1:] in _CONDITIONALS)
            for t in before
        )

    def refused_comment(self, end: int) -> bool:
        """A refusal to comment or answer, with the refuser named between the verb and its
        object ("ورفض الربيعي التعليق", "refused on Monday to answer"): not a refusal of
        talks."""
        return self._comment_end(end) > end

    def _comment_end(self, end: int) -> int:
        """The end of the comment word in the clause after `end`, at most `_COMMENT_REACH`
        tokens on (past the refuser's name and title: "رفض المتحدث باسم وزارة الداخلية
        العقيد إبراهيم القطان التعليق"), else `end`."""
        doc = self.doc
        i = doc.token_index(end)
        nxt = bisect_right(doc.clause_breaks, end)
        stop = doc.clause_breaks[nxt] if nxt < len(doc.clause_breaks) else len(doc.ntext)
        for k in range(i, min(i + _COMMENT_REACH, len(doc.tokens))):
            if doc.tokens[k][0] > stop:
                break
            if doc.token_text(k) in _COMMENT_WORDS:
                # "رفضت عرض التعليق المؤقت": an offer (of a suspension) is the object.
                if doc.matches(self.lex.negotiation, end, doc.tokens[k][0]):
                    break
                return doc.tokens[k][1]
        return end

    def refusal_negated(self, start: int) -> bool:
        """A negotiation word right after a refusal negator: "لن نفاوض", "will not
        negotiate", "on ne discute pas" refuse talks rather than deny them."""
        words = self.words_before(start, 40)[-3:]
        if words and words[-1] in _PAST_AUXILIARIES:
            return False  # "n'a rencontré personne": a past negative, not a refusal
        padded = " " + " ".join(_still_unnegated(words)) + " "
        return any(f" {n} " in padded for n in self.lex.refused_negators)

    def status(self, start: int, end: int) -> str | None:
        """The status the range asserts, the first of `STATUS_ORDER` among its statuses."""
        found = self.statuses(start, end)
        return next((kind for kind in STATUS_ORDER if kind in found), None)

    def statuses(self, start: int, end: int) -> set[str]:
        """Every status the status cues of the range assert, past negation, conditions,
        terms of an agreement, refusals to comment and phrases that name something else."""
        found: set[str] = set()
        comment_end = -1
        anonymity = self.doc.matches(self.lex.anonymous, start, end)
        terms = -1  # where the terms of an agreement found before begin
        not_status = (
            self.doc.matches(self.lex.not_status, start, end) if self.lex.not_status else ()
        )
        for cue in self.doc.matches(self.lex.status, start, end):
            if 0 <= terms < cue.start and cue.value in ("stalled", "ongoing", "refused"):
                continue  # "reached an agreement under which prices would be frozen"
            if cue.value in ("agreed", "concluded") and terms < 0:
                opening = self.doc.matches(self.lex.status_terms, cue.end, end)
                terms = opening[0].start if opening else -1
            if self.in_not_denial(cue.start, cue.end) or cue.start < comment_end:
                continue  # "رفض التعليق": the comment is no suspension (تعليق) of talks
            if any(p.start <= cue.start < p.end for p in not_status):
                continue  # "لحسم النقاط العالقة": the open points, not stalled talks
            if any(a.start <= cue.start and cue.end <= a.end for a in anonymity):
                continue  # "que pidió no ser identificada": no request in the talks
            if not _CONCESSIVE.isdisjoint(self.words_before(cue.outer_start, 20)[-3:]):
                continue  # "continúan, pese al rechazo del Clan": background to the claim
            if cue.value == "refused" and self.refused_comment(cue.end):
                comment_end = self._comment_end(cue.end)
                continue
            if cue.value != "refused" and (
                self.negated(cue.outer_start, 4) or self.negated_object(cue.outer_end)
            ):
                if cue.value == "stalled":
                    found.add("ongoing")  # "the dialogue has not stopped"
                continue
            if self.conditional(cue.outer_start):
                continue  # "if the factions reject the offer"
            if cue.value in ("agreed", "concluded") and self.modal(cue.outer_start):
                found.add("ongoing")  # "an agreement could be signed by the end of the month"
                continue
            found.add(cue.value)
        return found

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
        idioms = doc.matches(lex.not_negotiation, sent.nstart, sent.nend)
        cues = [
            c
            for c in doc.matches(lex.negotiation, sent.nstart, sent.nend)
            if not any(m.start <= c.start and c.end <= m.end for m in names)
            and not any(i.start <= c.start and c.end <= i.end for i in idioms)
            and not self.similar(c)
            and not self.conditional(c.outer_start)  # "If there are talks, …"
        ]
        # "the authority had offered Tokmurat an extra 40 days", «تعهد الجيش للعشيرة…»: a
        # verb that states the act is the claim's cue when no negotiation word is there;
        # the clause must then name the other side itself.
        acts_only = not cues
        if acts_only:
            cues = [
                replace(c, value=_ACT_SUBJECTS[c.value])
                for c in doc.matches(lex.status, sent.nstart, sent.nend)
                if c.value in _ACT_SUBJECTS
                and c.cue in lex.status_acts
                and not any(m.start <= c.start and c.end <= m.end for m in names)
                and not self.negated(c.outer_start)
                and not self.conditional(c.outer_start)
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
            and not self.conditional(c.outer_start)
        ]
        denial_cues = [
            c
            for c in doc.matches(lex.denial, sent.nstart, sent.nend)
            if not self.negated(c.outer_start) and not self.in_not_denial(c.start, c.end)
        ]
        # "denied reports that her fighters had agreed…": the reports are what is denied,
        # not a new speaker's claim.
        reported = [
            c
            for c in attributions
            if not any(
                d.end <= c.start and len(self.tokens_between(d.end, c.start)) <= _DENIED_REPORT_GAP
                for d in denial_cues
            )
        ]
        governing = sorted(
            [(c, False) for c in reported + refusals] + [(c, True) for c in denial_cues],
            key=lambda x: x[0].start,
        )
        # Segment keys: (governing cue index, whether the cues come before it). Cues before
        # the first governing cue have their speaker named after them ("…, X said").
        segments: dict[tuple[int, bool], list[CueMatch[str]]] = {}
        for c in cues:
            gi = max((i for i, (g, _) in enumerate(governing) if g.start < c.start), default=-1)
            before = gi < 0 and bool(governing)
            segments.setdefault((0 if before else gi, before), []).append(c)
        for (gi, before), seg_cues in sorted(
            segments.items(), key=lambda x: (x[0][0], not x[0][1])
        ):
            if gi >= 0:
                gcue, is_denial = governing[gi]
                if before:
                    seg_start, seg_end = sent.nstart, gcue.end
                else:
                    nxt = governing[gi + 1][0].start if gi + 1 < len(governing) else sent.nend
                    seg_start, seg_end = gcue.start, max(nxt, seg_cues[-1].end)
            else:
                gcue, is_denial = None, False
                seg_start, seg_end = sent.nstart, sent.nend
            status_end = seg_end
            if (
                gi + 1 < len(governing)
                and governing[gi + 1][0].value == "refused"
                and not self.subject_after(governing[gi + 1][0])
            ):
                # "…المبادرة الأممية لا تتضمن أي ضمانات، ولذلك نرفضها": the refusal that
                # closes the segment is its status.
                status_end = max(seg_end, governing[gi + 1][0].end)
            status = self.status(seg_start, status_end)
            if acts_only:
                # The verb that stands for the negotiation word is the status ("the
                # authority had offered…, if the association accepts").
                status = _ACT_STATUS[seg_cues[0].value]
            if status is None and before and gcue is not None:
                # "The talks, a source said, have stalled", "A person familiar with the
                # talks told … that the two sides had agreed": the status follows the verb.
                nxt = governing[1][0].start if len(governing) > 1 else sent.nend
                status = self.status(gcue.end, nxt)
            if any(self.refusal_negated(c.outer_start) for c in seg_cues):
                status = "refused"  # "لن نفاوض", "will not negotiate"
            if is_denial and status != "refused":
                continue  # the negotiation is what is denied
            if any(seg_start <= m.start < seg_end for m in self.not_denial) or any(
                seg_start <= c.start < seg_end for c in no_comment + undenied
            ):
                continue  # "declined to comment on the proposal"
            if status is None and gcue is not None and self.agreement_subject(sent, seg_cues):
                status = "agreed"  # "que el acuerdo es válido", "that the deal covers…"
            if status is None:
                continue  # a mention of talks with no status cue is context, not a claim
            if all(self.negated(c.outer_start) for c in seg_cues) and status != "refused":
                continue  # a plain negative: "no talks", لا مفاوضات
            who = self.speaker(sent, gcue) if gcue is not None else None
            refusal = gcue is not None and any(gcue is r for r in refusals)
            if (
                refusal
                and gi > 0
                and not governing[gi - 1][1]
                and gcue is not None
                and (
                    self.subject_before(sent, gcue) is not None
                    or self.in_reported_clause(governing[gi - 1][0], gcue)
                )
            ):
                # "وأضافت المنصوري أن النقابة رفضت عرض الهيئة", "Ramírez dijo que los
                # reclusos rechazaron la oferta": who reports the refusal claims it; the
                # refuser named before its verb is a party. Media, and a person who speaks
                # for no body cited with "according to" ("Selon Me Oularé, avocat…"), only
                # pass the refuser's claim on.
                report = governing[gi - 1][0]
                reporter = self.speaker(sent, report)
                kind = self.actors.actors[self.actors.side(reporter)].kind if reporter else None
                if reporter is not None and not (
                    kind == "media" or (kind == "person" and report.cue in _SPEAKER_AFTER)
                ):
                    who = reporter
            claimants = self.claimants(sent, who or (speaker if gi == 0 else None), attributions)
            if not claimants:
                continue
            subjects = list(dict.fromkeys(c.value for c in seg_cues))
            subject = " / ".join(subjects[:3])
            others: list[str] = []
            content_start = seg_start
            if gcue is not None and gcue.start < seg_cues[0].start:
                content_start = self.reported_clause(gcue.end, seg_cues[0].start) or seg_start
            for m in self.actors.in_range(content_start, seg_end):
                side = self.actors.side(m.key)
                if (
                    side not in others
                    and side not in claimants
                    and self._party(side)
                    and (self._established(side) or self.after_with(m))
                ):
                    others.append(side)
            refusal_named_refuser = False
            if refusal and gcue is not None:
                # "إن قوات الأمن رفضت مقترحا قدمه المجلس": who refuses is a party.
                refuser = self.subject_before(sent, gcue)
                if refuser is not None and refuser not in claimants and refuser not in others:
                    others.insert(0, refuser)
                    refusal_named_refuser = True
            if acts_only and not others:
                continue
            offer = not _OFFER_SUBJECTS.isdisjoint(subjects)
            if offer and status == "refused" and refusal_named_refuser:
                # "dijo que los reclusos rechazaron la oferta de la DGP": the reporter
                # claims a refusal between the refuser and the offer's author.
                author = self.offer_author(content_start, seg_end)
                if author is not None and author not in claimants and author not in others:
                    others.append(author)
            elif offer and status == "refused":
                # "rejected the airline's offer", "a balayé l'offre du ministre", "rechazó
                # la propuesta": the refusal is between the refuser and the offer's author,
                # named with the offer or the side whose proposal came last.
                author = self.offer_author(content_start, seg_end)
                if author is not None:
                    earlier = [author]
                elif self.offer_named_before(content_start, seg_end):
                    earlier = self.offerer(sent, claimants)
                else:
                    earlier = []
                if earlier and earlier[0] not in claimants:
                    others = earlier
            if not others and offer:
                others = self.offerer(sent, claimants)
            # "عبر الوسيط التركي", "hosted by the UN mission": a mediator is a party too.
            via = self.mediators(seg_start, seg_end)
            others = [o for o in others if o not in via]  # the sides are counted first
            pair = self.typed_pair(seg_start, seg_end)
            both = bool(pair) or bool(doc.matches(lex.both_sides, seg_start, seg_end))
            for claimant in claimants:
                if any(
                    c.sentence is sent and c.claimant == claimant and c.status == status
                    for c in self.events.claims
                ):
                    continue  # one claim per claimant and status in a sentence
                side = self.actors.side(claimant)
                parties = ([side] if self._party(side) else []) + [o for o in others if o != side]
                own = self.actors.actors[side].affiliation
                sides = pair or [m for m in self.main_sides if m != own]
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
                    # One of "the two tribes" deals with the other; else with the story's
                    # next main side.
                    rivals = self.pair_of(side) or sides
                    parties += [m for m in rivals if m not in parties][: 2 - len(parties)]
                parties += [m for m in via if m not in parties]
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

    def subject_before(self, sent: Sentence, cue: CueMatch[str]) -> str | None:
        """The side of a body named right before a verb in its clause (its subject)."""
        for m in reversed(self.mentions(sent)):
            if m.end > cue.outer_start:
                continue
            if len(self.tokens_between(m.end, cue.outer_start)) > 1 or (
                self.doc.clause_break_between(m.end - 1, cue.outer_start)
            ):
                return None
            side = self.actors.side(m.key)
            return side if self._party(side) else None
        return None

    def agreement_subject(self, sent: Sentence, cues: list[CueMatch[str]]) -> bool:
        """Whether "the agreement" opens the reported clause ("que el acuerdo es válido",
        "that the deal covers…"): a speaker who says what the agreement holds asserts that
        there is one. (Arabic الاتفاق after إن refers back to earlier claims as often.)"""
        for c in cues:
            if c.value not in _AGREEMENT_SUBJECTS:
                continue
            before = self.doc.ntext[sent.nstart : c.outer_start].split()[-2:]
            if len(before) == 2 and before[-1] in _ARTICLES_ANY and before[0] in _REPORTED_CLAUSE:
                return True
        return False

    def subject_after(self, cue: CueMatch[str]) -> bool:
        """Whether an actor is named right after the verb ("وترفض الحكومة…"): the verb has
        its own subject, not the previous speaker's."""
        return any(
            len(self.tokens_between(cue.outer_end, m.start)) == 0
            for m in self.actors.in_range(cue.outer_end, cue.outer_end + 40)
        )

    def mediators(self, start: int, end: int) -> list[str]:
        """The bodies a mediation phrase introduces between `start` and `end` ("بوساطة
        لجنة الوجهاء", "through the International Committee of the Red Cross")."""
        found: list[str] = []
        for cue in self.doc.matches(self.lex.via, start, end):
            for m in self.actors.in_range(cue.end, end):
                if len(self.tokens_between(cue.end, m.start)) <= 1:
                    side = self.actors.side(m.key)
                    if self._party(side) and side not in found:
                        found.append(side)
                break
        return found

    def typed_pair(self, start: int, end: int) -> list[str]:
        """The two sides a dual or "the two …" names by their shared head noun ("العشيرتين",
        "الفصيلين", "the two militias", "les deux groupes"), most mentioned first; [] when
        the article has no two such sides."""
        for npos, pair in self.typed_pairs:
            if start <= npos < end:
                return pair
        return []

    @cached_property
    def typed_pairs(self) -> list[tuple[int, list[str]]]:
        """Every dual or counted plural of the article that names two sides, with its
        offset. Only the heads of this article's actors can, so a token scan against
        their duals and plurals finds them all."""
        actors = self.actors.actors
        forms: dict[str, str] = {}
        for h in {rec.head for rec in actors.values() if rec.head}:
            for form in _plural_forms(h):
                forms.setdefault(form, h)
        doc = self.doc
        if not forms and self.lex.clitics:
            return []
        if self.lex.clitics:
            # "والعشيرتين", "للفصيلين": the dual after its clitics.
            forms = {p + f: h for f, h in forms.items() for p in ("", *_AR_PREFIXES)}
        words = doc.words
        found: list[tuple[int, list[str]]] = []
        for i, t in enumerate(words):
            if not self.lex.clitics:
                if t not in _TWO or i + 1 == len(words):
                    continue
                t = words[i + 1]  # "the two militias", "les deux groupes"
            head = forms.get(t)
            if head is None and not self.lex.clitics:
                # "las dos bandas" with no actor named by a band: the head's kind.
                head = next(
                    (h for h in (t, t[:-1], t[:-2]) if self.lex.heads.fullmatch(h) is not None),
                    None,
                )
            if head is None:
                continue
            kind = self.lex.heads.fullmatch(head)
            # Sides with that head, else of the head's kind ("the Sable Brigade" and "the
            # Northern Shield militia" are "the two militias").
            sides = [k for k in self.main_sides if actors[k].head == head]
            if len(sides) < 2 and kind is not None:
                sides = [k for k in self.main_sides if actors[k].kind == kind]
            if len(sides) >= 2:
                found.append((doc.tokens[i][0], sides[:2]))
        return found

    def pair_of(self, side: str) -> list[str]:
        """The first of the article's typed pairs that `side` belongs to, or []."""
        return next((p for _, p in self.typed_pairs if side in p), [])

    def similar(self, cue: CueMatch[str]) -> bool:
        """A negotiation word qualified as "similar" is a comparison with other deals."""
        after = self.words_after(cue.outer_end, 30)[:2]
        before = self.words_before(cue.outer_start, 30)[-1:]
        return not _SIMILAR.isdisjoint(after + before)

    def in_reported_clause(self, report: CueMatch[str], cue: CueMatch[str]) -> bool:
        """Whether `cue` stands in the clause `report` reports, unbroken from its
        complementizer ("Elle a ajouté que l'assemblée générale des étudiants avait rejeté";
        not "…إن المفاوضات تعثرت، وترفض الحكومة…", a clause of its own)."""
        opening = self.reported_clause(report.end, cue.start)
        return opening is not None and not self.doc.clause_break_between(opening, cue.start)

    def reported_clause(self, start: int, end: int) -> int | None:
        """Where the reported clause opens between `start` and `end` (a complementizer,
        with a conjunction prefix allowed), if it does."""
        i = self.doc.token_index(start)
        while i < len(self.doc.tokens) and self.doc.tokens[i][0] < end:
            t = self.doc.token_text(i)
            if t in _REPORTED_CLAUSE or (t[:1] in AR_CONJUNCTIONS and t[1:] in _REPORTED_CLAUSE):
                return self.doc.tokens[i][0]
            i += 1
        return None

    def offer_author(self, start: int, end: int) -> str | None:
        """The side that made an offer the range names with its author: "the airline's
        offer", "an offer from the council", "l'offre du ministre", «عرضا قدمته السلطات»."""
        for cue in self.doc.matches(self.lex.negotiation, start, end):
            if cue.value not in _OFFER_SUBJECTS:
                continue
            for m in self.actors.in_range(start, cue.outer_start)[-1:]:
                if self.tokens_between(m.end, cue.outer_start) == ["s"]:
                    return self.actors.side(m.key)  # "the airline's offer"
            for m in self.actors.in_range(cue.outer_end, end)[:1]:
                gap = [
                    w for w in self.tokens_between(cue.outer_end, m.start) if w not in _ARTICLES_ANY
                ]
                # "an offer by Father Julian Tumampos": a title may precede the author's name.
                lex = self.lex
                if (
                    gap
                    and len(gap) <= _OFFER_BY_WORDS
                    and gap[0] in lex.offer_by
                    and all(w in lex.offer_by or w in lex.pre_titles for w in gap)
                ):
                    return self.actors.side(m.key)
        return None

    def offer_named_before(self, start: int, end: int) -> bool:
        """Whether the range refers back to an offer ("that offer", "cette offre", «العرض»)
        rather than naming a new one ("a federal proposal", «مقترحا فيدراليا»)."""
        for cue in self.doc.matches(self.lex.negotiation, start, end):
            if cue.value not in _OFFER_SUBJECTS:
                continue
            if self.lex.clitics:
                return (
                    self.doc.ntext[cue.outer_start : cue.outer_end].lstrip("وفبل").startswith("ال")
                )
            before = self.words_before(cue.outer_start, 12)[-1:]
            return bool(before) and before[0] in _BACK_REFERENCES
        return False

    def offerer(self, sent: Sentence, claimants: list[str]) -> list[str]:
        """The side that made the offer a segment refers back to ("rejected the offer",
        "تدرس العرض"): the claimant of the latest proposal from another side."""
        own = {self.actors.side(c) for c in claimants}
        for claim in reversed(self.events.claims):
            if sent.index - claim.sentence.index > _OFFER_WINDOW:
                break
            side = self.actors.side(claim.claimant)
            if claim.status == "proposed" and side not in own and self._party(side):
                return [side]
        return []

    def _established(self, key: str) -> bool:
        """An actor the article names more than once: a party named in passing only once,
        and not as the one negotiated with, is more often a place or a misread phrase."""
        return self.actors.actors[key].real_mentions > 1

    def _party(self, key: str) -> bool:
        """Bodies negotiate; a person is a party only as a mediator or envoy, or when the
        article names no body for them."""
        rec = self.actors.actors[key]
        if key.startswith(ANONYMOUS_PREFIX):
            return False  # an anonymous speaker reports talks, it does not hold them
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
            or side.key in self.mediating
            or (rec.kind == "person" and rec.role in _MEDIATOR_ROLES)
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
                subject = self.pronoun_subject(sent)
                return [subject] if subject else []
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
                joined = not gap or (len(gap) == 1 and gap[0] in _AND)
                joined = joined and (gap != [] or self.doc.ntext[m.start - 1 : m.start] == "و")
                if joined and m.key not in out:
                    out.append(m.key)
                break
        return out

    def pronoun_subject(self, sent: Sentence) -> str | None:
        """What a sentence-initial pronoun stands for ("It also ruled out talks"): the last
        body that was a subject for "it", the previous speaker otherwise."""
        head = self.doc.ntext[sent.nstart : sent.nend].split()[:2]
        if not head or head[0] not in _PRONOUNS:
            return None
        if head[0] in _NEUTER_PRONOUNS:
            return self.last_body
        return self.prev_speaker

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


@lru_cache(maxsize=64)
def _plural_forms(head: str) -> tuple[str, ...]:
    """The dual or plural forms of a head noun that name two bodies: Arabic duals
    (عشيره → عشيرتين/عشيرتان, فصيل → فصيلين/فصيلان), Latin plurals (militia → militias,
    party → parties, groupe → groupes)."""
    if any("\u0600" <= c <= "\u06ff" for c in head):
        if head.endswith("ه"):
            return (head[:-1] + "تين", head[:-1] + "تان")
        return (head + "ين", head + "ان")
    if head.endswith("y"):
        return (head[:-1] + "ies",)
    return (head + "s", head + "es")


def _still_unnegated(words: list[str]) -> list[str]:
    """`words` without the negators that a verb of continuing after them makes "still"
    («ما زال يتفاوض», "no deja de negociar"): blanked, so positions are kept."""
    if _CONTINUITY.isdisjoint(words):
        return words
    return [
        "" if i + 1 < len(words) and words[i + 1] in _CONTINUITY else w for i, w in enumerate(words)
    ]


def _holds_entry(words: list[str], vocab: frozenset[str], last: int = 0) -> bool:
    """Whether `words` hold an entry of `vocab`: as one of the `last` words (all when 0),
    also behind the conjunction و/ف ("ولم ينفِ" holds "لم"), or as a phrase anywhere in them."""
    tail = words[-last:] if last else words
    if any(
        t in vocab or (t[:1] in AR_CONJUNCTIONS and len(t) > 2 and t[1:] in vocab) for t in tail
    ):
        return True
    joined = " ".join(words)
    return any(p in joined for p in _phrases_of(vocab))


@lru_cache(maxsize=64)
def _phrases_of(words: frozenset[str]) -> tuple[str, ...]:
    """The entries of a word list that are several words (in the set's iteration order)."""
    return tuple(n for n in words if " " in n)


def _length(sentence: Sentence) -> int:
    return sentence.end - sentence.start


def extract_events(doc: Doc, actors: ActorTable, sources: list[SourceRec]) -> Events:
    return _Extractor(doc, actors, sources).run()
