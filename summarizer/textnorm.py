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

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, repeat
from operator import add

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
    Cyrillic news text) the fold is one `str.translate` plus list operations over the
    tokens, several times faster than folding character by character; otherwise the general
    loop runs. Both give the same result (tested).
    """
    # Dropped characters become `_DROPPED`, so the fold keeps every offset: `folded[i]`
    # comes from `original[i]`, and a longer result means a character folded to several.
    folded = original.translate(_TABLE)
    if len(folded) != len(original):
        return _normalize_with_map_by_char(original)
    # Tokens are the runs of non-spaces; the space that joins two maps to the start of the
    # token after it.
    parts = folded.split(" ")
    tokens = list(filter(None, parts))
    starts = list(compress(accumulate(map(add, map(len, parts), repeat(1)), initial=0), parts))
    chars: list[Iterable[int]] = list(map(range, starts, map(add, starts, map(len, tokens))))
    at = folded.find(_DROPPED)
    if at >= 0:
        # Tashkeel, tatweel, format marks: out of the token's text and its origins; a token
        # of nothing else disappears (its neighbours' spaces merge as if it was not there).
        affected: set[int] = set()
        while at >= 0:
            affected.add(bisect_right(starts, at) - 1)
            at = folded.find(_DROPPED, at + 1)
        for k in sorted(affected, reverse=True):
            kept = [i for i, c in enumerate(tokens[k], starts[k]) if c != _DROPPED]
            if kept:
                tokens[k] = tokens[k].replace(_DROPPED, "")
                chars[k], starts[k] = kept, kept[0]
            else:
                del tokens[k], chars[k], starts[k]
    pieces: list[Iterable[int]] = [()] * (2 * len(tokens) - 1) if tokens else []
    pieces[0::2] = chars
    pieces[1::2] = zip(starts[1:])
    origin = tuple(chain(chain.from_iterable(pieces), (len(original),)))
    return NormalizedText(" ".join(tokens), origin)


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


#: What a dropped character folds to in the `str.translate` table (never a fold result:
#: control characters fold to a space).
_DROPPED = "\x00"


class _FoldTable(dict[int, str]):
    """Code point → folded form, a `str.translate` table for the fast path that fills
    itself: a character seen for the first time is folded while the text is translated."""

    def __missing__(self, code: int) -> str:
        out = _fold(chr(code))
        folded = " " if out and not out.strip() else (out or _DROPPED)
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def normalize(text: str) -> str:
    """The normalised form alone (for comparing names and quotes)."""
    return normalize_with_map(text).text
