"""The HTML summary view: highlighting by boundary sweep (nesting, coinciding and crossing
spans), counts of highlighted items, right-to-left layout, escaping of hostile article and
model text, and the Content-Security-Policy hashes."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from conftest import ROOT, SEED_PATH
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser as Selectolax

from summarizer.evals.gold import load_gold
from summarizer.grounding import Grounder
from summarizer.render.html import Span, highlight_article, render_summary_html
from summarizer.schemas import Evidence, Meta, StructuredSummary, Usage

SEED_GOLD = ROOT / "evals" / "fixtures" / "ar_001_ghouta_seed.gold.json"

HOSTILE_ARTICLE = (
    "Officials <script>window.__pwned=1</script> denied any talks with the rebels.\n"
    '<img src=x onerror="window.__pwned=1"> The ministry said talks continue {{ 7*7 }} '
    "{% if x %} & \"quoted\" 'single' </article></mark>.\n"
)


def seed_summary() -> tuple[StructuredSummary, str]:
    """The seed article and its gold summary, grounded with the pipeline's Grounder."""
    text = SEED_PATH.read_text(encoding="utf-8")
    return load_gold(SEED_GOLD, text).summary, text


def grounded_summary(text: str, language: str, **items: Any) -> StructuredSummary:
    """A summary whose item dicts carry a `quote`, grounded in `text` (the real Grounder)."""
    grounder = Grounder(text)
    data: dict[str, Any] = {"language": language, "headline": "h", "summary": "s"}
    for name, values in items.items():
        out = []
        for value in values:
            value = dict(value)
            if "quote" in value:
                value["evidence"] = grounder.ground(value.pop("quote")).model_dump()
            out.append(value)
        data[name] = out
    return StructuredSummary.model_validate(data)


def hostile_summary() -> StructuredSummary:
    bad = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
    s = grounded_summary(
        HOSTILE_ARTICLE,
        "en",
        actors=[
            {"id": "officials", "name": bad, "kind": "government", "quote": "Officials <script>"},
            {"id": "ministry", "name": "ministry", "kind": "government", "quote": "The ministry"},
        ],
        denials=[
            {
                "denier": "officials",
                "denied": bad,
                "counterparties": [],
                "quote": "window.__pwned=1</script> denied any talks",
            }
        ],
        negotiation_claims=[
            {
                "claimant": "ministry",
                "parties": ["ministry"],
                "subject": "{{ 7*7 }}",
                "status": "ongoing",
                "quote": '<img src=x onerror="window.__pwned=1"> The ministry said talks',
            }
        ],
        contradictions=[{"claim": 0, "denial": 0, "note": bad}],
    )
    meta = Meta(backend="rules", warnings=[bad])
    return s.model_copy(update={"headline": bad, "summary": bad, "meta": meta})


def grounded_keys(summary: StructuredSummary, text: str) -> set[str]:
    return {
        f"{category}-{i}"
        for category, i, ev in summary.evidence()
        if ev.grounded and ev.start is not None and ev.end is not None and ev.end <= len(text)
    }


class _Marks(HTMLParser):
    """Reads highlighted markup back: the whole text, each item's text (all its pieces in
    order), first-piece counts and whether the tags balance."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.items: dict[str, str] = {}
        self.firsts: dict[str, int] = {}
        self.stack: list[str | None] = []
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        item = a.get("data-item") if tag == "mark" else None
        if item is not None:
            assert item not in self.stack, f"{item} nested inside itself"
            self.items.setdefault(item, "")
            if "first" in (a.get("class") or "").split():
                self.firsts[item] = self.firsts.get(item, 0) + 1
        self.stack.append(item if tag == "mark" else None)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack:
            self.balanced = False
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        for item in self.stack:
            if item is not None:
                self.items[item] += data


def read_marks(markup: str) -> _Marks:
    parser = _Marks()
    parser.feed(markup)
    parser.close()
    parser.balanced = parser.balanced and not parser.stack
    return parser


def article_inner(page: str) -> str:
    m = re.search(r"<article\b[^>]*>(.*)</article>", page, re.S)
    assert m is not None
    return m.group(1)


# -- highlighting -----------------------------------------------------------------------


def test_seed_page_highlights_each_grounded_item_once_with_its_exact_words() -> None:
    summary, text = seed_summary()
    page = render_summary_html(summary, text)
    marks = read_marks(article_inner(page))
    keys = grounded_keys(summary, text)
    assert len(keys) == 15 + 6 + 3 + 8
    assert set(marks.items) == keys
    assert all(marks.firsts.get(k) == 1 for k in keys)
    assert marks.balanced
    assert marks.text == text
    for category, i, ev in summary.evidence():
        assert marks.items[f"{category}-{i}"] == text[ev.start : ev.end]
    tree = Selectolax(page)
    distinct = {m.attributes["data-item"] for m in tree.css("article mark[data-item]")}
    assert len(distinct) == len(tree.css("article mark.first")) == len(keys)


def test_nested_coinciding_and_crossing_spans_stay_well_formed() -> None:
    text = "abcdefghijklmnopqrstuvwxyz"
    spans = [
        Span("denials-0", "denials", 2, 20),  # outer
        Span("actors-0", "actors", 4, 8),  # nested in it
        Span("actors-1", "actors", 4, 8),  # coincides with actors-0
        Span("sources-0", "sources", 15, 24),  # crosses the denial's end
        Span("negotiation_claims-0", "negotiation_claims", 0, 26),  # whole text
    ]
    out = highlight_article(text, spans)
    marks = read_marks(out)
    assert marks.balanced and marks.text == text
    for s in spans:
        assert marks.items[s.item] == text[s.start : s.end]
        assert marks.firsts[s.item] == 1
    # Nesting needs no split; only the crossing source is cut in two at the denial's end.
    tree = Selectolax(f"<div>{out}</div>")
    pieces = {s.item: len(tree.css(f'mark[data-item="{s.item}"]')) for s in spans}
    assert pieces == {
        "denials-0": 1,
        "actors-0": 1,
        "actors-1": 1,
        "sources-0": 2,
        "negotiation_claims-0": 1,
    }
    # The denial, which starts first, contains the actors; the claim contains everything.
    assert tree.css_first('mark[data-item="denials-0"] mark[data-item="actors-0"]') is not None
    outer = tree.css_first("div > mark")
    assert outer is not None and outer.attributes["data-item"] == "negotiation_claims-0"


def test_spans_outside_the_text_are_not_highlighted() -> None:
    out = highlight_article(
        "short", [Span("actors-0", "actors", 2, 99), Span("x-1", "actors", 3, 3)]
    )
    assert "<mark" not in out and out == "short"


_ALPHABET = "ab <>&\"'\n\r{}نفىروسيا"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    text=st.text(alphabet=_ALPHABET, min_size=1, max_size=40),
    raw=st.lists(
        st.tuples(
            st.sampled_from(["actors", "sources", "denials", "negotiation_claims"]),
            st.integers(0, 40),
            st.integers(1, 40),
        ),
        max_size=8,
    ),
)
def test_any_set_of_spans_round_trips(text: str, raw: list[tuple[str, int, int]]) -> None:
    spans = [
        Span(f"{cat}-{n}", cat, min(a, len(text) - 1), min(a + w, len(text)))
        for n, (cat, a, w) in enumerate(raw)
    ]
    marks = read_marks(highlight_article(text, spans))
    assert marks.balanced
    assert marks.text == text
    assert set(marks.items) == {s.item for s in spans}
    for s in spans:
        assert marks.items[s.item] == text[s.start : s.end]
        assert marks.firsts[s.item] == 1


# -- layout and content -----------------------------------------------------------------


def test_arabic_article_is_right_to_left_and_item_texts_choose_their_direction() -> None:
    summary, text = seed_summary()
    tree = Selectolax(render_summary_html(summary, text))
    article = tree.css_first("article")
    assert article is not None
    assert article.attributes["dir"] == "rtl" and article.attributes["lang"] == "ar"
    assert tree.css_first("html").attributes["dir"] == "ltr"  # the page chrome is English
    texts = tree.css("aside bdi")
    assert texts and all(b.attributes.get("dir") == "auto" for b in texts)
    assert "unicode-bidi:isolate" in (tree.css_first("style").text() or "")
    english = grounded_summary("Rebels denied talks.", "en")
    assert Selectolax(render_summary_html(english, "Rebels denied talks.")).css_first(
        "article"
    ).attributes["dir"] == ("ltr")


def test_panel_lists_items_and_links_contradictions_to_both_spans() -> None:
    summary, text = seed_summary()
    tree = Selectolax(render_summary_html(summary, text))
    for category, items in (
        ("denials", summary.denials),
        ("negotiation_claims", summary.negotiation_claims),
        ("sources", summary.sources),
        ("actors", summary.actors),
    ):
        entries = tree.css(f"aside li.cat-{category}[data-entry]")
        assert len(entries) == len(items)
        for i, entry in enumerate(entries):
            link = entry.css_first("a[data-target]")
            assert link is not None and link.attributes["data-target"] == f"{category}-{i}"
            assert link.attributes["href"] == f"#span-{category}-{i}"
            assert tree.css_first(f"#span-{category}-{i}") is not None
    denial = tree.css_first('li[data-entry="denials-1"]').text()
    assert "وائل علوان" in denial and "Wael Alwan" in denial
    pairs = tree.css("li.contradiction")
    assert len(pairs) == len(summary.contradictions)
    for k, li in zip(summary.contradictions, pairs, strict=True):
        both = li.css_first("a.both")
        assert both is not None
        targets = both.attributes["data-target"].split()
        assert targets == [f"negotiation_claims-{k.claim}", f"denials-{k.denial}"]


def test_ungrounded_items_are_listed_apart_and_not_highlighted() -> None:
    text = "The army denied talks. Rebels said talks go on."
    s = grounded_summary(
        text,
        "en",
        actors=[
            {"id": "army", "name": "army", "kind": "military", "quote": "The army"},
            {"id": "reb", "name": "Rebels", "kind": "armed_group", "quote": "Rebels"},
        ],
        denials=[
            {"denier": "army", "denied": "talks", "quote": "The army denied talks"},
            {"denier": "reb", "denied": "truce", "quote": "a sentence that is not there at all"},
        ],
    )
    assert s.denials[1].evidence.alignment == "unmatched"
    tree = Selectolax(render_summary_html(s, text))
    assert {m.attributes["data-item"] for m in tree.css("article mark")} == {
        "actors-0",
        "actors-1",
        "denials-0",
    }
    ungrounded = tree.css("section.ungrounded li[data-entry]")
    assert [li.attributes["data-entry"] for li in ungrounded] == ["denials-1"]
    assert "not there at all" in ungrounded[0].text()
    assert ungrounded[0].css_first("a[data-target]") is None
    assert tree.css_first('section.cat-denials li[data-entry="denials-1"]') is None


def test_meta_shows_backend_tokens_latency_and_warnings() -> None:
    summary, text = seed_summary()
    meta = Meta(
        backend="openai",
        model="gemma-3",
        usage=Usage(prompt_tokens=1200, completion_tokens=345),
        latency_s=2.5,
        warnings=["dropped 1 ungrounded item"],
    )
    page = render_summary_html(summary.model_copy(update={"meta": meta}), text)
    section = Selectolax(page).css_first("section.meta")
    assert section is not None
    shown = section.text()
    for needle in ("openai", "gemma-3", "1200 prompt + 345 completion = 1545", "2.500 s"):
        assert needle in shown
    assert [li.text() for li in section.css("ul.warnings li")] == ["dropped 1 ungrounded item"]


# -- safety -----------------------------------------------------------------------------


def test_hostile_article_and_model_text_render_as_text() -> None:
    summary = hostile_summary()
    page = render_summary_html(summary, HOSTILE_ARTICLE)
    tree = Selectolax(page)
    assert len(tree.css("script")) == 1  # ours, at the end of the body
    assert not tree.css("img") and not tree.css("svg")
    for node in tree.css("*"):
        assert not any(k.lower().startswith("on") for k in node.attributes), node.tag
    article = tree.css_first("article")
    assert article is not None and article.text(deep=True) == HOSTILE_ARTICLE
    assert read_marks(article_inner(page)).text == HOSTILE_ARTICLE
    assert tree.css_first("h1").text() == summary.headline
    assert "{{ 7*7 }}" in tree.css_first("aside").text()


def test_content_security_policy_allows_exactly_the_inline_style_and_script() -> None:
    summary, text = seed_summary()
    tree = Selectolax(render_summary_html(summary, text))
    meta = tree.css_first('meta[http-equiv="Content-Security-Policy"]')
    assert meta is not None
    policy = dict(
        (part.split()[0], part.split()[1:])
        for part in meta.attributes["content"].split(";")
        if part.strip()
    )
    assert policy["default-src"] == ["'none'"]
    assert policy["img-src"] == ["data:"]

    def digest(content: str) -> str:
        return (
            "'sha256-" + base64.b64encode(hashlib.sha256(content.encode()).digest()).decode() + "'"
        )

    style = tree.css_first("style")
    script = tree.css_first("script")
    assert style is not None and script is not None
    assert policy["style-src"] == [digest(style.text())]
    assert policy["script-src"] == [digest(script.text())]
    # Nothing is loaded from anywhere: no external references at all.
    for node in tree.css("[src], link, [href]"):
        assert node.attributes.get("href", "#").startswith("#"), node.attributes


def test_carriage_returns_survive_as_references(tmp_path: Path) -> None:
    text = "line one\r\nline two"
    s = grounded_summary(
        text, "en", actors=[{"id": "a", "name": "x", "kind": "other", "quote": "two"}]
    )
    inner = article_inner(render_summary_html(s, text))
    assert "\r" not in inner and "&#13;" in inner
    assert read_marks(inner).text == text


def test_evidence_offsets_past_the_text_count_as_ungrounded() -> None:
    text = "Rebels denied talks."
    s = StructuredSummary(
        language="en",
        headline="h",
        summary="s",
        actors=[
            {
                "id": "r",
                "name": "Rebels",
                "kind": "armed_group",
                "evidence": Evidence(quote="Rebels", start=10, end=40, alignment="fuzzy"),
            }
        ],
    )
    tree = Selectolax(render_summary_html(s, text))
    assert not tree.css("article mark")
    assert tree.css_first('section.ungrounded li[data-entry="actors-0"]') is not None
