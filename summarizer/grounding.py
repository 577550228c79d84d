"""Grounding: find each model quote in the article and compute its offsets in code.

Order of attempts, first hit wins:
1. `exact` — the quote (stripped of surrounding whitespace) occurs verbatim;
2. `normalized` — it occurs after both sides are normalised (see `textnorm`), and the
   normalised span is mapped back to the original characters;
3. `fuzzy` — rapidfuzz's best partial alignment of the normalised quote scores at least
   `fuzzy_threshold` (default 90 of 100) and the quote has at least `min_fuzzy_chars`
   normalised characters (short quotes align by chance too easily).
Otherwise the quote is `unmatched` and has no offsets. Offsets always index the exact
string the grounder was given.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from .schemas import Alignment, Evidence
from .textnorm import NormalizedText, normalize, normalize_with_map

DEFAULT_FUZZY_THRESHOLD = 90.0
DEFAULT_MIN_FUZZY_CHARS = 12


@dataclass(frozen=True, slots=True)
class Match:
    alignment: Alignment
    start: int | None = None
    end: int | None = None
    score: float = 0.0

    def evidence(self, quote: str, shift: int = 0) -> Evidence:
        if self.start is None or self.end is None:
            return Evidence(quote=quote, alignment="unmatched")
        return Evidence(
            quote=quote, start=self.start + shift, end=self.end + shift, alignment=self.alignment
        )


UNMATCHED = Match("unmatched")


class Grounder:
    """Locates quotes in one text; the normalised index is built once, on first need."""

    def __init__(
        self,
        text: str,
        *,
        fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD,
        min_fuzzy_chars: int = DEFAULT_MIN_FUZZY_CHARS,
    ) -> None:
        self.text = text
        self.fuzzy_threshold = fuzzy_threshold
        self.min_fuzzy_chars = min_fuzzy_chars
        self._normalized: NormalizedText | None = None

    @property
    def normalized(self) -> NormalizedText:
        if self._normalized is None:
            self._normalized = normalize_with_map(self.text)
        return self._normalized

    def locate(self, quote: str) -> Match:
        stripped = quote.strip()
        if not stripped:
            return UNMATCHED
        at = self.text.find(stripped)
        if at >= 0:
            return Match("exact", at, at + len(stripped), 100.0)
        needle = normalize(stripped)
        if not needle:
            return UNMATCHED
        norm = self.normalized
        at = norm.text.find(needle)
        if at >= 0:
            start, end = norm.span(at, at + len(needle))
            return Match("normalized", start, self._past_marks(end), 100.0)
        if len(needle) < self.min_fuzzy_chars or len(needle) > len(norm.text):
            return UNMATCHED
        hit = fuzz.partial_ratio_alignment(needle, norm.text, score_cutoff=self.fuzzy_threshold)
        if hit is None:
            return UNMATCHED
        lo, hi = hit.dest_start, hit.dest_end
        while lo < hi and norm.text[lo] == " ":
            lo += 1
        while hi > lo and norm.text[hi - 1] == " ":
            hi -= 1
        if lo >= hi:
            return UNMATCHED
        start, end = norm.span(lo, hi)
        return Match("fuzzy", start, self._past_marks(end), float(hit.score))

    def _past_marks(self, end: int) -> int:
        # Normalisation drops combining marks, so a span found in normalised space ends at
        # its last base letter; without this the last letter's tashkeel or accent would be
        # cut off the original span.
        text = self.text
        while end < len(text) and unicodedata.category(text[end]) in ("Mn", "Me"):
            end += 1
        return end

    def ground(self, quote: str, shift: int = 0) -> Evidence:
        """Evidence for `quote`, offsets shifted by `shift` (a chunk's place in the article).

        The evidence holds the quote stripped of surrounding whitespace, the words that were
        searched for, so an `exact` span slices back to it. A blank quote is a ValueError.
        """
        stripped = quote.strip()
        if not stripped:
            raise ValueError("a blank quote cannot be grounded")
        return self.locate(stripped).evidence(stripped, shift)
