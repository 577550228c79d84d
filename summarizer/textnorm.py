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
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}


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
    """Normalise `original` and remember where every output character came from."""
    chars: list[str] = []
    origin: list[int] = []
    pending_space = False
    fold = _fold_char
    for i, ch in enumerate(original):
        folded = ch.casefold() if ch.isascii() and ch.isalnum() else fold(ch)
        for c in folded:
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


def normalize(text: str) -> str:
    """The normalised form alone (for comparing names and quotes)."""
    return normalize_with_map(text).text
