"""Chunking: exact slices that cover the article, overlap, and cut on boundaries."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.chunking import Chunk, split


def paragraphs(n: int, sentences: int = 5, words: int = 9) -> str:
    out = []
    for p in range(n):
        sents = [
            " ".join(f"w{p}s{s}x{w}" for w in range(words)).capitalize() + "."
            for s in range(sentences)
        ]
        out.append(" ".join(sents))
    return "\n\n".join(out) + "\n"


def check_cover(text: str, chunks: list[Chunk], max_chars: int) -> None:
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    for c in chunks:
        assert text[c.start : c.end] == c.text
        assert 0 < len(c.text) <= max_chars
    for a, b in itertools.pairwise(chunks):
        assert a.start < b.start <= a.end  # no gap, always progress


def test_short_text_is_one_chunk() -> None:
    assert split("short", 100, 10) == [Chunk(0, "short")]


def test_chunks_cover_overlap_and_end_on_paragraphs() -> None:
    text = paragraphs(12)
    chunks = split(text, 1500, 200)
    assert len(chunks) > 2
    check_cover(text, chunks, 1500)
    for c in chunks[:-1]:
        assert c.text.endswith("\n\n"), repr(c.text[-30:])  # cut after a paragraph
    for a, b in itertools.pairwise(chunks):
        assert a.end - b.start > 0  # they overlap
        assert text[b.start - 1] in " \n"  # the next chunk starts on a sentence
        assert text[b.start].isupper()


def test_cut_falls_back_to_sentences_then_spaces() -> None:
    text = paragraphs(1, sentences=60)  # one long paragraph
    chunks = split(text, 700, 100)
    check_cover(text, chunks, 700)
    for c in chunks[:-1]:
        assert c.text.endswith(". ")
    no_stops = " ".join(f"word{i}" for i in range(500))
    chunks = split(no_stops, 600, 50)
    check_cover(no_stops, chunks, 600)
    for c in chunks[:-1]:
        assert c.text.endswith(" ")


def test_arabic_sentence_marks_are_boundaries() -> None:
    sentence = "قال المتحدث إن المفاوضات مستمرة مع جميع الأطراف المعنية؟ "
    text = sentence * 40
    chunks = split(text, 500, 80)
    check_cover(text, chunks, 500)
    for c in chunks[:-1]:
        assert c.text.endswith("؟ ")


def test_no_boundaries_at_all_still_cuts() -> None:
    text = "x" * 2500
    chunks = split(text, 1000, 100)
    check_cover(text, chunks, 1000)


def test_bad_size_is_refused() -> None:
    with pytest.raises(ValueError):
        split("text", 0)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab ص.؟\n", min_size=1, max_size=3000),
    st.integers(20, 800),
    st.integers(0, 400),
)
def test_any_text_is_covered_by_exact_slices(text: str, max_chars: int, overlap: int) -> None:
    chunks = split(text, max_chars, overlap)
    check_cover(text, chunks, max_chars)
