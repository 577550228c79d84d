"""Deterministic ascii ids: a slug of the English name, or a transliteration of the
original script, made unique with a counter."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# One Latin rendering per Arabic letter: readable enough for a handle, and stable.
_AR_LATIN = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j",
    "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh",
    "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a", "ء": "",
    "ؤ": "w", "ئ": "y", "پ": "p", "چ": "ch", "گ": "g", "ڤ": "v",
}  # fmt: skip
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ID = re.compile(r"[a-z][a-z0-9_]*")
_LEADING_ARTICLE = re.compile(r"^(?:the|al|el|le|la|les|der|die|das|el|los|las)_")


@lru_cache(maxsize=4096)
def slug(text: str, *, max_words: int = 3) -> str:
    """Lowercase ascii snake_case of `text` (Arabic transliterated, accents dropped)."""
    out: list[str] = []
    for ch in text:
        if ch in _AR_LATIN:
            out.append(_AR_LATIN[ch])
            continue
        for d in unicodedata.normalize("NFKD", ch):
            if d.isascii():
                out.append(d.lower())
            elif unicodedata.category(d) not in ("Mn", "Cf"):
                out.append(" ")
    words = [w for w in _NON_ALNUM.sub(" ", "".join(out)).split() if w]
    base = "_".join(words)
    base = _LEADING_ARTICLE.sub("", base)
    words = base.split("_")[:max_words]
    result = "_".join(w for w in words if w)
    if not result or not result[0].isalpha():
        result = "x_" + result if result else "x"
    return result


class IdMaker:
    """Hands out unique ids in call order (so the same input gives the same ids)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def make(self, preferred: str) -> str:
        base = slug(preferred) if not _ID.fullmatch(preferred) else preferred
        candidate, n = base, 2
        while candidate in self._used:
            candidate = f"{base}_{n}"
            n += 1
        self._used.add(candidate)
        return candidate
