"""Actors: who appears in the article, where, under which names.

Passes, in order, each claiming spans the later ones may not reuse:
1. the gazetteer (states and their capitals, generic governments, international bodies;
   reporting outlets are claimed too, so that they never become actors);
2. organisations: a head word (حركة، فيلق، وزارة… / Ministry, Council, Front…) and the noun
   phrase it governs;
3. persons: the name next to a title (المتحدث باسم X، قائد X / spokesman for X), and in Latin
   scripts capitalised spans;
4. anaphora: a bare head with the article (المركز، اللجنة / the council) and a person's
   surname alone point back to the actor already named that way.
Every actor keeps its mentions (normalised spans) for the event extractor.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from ...textnorm import normalize
from .doc import Doc
from .lexicon import OUTLET_KINDS, GazetteerEntry, load_gazetteer, load_grammar, phrase_pattern

#: Word classes from the lexicons' [grammar] tables (grammar.py says what each holds).
_G = load_grammar()
_NAME_PARTICLES = _G.name_particles
_TITLE_LINKS = _G.title_links
_OFFICE_HEADS = _G.office_heads
_POSSESSIVES = _G.possessives
_STATE_TITLES = _G.state_titles
_PLURAL_ARTICLES = _G.plural_articles
_DEFINITE = _G.definite_articles
_DOCUMENT_PLURALS = _G.document_plurals
_PURPOSE = _G.purpose
_SELF_NAME_SKIP = _G.definite_articles | _G.self_name_words
_AR_AL_FUNCTION_WORDS = _G.article_lookalikes
_AR_PLACE_PREPS = _G.title_place_prepositions
_AR_AUDIENCE = _G.audience_nouns
_PLACE_LINKS = _G.place_links
_ARTICLES_EN = _G.apposition_articles
_REBELS = _G.rebels
_COMMUNITY_PLURALS = _G.community_plurals
_COLLECTIVE_HEADS = _G.collective_heads
_AR_GENERAL = _G.general_adjectives
_AR_PUBLIC_HEADS = _G.public_heads
_AR_TRIBAL = _G.tribal_openers
_AR_BEFORE_NAME = _G.clause_particles
_AR_VERB_NEGATORS = _G.verb_negators
_APPOSITION_ENDS = _G.apposition_ends
_INDEFINITE = _G.indefinite_articles
_COMPANY_LINKS = _G.company_links
_AND = _G.and_
_BODY_LINKS = _G.body_links
_MEMBER_LINKS = _G.member_links
_RELATIVE_WORDS = _G.relatives

#: Words an Arabic organisation name may run on for after its head.
_MAX_AR_NP = 4
#: How far (normalised characters) after its subject a verb of speech may start
#: ("the governor has also denied").
_SUBJECT_REACH = 40
#: How many words after a title its holder's name may start ("the governor, Ramiro…").
_TITLE_HOLDER_GAP = 5
#: A mention's start, to sort mentions by (faster than the dataclass order).
_START = attrgetter("start")
#: Pronoun suffixes on an Arabic title ("باسمها", "باسمه", "باسمهم").
_AR_PRONOUN_SUFFIXES = frozenset({"ه", "ها", "هم", "هما"})
#: Tokens after an Arabic title searched for the name that opens with a given name.
_TITLE_RUN = 9
#: The most words an Arabic personal name set off by commas may take ("عبد الفتاح علي سمتر").
_AR_NAME_MAX_WORDS = 4
#: Lowercase words inside a self-given name ("the Sons of the Valley").
_NAME_LINKS = _NAME_PARTICLES | _PLACE_LINKS
#: Gazetteer kinds a longer organisation name takes in ("Mission des Nations unies…").
_SWALLOWED_KINDS = ("international_org", "government", "military")
#: How far (characters) past a name its acronym in brackets may open.
_ACRONYM_REACH = 80
#: Quotes that set off an organisation's name after its head, and the longest such name.
_OPENING_QUOTES = frozenset({"«", '"', "“"})
_CLOSING_QUOTES = frozenset({"»", '"', "”"})
_MAX_QUOTED_NAME = 4
_GOVERNS = re.compile(" (?:" + phrase_pattern(p + " " for p in _G.government_links) + ")?")
#: Titles whose body is an office of state ("el viceministro de Transporte").
_OFFICE_ROLES = frozenset({"minister", "deputy minister", "mayor", "governor", "secretary"})
#: Titles of a company's officers.
_COMPANY_ROLES = frozenset({"director", "chief executive"})
_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z\-]{1,9})\)")
_TWO_SCRIPTS = re.compile(r"\s*\(([A-Za-z][A-Za-z .'\-]{2,60})\)")
_LATIN = re.compile(r"[A-Za-z]")
_CAPITALS = re.compile(r"\b[A-Z]{2,8}\b")
#: An acronym as written: "ATAW", "CEC", "UNISMA".
_ACRONYM = re.compile(r"[A-Z]{3,8}")
#: One in brackets, alone: "(ATAW)".
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z]{3,8})\)")


@dataclass(slots=True)
class ActorRec:
    key: str
    name: str
    kind: str
    first: int
    name_en: str | None = None
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    gazetteer_id: str | None = None
    head: str | None = None
    #: Mentions that are only locations ("in Syria"): such an actor is dropped.
    real_mentions: int = 0
    #: Named only by a description ("the armed group"): folded into the group it describes
    #: when the article names one.
    descriptive: bool = False


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    start: int
    end: int
    key: str


@dataclass(slots=True)
class ActorTable:
    actors: dict[str, ActorRec]
    mentions: list[Mention]
    #: Spans claimed by reporting outlets: (start, end, gazetteer entry).
    outlets: list[tuple[int, int, GazetteerEntry]]
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mentions.sort()
        self._starts = [m.start for m in self.mentions]

    def in_range(self, start: int, end: int) -> list[Mention]:
        # Mentions are sorted: those starting inside the range are one slice.
        i = bisect_left(self._starts, start)
        j = bisect_left(self._starts, end, i)
        return [m for m in self.mentions[i:j] if m.end <= end] if i < j else []

    def side(self, key: str) -> str:
        """The organisation a person speaks for, else the actor itself."""
        rec = self.actors.get(key)
        if rec and rec.kind == "person" and rec.affiliation:
            return rec.affiliation
        return key


class _Builder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lex = doc.lexicon
        self.gaz = load_gazetteer()
        self.actors: dict[str, ActorRec] = {}
        self.mentions: list[Mention] = []
        self.outlets: list[tuple[int, int, GazetteerEntry]] = []
        # One byte per normalised character: 1 where an earlier pass claimed the text.
        self.claimed = bytearray(len(doc.ntext) + 1)
        self.arabic = doc.lexicon.clitics
        #: Keys of places a dateline names ("TIN-AZOUF, Dec 2").
        self.places: set[str] = set()
        #: Normalised short form ("ldf") → actor key.
        self.short_forms: dict[str, str] = {}
        #: Token indices where a self-naming phrase ("known as") starts: no name runs on.
        self.self_name_starts = frozenset(
            doc.token_index(c.outer_start) for c in doc.all_matches(self.lex.self_names)
        )
        # Word tests and breaks asked again and again by the passes, answered once.
        self._nameish: dict[str, bool] = {}
        self._verbal: dict[str, bool] = {}
        self._boundaries: dict[int, bool] = {}
        #: The first mention starting and ending at each offset, for the affiliation passes.
        self._by_start: dict[int, Mention] = {}
        self._by_end: dict[int, Mention] = {}

    # -- helpers -----------------------------------------------------------------------

    def free(self, start: int, end: int) -> bool:
        return self.claimed.find(1, start, end) < 0

    def claim(self, start: int, end: int) -> None:
        self.claimed[start:end] = b"\x01" * (end - start)

    def surface(self, start: int, end: int) -> str:
        """The original words of a normalised span, with Arabic proclitics dropped."""
        s = self.doc.quote(start, end).strip(" \t\"'«»“”()[]،,.:;")
        if self.arabic:
            s = _strip_arabic_clitic(s, self.doc.ntext[start:end])
        return s

    def add(
        self,
        start: int,
        end: int,
        kind: str,
        *,
        name: str | None = None,
        key: str | None = None,
        real: bool = True,
        **attrs: str | None,
    ) -> str:
        surface = self.surface(start, end) if name is None else name
        k = key or _key(surface)
        rec = self.actors.get(k)
        if rec is None:
            rec = ActorRec(key=k, name=surface, kind=kind, first=start)
            self.actors[k] = rec
        elif surface != rec.name and surface not in rec.aliases:
            if len(_key(surface)) > len(_key(rec.name)) and _key(surface).startswith(k):
                rec.aliases.append(rec.name)
                rec.name = surface
            else:
                rec.aliases.append(surface)
        for attr, value in attrs.items():
            if value is not None and getattr(rec, attr) is None:
                setattr(rec, attr, value)
        rec.first = min(rec.first, start)
        if real:
            rec.real_mentions += 1
            self.mentions.append(Mention(start, end, k))
        self.claim(start, end)
        return k

    def tok(self, i: int) -> str:
        return self.doc.token_text(i)

    def is_verbal_cue(self, token: str) -> bool:
        known = self._verbal.get(token)
        if known is None:
            lex = self.lex
            known = self._verbal[token] = any(
                cues.fullmatch(token) is not None
                for cues in (lex.attribution, lex.denial, lex.status)
            )
        return known

    def nameish(self, token: str) -> bool:
        known = self._nameish.get(token)
        if known is None:
            lex = self.lex
            known = self._nameish[token] = (
                len(token) > 1
                and not token.isdigit()
                and token not in lex.stop
                and token not in lex.ranks
                and not self.is_verbal_cue(token)
                and lex.heads.fullmatch(token) is None
                and lex.negotiation.fullmatch(token) is None
            )
        return known

    def boundary(self, i: int) -> bool:
        """True when a clause break or sentence end lies between tokens i-1 and i."""
        if i <= 0 or i >= len(self.doc.tokens):
            return True
        known = self._boundaries.get(i)
        if known is None:
            doc = self.doc
            last, start = doc.tokens[i - 1][1] - 1, doc.tokens[i][0]
            new_sentence = doc.sentence_at(last).index != doc.sentence_at(start).index
            known = new_sentence or doc.clause_break_between(last, start)
            self._boundaries[i] = known
        return known

    def mention_at(self, npos: int) -> Mention | None:
        for m in self.mentions:
            if m.start == npos:
                return m
        return None

    # -- passes ------------------------------------------------------------------------

    def gazetteer(self) -> None:
        doc, lex = self.doc, self.lex
        for m in self.gaz.forms.finditer(doc.ntext):
            entry, is_capital = m.value
            if not self.free(m.start, m.end):
                continue
            if entry.group == "outlet":
                if self._unintroduced_arabic_outlet(m.outer_start, m.start, m.end):
                    continue  # "مرسى الجزيرة", "حماة الجزيرة": the island, not the channel
                self.outlets.append((m.start, m.end, entry))
                self.claim(m.start, m.end)
                continue
            ti = doc.token_index(m.outer_start)
            prev = self.tok(ti - 1) if ti > 0 else ""
            prev2 = " ".join(self.tok(j) for j in (ti - 2, ti - 1) if j >= 0)
            located = entry.group == "state" and (
                prev in lex.location_preps
                or prev2 in lex.location_preps
                or (self.arabic and doc.ntext[m.outer_start : m.start] in ("ب", "وب"))
                or self._label(m.start, m.end)
                or self._in_outlet_name(ti, doc.token_index(m.end - 1))
            )
            name = self.surface(m.start, m.end)
            if entry.group == "state" and not is_capital:
                name = name if not _LATIN.search(name) else (entry.name_en or name)
            key = entry.id
            rec = self.actors.get(entry.id)
            if rec is None and is_capital:
                # Only the capital is written: keep it as the name, the state in English.
                self.add(
                    m.start,
                    m.end,
                    entry.kind,
                    name=name,
                    key=entry.id,
                    real=not located,
                    name_en=entry.name_en,
                    gazetteer_id=entry.id,
                )
                continue
            self.add(
                m.start,
                m.end,
                entry.kind,
                name=name,
                key=key or _key(name),
                real=not located,
                name_en=entry.name_en,
                gazetteer_id=entry.id,
            )

    def _label(self, start: int, end: int) -> bool:
        """A country as a label, not an actor: a headline's kicker ("Tchad : les
        agriculteurs…") or a dateline's country ("الكُرَيب (السودان) -")."""
        ostart, oend = self.doc.span(start, end)
        before = self.doc.text[max(0, ostart - 2) : ostart].strip()
        after = self.doc.text[oend : oend + 4].strip()
        first = self.doc.sentence_at(start).index
        if before.endswith("(") and after.startswith(")"):
            # "أجدابيا (ليبيا) - أعلنت", "Villa del Carmen (Colombia), 14 ene (EFE)"
            return first <= 1 or after[1:].lstrip().startswith(("-", "–", "—"))
        return after.startswith(":") and first == 0

    def _unintroduced_arabic_outlet(self, outer_start: int, start: int, end: int) -> bool:
        """An outlet written as one definite Arabic word («الجزيرة») is the outlet only
        after ل ("للجزيرة"), a source word ("قناة الجزيرة") or a word that introduces one
        («مراسل الجزيرة», «مع الجزيرة»); else it is the common word (an island)."""
        doc = self.doc
        name = doc.ntext[start:end]
        if not self.arabic or " " in name or not name.startswith("ال"):
            return False
        if doc.ntext[outer_start:start].endswith("ل"):
            return False
        ti = doc.token_index(outer_start)
        if ti == 0:
            return True
        before = self.tok(ti - 1)
        return (
            self.lex.source_kinds.fullmatch(before) is None
            and before not in self.lex.outlet_introducers
        )

    def _in_outlet_name(self, ti: int, tj: int) -> bool:
        """A capital or country inside an outlet's name ("the Bangkok Post", "Radio
        France", "وكالة السودان للأنباء")."""
        near = [self.tok(k) for k in (ti - 1, tj + 1) if 0 <= k < len(self.doc.tokens)]
        return any(self.lex.source_kinds.fullmatch(t) in OUTLET_KINDS for t in near)

    def organisations(self) -> None:
        for m in self.doc.all_matches(self.lex.heads):
            hi = self.doc.token_index(m.outer_start)
            if self._common_noun(m.start, hi):
                continue  # "حركة الشاحنات": the traffic of trucks, no movement
            hj = self.doc.token_index(m.end - 1)
            if (
                self.arabic
                and self.doc.ntext[m.end : self.doc.tokens[hj][1]] in _AR_PRONOUN_SUFFIXES
            ):
                continue  # "قواته تحاصر المستشفى": "his forces", the speaker's own, no name
            if self.arabic and hi > 0 and self.lex.titles.fullmatch(self.tok(hi - 1)) == "governor":
                continue  # "متصرف لواء الحصينية": the district a governor governs, no body
            quoted = self._quoted_name(hj) if self.arabic else None
            if quoted is not None:
                span: tuple[int, int, bool] | None = (m.start, self.doc.tokens[quoted[1]][1], False)
            else:
                span = self._arabic_np(m.start, hi, hj) if self.arabic else self._latin_np(hi, hj)
            head = _bare_head(m.cue)
            if span is None:
                continue
            start, end, generic = span
            if not self.arabic and not generic:
                end = self._extend_to_acronym(start, end)
            name: str | None = None
            if quoted is not None and quoted[0] == quoted[1]:
                # 'حركة "أحرار الجنوب"': the name without the quotes it ends with.
                quote_start = self.doc.tokens[hj + 1][0]
                name = f"{self.surface(start, m.end)} {self.surface(quote_start, end)}"
            cap = self.doc.original_capitalised
            if (
                not self.arabic
                and self.lex.head_first
                and not generic
                and self.doc.token_index(start) == hi
                and not cap[hi]
                and hj + 1 < len(self.doc.tokens)
                and cap[hj + 1]
            ):
                # "el movimiento Fuerza Comunal", "la empresa Minera Austral": the name is
                # the capitalised words; the common noun before them only says what it is.
                start = self.doc.tokens[hj + 1][0]
            after = 0 if self.arabic else self.doc.token_index(end - 1) + 1
            if (
                not self.arabic
                and after + 1 < len(self.doc.tokens)
                and self.tok(after) in _AND
                and cap[after + 1]
                and not self.boundary(after)
                and self._head_within(after + 1, _TITLE_RUN)
            ):
                # "the Petroleum and Allied Workers' Federation": a longer name with a head
                # of its own goes on past "and".
                continue
            if not generic and not self.free(start, end):
                state = not self.arabic and head not in self.lex.government_words
                self._swallow(start, end, state=state)
            if not self.free(start, end):
                # "Russia's reconciliation centre": the owner is already an actor.
                owner_end = self.doc.ntext.find(" s ", start, end)
                if owner_end < 0 or not self.free(owner_end + 3, end):
                    continue
                name = self.surface(start, end)
                start = owner_end + 3
            if generic and head in self.lex.proper_heads:
                continue  # "any other shipping line", "a mining town"

            kind = m.value
            if (
                self.arabic
                and hj + 1 < len(self.doc.tokens)
                and self.tok(hj + 1) in _AR_GENERAL
                and head in _AR_PUBLIC_HEADS
            ):
                kind = "government"  # "الهيئة العامة للطيران المدني": a public authority
            if generic:
                if not self._anaphor(start, end, head, kind) and head in self.lex.captors:
                    # "the kidnappers" with no armed group named before: a body of its own,
                    # until the article names one.
                    key = self.add(start, end, "armed_group", head=head)
                    self.actors[key].descriptive = True
                continue
            # "the armed group", not "la empresa Minera Austral": no capitalised word.
            described = not self.arabic and not any(
                cap[i]
                for i in range(self.doc.token_index(start), self.doc.token_index(end - 1) + 1)
            )
            apposed = self._apposed_to(start) if described and name is None else None
            if apposed is not None:
                # "The Dolan Civic Alliance (DCA), the main party of the minority": the
                # description in apposition is the body just named.
                self._point(start, end, self.actors[apposed])
                continue
            # «الشركة المالكة», «الجماعة المسلحة»: a definite head and one adjective.
            described_ar = (
                self.arabic and _definite(self.tok(hi)) and self.doc.token_index(end - 1) == hj + 1
            )
            if (
                name is None
                and (described or described_ar)
                and kind in ("armed_group", "other")
                and self._anaphor(start, end, head, kind)
            ):
                continue  # a description of an actor already named
            key = self.add(start, end, kind, head=head, name=name, key=_key(name) if name else None)
            self._abbreviation(key, end)
            if described:
                self.actors[key].descriptive = True
            elif not self.arabic and kind == "other" and hi == self.doc.token_index(start) + 1:
                # "Serati Mining" is also "Serati": a company goes by its name without its
                # trade word ("Serati spokeswoman Thandeka Mabaso").
                self.short_forms.setdefault(self.tok(hi - 1), key)

    def _head_within(self, i: int, words: int) -> bool:
        """A head word among the capitalised words from token `i`, at most `words` on."""
        toks, cap = self.doc.tokens, self.doc.original_capitalised
        j = i
        while j < min(len(toks), i + words) and cap[j] and (j == i or not self.boundary(j)):
            j += 1
        return (
            j > i and self.lex.heads.search(self.doc.ntext, toks[i][0], toks[j - 1][1]) is not None
        )

    def spelled_out(self) -> None:
        """ "the Amalgamated Transport and Aviation Workers (ATAW)", "la Coordination des
        enseignants contractuels (CEC)": words an acronym in brackets spells out, from a
        capital, are an organisation even with no head noun."""
        doc = self.doc
        for bracketed in _BRACKETED_ACRONYM.finditer(doc.text):
            k = doc.token_index(doc.to_norm(bracketed.start(1)))
            if k == 0:
                continue
            span = self._spelling(k, bracketed.group(1).casefold())
            if span is None:
                continue
            start, end = doc.tokens[span[0]][0], doc.tokens[span[1]][1]
            if self.free(start, end):
                key = self.add(start, end, "other")
                self._abbreviation(key, end)

    def _spelling(self, k: int, letters: str) -> tuple[int, int] | None:
        """The tokens before token `k` whose initials, links and articles aside, are
        `letters`, the first one capitalised; None when there are none."""
        doc, skip = self.doc, self.lex.np_links | _DEFINITE | _AND
        i, n = k - 1, len(letters)
        while i >= 0 and n > 0 and (i == k - 1 or not self.boundary(i + 1)):
            t = self.tok(i)
            if t not in skip:
                n -= 1
                if t[:1] != letters[n]:
                    return None
            i -= 1
        first = i + 1
        if n or self.tok(first) in skip or not doc.original_capitalised[first]:
            return None
        return first, k - 1

    def _common_noun(self, start: int, hi: int) -> bool:
        """Whether the head from `start` (in token `hi`) and the next word make a common
        noun of `not_bodies`."""
        if hi + 1 >= len(self.doc.tokens):
            return False
        head = self.doc.ntext[start : self.doc.tokens[hi][1]]
        return head in self.lex.not_body_heads and (
            f"{head} {self.tok(hi + 1)}" in self.lex.not_bodies
        )

    def _extend_to_acronym(self, start: int, end: int) -> int:
        """The end of a name that runs on in lowercase up to the acronym it announces
        ("Commission nationale des droits humains (CNDH)"), else `end`."""
        doc = self.doc
        orig_end = doc.span(end - 1, end)[1]
        if doc.text.find("(", orig_end, orig_end + _ACRONYM_REACH) < 0:
            return end
        a, b = doc.token_index(start), doc.token_index(end - 1)
        for k in range(b + 1, min(len(doc.tokens), b + 9)):
            if self._in_parentheses(k):
                words = [
                    x
                    for x in range(a, k)
                    if self.tok(x) not in self.lex.np_links
                    and self.tok(x) not in _DEFINITE
                    and self.tok(x) not in self.lex.stop
                ]
                initials = "".join(self.tok(x)[0] for x in words)
                acronym = self.tok(k)
                # "… des exploitants agricoles de Haute-Lisière (FDEA)": the place after
                # the words the acronym spells out is in the name too.
                place = all(doc.original_capitalised[x] for x in words[len(acronym) :])
                if k > b + 1 and initials.startswith(acronym) and place:
                    return doc.tokens[k - 1][1]
                return end
            if self.boundary(k) or self.is_verbal_cue(self.tok(k)):
                return end
        return end

    def _quoted_name(self, hj: int) -> tuple[int, int] | None:
        """A name in quotes right after the head at token `hj` ("شركة «مدار» للاتصالات",
        'حركة "أحرار الجنوب"'): its last quoted token, and its last token with a ل phrase
        that follows the quotes."""
        doc, toks = self.doc, self.doc.tokens
        n = len(toks)

        def gap(k: int) -> str:  # the original text between tokens k and k + 1
            return doc.text[doc.span(*toks[k])[1] : doc.span(*toks[k + 1])[0]].strip()

        if (
            hj + 1 >= n
            or _definite(self.tok(hj))  # "المجلس "ضمن" الاتفاق", 'واللجنة "انتهى إلى اتفاق"
            or not self.nameish(self.tok(hj + 1))
            or gap(hj) not in _OPENING_QUOTES
        ):
            return None
        for k in range(hj + 1, min(n, hj + 1 + _MAX_QUOTED_NAME)):
            after = gap(k) if k + 1 < n else ""
            if after in _CLOSING_QUOTES:
                if self.tok(k + 1).startswith("ل") and len(self.tok(k + 1)) > 3:
                    return k, k + 1  # "«مدار» للاتصالات"
                return k, k
            if after:
                return None
        return None

    def _apposed_to(self, start: int) -> str | None:
        """The organisation named right before ", the …" at `start`, if any."""
        i = self.doc.token_index(start)
        if self.tok(i) not in _DEFINITE:
            i -= 1  # the article opens the description, before its first word
        if i < 2 or self.tok(i) not in _DEFINITE or not self.boundary(i):
            return None
        k = i - 1 if self._in_parentheses(i - 1) else i  # "…Alliance (DCA), the …"
        owner = self._mention_ending_before(k)
        if owner is None or self.actors[owner].kind in ("person", "state"):
            return None
        return owner

    def _swallow(self, start: int, end: int, state: bool = False) -> None:
        """A longer organisation name takes over a generic or international gazetteer
        mention it contains or starts with ("Mission des Nations unies en Centrafrique",
        "le gouvernement centrafricain", "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية"),
        and with `state`, the country that ends it ("Police nationale d'Haïti")."""
        inner = [
            m
            for m in self.mentions
            if m.start < end
            and m.end > start
            and self.actors[m.key].gazetteer_id is not None
            and (
                (m.end < end and self.actors[m.key].kind in _SWALLOWED_KINDS)
                or (
                    state
                    and start < m.start
                    and m.end == end
                    and self.actors[m.key].kind == "state"
                )
            )
        ]
        if not inner:
            return
        for m in inner:
            self.mentions.remove(m)
            self.claimed[m.start : m.end] = bytes(m.end - m.start)
            self.actors[m.key].real_mentions -= 1

    def _arabic_np(self, start: int, hi: int, hj: int) -> tuple[int, int, bool] | None:
        toks = self.doc.tokens
        j, ext = hj + 1, 0
        # A definite head ("الحركة") is never the first term of a construct ("حركة أحرار").
        definite = _definite(self.tok(hi))
        # "حركة تحرير جبل الصوان": an indefinite head opens a construct chain of nouns that
        # ends at its first definite word.
        chain_end = -1
        bare_chain = False
        if not definite:
            k = hj + 1
            while k < len(toks) and k - hj <= 3 and not self.boundary(k):
                t = self.tok(k)
                if not self.nameish(t) or _looks_imperfect(t) or t in self.lex.name_starts:
                    break
                if t.startswith("ال"):
                    chain_end = k
                    break
                k += 1
            if (
                chain_end < 0
                and k > hj + 1
                # "لجنة مشتركة", "فصيل أصغر": an indefinite adjective or elative, no name
                and not self.tok(hj + 1).endswith("ه")
                and not (len(self.tok(hj + 1)) == 4 and self.tok(hj + 1).startswith("ا"))
                and self._named_again(start, hj)
            ):
                # "تنسيقية أهالي قوز بشارة", later "التنسيقية": a chain of proper names
                # with no article, which the article then calls by its head.
                chain_end, bare_chain = k - 1, True
        while j < len(toks) and ext < _MAX_AR_NP and not self.boundary(j):
            t = self.tok(j)
            # "الاتحاد العام للعمال": "general" and the body it serves, not "the year".
            after_general = ext >= 1 and self.tok(j - 1) in _AR_GENERAL
            if after_general and t.startswith("لل") and len(t) > 4:
                # "الهيئة العامة للطيران المدني": an adjective of that body may follow.
                ext += 1
                j += 1
                if not (j < len(toks) and not self.boundary(j) and self.tok(j).startswith("ال")):
                    break
                continue
            general = ext == 0 and t in _AR_GENERAL
            if (
                not general
                and not self.nameish(t)
                and (self.lex.negotiation.fullmatch(t) is None or ext > 0 or definite)
            ):
                # "هيئة التفاوض" but not "جيش التحرير الجبلي التفاوض" nor the object in
                # "ورفضت الحركة العرض"
                break
            if t in self.lex.name_starts:
                break
            if t.startswith(("وال", "فال")) or (
                t.startswith("و") and self.lex.heads.fullmatch(t[1:]) is not None
            ):
                break
            # After a definite head a definite word is an adjective ("الحكومة الانتقالية"),
            # not a verbal noun starting the clause's object ("ترفض الحكومة الإفراج عنهم").
            # So is one after an indefinite head's construct ("أعلنت نقابة الأطباء الإضراب").
            definite_word = t.startswith("ال") and not (
                (definite or 0 <= chain_end < j) and _looks_masdar(t[2:])
            )
            if definite and definite_word and j == hj + 1 and _human_plural(t):
                # "أفرجت العشيرة الموقوفين": a masculine plural does not describe the
                # head (a body); it is the verb's object.
                break
            # "الحركة الشعبية لتحرير الوادي": ل + a noun that the next definite word governs.
            linked = (
                ext >= 1
                and ext < 3
                and t.startswith("ل")
                and not t.startswith("لل")
                and t[1:] not in _AR_AUDIENCE
                and j + 1 < len(toks)
                and self.tok(j + 1).startswith("ال")
                and not self.boundary(j + 1)
            )
            # "حركة أحرار الشام": an indefinite head's construct with a definite word next.
            construct = j < chain_end or (bare_chain and j == chain_end)
            # "مجلس أعيان بني حسان", "قبيلة آل مرة": a tribe's name completes the construct.
            tribal = (
                t in _AR_TRIBAL
                and (ext >= 1 or not definite)
                and j + 1 < len(toks)
                and not self.boundary(j + 1)
                and self.nameish(self.tok(j + 1))
            )
            if tribal:
                ext += 2
                j += 2
                break
            if not (definite_word or linked or construct or self._before_tribal(ext, j)):
                break
            ext += 1
            j += 1
        if ext == 0:
            # "الحركة", "والحركة", "بالحركة", and "للحركة" (ل + ال with the alef dropped)
            return (start, toks[hj][1], True) if definite else None
        return start, toks[j - 1][1], False

    def _named_again(self, start: int, hj: int) -> bool:
        """Whether the article also names the head at `start` on its own, with the article
        ("التنسيقية", "للتنسيقية")."""
        head = self.doc.ntext[start : self.doc.tokens[hj][1]]
        ntext = self.doc.ntext
        return f"ال{head}" in ntext or f"لل{head}" in ntext

    def _before_tribal(self, ext: int, j: int) -> bool:
        """An indefinite noun right after the head that a tribe's name follows ("أعيان" in
        "مجلس أعيان بني حسان")."""
        return ext == 0 and j + 1 < len(self.doc.tokens) and self.tok(j + 1) in _AR_TRIBAL

    def _head_first_np(self, hi: int, hj: int) -> tuple[int, int, bool] | None:
        """French/Spanish: "Coalition pour le renouveau du Nord", "gouvernement
        centrafricain", "Ministerio de Defensa": the name follows the head."""
        doc, lex = self.doc, self.lex
        toks, cap = doc.tokens, doc.original_capitalised
        start_i = hi
        while (
            start_i > 0
            and cap[start_i - 1]
            and not self.boundary(start_i)
            and (self.tok(start_i - 1) not in lex.not_names)
        ):
            start_i -= 1
        j, last = hj + 1, hj
        while j < len(toks) and j - hj <= 6 and not self.boundary(j):
            t = self.tok(j)
            if j in self.self_name_starts:
                break  # "Frente Campesino conocido como…": the name ends before the phrase
            if t in _AND and last == j - 1 and cap[last] and self._name_goes_on(j + 1):
                j += 1  # "Ministerio de Agricultura y Desarrollo Rural"
                continue
            if t in lex.np_links:
                if t in _DEFINITE and self.tok(j - 1) not in lex.np_links:
                    break  # "el ministerio el levantamiento": an article opens a new phrase
                j += 1
                continue
            if (
                t in lex.stop
                or self.is_verbal_cue(t)
                or not t.isalpha()
                or (t in lex.not_names and not cap[j])
            ):
                break
            if not cap[j] and last != j - 1 and last != hj:
                break  # lowercase words only right after the head or a name word
            if not cap[j] and self.doc.quote(*toks[j]).lower().endswith(lex.verb_suffixes):
                break  # "grupo de manifestantes retuviera", "Policía Nacional declinó"
            after_link = self.tok(j - 1) in lex.np_links
            if not cap[j] and after_link and t.endswith(lex.infinitive_suffixes):
                break  # "el ministerio de pagar los bonos": the clause begins
            if not cap[j] and self.tok(j - 1) in _PURPOSE and t not in lex.np_links:
                break  # "el Ejército para negociar": a purpose clause
            if (
                not cap[j]
                and not after_link
                and not t.endswith(lex.adjective_suffixes)
                and not (
                    j + 2 < len(toks)
                    and self.tok(j + 1) in lex.np_links
                    and any(
                        cap[x] for x in range(j + 2, min(j + 4, len(toks))) if not self.boundary(x)
                    )
                )
            ):
                # "armée exigeant", "Gobierno haya negociado con Los Halcones": a verb; but
                # "renouveau du Nord" and "gouvernement de transition" are names.
                break
            last = j
            j += 1
        proper = any(cap[k] for k in range(start_i, last + 1))
        if last == hj and not proper:
            return toks[hi][0], toks[hj][1], True
        return toks[start_i][0], toks[last][1], False

    def _latin_np(self, hi: int, hj: int) -> tuple[int, int, bool] | None:
        doc, lex = self.doc, self.lex
        toks, cap = doc.tokens, doc.original_capitalised
        if lex.head_first:
            return self._head_first_np(hi, hj)
        # Left: capitalised words, a possessive, or up to two lowercase modifiers.
        k, lower = hi - 1, 0
        start_i = hi
        while k >= 0 and not self.boundary(k + 1):
            t = self.tok(k)
            if cap[k] and t not in lex.not_names and t not in lex.stop:
                start_i = k
            elif t == "s" and k > 0 and cap[k - 1] and self.tok(k - 1) not in lex.not_names:
                start_i = k - 1
                k -= 1
            elif (
                t in ("and", "&")
                and start_i == k + 1
                and k > 0
                and cap[k - 1]
                and not self.boundary(k)
                and self.tok(k - 1) not in lex.not_names
                and self.tok(k - 1) not in lex.pre_titles  # "Mufti and police talk…"
            ):
                pass  # "Nurses and Midwives Union", "Justice and Equality Movement"
            elif (
                not cap[k]
                and lower < 2
                and t not in lex.stop
                and t.isalpha()
                and (not self.is_verbal_cue(t))
            ):
                lower += 1
            else:
                break
            k -= 1
        # Lowercase modifiers count only when a proper noun precedes them.
        proper = any(cap[i] for i in range(start_i, hj + 1))
        if start_i == hi and lower and not proper:
            start_i = hi - lower
        # Right: "of/for/on (the) Capitalised Words".
        end_i = hj
        j = hj + 1
        named_left = cap[hi] or any(cap[x] for x in range(start_i, hi))
        if (
            j < len(toks)
            and self.tok(j) in ("of", "for", "on", "in")
            and not self.boundary(j)
            and (self.tok(j) != "in" or named_left)  # not "authority in the lower Goob valley"
        ):
            # "Authority on Development", "Committee of the Red Cross", "… in Brenovo"
            k = j + 1
            if k < len(toks) and self.tok(k) == "the":
                k += 1
            if self.tok(j) == "in" and k + 1 < len(toks) and not cap[k] and cap[k + 1]:
                k += 1  # "in the besieged Velka Valley"
            last = None
            while (
                k < len(toks)
                and (
                    (cap[k] and self.tok(k) not in lex.not_names)
                    or (last is not None and self.tok(k) in ("and", "&"))
                )
                and not self.boundary(k)
                and k - j < 7
            ):
                if cap[k]:
                    last = k  # "Union of Mine and Quarry Workers"
                k += 1
            if last is not None:
                end_i = last
                proper = True
        proper = proper or cap[hi]
        if start_i == hi == end_i and self._sentence_initial(hi):
            proper = False  # a capitalised head alone opening a sentence ("Rebels deny …")
        start, end = toks[start_i][0], toks[end_i][1]
        if not proper:
            modifiers = hi - start_i
            prev = self.tok(start_i - 1) if start_i > 0 else ""
            if modifiers and prev in ("the", "its", "their", "his", "her"):
                return start, end, False
            return toks[hi][0], toks[hj][1], True
        return start, end, False

    def _name_goes_on(self, k: int) -> bool:
        """Whether token `k` carries a name on after a conjunction: capitalised, in the same
        clause, and not the head of another body ("… y Desarrollo Rural", but not "del
        Gobierno y de la Gobernación")."""
        if k >= len(self.doc.tokens) or self.boundary(k) or not self.doc.original_capitalised[k]:
            return False
        t = self.tok(k)
        return t not in self.lex.not_names and self.lex.heads.fullmatch(t) is None

    def _anaphor(self, start: int, end: int, head: str, kind: str = "other") -> bool:
        """Point a bare or common-noun head ("the council", المركز) back at the latest actor
        with that head; for collective words ("the group") at the latest organisation."""
        best: ActorRec | None = None
        synonyms = self.lex.head_synonyms
        head = synonyms.get(head, head)
        for rec in self.actors.values():
            # "the army", "الجيش" from the gazetteer have no head, but their names end or
            # open with one.
            rec_head = rec.head or (self._name_head(rec.key) if rec.kind != "person" else None)
            if (
                rec_head
                and synonyms.get(rec_head, rec_head) == head
                and rec.first < start
                and (best is None or rec.first > best.first)
            ):
                best = rec
        if best is None and head in self.lex.government_words:
            # "le porte-parole du gouvernement": the article's one government, however named.
            governments = [
                r for r in self.actors.values() if r.kind == "government" and r.first < start
            ]
            if len(governments) == 1:
                best = governments[0]
        if best is None and head in _REBELS:
            # "the rebels": the story's main armed group, not the latest unit named.
            counts: dict[str, int] = {}
            for m in self.mentions:
                if m.start < start and self.actors[m.key].kind == "armed_group":
                    counts[m.key] = counts.get(m.key, 0) + 1
            if counts:
                best = self.actors[max(counts, key=lambda k: counts[k])]
        if best is None and kind in ("armed_group", "other"):
            # "the group": the latest armed group, else the latest organisation; "the
            # church" only the latest organisation.
            stages: tuple[tuple[str, ...], ...] = (
                ("armed_group",),
                ("political_body", "civil_body", "other"),
            )
            if kind == "other" and head not in _COLLECTIVE_HEADS:
                stages = stages[1:]
            # "الجبهة الشعبية" is no "الجيش": a head of its own with more words after it
            # names a body of its own; only a collective word's body ("the group") is
            # referred back to by it.
            specific = (
                head
                if kind == "armed_group"
                and head not in _COLLECTIVE_HEADS
                and " " in self.doc.ntext[start:end]
                else None
            )
            for wanted in stages:
                latest = -1
                for m in self.mentions:
                    rec = self.actors[m.key]
                    if (
                        latest < m.start < start
                        and rec.kind in wanted
                        and rec.head is not None
                        and (specific is None or rec.head in _COLLECTIVE_HEADS)
                    ):
                        best, latest = rec, m.start
                if best is not None or kind != "other":
                    break
        if best is None:
            return False
        self._point(start, end, best)
        return True

    def _name_head(self, key: str) -> str:
        """The word of a name that a head would be: the first in Arabic, the last else."""
        if self.arabic:
            return _bare_head(key.split(" ", 1)[0])
        return key.rsplit(" ", 1)[-1]

    def _point(self, start: int, end: int, rec: ActorRec) -> None:
        """Make the span a mention of `rec`, its words one more alias."""
        surface = self.surface(start, end)
        if surface != rec.name and surface not in rec.aliases:
            rec.aliases.append(surface)
        self.mentions.append(Mention(start, end, rec.key))
        rec.real_mentions += 1
        self.claim(start, end)

    def described(self) -> None:
        """ "the East Lakes Community, a regional bloc whose envoy…": the noun of an
        indefinite apposition describes the organisation, so a later "the bloc" is it."""
        doc, n = self.doc, len(self.doc.tokens)
        described: list[tuple[int, str, ActorRec]] = []
        for m in self.mentions:
            rec = self.actors[m.key]
            j = doc.token_index(m.end - 1) + 1
            if rec.kind == "person" or j >= n or not self.boundary(j):
                continue
            if self.tok(j) not in _INDEFINITE:
                continue
            k = j + 1
            while (
                k < n
                and k - j <= 4
                and not self.boundary(k)
                and self.tok(k) not in _APPOSITION_ENDS
                and not doc.original_capitalised[k]
            ):
                k += 1
            # English puts the noun last ("a regional bloc"), French and Spanish first
            # ("une institution influente").
            noun = self.tok(k - 1) if self.tok(j) in ("a", "an") else self.tok(j + 1)
            ends = k == n or self.boundary(k) or self.tok(k) in _APPOSITION_ENDS
            if k - 1 > j and ends and noun.isalpha() and noun not in self.lex.stop:
                described.append((k, noun, rec))
        for k, noun, rec in described:
            for i in range(k, n - 1):
                if self.tok(i) in _DEFINITE and self.tok(i + 1) == noun:
                    start, end = doc.tokens[i][0], doc.tokens[i + 1][1]
                    if self.free(start, end):
                        self._point(start, end, rec)

    def self_named(self) -> None:
        """ "The militia, which calls itself the Pit Guard, denied…", "el comandante del FCS
        conocido como 'Comandante Lucio'", "التي تطلق على نفسها اسم أبناء الوادي": the name
        after the phrase is an actor (a person when a title opens it or precedes the
        phrase), and the description just before the phrase is that actor."""
        doc, lex = self.doc, self.lex
        for cue in doc.all_matches(lex.self_names):
            i = doc.token_index(cue.end)
            while i < len(doc.tokens) and self.tok(i) in _SELF_NAME_SKIP:
                i += 1
            span = self._self_name_span(i)
            if span is None:
                continue
            a, b = span
            start, end = doc.tokens[a][0], doc.tokens[b][1]
            ci = doc.token_index(cue.outer_start)
            if (
                not self.arabic
                and ci > 0
                and doc.original_capitalised[ci - 1]
                and self.free(doc.tokens[ci - 1][0], doc.tokens[ci - 1][1])
            ):
                # 'Yeison Heriberto Sarceño, alias "el Cura"': a nickname of the person
                # named before, who is no body (persons are found later).
                continue
            before = [self.tok(k) for k in range(max(0, ci - 6), ci) if not self.boundary(k + 1)]
            titled = self.tok(a) in lex.pre_titles or any(
                t in lex.pre_titles or lex.titles.fullmatch(t) is not None for t in before[-4:]
            )
            head_kinds = [k for k in (lex.heads.fullmatch(t) for t in before) if k is not None]
            described = self._description_before(cue.outer_start)
            if (
                a == b
                and described is not None
                and self.actors[described].kind != "person"
                and _ACRONYM.fullmatch(doc.quote(start, end))
            ):
                # "The U.N. Integrated Stabilisation Mission in Akabo, known as UNISMA": the
                # short form of the body just named.
                short = doc.quote(start, end)
                rec = self.actors[described]
                if short not in rec.aliases:
                    rec.aliases.append(short)
                self.short_forms.setdefault(_key(short), described)
                self._short_form_mentions({_key(short): described})
                continue
            if self.free(start, end):
                if titled:
                    owner = (
                        described if described and self.actors[described].kind != "person" else None
                    )
                    self.add(start, end, "person", affiliation=owner)
                    continue
                kind = head_kinds[-1] if head_kinds else "armed_group"
                key = self.add(start, end, kind, head=self.tok(b))
            else:
                existing = self.mention_at(start)
                if existing is None:
                    continue
                key = existing.key
            if described is not None and described != key and not titled:
                self._repoint(described, key, cue.outer_start)

    def _self_name_span(self, i: int) -> tuple[int, int] | None:
        toks, lex = self.doc.tokens, self.lex
        if i >= len(toks):
            return None
        if self.arabic:
            j = i
            while j < len(toks) and j - i < 4 and (j == i or not self.boundary(j)):
                if not self.nameish(self.tok(j)) and self.tok(j) not in lex.name_starts:
                    break
                j += 1
            return (i, j - 1) if j > i else None
        cap = self.doc.original_capitalised
        j = last = i
        while j < len(toks) and j - i < 6 and (j == i or not self.boundary(j)):
            if cap[j]:
                last = j
            elif self.tok(j) not in _NAME_LINKS or j == i:
                break
            j += 1
        return (i, last) if cap[i] else None

    def _description_before(self, npos: int) -> str | None:
        """The actor of the last mention before `npos` in its sentence ("The militia" in
        "The militia, which calls itself…")."""
        sent = self.doc.sentence_at(npos)
        best: Mention | None = None
        for m in self.mentions:
            if sent.nstart <= m.start and m.end <= npos and (best is None or m.start > best.start):
                best = m
        return best.key if best else None

    def _repoint(self, old: str, new: str, npos: int) -> None:
        """The mentions of `old` in the sentence up to `npos` are `new`'s: a description
        the self-given name makes precise."""
        sent = self.doc.sentence_at(npos)
        for idx, m in enumerate(self.mentions):
            if m.key == old and sent.nstart <= m.start < npos:
                self.mentions[idx] = Mention(m.start, m.end, new)
                self.actors[old].real_mentions -= 1
                self.actors[new].real_mentions += 1

    def titled_persons(self) -> None:
        doc = self.doc
        for m in doc.all_matches(self.lex.titles):
            if not self.free(m.outer_start, m.end) and self.arabic:
                continue
            ti = doc.token_index(m.outer_start)
            tj = doc.token_index(m.end - 1)
            if (
                self.arabic
                and m.value == "governor"
                and doc.ntext[m.end : doc.tokens[tj][1]] == "ه"
            ):
                continue  # "المحافظة" is the governorate, not "his governor"
            affiliation, after = self._affiliation_after(tj + 1)
            if self.arabic:
                # "المتحدث باسمها": the title ends in a pronoun for the body named before.
                possessive = doc.ntext[m.end : doc.tokens[tj][1]] in _AR_PRONOUN_SUFFIXES
            else:
                possessive = m.cue.split()[0] in _POSSESSIVES or (
                    ti > 0 and self.tok(ti - 1) in _POSSESSIVES
                )
            if affiliation is None and possessive:
                # "Its spokesman, Callum Rennie": the organisation last named before.
                affiliation = self._latest_organisation(doc.tokens[ti][0])
            if affiliation is None:
                # "Y's spokesman", "The United Nations special envoy": the owner before.
                affiliation = (
                    self._mention_ending_before(ti)
                    or (
                        self._mention_ending_before(ti - 1)
                        if ti > 0 and not self.arabic and not self.boundary(ti - 1)
                        else None  # the previous sentence's last words own no title
                    )
                    or (None if self.arabic else self._short_owner_before(ti))
                )
            name_span = (
                self._name_before(ti)
                or (self._apposition_name(after) if self.arabic else None)
                or self._name_after(after)
            )
            if affiliation is None and name_span is not None and not self.arabic:
                # "el viceministro de Transporte, Felipe Andrade": the body whose name
                # ends with the title's complement (the Ministerio de Transporte).
                affiliation = self._body_ending_with(tj + 1, name_span[0], m.value)
                if affiliation is None and m.value in _COMPANY_ROLES:
                    affiliation = self._company_in_complement(tj + 1, name_span[0])
            if affiliation is None and name_span is not None and self.arabic:
                # "قائد عمليات الكتائب في المنطقة الشرقية، خليفة الورفلي": the body named
                # in the title's complement.
                affiliation = next(
                    (
                        m.key
                        for m in self.mentions
                        if doc.tokens[tj][1] <= m.start < doc.tokens[name_span[0]][0]
                        and self.actors[m.key].kind not in ("person", "state")
                    ),
                    None,
                ) or self._body_ending_with(tj + 1, name_span[0], m.value)
            if name_span is None:
                # "المتحدث باسم مجموعة المصالحة التابعة لوزارة الدفاع الفريق إيغور كاربوف":
                # a rank a few words on introduces the name.
                for r in range(after, min(after + 8, len(doc.tokens))):
                    if r > after and self.boundary(r):
                        break
                    if self.tok(r) in self.lex.ranks:
                        name_span = self._name_after(r)
                        break
            if name_span is None:
                continue
            if affiliation is None and m.cue.split()[-1] in _BODY_LINKS:
                # "المتحدث باسم ألوية حماة الساحل العقيد منصور…": what the holder speaks in
                # the name of is a body, named or not by a head word.
                affiliation = self._body_in_complement(tj + 1, name_span[0])
            a, b = name_span
            start, end = doc.tokens[a][0], doc.tokens[b][1]
            if doc.sentence_at(start).index != doc.sentence_at(m.start).index:
                # "…goes to court-appointed mediator\n\nPORT AVERNE, March 12": a title
                # never reaches into the next sentence.
                continue
            if not self.free(start, end):
                # A capitalised-span person already there: just give it its title.
                existing = self.mention_at(start)
                if existing:
                    rec = self.actors[existing.key]
                    if rec.kind == "person":
                        rec.role = rec.role or m.value
                        rec.affiliation = rec.affiliation or affiliation
                continue
            key = self.add(start, end, "person", role=m.value, affiliation=affiliation)
            self._two_scripts(key, end)

    def _body_in_complement(self, i: int, j: int) -> str | None:
        """The words from token `i` to the holder's name or rank (token `j`), as a body of
        its own: a few name-like words in one clause, not already an actor."""
        while j > i and self.tok(j - 1) in self.lex.ranks:
            j -= 1
        if not 0 < j - i <= _MAX_AR_NP or any(self.boundary(k) for k in range(i + 1, j)):
            return None
        if not all(self.nameish(self.tok(k)) for k in range(i, j)):
            return None
        start, end = self.doc.tokens[i][0], self.doc.tokens[j - 1][1]
        if not self.free(start, end):
            return None
        word = self.tok(i)
        if j - i == 1 and word.startswith("ال"):
            # "المتحدث باسم الألوية": the body named before by that first word.
            return self._body_opened_by(word[2:])
        return self.add(start, end, "other")

    def _body_opened_by(
        self, head: str, *, not_kinds: tuple[str, ...] = ("person",), longer: bool = False
    ) -> str | None:
        """The one body named before whose name opens with `head` («كتيبة درع الوادي» for
        «الكتيبة»), of no kind in `not_kinds` and, when `longer`, of more words than that
        one; else None."""
        found = {
            rec.key
            for rec in self.actors.values()
            if rec.kind not in not_kinds
            and (words := _key(rec.name).split())[:1] == [head]
            and (not longer or len(words) > 1)
        }
        return found.pop() if len(found) == 1 else None

    def _company_in_complement(self, i: int, j: int) -> str | None:
        """ "el gerente de Operaciones de Petroamaz, Ignacio Valdivieso": the one
        capitalised word that ends a company title's complement after a link word is the
        company."""
        k = j - 1
        cap = self.doc.original_capitalised
        if not (i < k and cap[k] and not cap[k - 1] and self.tok(k - 1) in _COMPANY_LINKS):
            return None
        if not self._after_comma(j) or self.boundary(k):
            return None
        start, end = self.doc.tokens[k]
        if not self.free(start, end):
            mention = self.mention_at(start)
            return mention.key if mention is not None else None
        key = self.add(start, end, "other")
        word = self.tok(k)
        for x, w in enumerate(self.doc.words):
            # "Petroamaz, en cambio, negó…": the company named again.
            if w == word and x != k and cap[x] and self.free(*self.doc.tokens[x]):
                self.add(*self.doc.tokens[x], "other", key=key)
        return key

    def _body_ending_with(self, i: int, j: int, role: str) -> str | None:
        """The organisation whose name ends with the title's complement from token `i` up
        to the name at token `j`: its capitalised words ("Transporte" → "Ministerio de
        Transporte"), in Arabic its definite word ("الأطباء" → "نقابة الأطباء")."""
        if self.arabic:
            # "نقيب الأطباء الدكتور إبراهيم الحسيني": the one definite word after the title
            # ("نقابة الأطباء"), or a construct chain up to its first definite word ("نقيب
            # سائقي الشاحنات خليل السويدان": "نقابة سائقي الشاحنات").
            k = i
            while (
                k < min(j, i + 3) and not self.tok(k).startswith("ال") and not self.boundary(k + 1)
            ):
                k += 1
            chain = k < j and self.tok(k).startswith("ال") and not self.boundary(i)
            words = [self.tok(x) for x in range(i, k + 1)] if chain else []
        else:
            cap = self.doc.original_capitalised
            words = [self.tok(k) for k in range(i, j) if cap[k]]
        if not words:
            return None
        tail = " " + " ".join(words)
        for rec in self.actors.values():
            if rec.kind == "person" or (role in _OFFICE_ROLES and rec.kind != "government"):
                continue  # the mayor of San Lázaro is not its diocese's
            if (" " + _key(rec.name)).endswith(tail):
                return rec.key
        if self.arabic and len(words) == 1 and role not in _OFFICE_ROLES:
            # "آمر الكتيبة العقيد مفتاح بوخريص": the one body named before by that head.
            return self._body_opened_by(words[0][2:])
        return None

    def _apposition_name(self, i: int) -> tuple[int, int] | None:
        """ "المتحدث باسم الحراك، عبد السلام امحمد بوخطوة، نفى", "العقيد ونيس سالم
        القطعاني،": a title's name set off by commas is all the words between them, given
        names the lexicon does not know included."""
        n = len(self.doc.tokens)
        p = next((k for k in range(i, min(i + 8, n)) if k > 0 and self.boundary(k)), None)
        if p is None or p >= n or not self._after_comma(p):
            return None  # 'لصحيفة "صدى الساحل"': a quote is no apposition
        while p < n and self.tok(p) in self.lex.ranks:
            p += 1
        title = (
            self.doc.matches(self.lex.titles, self.doc.tokens[p][0], self.doc.tokens[p][1] + 1)
            if p < n
            else []
        )
        if title and title[0].outer_start == self.doc.tokens[p][0]:
            # "…، وزير الإعلام مأمون عبد الباقي، نفى": a title and its definite complement
            # open the apposition; the name follows them.
            p = self.doc.token_index(title[0].outer_end - 1) + 1
            while p < n and not self.boundary(p) and self.tok(p).startswith("ال"):
                p += 1
        q = p
        while q < n and q - p < 5 and (q == p or not self.boundary(q)):
            q += 1
        if not 2 <= q - p <= 4 or (q < n and not self.boundary(q)):
            return None
        words = [self.tok(k) for k in range(p, q)]
        if words[0].startswith("ال") or not all(
            self._name_word(w) and not _looks_imperfect(w) for w in words
        ):
            return None
        return p, q - 1

    def _affiliation_after(self, i: int) -> tuple[str | None, int]:
        toks = self.doc.tokens
        if i < len(toks) and (self.tok(i) == "the" or self.tok(i) in self.lex.np_links):
            i += 1
        if i >= len(toks):
            return None, i
        m = self.mention_at(toks[i][0])
        if m is None and self.arabic:
            # A clitic-prefixed mention starts inside the token (لحركة).
            for cand in self.mentions:
                if toks[i][0] < cand.start < toks[i][1]:
                    m = cand
                    break
        if m is None:
            return None, i
        j = self.doc.token_index(m.end - 1) + 1
        return m.key, j

    def _latest_organisation(self, npos: int) -> str | None:
        sent = self.doc.sentence_at(npos)
        if sent.index > 0 and not self.doc.ntext[sent.nstart : npos].strip():
            # A sentence that opens with "Its spokeswoman" continues the previous
            # sentence's subject: its first organisation, not the last one named in a
            # relative clause ("…that has run the city since government forces withdrew").
            prev = self.doc.sentences[sent.index - 1]
            subject: Mention | None = None
            for m in self.mentions:
                if (
                    prev.nstart <= m.start < prev.nend
                    and (subject is None or m.start < subject.start)
                    and self.actors[m.key].kind not in ("person", "state")
                ):
                    subject = m
            if subject is not None:
                return subject.key
        latest: Mention | None = None
        for m in self.mentions:
            if (
                m.end <= npos
                and self.actors[m.key].kind not in ("person", "state")
                and (latest is None or m.start > latest.start)
            ):
                latest = m
        return latest.key if latest else None

    def _short_owner_before(self, ti: int) -> str | None:
        """ "Kurano's chief executive", "Eastmoor chief executive": the one body whose
        name of several words opens with the capitalised word before the title."""
        k = ti - 1
        if k > 0 and self.tok(k) == "s":
            k -= 1
        if k < 0 or not self.doc.original_capitalised[k] or self.boundary(k + 1):
            return None
        return self._body_opened_by(self.tok(k), not_kinds=("person", "state"), longer=True)

    def _mention_ending_before(self, ti: int) -> str | None:
        if ti < 1:
            return None
        end = self.doc.tokens[ti - 1][1]
        for m in self.mentions:
            if m.end == end:
                return m.key
        return None

    def _name_before(self, ti: int) -> tuple[int, int] | None:
        """Token span of a name written just before a title: "وائل علوان المتحدث باسم…",
        "Idris Halloran, a spokesman for…"."""
        if self.boundary(ti) and not self.arabic:
            # "Idris Halloran, a spokesman for …": skip the comma and an article.
            k = ti - 1
            if k >= 0 and self.tok(k) in _ARTICLES_EN:
                k -= 1
            return self._latin_name_ending(self._skip_parenthesis(k))
        if not self.arabic:
            k = ti - 1
            if k >= 0:
                # "Ilan Moras, the Front's deputy commander", "Lotte Brandsma, the EU
                # envoy": past the owner (whose mention may hold the article).
                owner_end = self.doc.tokens[k][1]
                owner = next((m for m in self.mentions if m.end == owner_end), None)
                if owner is not None:
                    k = self.doc.token_index(owner.start)
                    if self.tok(k) not in _ARTICLES_EN:
                        k -= 1
            if k >= 0 and self.tok(k) in _ARTICLES_EN and self._after_comma(k):
                return self._latin_name_ending(k - 1)
            return None
        if self.boundary(ti):
            # "العقيد ناصر الحلبوني، الناطق باسم وزارة الدفاع": an apposition after a name.
            for a in range(max(0, ti - 4), ti - 1):
                if self._given_name_span(a) == (a, ti - 1):
                    return a, ti - 1
            return None
        k, got = ti - 1, list[int]()
        while k >= 0 and len(got) < 3 and not self.boundary(k + 1):
            t = self.tok(k)
            if not self.nameish(t) or t in self.lex.stop:
                break
            got.append(k)
            k -= 1
        if len(got) < 2:
            return None
        if k >= 0 and self.tok(k) in _AR_VERB_NEGATORS:
            return None  # "لم يلتقِ بأي مبعوث": a negated verb, not a name
        if (
            k >= 0
            and not self.boundary(k + 1)
            and not self.is_verbal_cue(self.tok(k))
            and self.tok(k) not in _AR_BEFORE_NAME
            and self.tok(k) not in self.lex.ranks
        ):
            # A name opens its clause or follows a verb ("نفى وائل علوان المتحدث باسم…");
            # "مؤتمر صحفي عقده وزير…" continues a noun phrase.
            return None
        first = got[-1]
        if self.tok(first).startswith("ال"):
            got = got[:-1]
            if len(got) < 2:
                return None
        return got[-1], got[0]

    def _in_parentheses(self, i: int) -> bool:
        """Whether token `i` is alone in parentheses, like an abbreviation: "(CRHL)"."""
        start, end = self.doc.span(*self.doc.tokens[i])
        return self.doc.text[start - 1 : start] == "(" and self.doc.text[end : end + 1] == ")"

    def _skip_parenthesis(self, k: int) -> int:
        """The token before a parenthesis that token `k` closes ("Fawwaz al-Hindawi
        (فواز الهنداوي), head of…": the name in the other script), else `k`."""
        doc = self.doc
        if k < 0 or not doc.text.startswith(")", doc.span(*doc.tokens[k])[1]):
            return k
        while k >= 0:
            start = doc.span(*doc.tokens[k])[0]
            if doc.text[start - 1 : start] == "(":
                return k - 1
            k -= 1
        return k

    def _latin_name_ending(self, k: int) -> tuple[int, int] | None:
        cap = self.doc.original_capitalised
        end = k
        got = 0
        while k >= 0 and (cap[k] or self.tok(k) in _NAME_PARTICLES) and got < 4:
            if self.tok(k) in self.lex.not_names or self.tok(k) in self.lex.pre_titles:
                break
            if k < end and self.boundary(k + 1):
                break  # a name never runs across a line or clause break
            got += 1
            k -= 1
        if got < 2:
            return None
        return k + 1, end

    def _name_after(self, i: int, apposition: bool = False) -> tuple[int, int] | None:
        toks, lex = self.doc.tokens, self.lex
        if not self.arabic:
            if i < len(toks) and self._in_parentheses(i):
                i += 1  # "Le porte-parole de la Coalition … (CRHL), Abel Yakité"
            start = i
            # "head of delegation, Lucas Amsler": skip the rest of the title.
            skipped = 0
            while (
                i < len(toks)
                and skipped < 3
                and not self.doc.original_capitalised[i]
                and not self.boundary(i)
                and not self.is_verbal_cue(self.tok(i))
                and self.tok(i) not in ("the", "a")
            ):
                i += 1
                skipped += 1
            if i < len(toks) and self.tok(i) in ("the", "a"):
                i += 1
            while i < len(toks) and (
                self.tok(i) in lex.ranks or (apposition and self.tok(i) in lex.pre_titles)
            ):
                i += 1  # ", monseñor Aurelio Benítez"
            cap = self.doc.original_capitalised
            a = i
            while i < len(toks) and (cap[i] or self.tok(i) in _NAME_PARTICLES) and i - a < 4:
                if i > a and self.boundary(i):
                    break
                i += 1
            if (
                not apposition
                and i < len(toks)
                and self.boundary(i)
                and (cap[i] or self.tok(i) in lex.pre_titles)
                and self._after_comma(i)
                and (i - a == 1 or self.tok(a - 1) in lex.np_links or self.tok(a - 1) == "of")
            ):
                # "El gobernador de Tumbala, Andrés Villalba", "la alcaldesa de San Lázaro,
                # Marcela Ocampo": the place, then the name.
                named = self._name_after(i, apposition=True)
                if named is not None or i - a == 1:
                    return named
            if apposition:
                return (a, i - 1) if i - a >= 2 else None
            if i - a < 2 or (
                i < len(toks)
                and not cap[i]
                and not self.boundary(i)
                and not self.is_verbal_cue(self.tok(i))
            ):
                # "The head of the Akot-Dhol delegation, Chief Ajak Marial Kuol": capitals
                # that a common noun follows qualify it; the name is set off after it.
                return self._latin_apposition_name(start) or ((a, i - 1) if i - a >= 2 else None)
            return a, i - 1
        given = self._given_name_after(i)
        if given is not None:
            return given
        # Arabic: "… في الغوطة الشرقية منذر فارس"، "وزير الداخلية فؤاد المصري"، "الشيخ يحيى
        # العبد الله": the name is the last two or three words of the run that follows.
        run: list[int] = []
        j = i
        while j < len(toks) and len(run) < 7 and (j == i or not self.boundary(j)):
            t = self.tok(j)
            if t in _AR_PLACE_PREPS or (run and run[-1] == -1 and t.startswith("ال")):
                run.append(-1)  # a preposition and the place it names
            elif t.startswith("وال") and len(t) > 4:
                # "وزيرة الصناعة والتجارة إسراء الفكي": the portfolio goes on ("فال" would
                # also open a name: «فالح»)
                run.append(-1)
            elif t in lex.ranks:
                run.append(-2)
            elif (
                t.startswith("لل")
                or self.gaz.forms.fullmatch(t) is not None
                or lex.source_kinds.fullmatch(t) is not None
            ):
                break  # "سليم داود للوكالة": a prepositional phrase ends the name
            elif self.nameish(t) or self._ali(j):
                run.append(j)
            else:
                break
            j += 1
        # Words between separators (prepositions with their places, ranks); the name is
        # the first group of two words or more: "فؤاد المصري في مؤتمر صحفي" → فؤاد المصري.
        groups: list[tuple[int, list[int]]] = []  # (separator before the group, words)
        sep, current = 0, list[int]()
        for x in [*run, -1]:
            if x < 0:
                if current:
                    groups.append((sep, current))
                sep, current = x, list[int]()
            else:
                current.append(x)
        chosen_group = next((g for g in groups if len(g[1]) >= 2), None)
        if chosen_group is None:
            return None
        after_rank = chosen_group[0] == -2
        last_sep = -1 if chosen_group[0] == 0 else 0
        words = chosen_group[1]
        k = 2
        if len(words) >= 3 and (
            self.tok(words[-3]) in lex.name_starts
            or self.tok(words[-2]) in lex.name_starts
            or self.tok(words[-2]) == "العبد"
        ):
            k = 3
        if (
            last_sep < 0
            and len(words) > k
            and not all(self.tok(w).startswith("ال") for w in words[: len(words) - k])
            and not self.tok(words[0]).startswith("ال")
        ):
            # No preposition or rank before, and the run does not open with the title's
            # complement ("وزير الداخلية فؤاد المصري"): the name comes first, with the
            # family name after a compound ("علي بن سالم المطرفي").
            if self.tok(words[k]).startswith("ال") and any(
                self.tok(w) in lex.name_starts for w in words[1:k]
            ):
                k += 1
            words = words[:k]
        elif last_sep < 0 and not after_rank and self.tok(words[0]).startswith("ال"):
            # "وزير النقل كمال بن عاشور عقد اجتماعا": the name follows the title's
            # complement; what comes after it is the rest of the clause.
            rest = list(itertools.dropwhile(lambda w: self.tok(w).startswith("ال"), words))
            if len(rest) > 2:
                # "كمال بن عاشور", "عبد الكريم الزين": compound names take a third word.
                k = (
                    3
                    if self.tok(rest[0]) in lex.name_starts or self.tok(rest[1]) in lex.name_starts
                    else 2
                )
                words = rest[:k]
        chosen = words[:k] if after_rank else words[-k:]
        if self.tok(chosen[0]).startswith("ال") and self.tok(chosen[0]) != "العبد":
            return None
        end = self._set_off_name_end(chosen[0], chosen[-1])
        nxt = end + 1
        if (
            nxt < len(self.doc.tokens)
            and not self.boundary(nxt)
            and self.tok(nxt).startswith("ال")
            and self.tok(nxt) not in _AR_AL_FUNCTION_WORDS
            and not self._after_comma(nxt)
        ):
            # "قامت بدور الوسيط", "هدفه تهدئة الأسواق": a construct that runs on into a
            # definite noun is a phrase of the clause, not a name.
            return None
        return chosen[0], end

    def _set_off_name_end(self, start: int, end: int) -> int:
        """The last word of an Arabic name from `start` that a comma closes: "المهندس
        فؤاد سالم بارحمة، في تصريح", "المتحدث باسم حكومة الولاية، عبد الفتاح علي سمتر،".
        Two words are the safe reading of a run a verb may follow (`end`); the comma shows
        where a longer name ends."""
        n = len(self.doc.tokens)
        k = end + 1
        while (
            k < n
            and k - start < _AR_NAME_MAX_WORDS
            and not self.boundary(k)
            and (self.nameish(self.tok(k)) or self._ali(k))
            and not self.is_verbal_cue(self.tok(k))
            and not self._to_audience(k)
        ):
            k += 1
            if k < n and (self._after_comma(k) or self._to_audience(k)):
                return k - 1
        return end

    def _outlet_at(self, k: int) -> bool:
        """Whether a news outlet's name starts inside token `k` (past its clitics)."""
        s, e = self.doc.tokens[k]
        return any(s <= start < e for start, _, _ in self.outlets)

    def _to_audience(self, k: int) -> bool:
        """Whether token `k` names who a statement was given to («لوكالة», «لصحيفة»,
        «للجزيرة», «لبي بي سي»): a name before it ends there."""
        t = self.tok(k)
        if not t.startswith("ل") or len(t) < 3:
            return False
        rest = t[2:] if t.startswith("لل") else t[1:]
        return rest in _AR_AUDIENCE or self._outlet_at(k)

    def _after_comma(self, i: int) -> bool:
        """Whether a comma ends the text before token `i` (past any whitespace)."""
        return self.doc.char_before(self.doc.span(*self.doc.tokens[i])[0]) in (",", "،")

    def _latin_apposition_name(self, i: int) -> tuple[int, int] | None:
        """ "Le ministre de la Justice et de la Sécurité publique, Gérald Dorsainvil, a
        démenti": past a title's longer complement, the name set off by commas."""
        toks, cap = self.doc.tokens, self.doc.original_capitalised
        n = len(toks)
        p = next((k for k in range(i + 1, min(i + 10, n)) if self.boundary(k)), None)
        if (
            p is None
            or not self._after_comma(p)
            or any(self.is_verbal_cue(self.tok(k)) for k in range(i, p))
        ):
            return None
        while p < n and (self.tok(p) in self.lex.ranks or self.tok(p) in self.lex.pre_titles):
            p += 1
        q = p
        while q < n and q - p < 4 and (q == p or not self.boundary(q)):
            if not (cap[q] or (q > p and self.tok(q) in _NAME_PARTICLES)):
                break
            if self.tok(q) in self.lex.not_names or self.tok(q) in self.lex.pre_titles:
                return None
            q += 1
        if q - p < 2 or not (q >= n or self.boundary(q)):
            return None
        return p, q - 1

    def _given_name_after(self, i: int) -> tuple[int, int] | None:
        """Arabic: the first name opening with a common given name in the title's run from
        token `i` ("المتحدث باسم حراس الجبل صالح الدوري"), also past a rank and its
        adjective ("العقيد المنشق سالم بن عيسى") and past one comma when the apposition
        starts right after it ("وزير الطاقة في الحكومة المؤقتة، نبيل الزعبي")."""
        lex = self.lex
        crossed = False
        for j in range(i, min(len(self.doc.tokens), i + _TITLE_RUN)):
            t = self.tok(j)
            if j > i and self.boundary(j):
                if crossed or not (t in lex.given_names or t in lex.ranks):
                    return None
                crossed = True
            if self.is_verbal_cue(t):
                return None
            span = self._given_name_span(j)
            if span is not None:
                return span
        return None

    def _given_name_span(self, i: int) -> tuple[int, int] | None:
        """Token span of an Arabic name that opens with a common given name at token `i`
        and has a surname after it ("خليفة الورفلي", "سالم بن عيسى"), to the comma that
        closes a longer one ("فؤاد سالم بارحمة،")."""
        span = self._given_name_words(i)
        return None if span is None else (span[0], self._set_off_name_end(*span))

    def _given_name_words(self, i: int) -> tuple[int, int] | None:
        """`_given_name_span` without the comma: "عبد" and "أبو" take the next word into
        the given name ("عبد الله", "أبو علي"); a kunya needs no surname ("أبو همام")."""
        lex = self.lex
        t = self.tok(i)
        # "صلاح الدين", "نور الدين": a compound given name, whatever its first word.
        compound = (
            i + 1 < len(self.doc.tokens)
            and not self.boundary(i + 1)
            and self.tok(i + 1) == "الدين"
            and self.nameish(t)
            and not t.startswith("ال")
        )
        if (t not in lex.given_names and not compound) or (
            i > 0 and not self.boundary(i) and self.tok(i - 1) == "بن"
        ):
            return None
        b = i + 1 if compound else i
        if t in lex.name_starts:
            if not self._surname_token(i + 1):
                return None
            b = i + 1
        k = b + 1
        if not self._surname_token(k):
            return (i, b) if b > i and t != "عبد" and not compound else None
        if self.tok(k) in lex.name_starts and self._surname_token(k + 1):
            if self._surname_token(k + 2) and self.tok(k + 2).startswith("ال"):
                return i, k + 2  # "كمال عبد الستار الورداني": the family name after
            return i, k + 1
        if (
            not self.tok(k).startswith("ال")
            and self._surname_token(k + 1)
            and self.tok(k + 1).startswith("ال")
        ):
            return i, k + 1  # "أحمد صالح السعداني": given, father's and family name
        if (
            self._surname_token(k + 2)
            and self._surname_token(k + 1)
            and self.tok(k + 1) in lex.name_starts
        ):
            return i, k + 2  # "صديق الأمين أبو سنينة": a family name that is a kunya
        return i, k

    def _ali(self, k: int) -> bool:
        """Whether token `k` is the name علي between two name words ("سامر علي الحسن"):
        folded, it is written like the preposition على."""
        n = len(self.doc.tokens)
        return (
            0 < k < n - 1
            and self.tok(k) == "علي"
            and not self.boundary(k)
            and not self.boundary(k + 1)
            and self.nameish(self.tok(k - 1))
            and self.nameish(self.tok(k + 1))
        )

    def _surname_token(self, k: int) -> bool:
        if k >= len(self.doc.tokens) or self.boundary(k):
            return False
        if self._ali(k):
            return True
        t = self.tok(k)
        return (
            self._name_word(t)
            and not t.startswith(("لل", "بال", "وال", "فال", "كال"))
            and t not in _AR_VERB_NEGATORS
            and self.lex.titles.fullmatch(t) is None
        )

    def _name_word(self, t: str) -> bool:
        """A word that can be part of a person's name: no cue, head or stop word, and no
        place or outlet the gazetteer and the source cues know."""
        return (
            self.nameish(t)
            and self.gaz.forms.fullmatch(t) is None
            and self.lex.source_kinds.fullmatch(t) is None
        )

    def given_name_persons(self) -> None:
        """Arabic: a common given name with a surname is a person wherever no title
        introduces it ("كتب رئيس تحرير الصحيفة خالد برهوم", "قال العقيد ناصر الحلبوني")."""
        given = self.lex.given_names
        after = -1
        for i in [i for i, w in enumerate(self.doc.words) if w in given]:
            if i <= after:
                continue  # inside the name just read ("محمد علي …")
            span = self._given_name_span(i)
            if span is None:
                continue
            a, after = span
            self._add_person(a, after)

    def ranked_persons(self) -> None:
        """Arabic: a rank alone introduces a name too ("غير أن الحاج صبار جدوع المرعاوي، أحد
        وجهاء العوسجية، نفى"), unless the rank is also a head («اللواء», the brigade)."""
        ranks = self.lex.ranks
        toks = self.doc.tokens
        for i in [i for i, w in enumerate(self.doc.words) if w in ranks]:
            if i + 1 >= len(toks) or not self.free(*toks[i + 1]):
                continue  # the name after it is read already
            if self.lex.heads.fullmatch(self.tok(i)) is not None:
                continue
            span = self._name_after(i + 1)
            if span is not None and not _LATIN.search(
                self.doc.quote(toks[span[0]][0], toks[span[1]][1])
            ):
                self._add_person(*span)

    def _add_person(self, a: int, b: int) -> None:
        """Tokens `a`..`b` as a person, where no actor claims them yet."""
        start, end = self.doc.tokens[a][0], self.doc.tokens[b][1]
        if self.free(start, end):
            key = self.add(start, end, "person")
            self._two_scripts(key, end)

    def _abbreviation(self, key: str, nend: int) -> None:
        """ "Lorian Defence Front (LDF)": the short form is an alias, and its later uses are
        mentions (found with the surnames)."""
        _, end = self.doc.span(nend - 1, nend)
        m = _ABBREVIATION.match(self.doc.text, end)
        if m:
            short = m.group(1)
            rec = self.actors[key]
            if short not in rec.aliases:
                rec.aliases.append(short)
            self.short_forms.setdefault(_key(short), key)

    def _two_scripts(self, key: str, nend: int) -> None:
        """ "فلاديمير زولوتوخين (Vladimir Zolotukhin)": the Latin form is an alias."""
        _, end = self.doc.span(nend - 1, nend)
        m = _TWO_SCRIPTS.match(self.doc.text, end)
        if m:
            rec = self.actors[key]
            latin = m.group(1).strip()
            if latin not in rec.aliases:
                rec.aliases.append(latin)
            rec.name_en = rec.name_en or latin
            ls = self.doc.to_norm(m.start(1))
            le = self.doc.to_norm(m.end(1))
            if self.free(ls, le):
                self.mentions.append(Mention(ls, le, key))
                self.claim(ls, le)

    def capitalised_persons(self) -> None:
        """Latin scripts: runs of capitalised words (with name particles) are persons unless
        an earlier pass claimed them or they look like places or outlets."""
        toks, cap = self.doc.tokens, self.doc.original_capitalised
        i = 0
        while i < len(toks):
            if not cap[i]:
                i += 1
                continue
            j = i
            while (
                j + 1 < len(toks)
                and not self.boundary(j + 1)
                and (
                    cap[j + 1]
                    or (self.tok(j + 1) in _NAME_PARTICLES and j + 2 < len(toks) and cap[j + 2])
                )
            ):
                j += 1
            self._person_run(i, j)
            i = j + 1

    def _person_run(self, i: int, j: int) -> None:
        lex = self.lex
        role: str | None = None
        a = i
        for k in range(i, j + 1):
            if self.tok(k) in lex.pre_titles:
                role = " ".join(self.tok(x) for x in range(i, k + 1))
                a = k + 1
        toks, cap = self.doc.tokens, self.doc.original_capitalised
        # "NMU general secretary Maren Tolliver": a title in lower case before the name.
        title = i
        while (
            role is None
            and title > 0
            and not self.boundary(title)
            and not cap[title - 1]
            and self.tok(title - 1) in lex.pre_titles
        ):
            title -= 1
        if title < i:
            role = " ".join(self.tok(x) for x in range(title, i))
        while a <= j and (
            self.tok(a) in lex.not_names
            or (self._sentence_initial(a) and self.tok(a) in self.doc.lowercase_words)
        ):
            a += 1
        last = self.tok(j)
        # "the Salt Road Companions", "Los Halcones": a plural name after a plural article
        # (also "the" in English) is a group, not a person, and may be one word.
        group = (
            role is None
            and a > 0
            and self.tok(a - 1) in _PLURAL_ARTICLES
            # "the Salt Road Companions", "los Comandos del Sur"
            and a <= j
            and any(
                len(w) > 4 and w.endswith("s") and not w.endswith("ss") for w in (last, self.tok(a))
            )
        )
        if (j - a + 1 < 2 and not group) or j - a + 1 > 4:
            return
        if group and a > i and self.tok(a - 1) != "the":
            a -= 1  # "Los Halcones": a capitalised Spanish or French article is in the name
        start, end = toks[a][0], toks[j][1]
        if not self.free(start, end):
            return
        if self.tok(j) in lex.location_heads or (
            j + 1 < len(toks) and not cap[j + 1] and self.tok(j + 1) in lex.location_heads
        ):
            return  # "Velka Valley", "Marsh Road", "the Tin-Azouf area"
        if role is None and self.tok(a) in lex.place_starts:
            return  # "Port Amara", "Cerro Quilapán"
        if j == a + 1 and self.tok(j) in lex.compass:
            return  # "Saka East", "Adaro Central"
        surface = self.doc.quote(start, end)
        if sum(c.isalpha() for c in surface) > 3 and surface.upper() == surface:
            # "PUERTO ESMERALDA, 21 de noviembre": a dateline, not a person, and the
            # place it names is no person elsewhere either.
            self.places.add(_key(surface))
            return
        if _key(surface) in self.places:
            return
        if self.doc.matches(lex.heads, start, end):
            return
        if self.doc.matches(lex.source_kinds, start, end) or any(
            lex.source_kinds.fullmatch(self.tok(k)) in OUTLET_KINDS for k in range(max(0, i - 2), i)
        ):
            return  # "Daily Nation", "Radio Varosh", "el diario regional La Voz del Llano"
        prev = self.tok(a - 1) if a > 0 else ""
        if prev in lex.location_preps and role is None:
            return
        if role is None and self._title_complement(a):
            return  # "el ministro de Obras Públicas, Esteban Larrea": the portfolio
        before = [self.tok(k) for k in range(max(0, a - 4), a)]
        if before and before[-1] in _DEFINITE:
            before = before[:-1]  # "el penal de Las Tunillas"
        if len(before) >= 2 and before[-1] in _PLACE_LINKS and before[-2] in lex.location_heads:
            return  # "the town of Qasr", "departamento de Alto Mirador"
        if group and (self.lex.negotiation.fullmatch(last) or last in _DOCUMENT_PLURALS):
            return  # "the Geneva Conventions", "the Oslo Accords": no group
        if self.is_verbal_cue(self.tok(a)) or self.is_verbal_cue(self.tok(j)):
            return  # "Minister Denies Report"; a verb inside a run is a name ("Said")
        if group:
            # (Also when a headline wrote it earlier without the article.)
            key = self.add(start, end, "armed_group", head=last)
            rec = self.actors[key]
            if rec.kind == "person" and rec.role is None:
                rec.kind, rec.head = "armed_group", last
            return
        key = self.add(start, end, "person", role=role)
        if role is not None and self.actors[key].affiliation is None:
            # "council chairman Emil Varga", "the ICRC's delegate Jane Doe": the body named
            # just before the title.
            owner = self._mention_ending_before(title) or self._mention_ending_before(title - 1)
            if owner is not None and owner != key:
                self.actors[key].affiliation = owner

    def demonyms(self) -> None:
        """ "Russian officers", "ضباطا روسا": the state, where no name covers the word."""
        for m in self.gaz.demonyms.finditer(self.doc.ntext):
            entry = m.value
            if not self.free(m.start, m.end):
                continue
            rec = self.actors.get(entry.id)
            if rec is None:
                # Only an adjective: the state is an actor only if the article names it too.
                continue
            self.mentions.append(Mention(m.start, m.end, entry.id))
            rec.real_mentions += 1
            self.claim(m.start, m.end)

    def _title_complement(self, a: int) -> bool:
        """Whether token `a` opens the complement of a title that ends with a link word
        ("ministro de", "maire de", "head of"): a portfolio or a place, not a name."""
        if a == 0:
            return False
        toks, links = self.doc.tokens, self.lex.np_links | {"of"}
        return any(
            c.outer_end == toks[a - 1][1] and c.cue.rsplit(" ", 1)[-1] in links
            for c in self.doc.matches(self.lex.titles, max(0, toks[a][0] - 40), toks[a][0])
        )

    def _sentence_initial(self, i: int) -> bool:
        s = self.doc.tokens[i][0]
        return self.doc.sentence_at(s).nstart == s

    def communities(self) -> None:
        """ "the rival Akot-Dhol and Nyangwar pastoralist communities", "les clans Bari et
        Somo": each name joined to a plural of communities is a body of its own, also where
        the article uses it alone ("Nyangwar chiefs")."""
        toks = self.doc.tokens
        for i in [i for i, w in enumerate(self.doc.words) if w in _COMMUNITY_PLURALS]:
            names = self._joined_names(i, -1) or self._joined_names(i, 1)
            for a, b in names:
                start, end = toks[a][0], toks[b][1]
                if not self.free(start, end) or self.tok(a) in self.lex.not_names:
                    continue
                key = self.add(start, end, "civil_body")
                if a == b:
                    self.short_forms.setdefault(self.tok(a), key)

    def _joined_names(self, i: int, step: int) -> list[tuple[int, int]]:
        """Two capitalised names joined by "and" next to token `i`, read backwards
        (`step` -1, past up to two lowercase adjectives) or forwards (`step` 1)."""
        cap, n = self.doc.original_capitalised, len(self.doc.tokens)
        k = i + step
        if step < 0:
            while k >= 0 and i - k <= 2 and not cap[k] and not self.boundary(k + 1):
                k -= 1  # "pastoralist", "rival"
        names: list[tuple[int, int]] = []
        while 0 <= k < n and len(names) < 2:
            first = k
            while 0 <= k < n and cap[k] and abs(k - first) < 3:
                if k != first and self.boundary(max(k, k - step)):
                    break
                k += step
            if k == first:
                return []
            names.append((min(first, k - step), max(first, k - step)))
            if not 0 <= k < n or self.tok(k) not in _AND or len(names) == 2:
                break
            k += step
        return names if len(names) == 2 else []

    def short_forms_pass(self) -> None:
        """Later uses of a short form given in brackets ("the LDF's commander"), or of one
        never given but made of an organisation's initials ("NMU" for the Nurses and
        Midwives Union)."""
        if not self.arabic:
            self._initials()
        if self.short_forms:
            self._short_form_mentions(self.short_forms)

    def _short_form_mentions(self, forms: dict[str, str]) -> None:
        """Every free use of a short form in `forms` (short form → actor) is a mention."""
        words, tokens = self.doc.words, self.doc.tokens
        for i in [i for i, w in enumerate(words) if w in forms]:
            s, e = tokens[i]
            key = forms[words[i]]
            if self.free(s, e):
                self.mentions.append(Mention(s, e, key))
                self.actors[key].real_mentions += 1
                self.claim(s, e)

    def _initials(self) -> None:
        """An organisation's initials written in the article are its short form."""
        capitals = set(_CAPITALS.findall(self.doc.text))  # "NMU", "KLF", "DCA"
        for rec in list(self.actors.values()):
            if rec.kind in ("person", "state") or rec.gazetteer_id:
                continue
            words = [w for w in re.split(r"[\s'’-]+", rec.name) if w[:1].isupper()]
            if len(words) < 2:
                continue
            short = "".join(w[0] for w in words)
            key = _key(short)
            if key not in self.short_forms and short in capitals:
                rec.aliases.append(short)
                self.short_forms[key] = rec.key

    def surnames(self) -> None:
        """A person's last name alone later in the text is the same person."""
        by_last: dict[str, str] = {}
        #: Hyphenated last names ("Addo-Mensah"), two words once normalised, and compound
        #: ones ("مسعود بن عياد", "صابر عبد الموجود").
        by_double: dict[tuple[str, ...], str] = {}
        for rec in self.actors.values():
            if rec.kind == "person":
                parts = _key(rec.name).split()
                compound = len(parts) >= 3 and parts[-2] in self.lex.name_starts
                if len(parts) >= 2 and len(parts[-1]) > 2 and not compound:
                    by_last.setdefault(parts[-1], rec.key)
                if len(parts) >= 3 and ("-" in rec.name.split()[-1] or compound or not self.arabic):
                    # ("Recuero Sanz" for "Pilar Recuero Sanz": both surnames, no given name)
                    by_double.setdefault(tuple(parts[-2:]), rec.key)
                if self.lex.paternal_surnames and len(parts) >= 3 and len(parts[-2]) > 2:
                    # "Hernán Villegas Salgado" is "Villegas" for short.
                    by_last.setdefault(parts[-2], rec.key)
        if not by_last and not by_double:
            return
        for rec in list(self.actors.values()):
            # "Al-Hindawi" already taken as a name of its own: the surname of "Fawwaz
            # al-Hindawi"; "Addo-Mensah" that of "Kwame Addo-Mensah".
            parts = [w for w in _key(rec.name).split() if w not in _NAME_PARTICLES]
            full = by_last.get(parts[-1]) if len(parts) == 1 and rec.kind == "person" else None
            if full is None and rec.kind == "person" and ("-" in rec.name or len(parts) == 2):
                full = by_double.get(tuple(_key(rec.name).split()))
            if full is not None and full != rec.key and rec.role is None:
                self._fold(rec.key, full)
        doc = self.doc
        # Only tokens that are a last name (or its first word), or one behind a clitic, can
        # match: find those with one set lookup per token, then check them as below.
        wanted = set(by_last) | {pair[0] for pair in by_double}
        if self.arabic:
            wanted |= {c + w for w in tuple(wanted) for c in "وفبل"}
        words = doc.words
        for i in [i for i, w in enumerate(words) if w in wanted]:
            s, e = doc.tokens[i]
            t = words[i]
            offset = 0
            if t not in by_last and self.arabic and len(t) > 3 and t[0] in "وفبل":
                t, offset = t[1:], 1
            key = by_last.get(t)
            if i + 1 < len(words) and (t, words[i + 1]) in by_double:
                key, e = by_double[t, words[i + 1]], doc.tokens[i + 1][1]
            if key is None or not self.free(s + offset, e):
                continue
            rec = self.actors[key]
            surface = self.surface(s + offset, e)
            if surface not in rec.aliases and surface != rec.name:
                rec.aliases.append(surface)
            self.mentions.append(Mention(s + offset, e, key))
            self.claim(s + offset, e)

    def title_anaphors(self) -> None:
        """ "The governor denied…", "El dirigente negó…", «وقال المتحدث إن…»: a definite
        title with no name of its own and no complement is the person last named with that
        title."""
        doc = self.doc
        # Role → (mention start, person) of the persons given it, in text order.
        by_role: dict[str, list[tuple[int, str]]] = {}
        for p in sorted(self.mentions, key=_START):
            rec = self.actors[p.key]
            if rec.kind == "person" and rec.role:
                by_role.setdefault(rec.role, []).append((p.start, p.key))
        if not by_role:
            return
        for m in doc.all_matches(self.lex.bare_titles):
            holders = by_role.get(m.value)
            if not holders or holders[0][0] >= m.start:
                continue  # nobody named before with that title
            ti = doc.token_index(m.outer_start)
            tj = doc.token_index(m.end - 1)
            if self.arabic:
                definite = _definite(self.tok(ti))
                start = doc.tokens[ti][0]
            else:
                definite = ti > 0 and self.tok(ti - 1) in _DEFINITE
                start = doc.tokens[ti - 1][0] if definite else m.outer_start
            end = doc.tokens[tj][1]
            if (
                not definite
                or doc.ntext[m.end : end] != ""
                or not self.free(start, end)
                or self._introduces_someone(tj + 1)
                or not self._speaks(start, end)
            ):
                continue
            earlier = [k for at, k in holders if at < start]
            if earlier:
                self.mentions.append(Mention(start, end, earlier[-1]))
                self.claim(start, end)

    def _speaks(self, start: int, end: int) -> bool:
        """Whether the words at `start`-`end` are the subject of a reporting or denial verb:
        the verb a few words after them in their clause, or, in Arabic, right before them
        ("وأضاف المحافظ")."""
        doc, lex = self.doc, self.lex
        sent = doc.sentence_at(start)
        reach = min(sent.nend, end + _SUBJECT_REACH)
        for cues in (lex.attribution, lex.denial):
            for c in doc.matches(cues, end, reach):
                if not doc.clause_break_between(end, c.outer_start):
                    return True
            if self.arabic and any(
                not doc.ntext[c.end : start].strip(" وف")
                for c in doc.matches(cues, max(sent.nstart, start - 24), start)
            ):
                return True
        return False

    def _introduces_someone(self, k: int) -> bool:
        """Whether the words from token `k` complete a title or name its holder: a link
        word ("of", "de"), an actor right after it, or a person within a few words."""
        doc = self.doc
        if k >= len(doc.tokens):
            return False
        t = self.tok(k)
        if t in self.lex.np_links or t in _TITLE_LINKS or (self.arabic and t.startswith("ل")):
            return True  # "الناطق الرسمي لحركة…"
        at = doc.tokens[k][0]
        gap = _TITLE_HOLDER_GAP * (2 if self.arabic else 1)  # «…في الغوطة الشرقية منذر فارس»
        limit = doc.tokens[min(k + gap, len(doc.tokens) - 1)][1]
        return any(
            m.start == at or (at <= m.start < limit and self.actors[m.key].kind == "person")
            for m in self.mentions
        )

    def apposed_affiliations(self) -> None:
        """ "el secretario ejecutivo de la federación, Rubén Aguilera", "Dermot Killane, the
        union's branch secretary", "Su presidenta, Camila Ortúzar": a description set off
        by a comma right before or after a person's name says whose officer they are."""
        self._index_mentions()
        for m in list(self.mentions):
            rec = self.actors[m.key]
            if rec.kind != "person" or rec.affiliation:
                continue
            i = self.doc.token_index(m.start)
            j = self.doc.token_index(m.end - 1) + 1
            owner = self._office_before(i) or self._office_after(j)
            if owner is not None and self.actors[owner].kind not in ("person", "media"):
                rec.affiliation = owner

    def _index_mentions(self) -> None:
        """The first mention starting and ending at each offset, as the passes stand."""
        self._by_start.clear()
        self._by_end.clear()
        for m in self.mentions:
            self._by_start.setdefault(m.start, m)
            self._by_end.setdefault(m.end, m)

    def _office_before(self, i: int) -> str | None:
        """The body a description from its clause's start to a comma before token `i` names
        ("el secretario ejecutivo de la federación,"), or for a possessive ("Su
        presidenta,") the organisation last named."""
        if not 2 <= i < len(self.doc.tokens) or not self._after_comma(i):
            return None
        a = i - 1
        while a > 0 and not self.boundary(a) and i - a <= _TITLE_RUN:
            a -= 1
        if not self.boundary(a) or not 1 < i - a <= _TITLE_RUN:
            return None
        if self.tok(a) in _POSSESSIVES:
            if any(self.doc.original_capitalised[k] for k in range(a + 1, i)):
                return None
            return self._latest_organisation(self.doc.tokens[a][0])
        return self._office_owner(a, i, bare=False)

    def _office_after(self, j: int) -> str | None:
        """The body a description set off by a comma after a name, up to its clause's end,
        names ("…, the union's branch secretary,", "…, executive secretary of the
        Commission,")."""
        n = len(self.doc.tokens)
        if j >= n - 1 or not self._after_comma(j):
            return None
        e = j + 1
        while e < n and not self.boundary(e) and e - j <= _TITLE_RUN:
            e += 1
        if e - j > _TITLE_RUN:
            return None
        return self._office_owner(j, e, bare=True)

    def _office_owner(self, a: int, e: int, *, bare: bool) -> str | None:
        """The body that tokens `a`…`e - 1`, a person's description, end with after a link
        word ("the chief conciliator at the Commission") or open with as its owner ("the
        union's branch secretary"); `bare` lets it open with no article ("executive
        secretary of …")."""
        cap = self.doc.original_capitalised
        first = self.tok(a)
        article = first in _DEFINITE or first in _INDEFINITE
        if not article and not (bare and not cap[a] and first not in _RELATIVE_WORDS):
            return None
        end = self.doc.tokens[e - 1][1]
        owner = self._by_end.get(end)
        if owner is not None and self.doc.token_index(owner.start) > a + 1:
            b = self.doc.token_index(owner.start)
            link = b - 1
            if self.tok(link) in _DEFINITE:
                link -= 1
            if link > a and self.tok(link) in _MEMBER_LINKS and not any(cap[a + 1 : b]):
                return owner.key
            return None
        if a + article >= e:
            return None
        owner = self._by_start.get(self.doc.tokens[a + article][0])
        if owner is None:
            return None
        b = self.doc.token_index(owner.end - 1) + 1
        if b < e - 1 and self.tok(b) == "s" and not any(cap[b + 1 : e]):
            return owner.key
        return None

    def members_of(self) -> None:
        """ "Daniel Okumbe of the United Lakes Party", "Bishop Paulinus Sedau of the
        Catholic Diocese of Senggiring": a person named right before "of" and a body
        belongs to that body."""
        self._index_mentions()
        for m in list(self.mentions):
            rec = self.actors[m.key]
            if rec.kind != "person" or rec.affiliation:
                continue
            i = self.doc.token_index(m.end - 1) + 1
            if (
                i + 1 >= len(self.doc.tokens)
                or self.boundary(i)
                or self.tok(i) not in _MEMBER_LINKS
            ):
                continue
            i += 1
            if self.tok(i) in _DEFINITE and i + 1 < len(self.doc.tokens):
                i += 1
            owner = self._by_start.get(self.doc.tokens[i][0])
            if owner is not None and self.actors[owner.key].kind != "person":
                rec.affiliation = owner.key

    def possessive_affiliations(self) -> None:
        """ "Russia's reconciliation centre", "مركز المصالحة الروسي": the owner state is the
        affiliation."""
        for m in self.mentions:
            rec = self.actors[m.key]
            if rec.affiliation or rec.kind == "person":
                continue
            parts = _key(rec.name).split()
            if "s" in parts[1:-1]:
                owner = " ".join(parts[: parts.index("s")])
                for other in self.actors.values():
                    if other.key != rec.key and (
                        other.key == owner or _key(other.name) == owner or owner in other.aliases
                    ):
                        rec.affiliation = other.key
                        break
            elif self.arabic and rec.head and rec.kind in ("military", "government"):
                # "مركز المصالحة الروسي": a nationality adjective names the owner state.
                for other in self.actors.values():
                    if other.kind == "state" and other.gazetteer_id:
                        stem = _key(other.name)[:4]
                        if len(stem) >= 3 and any(w.startswith("ال" + stem[:3]) for w in parts[1:]):
                            rec.affiliation = other.key
                            break

    def offices_of_bodies(self) -> None:
        """ "المكتب الإعلامي للشركة", «المكتب السياسي للحركة»: an office named by its head
        and an adjective, then ل and a body, speaks for that body."""
        if not self.arabic:
            return
        self._index_mentions()
        starts = self._by_start
        for m in list(self.mentions):
            rec = self.actors[m.key]
            if rec.affiliation or rec.kind == "person" or rec.head not in _OFFICE_HEADS:
                continue
            i = self.doc.token_index(m.end - 1) + 1
            if i >= len(self.doc.tokens) or self.boundary(i) or not self.tok(i).startswith("ل"):
                continue
            s = self.doc.tokens[i][0]
            owner = starts.get(s) or starts.get(s + 1)
            if owner is not None and owner.key != rec.key:
                kind = self.actors[owner.key].kind
                if kind not in ("person", "media"):
                    rec.affiliation = owner.key

    def government_affiliations(self) -> None:
        """A ministry or an army belongs to the state its name gives ("وزارة الخارجية
        التركية"), else to the article's one government."""
        self._states_into_governments()
        for rec in self.actors.values():
            # A ministry or an army of a state; "الحكومة السورية" is Syria's government
            # itself, not a body within it.
            if (
                rec.kind in ("government", "military")
                and rec.affiliation is None
                and not rec.gazetteer_id
                and rec.head not in self.lex.government_words
            ):
                state = self._state_of(_key(rec.name).split())
                if state is not None and state != rec.key:
                    rec.affiliation = state
        self._ministers_of_ministries()
        governments = [
            r.key
            for r in self.actors.values()
            if r.kind == "government"
            and (
                r.head in self.lex.government_words
                or r.gazetteer_id in ("government", "syrian_government")
            )
        ]
        if len(governments) == 1:
            for rec in self.actors.values():
                if (
                    rec.kind == "person"
                    and rec.affiliation is None
                    and any(r in (rec.role or "") for r in _STATE_TITLES)
                ):
                    rec.affiliation = governments[0]  # "وزير الداخلية فؤاد المصري"
                if (
                    rec.key != governments[0]
                    and rec.affiliation is None
                    and (
                        (rec.kind == "government" and rec.head)
                        or rec.gazetteer_id == "army"  # "the army", not "قوات درع الشمال"
                    )
                    and rec.head not in self.lex.government_words
                ):
                    rec.affiliation = governments[0]

    def _ministers_of_ministries(self) -> None:
        """ "Labour Minister Naledi Phoshoko" heads the labour ministry the article names."""
        ministries = [r for r in self.actors.values() if r.kind == "government" and r.head]
        for rec in self.actors.values():
            words = (rec.role or "").split()
            if rec.kind != "person" or len(words) != 2 or words[1] != "minister":
                continue
            if rec.affiliation and self.actors[rec.affiliation].kind == "government":
                continue  # already a government body
            rec.affiliation = next(
                (r.key for r in ministries if words[0] in r.key.split()), rec.affiliation
            )

    def _states_into_governments(self) -> None:
        """A government named by its nationality ("gouvernement tchadien", "the Chadian
        government", "الحكومة التشادية") and the state it governs are one actor, named as
        the government (the state and its capital become aliases)."""
        for rec in list(self.actors.values()):
            if (
                rec.key not in self.actors
                or rec.kind != "government"
                or rec.gazetteer_id
                or rec.head not in self.lex.government_words
            ):
                continue
            for word in _key(rec.name).split():
                state = self.gaz.demonyms.fullmatch(word)
                if state is not None and self.actors.get(state.id, rec).kind == "state":
                    self._fold(state.id, rec.key)
                    break

    def _fold(self, src: str, dst: str) -> None:
        """Make actor `src` an alias of `dst`: its names and mentions move over."""
        a, b = self.actors.pop(src), self.actors[dst]
        for n in (a.name, *a.aliases):
            if n != b.name and n not in b.aliases:
                b.aliases.append(n)
        b.first = min(a.first, b.first)
        b.real_mentions += a.real_mentions
        self.mentions = [Mention(m.start, m.end, dst) if m.key == src else m for m in self.mentions]
        for rec in self.actors.values():
            if rec.affiliation == src:
                rec.affiliation = dst

    def _merge_descriptions(self) -> None:
        """ "the armed group" means the armed group the article names (often only later,
        as a capitalised name)."""
        for rec in list(self.actors.values()):
            if not rec.descriptive or rec.kind not in ("armed_group", "other"):
                continue
            named = [
                r
                for r in self.actors.values()
                if r.key != rec.key and not r.descriptive and r.kind == "armed_group"
            ]
            if named:
                target = min(named, key=lambda r: (abs(r.first - rec.first), r.first))
                self._fold(rec.key, target.key)

    def _merge_generic(self) -> None:
        """ "the government"/الحكومة/النظام and "the army"/الجيش stand for the one specific
        government or army the article names: the one whose name contains the generic word,
        else the only government (army) there is."""
        self._merge_governing()
        for generic, kind in (("government", "government"), ("army", "military")):
            if generic not in self.actors:
                continue
            own = set(_key(self.actors[generic].name).split())
            containing = [
                k
                for k, r in self.actors.items()
                if k != generic and r.kind != "person" and own <= set(k.split())
            ]
            if len(containing) == 1:
                self._fold(generic, containing[0])
                continue
            own_kind = [k for k in containing if self.actors[k].kind == kind]
            if len(own_kind) > 1 and not any(
                self.actors[k].gazetteer_id or self._national(k.split()) for k in own_kind
            ):
                # "الحكومة المؤقتة", later "الحكومة المركزية", and no state named in either:
                # the article's one government, under the name it first gets.
                self._fold(generic, min(own_kind, key=lambda k: self.actors[k].first))
                continue
            specific = [
                k
                for k, r in self.actors.items()
                if k != generic
                and r.kind == kind
                and r.affiliation is None
                and (r.gazetteer_id or r.head in self.lex.government_words)
            ]
            if len(specific) == 1:
                self._fold(generic, specific[0])

    def _merge_governing(self) -> None:
        """ "حكومة الولاية", "the government of the province": a generic government word
        that governs a named government body is that body, under one more alias."""
        if "government" not in self.actors:
            return
        starts = {m.start: m for m in self.mentions if m.key != "government"}
        for m in self.mentions:
            if m.key != "government":
                continue
            link = _GOVERNS.match(self.doc.ntext, m.end)
            body = starts.get(link.end()) if link else None
            rec = self.actors.get(body.key) if body else None
            if body is None or rec is None or rec.kind != "government" or rec.head is None:
                continue
            alias = self.surface(m.start, body.end)
            self._fold("government", body.key)
            if alias not in rec.aliases:
                rec.aliases.append(alias)
            return

    def _state_of(self, words: Iterable[str]) -> str | None:
        """The state actor a demonym among `words` names, if the article has it."""
        for w in words:
            found = self._demonym(w)
            state = self.actors.get(found.id) if found is not None else None
            if state is not None and state.kind == "state":
                return state.key
        return None

    def _demonym(self, word: str) -> GazetteerEntry | None:
        """The state a demonym names ("العمانية", "tchadien"), with or without the Arabic
        article."""
        demonyms = self.gaz.demonyms
        return demonyms.fullmatch(word) or demonyms.fullmatch("ال" + word)

    def _national(self, words: Iterable[str]) -> bool:
        """Whether a name's words carry a demonym ("وزارة الخارجية العمانية")."""
        return any(self._demonym(w) is not None for w in words)

    def _merge_subsets(self) -> None:
        """Organisations whose words are a subset of a longer one with the same head are
        the same body written short ("فصائل المعارضة" ⊂ "فصائل المعارضة السورية المسلحة")."""

        def words(rec: ActorRec) -> set[str]:
            return {w[2:] if w.startswith("ال") else w for w in _key(rec.name).split()}

        orgs = sorted(
            (r for r in self.actors.values() if r.head and r.kind != "person"),
            key=lambda r: (-len(words(r)), r.first),
        )
        for short in reversed(orgs):
            if short.key not in self.actors:
                continue
            ws = words(short)
            for long in orgs:
                if long is short or long.key not in self.actors or long.head != short.head:
                    continue
                extra = words(long) - ws
                national = self._national(extra)
                # "نقابة العمال" is short for "النقابة العامة لعمال المطارات": a word may
                # carry the preposition ل in the long form.
                linked = {
                    w[2:] if w.startswith("لل") else w[1:]
                    for w in words(long)
                    if w.startswith("ل") and len(w) > 4
                }
                # "وزارة الدفاع" named before "وزارة الدفاع الروسية" is another ministry;
                # named after "فصائل المعارضة السورية المسلحة", "فصائل المعارضة" is short.
                if (
                    len(words(long)) > len(ws)
                    and ws <= words(long) | linked
                    and (not national or long.first < short.first)
                ):
                    self._fold(short.key, long.key)
                    break

    def _merge_headless(self) -> None:
        """A name that is another body's name without its generic head word is that body
        ("Grey Ravens" in a headline and "the Grey Ravens militia"; "أحرار الشام" and
        "حركة أحرار الشام"), whichever comes first: the full form stays the name."""
        for org in list(self.actors.values()):
            if org.key not in self.actors or not org.head or org.kind == "person":
                continue
            words = org.key.split()
            if len(words) < 2:
                continue
            if words[0] == org.head:
                rest = " ".join(words[1:])
            elif words[-1] == org.head:
                rest = " ".join(words[:-1])
            else:
                continue
            rec = self.actors.get(rest)
            if rec is None or rec.key == org.key or rec.role or rec.affiliation:
                continue
            if rec.kind in ("state", "government", "international_org"):
                continue  # "Russia" is no short form of "the Russia group"
            self._fold(rec.key, org.key)

    def _merge_named_prefixes(self) -> None:
        """Short or descriptive names of a body named in full elsewhere: "Grey Ravens" (read
        as a name) is the "Grey Ravens militia"; "Tarvan rebels" the "Tarvan Liberation
        Army"; "the Russian centre" the reconciliation centre that belongs to Russia."""
        orgs = [r for r in self.actors.values() if r.head and r.kind != "person"]
        for rec in list(self.actors.values()):
            if rec.key not in self.actors or rec.role:
                continue
            words = rec.key.split()
            for org in orgs:
                if org.key not in self.actors or org.key == rec.key:
                    continue
                longer = len(org.key.split()) > len(words)
                same_start = longer and org.key.split()[0] == words[0]
                if rec.kind == "person" and org.key.startswith(rec.key + " "):
                    self._fold(rec.key, org.key)
                    break
                if (
                    rec.kind == "armed_group" == org.kind
                    and same_start
                    and len(words) <= 2
                    and rec.first > org.first
                ):
                    self._fold(rec.key, org.key)
                    break
                if rec.head and rec.head == org.head and len(words) == 2 and org.affiliation:
                    state = self.gaz.demonyms.fullmatch(words[0])
                    if state is not None and state.id == org.affiliation:
                        self._fold(rec.key, org.key)
                        break

    def build(self) -> ActorTable:
        self.gazetteer()
        self.organisations()
        if not self.arabic:
            self.spelled_out()
            self.communities()
        self.short_forms_pass()
        self.self_named()
        self.titled_persons()
        if self.arabic:
            self.given_name_persons()
            self.ranked_persons()
        else:
            self.capitalised_persons()
            self.titled_persons()
        self.surnames()
        self.title_anaphors()
        self.demonyms()
        if not self.arabic:
            self.described()
            self.members_of()
            self.apposed_affiliations()
        self.possessive_affiliations()
        self.offices_of_bodies()
        self._merge_descriptions()
        self._merge_subsets()
        self._merge_generic()
        self._merge_headless()
        if not self.arabic:
            self._merge_named_prefixes()
        self.government_affiliations()
        keep = {
            k for k, r in self.actors.items() if r.real_mentions > 0 and not _hyphenated_place(r)
        }
        actors = {k: r for k, r in self.actors.items() if k in keep}
        for rec in actors.values():
            if rec.affiliation not in actors or rec.affiliation == rec.key:
                rec.affiliation = None
        mentions = [m for m in self.mentions if m.key in keep]
        return ActorTable(actors, mentions, self.outlets)


def _hyphenated_place(rec: ActorRec) -> bool:
    """One hyphenated word taken for a person with no title ("Bahr-Kalo", "Mengong-Est"):
    a place. A person's hyphenated last name alone has been folded into the full name by
    then, and a person is introduced by more than a last name."""
    return (
        rec.kind == "person"
        and rec.role is None
        and all(a in rec.name.split("-") for a in rec.aliases)
        and " " not in rec.name
        and "-" in rec.name
        and _LATIN.search(rec.name) is not None
    )


@lru_cache(maxsize=16384)
def _key(name: str) -> str:
    """The normalised name actors are merged and compared by (leading article dropped)."""
    k = normalize(name)
    for article in ("the ", "l ", "le ", "la ", "les ", "el ", "die ", "der "):
        if k.startswith(article):
            return k[len(article) :]
    return k


def _definite(token: str) -> bool:
    """Whether an Arabic word carries the article, behind any proclitic ("الحركة",
    "والحركة", "بالحركة", "للحركة")."""
    return token.lstrip("وف").startswith(("ال", "لل", "بال", "كال"))


def _human_plural(token: str) -> bool:
    """A definite masculine sound plural ("الموقوفين", "المعتصمون"): it describes people,
    never an organisation's head noun."""
    return len(token) >= 8 and token.endswith(("ين", "ون")) and not token.endswith("يين")


def _looks_imperfect(token: str) -> bool:
    """A four-letter word with an imperfect-verb prefix (تقصف، يرفض، نطالب) after a head is
    the verb of the clause ("حكومة تقصف المستشفيات"), not the second term of a name."""
    return len(token) == 4 and token[0] in "يتن"


def _looks_masdar(stem: str) -> bool:
    """A verbal noun of the common derived patterns (إفعال، افتعال، انفعال، استفعال، تفعيل،
    تفاعل: "افراج", "انسحاب", "تسليم", "تبادل"), normalised and without ال; nisba adjectives
    ("انتقاليه") are not."""
    if stem.endswith(("ي", "يه", "يين", "يون")) or len(stem) < 5:
        return False
    if stem[0] == "ا":
        return stem.startswith("است") or "ا" in stem[3:5]
    return stem[0] == "ت" and len(stem) == 5 and (stem[3] == "ي" or stem[2] == "ا")


def _bare_head(cue: str) -> str:
    if cue.startswith("لل"):
        return cue[2:]
    if cue.startswith("ال"):
        return cue[2:]
    return cue


def _strip_arabic_clitic(surface: str, norm: str) -> str:
    """Drop a proclitic the normalised span still starts with (للنظام → النظام)."""
    if norm.startswith("لل") and surface.startswith("لل"):
        return "ال" + surface[2:]
    return surface


def extract_actors(doc: Doc) -> ActorTable:
    return _Builder(doc).build()
