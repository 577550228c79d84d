"""Splitting long articles into overlapping chunks on paragraph or sentence boundaries.

Each chunk is an exact slice of the article (`text[start:start + len(chunk.text)]`), so
offsets found in a chunk become article offsets by adding `start`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_CHUNK_CHARS = 12_000
DEFAULT_OVERLAP_CHARS = 600

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE = re.compile(r"(?<=[.!?؟。؛…])[\"'”’»)\]]*\s+|\n")


@dataclass(frozen=True, slots=True)
class Chunk:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _boundaries(text: str) -> tuple[list[int], list[int]]:
    paragraphs = sorted({m.end() for m in _PARAGRAPH.finditer(text)})
    sentences = sorted({m.end() for m in _SENTENCE.finditer(text)} | set(paragraphs))
    return paragraphs, sentences


def split(
    text: str,
    max_chars: int = DEFAULT_CHUNK_CHARS,
    overlap: int = DEFAULT_OVERLAP_CHARS,
) -> list[Chunk]:
    """Chunks of at most `max_chars`, each starting at a sentence boundary about `overlap`
    characters before the previous chunk's end (so a sentence cut at one end is whole in
    the next chunk). Cuts prefer paragraph ends, then sentence ends, then whitespace."""
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    if len(text) <= max_chars:
        return [Chunk(0, text)]
    overlap = max(0, min(overlap, max_chars // 2))
    paragraphs, sentences = _boundaries(text)
    chunks: list[Chunk] = []
    start = 0
    while start < len(text):
        limit = start + max_chars
        if limit >= len(text):
            chunks.append(Chunk(start, text[start:]))
            break
        floor = start + max_chars // 2  # a cut must keep at least half a chunk
        end = next((b for b in reversed(paragraphs) if floor <= b <= limit), None)
        if end is None:
            end = next((b for b in reversed(sentences) if floor <= b <= limit), None)
        if end is None:
            space = text.rfind(" ", floor, limit)
            end = space + 1 if space >= 0 else limit
        chunks.append(Chunk(start, text[start:end]))
        back = end - overlap
        nxt = next((b for b in sentences if back <= b < end and b > start), end)
        start = nxt if nxt > start else end
    return chunks
