"""The article as the extractor sees it: the original text, its normalised form with the
origin map, sentences and clause breaks, tokens, and the detected language.

Cues are matched once on the whole normalised text; sentences, clauses and tokens are kept
as normalised offsets so that every later step works in one coordinate system and maps back
to exact original spans only when it writes a quote.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, repeat
from operator import add
from typing import Any, TypeVar

from ...textnorm import NormalizedText, normalize_with_map
from .lexicon import CueMatch, CueSet, _only_plain_spaces, available_languages, load_lexicon

# A sentence ends at . ! ? ؟ (optionally followed by closing quotes/brackets) before
# whitespace, or at a line break. "U.S." and "Maj. Gen." are protected below.
# Written as one alternative per end mark (the same matches as "[.!?؟۔]+…|\n+") so that
# every alternative opens with a literal and `re` skips other characters with a fast scan.
_SENTENCE_END = re.compile(
    "|".join(re.escape(c) + r"[.!?؟۔]*[\"'»”’)\]]*(?=\s)" for c in ".!?؟۔") + r"|\n+"
)
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Maj|Col|Lt|Capt|Sgt|St|No|vs|Jr|Sr|Brig|Gov|Sen|Rep|"
    r"Prof|Mt|etc|M|Mme|Sra|Dra|Mons|Ing|Lic|"
    # AP-style months ("by Dec. 10"), which a day's number follows
    r"Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]\.[A-Z])$"
)
# Clause breaks inside a sentence: Arabic and Latin commas and semicolons, colons, dashes
# used as brackets, and quotation marks.
# Two patterns, each with a first character `re` can scan for, instead of one alternation
# tried at every offset: the marks can never be part of a dash match, so the two sets of
# starts are exactly those of r"[،؛,;:()]|\s[-–—]\s?|[«»“”\"]".
_CLAUSE_MARK = re.compile(r"[،؛,;:()«»“”\"]")
_CLAUSE_DASH = re.compile(r"\s[-–—]\s?")
# Runs of letters: counted by their lengths, fewer matches than one per letter.
_ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+")
_LATIN_LETTERS = re.compile(r"[A-Za-zÀ-ɏ]+")
_WORD = re.compile(r"\S+")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as original offsets (`start`, `end`) and normalised offsets."""

    index: int
    start: int
    end: int
    nstart: int
    nend: int
    paragraph_start: bool


def detect_language(text: str) -> str:
    """`ar` when Arabic letters dominate, else the lexicon language whose stop words occur
    most often (English when none wins)."""
    sample = text[:2000]
    arabic = sum(map(len, _ARABIC_LETTERS.findall(sample)))
    # Latin letters matter only against Arabic ones.
    if arabic and arabic >= sum(map(len, _LATIN_LETTERS.findall(sample))):
        return "ar"
    words = re.findall(r"[^\W\d_]+", sample.casefold())
    best, best_count = "en", 0
    for code in available_languages():
        lex = load_lexicon(code)
        if lex.code != code or not lex.stopwords:
            continue
        count = sum(map(lex.stopwords.__contains__, words))
        if count > best_count:
            best, best_count = code, count
    return best


def _split_sentences(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, starts_paragraph) of every non-blank sentence, trimmed."""
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    new_paragraph = True
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith("\n"):
            end = m.start()
        else:
            if _ABBREVIATION.search(text, max(0, m.start() - 6), m.start()):
                continue
            end = m.end()
        _add(text, pos, end, new_paragraph, spans)
        if m.group().startswith("\n"):
            new_paragraph = True
        elif spans and spans[-1][1] == end:
            new_paragraph = False
        pos = m.end()
    _add(text, pos, len(text), new_paragraph, spans)
    return spans


def _add(text: str, start: int, end: int, para: bool, out: list[tuple[int, int, bool]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end, para))


def _tokenize(ntext: str) -> tuple[list[tuple[int, int]], list[str] | None]:
    """(start, end) of every run of non-whitespace in `ntext`, and the runs' texts when
    they come for free."""
    if (
        not ntext
        or ntext[0] == " "
        or ntext[-1] == " "
        or "  " in ntext
        or not _only_plain_spaces(ntext)
    ):
        return [m.span() for m in _WORD.finditer(ntext)], None
    # Normalised text separates its tokens by exactly one space: the spans follow from the
    # token lengths, without a regex match per token.
    words = ntext.split(" ")
    lengths = list(map(len, words))
    starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))
    del starts[-1]  # the offset one past the end
    return list(zip(starts, map(add, starts, lengths), strict=True)), words


class Doc:
    """One article (or chunk), analysed once and shared by every extractor step."""

    def __init__(self, text: str, language: str | None = None) -> None:
        self.text = text
        self._matches: dict[int, tuple[list[Any], list[int], Any]] = {}
        self.norm: NormalizedText = normalize_with_map(text)
        self.ntext = self.norm.text
        self.language = language or detect_language(text)
        self.lexicon = load_lexicon(self.language)
        origin = self.norm.origin
        self._origin = origin
        self.sentences: list[Sentence] = []
        for start, end, para in _split_sentences(text):
            nstart, nend = self.to_norm(start), self.to_norm(end)
            if nstart < nend:
                self.sentences.append(Sentence(len(self.sentences), start, end, nstart, nend, para))
        self._sentence_starts = [s.nstart for s in self.sentences]
        self.tokens: list[tuple[int, int]]
        self.tokens, self._words = _tokenize(self.ntext)
        self._token_starts = [t[0] for t in self.tokens]
        # `to_norm` of every break, with the bisections mapped in one call.
        starts = [m.start() for m in _CLAUSE_MARK.finditer(text)]
        starts += [m.start() for m in _CLAUSE_DASH.finditer(text)]
        breaks = set(map(bisect_left, repeat(origin), starts))
        if len(origin) in breaks:  # `to_norm` clamps past-the-end offsets to the last entry
            breaks.discard(len(origin))
            breaks.add(len(origin) - 1)
        self.clause_breaks: list[int] = sorted(breaks)

    # -- coordinates -------------------------------------------------------------------

    def to_norm(self, original: int) -> int:
        """The first normalised offset whose origin is at or after `original`."""
        return min(bisect_left(self._origin, original), len(self._origin) - 1)

    def all_matches(self, cues: CueSet[T]) -> list[CueMatch[T]]:
        """Every match of `cues` in the text (`cues.finditer(ntext)`), from the same pass
        as `matches`: several steps scan the article for the same cue set."""
        return list(self._scan(cues)[0])

    def matches(self, cues: CueSet[T], start: int, end: int) -> list[CueMatch[T]]:
        """Matches of `cues` inside the normalised range, from one pass over the whole
        text per cue set (sentences ask for the same cue sets again and again)."""
        found = self._matches.get(id(cues))
        items, starts = self._scan(cues) if found is None else (found[0], found[1])
        # Matches come in text order: those starting inside the range are one slice.
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        return [m for m in items[i:j] if m.end <= end] if i < j else []

    def _scan(self, cues: CueSet[T]) -> tuple[list[CueMatch[T]], list[int]]:
        found = self._matches.get(id(cues))
        if found is None:
            items = list(cues.finditer(self.ntext))
            if cues.verbs and not self.lexicon.clitics:
                items = [m for m in items if not self._inside_name(m.start, m.end)]
            found = (items, [m.start for m in items], cues)  # the set is kept alive with its id
            self._matches[id(cues)] = found
        return found[0], found[1]

    def _inside_name(self, start: int, end: int) -> bool:
        """Whether the one word at `start`-`end` is capitalised between two capitalised
        words of its clause ("Halima Said Nyaboke")."""
        i = self.token_index(start)
        if self.tokens[i][1] != end or not 0 < i < len(self.tokens) - 1:
            return False
        cap = self.original_capitalised
        return (
            cap[i - 1]
            and cap[i]
            and cap[i + 1]
            and not self.clause_break_between(self.tokens[i - 1][1] - 1, self.tokens[i + 1][0])
        )

    def span(self, nstart: int, nend: int) -> tuple[int, int]:
        """Original (start, end) of the normalised slice, with the combining marks
        (tashkeel) and tatweel that follow its last letter."""
        start, end = self.norm.span(nstart, nend)
        text = self.text
        while end < len(text) and (
            text[end] == "\u0640" or unicodedata.category(text[end]) == "Mn"
        ):
            end += 1
        return start, end

    def quote(self, nstart: int, nend: int) -> str:
        start, end = self.span(nstart, nend)
        return self.text[start:end]

    def char_before(self, opos: int) -> str:
        """The last non-space character of the original text before `opos` ("" at its start)."""
        text = self.text
        while opos > 0 and text[opos - 1].isspace():
            opos -= 1
        return text[opos - 1] if opos > 0 else ""

    def char_after(self, opos: int) -> str:
        """The first non-space character of the original text from `opos` on ("" at its end)."""
        text = self.text
        while opos < len(text) and text[opos].isspace():
            opos += 1
        return text[opos] if opos < len(text) else ""

    def sentence_at(self, npos: int) -> Sentence:
        i = max(0, bisect_right(self._sentence_starts, npos) - 1)
        return self.sentences[i]

    def sentence_quote(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    # -- tokens ------------------------------------------------------------------------

    def token_index(self, npos: int) -> int:
        """Index of the token that starts at or contains `npos` (the next one if between)."""
        i = bisect_right(self._token_starts, npos) - 1
        if i >= 0 and self.tokens[i][1] > npos:
            return i
        return i + 1

    def token_text(self, i: int) -> str:
        return self.words[i]

    def clause_break_between(self, a: int, b: int) -> bool:
        """True when a clause break lies in the normalised range (a, b]."""
        i = bisect_right(self.clause_breaks, a)
        return i < len(self.clause_breaks) and self.clause_breaks[i] <= b

    @cached_property
    def words(self) -> list[str]:
        """The text of every token (`token_text` of each index)."""
        if self._words is not None:
            return self._words
        ntext = self.ntext
        return [ntext[s:e] for s, e in self.tokens]

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words that occur in lowercase somewhere: capitalised, they open a sentence."""
        cap = self.original_capitalised
        return frozenset(w for w, c in zip(self.words, cap, strict=True) if not c)

    @cached_property
    def original_capitalised(self) -> list[bool]:
        """Per token: whether its first original character is an uppercase letter."""
        first_chars = map(self.text.__getitem__, map(self._origin.__getitem__, self._token_starts))
        return list(map(str.isupper, first_chars))
