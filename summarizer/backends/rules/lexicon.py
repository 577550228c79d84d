"""Cue lexicons (one TOML file per language, plus a shared gazetteer) and the matcher that
finds their cues in normalised text.

Lexicons are data so that a language is added by writing `lexicons/<code>.toml`, without
code. Every cue is normalised with `summarizer.textnorm.normalize` when loaded, so lexicon
authors may write Arabic with or without diacritics and hamza forms, and matching happens on
the normalised article, where tokens are separated by exactly one space.
"""

from __future__ import annotations

import re
import threading
import tomllib
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from typing import Any, Generic, TypeVar

from ...textnorm import normalize
from .grammar import Grammar, build_grammar, norm_set

T = TypeVar("T")

#: Arabic proclitics allowed before a cue: a conjunction, then a preposition.
AR_CONJUNCTIONS = frozenset({"و", "ف"})
_AR_PREPOSITIONS = frozenset({"ب", "ل", "ك"})
#: Arabic pronoun suffixes allowed after a cue ("رفضهما", "مفاوضاتها"), longest first.
_AR_SUFFIXES = ("هما", "هم", "ها", "ه", "نا")
#: Reporting verbs take no bare ه: folded ة makes "إشارة" (a sign) read as "أشار" + ه.
_AR_VERB_SUFFIXES = tuple(x for x in _AR_SUFFIXES if x != "ه")
_AR_PREFIX = f"(?:[{''.join(sorted(AR_CONJUNCTIONS))}]?(?:[{''.join(sorted(_AR_PREPOSITIONS))}])?)"
_AR_SUFFIX = f"(?:{'|'.join(_AR_SUFFIXES)})?"
_AR_VERB_SUFFIX = f"(?:{'|'.join(_AR_VERB_SUFFIXES)})?"


def phrase_pattern(phrases: Iterable[str]) -> str:
    """A regex matching exactly `phrases`, longest alternatives first, as a character trie."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)


@dataclass(frozen=True, slots=True)
class CueMatch(Generic[T]):
    """A cue found in normalised text: `start`/`end` cover the cue without clitics,
    `outer_start`/`outer_end` the whole token(s) including them."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    cue: str
    value: T


class CueSet(Generic[T]):
    """Phrases (normalised when built) mapped to values, matched as whole tokens."""

    def __init__(
        self,
        entries: Iterable[tuple[str, T]],
        *,
        clitics: bool,
        article: bool = False,
        verbs: bool = False,
    ) -> None:
        table: dict[str, T] = {}
        for phrase, value in entries:
            norm = normalize(phrase)
            if not norm:
                continue
            table.setdefault(norm, value)
            if not clitics:
                continue
            # Arabic nouns also occur with the article: "المحادثات" for "محادثات".
            if article and not norm.startswith("ال") and len(norm) > 2:
                table.setdefault("ال" + norm, value)
                norm = "ال" + norm
            # "لل" + noun is "ل" + "ال" + noun with the alef dropped (للنظام).
            if norm.startswith("ال") and len(norm) > 3:
                table.setdefault("لل" + norm[2:], value)
        self._table = table
        self._clitics = clitics
        #: Whether the cues are verbs: in a Latin script, one capitalised between two
        #: capitalised words is a name ("Halima Said Nyaboke"), not the verb.
        self.verbs = verbs
        # Token lookups repeat across an article and across articles: memoise them.
        self._whole: dict[str, T | None] = {}
        if not table:
            self._regex: re.Pattern[str] | None = None
            return
        # A trie-shaped pattern: at each token start the regex walks shared prefixes once
        # instead of trying hundreds of alternatives one after another.
        alternation = phrase_pattern(table)
        if clitics:
            suffix = _AR_VERB_SUFFIX if verbs else _AR_SUFFIX
            body = rf"{_AR_PREFIX}(?P<cue>{alternation}){suffix}(?!\S)"
        else:
            body = rf"(?P<cue>{alternation})(?!\S)"
        self._regex = re.compile(r"(?<!\S)" + body)
        self._group = self._regex.groupindex["cue"]
        # What a token is, past up to two proclitics, where a match of these cues starts:
        # a one-word cue with each suffix the pattern allows, or a phrase's first word.
        suffixes = ("",) + ((_AR_VERB_SUFFIXES if verbs else _AR_SUFFIXES) if clitics else ())
        openers: set[str] = set()
        for phrase in table:
            first, space, _ = phrase.partition(" ")
            openers.update([first] if space else [first + x for x in suffixes])
        self.openers = frozenset(openers)
        #: Its bit in `_TokenStarts` masks, given at its first scan of an article.
        self.bit = 0

    def __bool__(self) -> bool:
        return bool(self._table)

    def __contains__(self, phrase: str) -> bool:
        return phrase in self._table

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[CueMatch[T]]:
        if self._regex is None:
            return
        stop = len(text) if end is None else end
        table = self._table
        new, group = _new_cue_match, self._group
        if len(text) > _LONG_TEXT and _only_plain_spaces(text):
            # Only the tokens that can open one of the cues are tried (`_TokenStarts`): a
            # few dozen matches instead of one attempt after every space of the article.
            candidates = _token_starts(text, self)
            i = bisect_left(candidates, start)
            positions = candidates[i : bisect_left(candidates, stop, i)]
            if stop < len(text) and text[stop] != " ":
                # The window ends inside a token, which ends there for the pattern too: cut
                # short, it may be a cue ("رفض" of "رفضهما") though the whole token opens none.
                cut = text.rfind(" ", 0, stop) + 1
                if cut >= start and (not positions or positions[-1] != cut):
                    positions.append(cut)
            match, last_end = self._regex.match, start
            for pos in positions:
                if pos < last_end:
                    continue  # inside the previous match, a phrase of several words
                m = match(text, pos, stop)
                if m is not None:
                    s, e = m.span(group)
                    cue = text[s:e]
                    yield new(s, e, pos, m.end(), cue, table[cue])
                    last_end = m.end()
            return
        # Short texts (the tokens `fullmatch` looks up) and texts with other whitespace.
        for m in self._regex.finditer(text, start, stop):
            s, e = m.span(group)
            cue = text[s:e]
            yield new(s, e, m.start(), m.end(), cue, table[cue])

    def search(self, text: str, start: int = 0, end: int | None = None) -> CueMatch[T] | None:
        return next(self.finditer(text, start, end), None)

    def fullmatch(self, token: str) -> T | None:
        """The value of `token` when the whole token is a cue (clitics allowed)."""
        try:
            return self._whole[token]
        except KeyError:
            pass
        m = self.search(token)
        value = None if m is None or m.outer_start != 0 or m.outer_end != len(token) else m.value
        if len(self._whole) < 100_000:
            self._whole[token] = value
        return value


#: Texts longer than this are articles (or their chunks), not the tokens `fullmatch`
#: looks up: they are scanned through `_TokenStarts`, and their checks are remembered.
_LONG_TEXT = 200


class _Openers(dict[str, int]):
    """Token → bit mask of the registered cue sets a match of which can start at it, filled
    on demand from `table` (opener → mask). Replaced, never changed, when a set registers,
    so a mask computed before can never be read as including the new set."""

    def __init__(self, table: dict[str, int], bits: int) -> None:
        super().__init__()
        self.table = table
        #: Every bit given so far: a set whose bit is in here is in every mask.
        self.bits = bits

    def __missing__(self, token: str) -> int:
        get = self.table.get
        mask = get(token, 0)
        # The proclitics of `_AR_PREFIX`: a conjunction, a preposition, or both in order.
        if len(token) > 1:
            if token[0] in AR_CONJUNCTIONS:
                mask |= get(token[1:], 0)
                if len(token) > 2 and token[1] in _AR_PREPOSITIONS:
                    mask |= get(token[2:], 0)
            elif token[0] in _AR_PREPOSITIONS:
                mask |= get(token[1:], 0)
        if len(self) < 200_000:
            self[token] = mask
        return mask


_openers = _Openers({}, 0)
_register_lock = threading.Lock()


def _register(cues: CueSet[Any]) -> None:
    """Give `cues` the next bit and a new `_Openers` that knows its openers. Sets live as
    long as the lexicons that hold them (loaded once per process), so bits are few."""
    global _openers
    with _register_lock:
        if cues.bit:
            return
        bit = _openers.bits + 1  # bits are given in order: `bits` is 2**n - 1
        table = dict(_openers.table)
        for opener in cues.openers:
            table[opener] = table.get(opener, 0) | bit
        _openers = _Openers(table, _openers.bits | bit)
        cues.bit = bit


class _TokenStarts:
    """Where each registered cue set may match in one text: the starts of the tokens that
    can open one of its cues.

    A cue set scanned over an article would otherwise try its pattern after every space,
    a dozen sets over the same text. Here one pass looks every token up once (memoised
    across articles) and a set then tries its pattern only at its candidates. A token that
    is no candidate cannot start a match, so the matches are exactly those of the scan."""

    __slots__ = ("by_bit", "openers", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.openers = openers = _openers
        by_bit: dict[int, list[int]] = {}
        pos = 0
        for word in text.split(" "):
            mask = openers[word]
            while mask:
                low = mask & -mask
                found = by_bit.get(low)
                if found is None:
                    by_bit[low] = [pos]
                else:
                    found.append(pos)
                mask ^= low
            pos += len(word) + 1
        self.by_bit = by_bit


#: Per thread, the index of the text scanned last: an article's cue sets are scanned one
#: after another, and articles extracted in threads at once (`acomplete`) keep their own.
_last_starts = threading.local()
_NO_STARTS: list[int] = []


def _forget_tokens() -> None:
    """Empty the token memo, as if every word of the next article were new (benchmarks)."""
    global _openers
    with _register_lock:
        _openers = _Openers(_openers.table, _openers.bits)


def _token_starts(text: str, cues: CueSet[Any]) -> list[int]:
    """Starts of the tokens of `text` where `cues` may match, in order. The index is built
    again for a new text, or when `cues` registered after it was built."""
    if not cues.bit:
        _register(cues)
    starts: _TokenStarts | None = getattr(_last_starts, "index", None)
    if starts is None or starts.text is not text or not cues.bit & starts.openers.bits:
        starts = _last_starts.index = _TokenStarts(text)
    return starts.by_bit.get(cues.bit, _NO_STARTS)


_OTHER_SPACE = re.compile(r"[^\S ]")
#: The last text checked by `_only_plain_spaces` and the answer: an article's normalised
#: text is scanned by a dozen cue sets in a row.
_last_checked: tuple[str, bool] = ("", True)


def _only_plain_spaces(text: str) -> bool:
    """True when " " is the only whitespace in `text` (always so in normalised text)."""
    global _last_checked
    if _last_checked[0] is text:
        return _last_checked[1]
    # Every whitespace character but " " is unprintable: most texts pass the quick test.
    plain = text.isprintable() or _OTHER_SPACE.search(text) is None
    if len(text) > _LONG_TEXT:  # tokens looked up by `fullmatch` must not evict the article
        _last_checked = (text, plain)
    return plain


_SETTERS = tuple(getattr(CueMatch, f.name).__set__ for f in fields(CueMatch))


def _new_cue_match(
    start: int, end: int, outer_start: int, outer_end: int, cue: str, value: T
) -> CueMatch[T]:
    """`CueMatch(...)`, about twice as fast: the frozen dataclass's `__init__` goes through
    `object.__setattr__` field by field, the slots' own setters do not (an article yields a
    few hundred matches)."""
    match: CueMatch[T] = object.__new__(CueMatch)
    set_start, set_end, set_outer_start, set_outer_end, set_cue, set_value = _SETTERS
    set_start(match, start)
    set_end(match, end)
    set_outer_start(match, outer_start)
    set_outer_end(match, outer_end)
    set_cue(match, cue)
    set_value(match, value)
    return match


def _phrases(values: Iterable[str]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every cue list of one language, compiled."""

    code: str
    clitics: bool
    stopwords: frozenset[str]
    denial: CueSet[str]
    #: Denial participles ("denying", «نافيا»): they take the subject of the verb before.
    denial_participles: frozenset[str]
    #: Predicative cues ("as fabricated"): the verb before them in the clause carries any
    #: negation ("did not dismiss the report as untrue").
    denial_predicative: frozenset[str]
    denial_negators: frozenset[str]
    #: Subjects that are no one ("nobody", "nadie", «لا أحد»): their verb denies nothing.
    denial_nobody: frozenset[str]
    #: Words that open a verb's object or an adverbial ("أن", "في", "وجود"): a dropped-subject
    #: verb followed by one has no subject of its own.
    object_openers: frozenset[str]
    #: Verbs that ask someone to deny ("طالبت … الجيش بنفي", "called on the army to deny"):
    #: the denial they govern, a few words on, is not made.
    denial_demands: frozenset[str]
    #: Words for no one in particular ("from any party", «من أي طرف»): a denial that names
    #: its other side so has none to infer.
    denial_anyone: CueSet[str]
    not_denial: CueSet[str]
    attribution: CueSet[str]
    continuation: CueSet[str]
    negotiation: CueSet[str]
    not_negotiation: CueSet[str]
    both_sides: CueSet[str]
    #: Phrases that introduce who mediates or hosts talks ("بوساطة", "through", "hosted by").
    via: CueSet[str]
    #: Phrases that describe the actor just named as mediating, set off after its name
    #: ("…, which has mediated since", «…الذي يقود وساطة», "…, médiatrice du dialogue").
    mediating: CueSet[str]
    #: Words between an offer and its author ("an offer from", "l'offre du", «عرضا قدمته»).
    offer_by: frozenset[str]
    status: CueSet[str]
    #: Status verbs that state a negotiation act with no negotiation word ("the authority
    #: had offered Tokmurat…", "la Alcaldía y los gremios acordaron…", «تعهد الجيش للعشيرة…»).
    status_acts: frozenset[str]
    refused_negators: frozenset[str]
    #: Words that open what an agreement provides ("under which", «يقضي»): status words
    #: after them are its terms ("prices would be frozen"), not the talks' status.
    status_terms: CueSet[str]
    #: Phrases where a status word names something else («النقاط العالقة»: the open points).
    not_status: CueSet[str]
    heads: CueSet[str]
    head_first: bool
    np_links: frozenset[str]
    adjective_suffixes: tuple[str, ...]
    #: Endings of finite verbs and gerunds, as written (accents kept: "negó").
    verb_suffixes: tuple[str, ...]
    #: Endings of infinitives, which after a link word start a clause ("de pagar").
    infinitive_suffixes: tuple[str, ...]
    government_words: frozenset[str]
    #: Head word → the first head of its group of synonyms ("compania" → "empresa").
    head_synonyms: dict[str, str]
    titles: CueSet[str]
    #: The titles without their link word or possessive ("governor" of "governor of",
    #: "المتحدث" of "المتحدث باسم"): what a title alone is when it refers back.
    bare_titles: CueSet[str]
    pre_titles: frozenset[str]
    ranks: frozenset[str]
    name_starts: frozenset[str]
    #: Whether a person's first surname alone names them ("Villegas" for "Hernán Villegas
    #: Salgado"), as in Spanish.
    paternal_surnames: bool
    given_names: frozenset[str]
    self_names: CueSet[str]
    stop: frozenset[str]
    not_names: frozenset[str]
    location_heads: frozenset[str]
    #: A head and the word after it that make a common noun, no body ("حركة الشاحنات":
    #: truck traffic, "التيار الكهربائي": the electric current).
    not_bodies: frozenset[str]
    #: Their first words: the heads worth checking.
    not_body_heads: frozenset[str]
    place_starts: frozenset[str]
    #: Heads that only end a proper name ("Serati Mining"): alone they name nobody.
    proper_heads: frozenset[str]
    #: Compass words: a two-word name ending in one is a place ("Saka East").
    compass: frozenset[str]
    #: Heads for an unnamed armed band ("the kidnappers"), a body of its own until the
    #: article names the group.
    captors: frozenset[str]
    location_preps: frozenset[str]
    source_kinds: CueSet[str]
    #: Words that make a channel one cited before ("the same statement", «البيان نفسه»).
    same: frozenset[str]
    #: Words before an outlet written as one definite Arabic word that show it is the
    #: outlet («مراسل الجزيرة», «مع الجزيرة»), besides ل and the source words.
    outlet_introducers: frozenset[str]
    #: Words that cite a document ("seen by", "published", «نشرت», "según"): a document
    #: is a source only where the article cites it, not where it is only signed or denied.
    document_cited: CueSet[str]
    anonymous: CueSet[str]
    member: CueSet[str]
    #: This language's word classes (`load_grammar()` has every language's).
    grammar: Grammar
    raw: Mapping[str, Any] = field(repr=False, default_factory=dict)


def _with_article(entries: Iterable[tuple[str, str]], clitics: bool) -> list[tuple[str, str]]:
    """Arabic heads also occur with the article (الحركة، للجنة): add those forms."""
    out = list(entries)
    if clitics:
        out += [("ال" + normalize(k), v) for k, v in out]
    return out


def _bare_titles(titles: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    frame = load_grammar().title_frame
    bare: dict[str, str] = {}
    for cue, role in titles:
        words = normalize(cue).split()
        while words and words[0] in frame:
            words.pop(0)
        while words and words[-1] in frame:
            words.pop()
        if words:
            bare.setdefault(" ".join(words), role)
    return list(bare.items())


#: Status cue precedence: the first kind found in this order wins when several occur.
STATUS_ORDER: tuple[str, ...] = ("refused", "stalled", "concluded", "agreed", "proposed", "ongoing")
#: Source kinds looked up by cue, most specific first.
SOURCE_CUE_KINDS: tuple[str, ...] = (
    "audio_recording",
    "official_statement",
    "document",
    "social_media",
    "news_agency",
    "newspaper",
    "broadcaster",
    "spokesperson",
)
#: Source kinds that are news outlets (agencies, papers, broadcasters), not a speaker's own
#: channel.
OUTLET_KINDS = frozenset({"news_agency", "newspaper", "broadcaster"})


@lru_cache(maxsize=16)
def _read_toml(name: str) -> dict[str, Any]:
    path = resources.files(__package__).joinpath("lexicons", name)
    with path.open("rb") as fh:
        data: dict[str, Any] = tomllib.load(fh)
    return data


def available_languages() -> tuple[str, ...]:
    folder = resources.files(__package__).joinpath("lexicons")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    return tuple(n[: -len(".toml")] for n in names if n != "gazetteer.toml")


@lru_cache(maxsize=1)
def load_grammar() -> Grammar:
    """Every language's word classes, merged: the rules look words up in these."""
    return build_grammar(
        (f"{code}.toml", _read_toml(f"{code}.toml").get("grammar", {}))
        for code in available_languages()
    )


@lru_cache(maxsize=16)
def load_lexicon(code: str) -> Lexicon:
    """The compiled lexicon of language `code` (English when there is no such file)."""
    if code not in available_languages():
        code = "en"
    data = _read_toml(f"{code}.toml")
    clitics = bool(data.get("language", {}).get("clitics", False))
    denial = data.get("denial", {})
    attribution = data.get("attribution", {})
    actors = data.get("actors", {})
    sources = data.get("sources", {})
    status = data.get("status", {})
    negotiation = data.get("negotiation", {})

    def cues(values: Iterable[tuple[str, str]]) -> CueSet[str]:
        return CueSet(values, clitics=clitics)

    status_entries = [(p, kind) for kind in STATUS_ORDER for p in status.get(kind, [])]
    source_entries = [(p, kind) for kind in SOURCE_CUE_KINDS for p in sources.get(kind, [])]
    not_bodies = norm_set(actors.get("not_bodies", []))
    return Lexicon(
        code=code,
        clitics=clitics,
        stopwords=norm_set(data.get("language", {}).get("stopwords", [])),
        denial=cues(
            _phrases(
                [
                    *denial.get("cues", []),
                    *denial.get("participles", []),
                    *denial.get("predicative", []),
                ]
            )
        ),
        denial_participles=norm_set(denial.get("participles", [])),
        denial_predicative=norm_set(denial.get("predicative", [])),
        denial_negators=norm_set(denial.get("negators", [])),
        denial_nobody=norm_set(denial.get("nobody", [])),
        object_openers=norm_set(denial.get("object_openers", [])),
        denial_demands=norm_set(denial.get("demands", [])),
        denial_anyone=cues(_phrases(denial.get("anyone", []))),
        not_denial=cues(_phrases(denial.get("not_denial", []))),
        attribution=CueSet(_phrases(attribution.get("cues", [])), clitics=clitics, verbs=True),
        continuation=CueSet(
            _phrases(attribution.get("continuation", [])), clitics=clitics, verbs=True
        ),
        negotiation=CueSet(negotiation.get("cues", {}).items(), clitics=clitics, article=True),
        not_negotiation=cues(_phrases(negotiation.get("not_negotiation", []))),
        both_sides=cues(_phrases(negotiation.get("both_sides", []))),
        via=cues(_phrases(negotiation.get("via", []))),
        mediating=cues(_phrases(negotiation.get("mediating", []))),
        offer_by=frozenset(w for p in norm_set(negotiation.get("offer_by", [])) for w in p.split()),
        status=CueSet(status_entries, clitics=clitics, article=True),
        status_acts=norm_set(status.get("acts", [])),
        refused_negators=norm_set(status.get("refused_negators", [])),
        status_terms=cues(_phrases(status.get("terms", []))),
        not_status=cues(_phrases(status.get("not_status", []))),
        heads=cues(
            _with_article(
                [
                    *actors.get("heads", {}).items(),
                    *((w, "armed_group") for w in actors.get("captors", [])),
                ],
                clitics,
            )
        ),
        head_first=bool(actors.get("head_first", False)),
        np_links=norm_set(actors.get("np_links", [])),
        adjective_suffixes=tuple(normalize(x) for x in actors.get("adjective_suffixes", [])),
        verb_suffixes=tuple(x.lower() for x in actors.get("verb_suffixes", [])),
        infinitive_suffixes=tuple(normalize(x) for x in actors.get("infinitive_suffixes", [])),
        government_words=norm_set(actors.get("government_words", [])),
        head_synonyms={
            normalize(word): normalize(group[0])
            for group in actors.get("head_synonyms", [])
            for word in group
        },
        titles=CueSet(actors.get("titles", {}).items(), clitics=clitics, article=True),
        bare_titles=CueSet(
            _bare_titles(actors.get("titles", {}).items()), clitics=clitics, article=True
        ),
        pre_titles=norm_set(actors.get("pre_titles", [])),
        ranks=norm_set(actors.get("ranks", [])),
        name_starts=norm_set(actors.get("name_starts", [])),
        paternal_surnames=bool(actors.get("paternal_surnames", False)),
        given_names=norm_set(actors.get("given_names", [])),
        self_names=cues(_phrases(actors.get("self_names", []))),
        stop=norm_set(actors.get("stop", [])),
        not_names=norm_set(actors.get("not_names", [])),
        location_heads=norm_set(actors.get("location_heads", [])),
        not_bodies=not_bodies,
        not_body_heads=frozenset(p.split()[0] for p in not_bodies),
        place_starts=norm_set(actors.get("place_starts", [])),
        proper_heads=norm_set(actors.get("proper_heads", [])),
        compass=norm_set(actors.get("compass", [])),
        captors=norm_set(actors.get("captors", [])),
        location_preps=norm_set(actors.get("location_preps", [])),
        source_kinds=cues(source_entries),
        outlet_introducers=norm_set(sources.get("outlet_introducers", [])),
        same=norm_set(sources.get("same", [])),
        document_cited=cues(_phrases(sources.get("document_cited", []))),
        anonymous=cues(_phrases(sources.get("anonymous", []))),
        member=cues(_phrases(sources.get("member", []))),
        grammar=build_grammar([(f"{code}.toml", data.get("grammar", {}))]),
        raw=data,
    )


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A known entity: `group` is state, government, international or outlet."""

    id: str
    group: str
    kind: str
    name_en: str | None
    forms: tuple[str, ...]
    capitals: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


_GROUP_KIND = {"state": "state", "international": "international_org"}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entries: tuple[GazetteerEntry, ...]
    #: Normalised form → (entry, is_capital); matched with Arabic clitics allowed.
    forms: CueSet[tuple[GazetteerEntry, bool]]
    #: Normalised demonym ("russian", "الروسيه") → state entry.
    demonyms: CueSet[GazetteerEntry]

    def by_id(self, entry_id: str) -> GazetteerEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    data = _read_toml("gazetteer.toml")
    entries: list[GazetteerEntry] = []
    for group in ("state", "government", "international", "outlet"):
        for item in data.get(group, []):
            entries.append(
                GazetteerEntry(
                    id=item["id"],
                    group=group,
                    kind=item.get("kind", _GROUP_KIND.get(group, "other")),
                    name_en=item.get("name_en"),
                    forms=tuple(item.get("forms", [])),
                    capitals=tuple(item.get("capitals", [])),
                    demonyms=tuple(item.get("demonyms", [])),
                )
            )
    pairs: list[tuple[str, tuple[GazetteerEntry, bool]]] = []
    for e in entries:
        pairs += [(f, (e, False)) for f in e.forms]
        pairs += [(c, (e, True)) for c in e.capitals]
    demonyms = [(d, e) for e in entries for d in e.demonyms]
    return Gazetteer(tuple(entries), CueSet(pairs, clitics=True), CueSet(demonyms, clitics=True))
