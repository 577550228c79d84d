"""Normalisation folds what models change when they copy Arabic and English text, and the
map it returns points every normalised character back at the original string."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.textnorm import _normalize_with_map_by_char, normalize, normalize_with_map

ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(
    chr(c) for c in range(0x0641, 0x064B)
)
TASHKEEL = "".join(chr(c) for c in range(0x064B, 0x0653))
TEXT_ALPHABET = ARABIC_LETTERS + TASHKEEL + "abcXYZ019٣ .,،؛؟!-\n\t\r\u0640\u200c🙂é"
texts = st.text(alphabet=TEXT_ALPHABET, max_size=200)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أَحْمَدُ", "احمد"),  # tashkeel dropped, hamza-on-alef folded
        ("إلى", "الي"),  # hamza-below alef, alef maqsura
        ("آمال", "امال"),  # madda
        ("مدرسة", "مدرسه"),  # ta marbuta
        ("مؤتمر", "موتمر"),  # hamza on waw
        ("رئيس", "رييس"),  # hamza on yeh
        ("مـــرحبا", "مرحبا"),  # tatweel
        ("٢٠١٨ و۲۰۱۸", "2018 و2018"),  # Arabic-Indic and Persian digits
        ("ﻻ", "لا"),  # presentation-form ligature (NFKC)
        ("ＡＢＣ ｄｅｆ", "abc def"),  # full-width Latin
        ("Hello,   World!\r\n", "hello world"),  # case, punctuation, whitespace runs
        ("«نفى» — “denied”", "نفي denied"),
        ("\ufeffpre\u200cfix", "prefix"),  # BOM and ZWNJ are format characters: dropped
        ("Café CAFE\u0301", "cafe cafe"),  # precomposed and combining accents alike
        ("   ", ""),
        ("", ""),
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_alef_variants_meet() -> None:
    forms = ["اعلن", "أعلن", "إعلن", "آعلن", "ٱعلن"]
    assert len({normalize(f) for f in forms}) == 1


def test_map_points_back_through_dropped_and_expanded_characters() -> None:
    original = "ﻻ  مُحَمَّد\r\nß!"
    norm = normalize_with_map(original)
    assert norm.text == "لا محمد ss"
    # The ligature expands to two characters, both from index 0.
    assert norm.origin[:2] == (0, 0)
    start = norm.text.index("محمد")
    s, e = norm.span(start, start + len("محمد"))
    assert original[s:e].startswith("مُ") and normalize(original[s:e]) == "محمد"
    s, e = norm.span(len(norm.text) - 2, len(norm.text))
    assert original[s:e] == "ß"
    assert norm.origin[-1] == len(original)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_is_idempotent_and_collapsed(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip() and "  " not in once
    assert not any(ch in once for ch in TASHKEEL + "\u0640\n\t\r")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_map_is_monotone_and_in_bounds(text: str) -> None:
    norm = normalize_with_map(text)
    assert len(norm.origin) == len(norm.text) + 1
    assert list(norm.origin) == sorted(norm.origin)
    assert all(0 <= i < len(text) for i in norm.origin[:-1])
    assert norm.origin[-1] == len(text)
    for i, ch in enumerate(norm.text):
        if ch != " ":
            # Each letter comes from a character whose own normal form holds it.
            assert ch in normalize(text[norm.origin[i]])


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_every_normalised_slice_maps_to_a_span_with_the_same_normal_form(
    text: str, data: st.DataObject
) -> None:
    norm = normalize_with_map(text)
    if not norm.text.strip():
        return
    i = data.draw(st.integers(0, len(norm.text) - 1))
    j = data.draw(st.integers(i + 1, len(norm.text)))
    needle = norm.text[i:j].strip()
    if not needle:
        return
    i = norm.text.index(needle, i)
    start, end = norm.span(i, i + len(needle))
    assert 0 <= start < end <= len(text)
    assert normalize(text[start:end]) == needle


# -- the translate fast path and the per-character loop agree ------------------------------------

FIXTURES = Path(__file__).resolve().parents[1] / "evals" / "fixtures"


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_fast_path_matches_per_character_fold_on_fixtures(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert normalize_with_map(text) == _normalize_with_map_by_char(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "ﷺ ﬁne",
        "a\u200bb",
        "نَفَى، «قال» — ١٢٣",
        "Crème brûlée\tand  tabs\n",
        "ـــنفى",
        "ß ½",
    ],
)
def test_fast_path_matches_per_character_fold_on_edge_cases(text: str) -> None:
    assert normalize_with_map(text) == _normalize_with_map_by_char(text)


@given(st.text(alphabet="ابتنفىأإآةؤئ ًٌَُِّْـ.,،«»\n\tAbc1٢éßﻻ\u200c", max_size=60))
def test_fast_path_matches_per_character_fold(text: str) -> None:
    assert normalize_with_map(text) == _normalize_with_map_by_char(text)
