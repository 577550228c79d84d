"""Text normalisation for matching, with a map from every normalised character back to the
original text, so a match found in normalised space yields offsets into the user's string.

What is folded (the same for quotes, article text, actor names and gold):
- Unicode NFKC (presentation forms, full-width letters, ligatures);
- Arabic: tashkeel and Quranic marks and tatweel removed; أ إ آ ٱ ٲ ٳ → ا, ى → ي, ة → ه,
  ؤ → و, ئ → ي; Arabic-Indic and Persian digits → ASCII digits;
- case (casefold);
- punctuation and symbols become a space, and runs of whitespace collapse to one space.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_ARABIC_LETTER_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {
    chr(0x06F0 + i): str(i) for i in range(10)
}


_TATWEEL = "\u0640"


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """Normalised form of one character: "" (dropped), " " (separator) or folded text.

    NFKD after NFKC splits hamza and madda off their alef/waw/yeh carriers and accents off
    Latin letters; the marks are then dropped with the tashkeel (all category Mn).
    """
    out = []
    for d in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch)):
        category = unicodedata.category(d)
        if category in ("Mn", "Cf") or d == _TATWEEL:
            continue
        d = _ARABIC_LETTER_FOLD.get(d, d)
        d = _DIGITS.get(d, d)
        if d.isspace() or category[0] in "PSZC":
            out.append(" ")
        else:
            out.append(d.casefold())
    return "".join(out)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """`text` is the normalised string; `origin[i]` is the index in the original string of
    the character that produced `text[i]` (one extra entry maps the end)."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised slice `text[start:end]` (end exclusive)."""
        return self.origin[start], self.origin[end - 1] + 1


def normalize_with_map(original: str) -> NormalizedText:
    """Normalise `original` and remember where every output character came from.

    When every character folds to at most one character (ordinary Arabic, Latin and
    Cyrillic news text) the fold is one `str.translate` plus a pass over the tokens, several
    times faster than folding character by character; otherwise the general loop runs.
    Both give the same result (tested).
    """
    table = _TABLE
    alphabet = set(original)
    for ch in alphabet:
        if ord(ch) not in table:
            out = _fold(ch)
            table[ord(ch)] = " " if out and not out.strip() else out
    if any(len(table[ord(ch)]) > 1 for ch in alphabet):
        return _normalize_with_map_by_char(original)
    folded = original.translate(table)
    vanishing = "".join(sorted(ch for ch in alphabet if not table[ord(ch)]))
    if vanishing:
        # Dropped characters (tashkeel, tatweel, format marks) shift positions: `kept[j]` is
        # the original index of the j-th character that survived.
        kept: list[int] = []
        previous = 0
        for m in re.finditer("[" + re.escape(vanishing) + "]", original):
            kept.extend(range(previous, m.start()))
            previous = m.end()
        kept.extend(range(previous, len(original)))
    chars: list[str] = []
    origin: list[int] = []
    for m in _TOKEN.finditer(folded):
        s, e = m.span()
        if chars:
            chars.append(" ")
            origin.append(kept[s] if vanishing else s)
        chars.append(m.group())
        origin.extend(kept[s:e] if vanishing else range(s, e))
    origin.append(len(original))
    return NormalizedText("".join(chars), tuple(origin))


def _normalize_with_map_by_char(original: str) -> NormalizedText:
    chars: list[str] = []
    origin: list[int] = []
    pending_space = False
    for i, ch in enumerate(original):
        for c in _fold(ch):
            if c == " ":
                pending_space = bool(chars)
                continue
            if pending_space:
                chars.append(" ")
                origin.append(i)
                pending_space = False
            chars.append(c)
            origin.append(i)
    origin.append(len(original))
    return NormalizedText("".join(chars), tuple(origin))


def _fold(ch: str) -> str:
    return ch.casefold() if ch.isascii() and ch.isalnum() else _fold_char(ch)


# Code point → folded form, filled lazily: a `str.translate` table for the fast path.
_TABLE: dict[int, str] = {}
_TOKEN = re.compile(r"[^ ]+")


def normalize(text: str) -> str:
    """The normalised form alone (for comparing names and quotes)."""
    return normalize_with_map(text).text
