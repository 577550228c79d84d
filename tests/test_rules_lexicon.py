"""The rules backend's building blocks: the cue matcher (clitics, suffixes, the article,
whole tokens only, the token-start index of articles), the fast normaliser (identical to
`textnorm.normalize_with_map`), segmentation and language detection, and a French lexicon
as data."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.backends.rules import extract
from summarizer.backends.rules.doc import Doc, detect_language
from summarizer.backends.rules.ids import IdMaker, slug
from summarizer.backends.rules.lexicon import CueSet, load_gazetteer, load_lexicon
from summarizer.textnorm import normalize

FIXTURES = Path(__file__).resolve().parent.parent / "evals" / "fixtures"


def _cues(matches: list[object]) -> list[str]:
    return [m.cue for m in matches]  # type: ignore[attr-defined]


def test_arabic_cues_take_clitics_suffixes_and_any_spelling() -> None:
    cues = CueSet([("نفى", "deny"), ("رفض", "refuse")], clitics=True)
    text = normalize("ونفى المتحدث ذلك، وأكدا رفضهما، ثم نَفَى مجددا")
    found = list(cues.finditer(text))
    assert _cues(found) == ["نفي", "رفض", "نفي"]
    # The cue span leaves the conjunction out; the outer span keeps the whole token.
    first = found[0]
    assert text[first.start : first.end] == "نفي"
    assert text[first.outer_start : first.outer_end] == "ونفي"
    # Whole tokens only: "نفيسة" is not "نفي".
    assert list(cues.finditer(normalize("زارت نفيسة البلدة"))) == []


def test_arabic_article_variants_only_where_asked() -> None:
    nouns = CueSet([("محادثات", "talks")], clitics=True, article=True)
    verbs = CueSet([("محادثات", "talks")], clitics=True)
    text = normalize("إن المحادثات مستمرة وللمحادثات جولة")
    assert len(list(nouns.finditer(text))) == 2
    assert list(verbs.finditer(text)) == []


def test_latin_cues_are_whole_phrases() -> None:
    cues = CueSet([("declined to comment", "x"), ("denied", "y")], clitics=False)
    text = normalize("He declined to comment. She denied it; undenied claims remain.")
    assert _cues(list(cues.finditer(text))) == ["declined to comment", "denied"]
    assert cues.fullmatch("denied") == "y" and cues.fullmatch("deniedx") is None


def test_sentences_and_abbreviations() -> None:
    doc = Doc("Maj. Gen. Pavel Kuritsyn said talks continued. The U.S. agreed.\nNew line here")
    quotes = [doc.sentence_quote(s) for s in doc.sentences]
    assert quotes == [
        "Maj. Gen. Pavel Kuritsyn said talks continued.",
        "The U.S. agreed.",
        "New line here",
    ]
    arabic = Doc("نفى المتحدث ذلك؟ وقال إن المفاوضات مستمرة.\nسطر جديد")
    assert len(arabic.sentences) == 3
    dated = Doc("It offered to pay wages by Dec. 10 and Dec. 31, the company said. Sra. Ruiz left.")
    assert len(dated.sentences) == 2


def test_nearest_non_space_characters_around_an_offset() -> None:
    text = "HALVANE, Oct 3 ( AP\n) — talks"
    doc = Doc(text)
    start = text.index("AP")
    assert doc.char_before(start) == "(" and doc.char_after(start + 2) == ")"
    assert doc.char_before(text.index("Oct")) == ","
    assert doc.char_before(0) == "" and doc.char_after(len(text)) == ""
    assert Doc("  x  ").char_before(2) == "" and Doc("  x  ").char_after(3) == ""


def test_language_detection() -> None:
    assert detect_language("نفت فصائل المعارضة وجود أي مفاوضات مع روسيا") == "ar"
    assert detect_language("The ministry said that the talks with the rebels were over.") == "en"
    assert detect_language("Le gouvernement a démenti les informations selon lesquelles") == "fr"
    spanish = "El Gobierno negó que se hayan suspendido los bombardeos en la zona"
    assert detect_language(spanish) == "es"


def test_ids_are_ascii_unique_and_deterministic() -> None:
    assert slug("فيلق الرحمن") == "fylq_alrhmn"
    assert slug("Russia's reconciliation centre") == "russia_s_reconciliation"
    maker = IdMaker()
    assert [maker.make("Sokol Front"), maker.make("Sokol Front"), maker.make("x")] == [
        "sokol_front",
        "sokol_front_2",
        "x",
    ]


def test_french_lexicon_is_used() -> None:
    text = (
        "La Coalition pour le renouveau du Nord a démenti mardi toute négociation avec le "
        "gouvernement centrafricain, selon l'AFP.\n"
        "Le ministre n'a pas démenti les informations sur une rencontre."
    )
    draft = extract(text)
    assert draft.language == "fr"
    names = {a.id: a.name for a in draft.actors}
    assert [names[d.denier] for d in draft.denials] == ["Coalition pour le renouveau du Nord"]
    assert [names[c] for c in draft.denials[0].counterparties] == ["gouvernement centrafricain"]
    assert [s.name for s in draft.sources] == ["AFP"]


# -- fast paths: the same answers as the definitions they shortcut -------------------------

_CUE_WORDS = ["نفى", "رفض", "محادثات", "denied", "declined to comment", "talks"]
_TOKENS = st.sampled_from(
    [*_CUE_WORDS, "ونفى", "فرفض", "بالمحادثات", "رفضهما", "نفيسة", "undenied", "a", "x"]
)
_SEPARATORS = st.sampled_from([" ", "  ", ", ", " - ", "\n", "\t", "«", ": ", "("])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=12))
    return draw(_SEPARATORS) + "".join(t + s for t, s in parts)


@st.composite
def _articles(draw: st.DrawFn) -> str:
    """Texts long enough (over 200 characters) for the token-start index."""
    words = draw(st.lists(st.tuples(_TOKENS, _SEPARATORS), min_size=40, max_size=90))
    return "".join(t + s for t, s in words) + "x " * 100


@settings(max_examples=200, deadline=None)
@given(_articles(), st.integers(0, 400), st.integers(0, 800), st.booleans(), st.booleans())
def test_indexed_scan_of_an_article_matches_the_general_scan(
    raw: str, a: int, b: int, clitics: bool, verbs: bool
) -> None:
    cues = CueSet([(w, w) for w in _CUE_WORDS], clitics=clitics, article=clitics, verbs=verbs)
    text = normalize(raw)
    assert len(text) > 200
    # A line break anywhere sends the matcher down its general path (the pattern tried at
    # every offset), and after the end of the text it changes no match: both paths must
    # agree, on the whole text and on windows of it.
    assert list(cues.finditer(text)) == list(cues.finditer(text + "\n"))
    assert list(cues.finditer(text, a, b)) == list(cues.finditer(text + "\n", a, b))
    assert cues.search(text, a, b) == cues.search(text + "\n", a, b)


def _cue_sets(code: str) -> list[CueSet[Any]]:
    lexicon = load_lexicon(code)
    gazetteer = load_gazetteer()
    sets = [getattr(lexicon, f.name) for f in fields(lexicon)]
    return [s for s in sets if isinstance(s, CueSet)] + [gazetteer.forms, gazetteer.demonyms]


@pytest.mark.parametrize("code", ["ar", "en", "fr", "es", "de"])
def test_every_cue_set_finds_in_fixtures_what_the_general_scan_finds(code: str) -> None:
    # The index keeps only tokens that can open a cue: a cue it missed would show here
    # as a match of the general path (a line break sends the matcher down that path).
    sets = _cue_sets(code)
    for path in sorted(FIXTURES.glob(f"{code}_*.txt"))[::4]:
        text = normalize(path.read_text(encoding="utf-8"))
        for cues in sets:
            assert list(cues.finditer(text)) == list(cues.finditer(text + "\n")), path.name


def test_a_cue_set_first_used_after_an_article_was_indexed_is_still_found() -> None:
    text = normalize("ونفى المتحدث وجود مفاوضات، ورفض الوفد المقترح. " * 10)
    first = CueSet([("نفى", "deny")], clitics=True)
    assert len(list(first.finditer(text))) == 10
    # Registering a new set replaces the token memo the index of `text` was built from:
    # its tokens are looked up again with the new set's openers.
    later = CueSet([("رفض", "refuse"), ("مفاوضات", "talks")], clitics=True)
    assert _cues(list(later.finditer(text))) == ["مفاوضات", "رفض"] * 10
    assert len(list(first.finditer(text))) == 10


def test_articles_extracted_in_threads_at_once_get_the_answers_they_get_alone() -> None:
    # `acomplete` runs the rules in threads: each keeps its own index of the text it scans.
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))[::9]]
    alone = [extract(t).model_dump_json() for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            assert list(pool.map(lambda t: extract(t).model_dump_json(), texts)) == alone


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_doc_tokens_clause_breaks_and_capitals_follow_their_definitions(raw: str) -> None:
    doc = Doc(raw.title())
    assert doc.tokens == [m.span() for m in re.finditer(r"\S+", doc.ntext)]
    assert doc.words == [doc.ntext[s:e] for s, e in doc.tokens]
    breaks = re.finditer(r"[،؛,;:()]|\s[-–—]\s?|[«»“”\"]", doc.text)
    assert doc.clause_breaks == sorted({doc.to_norm(m.start()) for m in breaks})
    assert doc.original_capitalised == [
        doc.text[doc.norm.origin[s]].isupper() for s, _ in doc.tokens
    ]
