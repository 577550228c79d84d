"""Grounding: exact, then normalised, then fuzzy; offsets always index the original string."""

from __future__ import annotations

import pytest
from conftest import SEED_CLAIM, SEED_CLAIM_VARIANT, SEED_DENIAL
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summarizer.grounding import DEFAULT_MIN_FUZZY_CHARS, Grounder
from summarizer.inputs import decode
from summarizer.textnorm import normalize

ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(
    chr(c) for c in range(0x0641, 0x064B)
)
TASHKEEL = [chr(c) for c in range(0x064B, 0x0653)]
ALEFS = {"ا": "أإآ", "أ": "اإ", "إ": "اأ", "آ": "ا"}
ENGLISH = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
words = st.text(alphabet=ARABIC_LETTERS + ENGLISH, min_size=1, max_size=9)
separators = st.sampled_from([" ", " ", " ", ", ", ". ", "، ", "\n", "؟ "])


@st.composite
def articles(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(words, separators), min_size=1, max_size=40))
    return "".join(w + s for w, s in parts)


@st.composite
def article_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(articles())
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


def vary(quote: str, data: st.DataObject) -> str:
    """What a model does to a quote: tashkeel, other alef forms, other whitespace."""
    out = []
    for ch in quote:
        if ch in ALEFS and data.draw(st.booleans()):
            ch = data.draw(st.sampled_from(ALEFS[ch]))
        elif ch.isspace():
            ch = data.draw(st.sampled_from([" ", "  ", "\n", "\t ", "\u00a0"]))
        out.append(ch)
        if "\u0621" <= ch <= "\u064a" and data.draw(st.booleans()):
            out.append(data.draw(st.sampled_from(TASHKEEL)))
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(article_and_span())
def test_a_substring_grounds_exact_and_slices_back(case: tuple[str, int, int]) -> None:
    text, start, end = case
    quote = text[start:end]
    assume(quote.strip())
    ev = Grounder(text).ground(quote)
    assert ev.alignment == "exact"
    assert ev.start is not None and ev.end is not None
    assert text[ev.start : ev.end] == ev.quote == quote.strip()


@settings(max_examples=300, deadline=None)
@given(article_and_span(), st.data())
def test_a_varied_copy_grounds_on_a_span_with_the_same_normal_form(
    case: tuple[str, int, int], data: st.DataObject
) -> None:
    text, start, end = case
    quote = vary(text[start:end], data)
    assume(normalize(quote))
    ev = Grounder(text).ground(quote)
    assert ev.alignment in ("exact", "normalized")
    assert ev.start is not None and ev.end is not None
    assert normalize(text[ev.start : ev.end]) == normalize(quote)
    if ev.alignment == "exact":
        assert text[ev.start : ev.end] == quote.strip()


@settings(max_examples=200, deadline=None)
@given(articles(), st.text(alphabet="ضظغ", min_size=1, max_size=30))
def test_a_quote_not_in_the_text_is_unmatched_without_offsets(text: str, quote: str) -> None:
    text = text.translate({ord(c): None for c in "ضظغ"})
    ev = Grounder(text).ground(quote)
    assert ev.alignment == "unmatched" and not ev.grounded
    assert ev.start is None and ev.end is None


@st.composite
def article_and_long_span(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(articles().filter(lambda t: len(t) >= 60))
    start = draw(st.integers(0, len(text) - 60))
    end = draw(st.integers(start + 60, len(text)))
    return text, start, end


@settings(max_examples=150, deadline=None)
@given(article_and_long_span(), st.data())
def test_a_long_quote_with_one_wrong_letter_still_grounds(
    case: tuple[str, int, int], data: st.DataObject
) -> None:
    text, start, end = case
    quote = text[start:end].strip()
    assume(len(normalize(quote)) >= 30)
    letters = [i for i, ch in enumerate(quote) if ch.isalpha()]
    i = letters[len(letters) // 2]
    wrong = data.draw(st.sampled_from([c for c in "ضظغqz" if c != quote[i]]))
    typo = quote[:i] + wrong + quote[i + 1 :]
    match = Grounder(text).locate(typo)
    assert match.alignment != "unmatched"
    assert match.start is not None and match.end is not None
    if match.alignment == "fuzzy":
        assert match.score >= 90


def test_exact_quote_with_surrounding_whitespace_slices_back(seed_text: str) -> None:
    ev = Grounder(seed_text).ground(f"  {SEED_DENIAL}\n")
    assert ev.alignment == "exact"
    assert seed_text[ev.start : ev.end] == ev.quote == SEED_DENIAL


def test_hamza_and_ta_marbuta_variants_ground_normalized_on_the_real_span(seed_text: str) -> None:
    ev = Grounder(seed_text).ground(SEED_CLAIM_VARIANT)
    assert ev.alignment == "normalized"
    assert seed_text[ev.start : ev.end] == SEED_CLAIM
    assert ev.quote == SEED_CLAIM_VARIANT  # the model's words are kept as written


def test_normalized_span_keeps_the_last_letters_tashkeel() -> None:
    text = "قال مُحَمَّدٌ اليوم"
    ev = Grounder(text).ground("محمد")
    assert ev.alignment == "normalized"
    assert text[ev.start : ev.end] == "مُحَمَّدٌ"


def test_offsets_index_the_original_string_with_crlf_emoji_and_marks() -> None:
    text = "🙂🙂 Intro line.\r\nThe  Cafe\u0301 owner 🙂 said:\r\n“talks are\r\nover”."
    g = Grounder(text)
    ev = g.ground("the café owner said")
    assert ev.alignment == "normalized"
    assert text[ev.start : ev.end] == "The  Cafe\u0301 owner 🙂 said"
    ev = g.ground("talks are over")
    assert ev.alignment == "normalized"
    assert text[ev.start : ev.end] == "talks are\r\nover"
    ev = g.ground("Intro line.")
    assert (ev.alignment, ev.start, text[ev.start : ev.end]) == ("exact", 3, "Intro line.")


def test_offsets_index_cp1256_decoded_text(seed_text: str) -> None:
    text, encoding = decode(seed_text.encode("cp1256"))
    assert encoding == "cp1256" and text == seed_text
    g = Grounder(text)
    for quote in (SEED_DENIAL, SEED_CLAIM_VARIANT):
        ev = g.ground(quote)
        assert ev.grounded
        assert normalize(text[ev.start : ev.end]) == normalize(quote)


def test_shift_moves_offsets_by_the_chunk_start() -> None:
    ev = Grounder("abc talks def").ground("talks", shift=100)
    assert (ev.start, ev.end) == (104, 109)


def test_a_one_letter_typo_in_a_long_quote_is_fuzzy(seed_text: str) -> None:
    typo = SEED_DENIAL.replace("علوان", "علوام")
    assert typo not in seed_text
    match = Grounder(seed_text).locate(typo)
    assert match.alignment == "fuzzy"
    assert match.score >= 90
    assert match.start is not None and match.end is not None
    found = seed_text[match.start : match.end]
    assert normalize(found) in (normalize(SEED_DENIAL), normalize(SEED_DENIAL)[:-1])
    assert abs(match.start - seed_text.index(SEED_DENIAL)) <= 1


def test_fuzzy_needs_the_threshold(seed_text: str) -> None:
    several = SEED_DENIAL.replace("علوان", "زيدون").replace("الرحمن", "الاحرار")
    assert Grounder(seed_text).locate(several).alignment == "unmatched"
    loose = Grounder(seed_text, fuzzy_threshold=60).locate(several)
    assert loose.alignment == "fuzzy"


def test_a_short_quote_is_never_fuzzy() -> None:
    text = "The council announced a ceasefire near the northern bridge on Friday."
    short = "cease fyre"
    assert len(normalize(short)) < DEFAULT_MIN_FUZZY_CHARS
    assert Grounder(text).locate(short).alignment == "unmatched"
    assert Grounder(text).locate("announced a ceasefyre near").alignment == "fuzzy"


def test_a_quote_longer_than_the_text_is_unmatched() -> None:
    assert Grounder("short text").locate("short text and a great deal more").alignment == (
        "unmatched"
    )


@pytest.mark.parametrize("quote", ["", "   ", "\n"])
def test_blank_quotes(quote: str) -> None:
    g = Grounder("some text")
    assert g.locate(quote).alignment == "unmatched"
    with pytest.raises(ValueError, match="blank"):
        g.ground(quote)


def test_punctuation_only_quote_is_unmatched() -> None:
    assert Grounder("a, b").locate("?!").alignment == "unmatched"
