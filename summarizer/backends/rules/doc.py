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
from typing import Any, TypeVar

from ...textnorm import NormalizedText, normalize_with_map
from .lexicon import CueMatch, CueSet, available_languages, load_lexicon

# A sentence ends at . ! ? ؟ (optionally followed by closing quotes/brackets) before
# whitespace, or at a line break. "U.S." and "Maj. Gen." are protected below.
_SENTENCE_END = re.compile(r"[.!?؟۔]+[\"'»”’)\]]*(?=\s)|\n+")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Maj|Col|Lt|Capt|Sgt|St|No|vs|Jr|Sr|Brig|Gov|Sen|Rep|"
    r"Prof|Mt|etc|M|Mme)|\b[A-Z]\.[A-Z])$"
)
# Clause breaks inside a sentence: Arabic and Latin commas and semicolons, colons, dashes
# used as brackets, and quotation marks.
_CLAUSE_BREAK = re.compile(r"[،؛,;:()]|\s[-–—]\s?|[«»“”\"]")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
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
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    if arabic and arabic >= latin:
        return "ar"
    words = re.findall(r"[^\W\d_]+", sample.casefold())
    best, best_count = "en", 0
    for code in available_languages():
        lex = load_lexicon(code)
        if lex.code != code or not lex.stopwords:
            continue
        count = sum(1 for w in words if w in lex.stopwords)
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
        self.tokens: list[tuple[int, int]] = [m.span() for m in _WORD.finditer(self.ntext)]
        self._token_starts = [t[0] for t in self.tokens]
        self.clause_breaks: list[int] = sorted(
            {self.to_norm(m.start()) for m in _CLAUSE_BREAK.finditer(text)}
        )

    # -- coordinates -------------------------------------------------------------------

    def to_norm(self, original: int) -> int:
        """The first normalised offset whose origin is at or after `original`."""
        return min(bisect_left(self._origin, original), len(self._origin) - 1)

    def matches(self, cues: CueSet[T], start: int, end: int) -> list[CueMatch[T]]:
        """Matches of `cues` inside the normalised range, from one pass over the whole
        text per cue set (sentences ask for the same cue sets again and again)."""
        found = self._matches.get(id(cues))
        if found is None:
            items = list(cues.finditer(self.ntext))
            found = (items, [m.start for m in items], cues)  # the set is kept alive with its id
            self._matches[id(cues)] = found
        items, starts = found[0], found[1]
        out: list[CueMatch[T]] = []
        for i in range(bisect_left(starts, start), len(items)):
            m = items[i]
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

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
        s, e = self.tokens[i]
        return self.ntext[s:e]

    def clause_break_between(self, a: int, b: int) -> bool:
        """True when a clause break lies in the normalised range (a, b]."""
        i = bisect_right(self.clause_breaks, a)
        return i < len(self.clause_breaks) and self.clause_breaks[i] <= b

    def clause_bounds(self, npos: int) -> tuple[int, int]:
        """The clause (normalised start, end) around `npos`, within its sentence."""
        sent = self.sentence_at(npos)
        i = bisect_right(self.clause_breaks, npos)
        start = self.clause_breaks[i - 1] if i > 0 else sent.nstart
        end = self.clause_breaks[i] if i < len(self.clause_breaks) else sent.nend
        return max(start, sent.nstart), min(end, sent.nend)

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words that occur in lowercase somewhere: capitalised, they open a sentence."""
        cap = self.original_capitalised
        return frozenset(
            self.ntext[s:e] for (s, e), c in zip(self.tokens, cap, strict=True) if not c
        )

    @cached_property
    def original_capitalised(self) -> list[bool]:
        """Per token: whether its first original character is an uppercase letter."""
        out: list[bool] = []
        for s, _ in self.tokens:
            ch = self.text[self._origin[s]]
            out.append(ch.isupper())
        return out
