"""One summary as a self-contained HTML page: the article with every grounded evidence span
highlighted by category, and a side panel listing the items.

Highlighting. Spans may nest (an actor's first mention inside a denial's quote), coincide
(several actors sharing one quote) or cross. The article is built by one sweep over all span
boundaries that keeps a stack of open `<mark>` elements, so nesting spans become nested
elements. Only when two spans cross does the inner one have to be closed and reopened: it is
then split into pieces. Every piece carries the item's `data-item` ("denials-0"); the first
piece alone has the class `first` and the id `span-<item>`. So the number of highlighted items
is the number of *distinct* `data-item` values on `mark` elements (equivalently, the number
of `mark.first` elements), and it equals the number of grounded items.

Items whose evidence is not grounded (alignment `unmatched`, kept with --keep-ungrounded) or
whose offsets do not fit the text are listed apart, under "Ungrounded", with no highlight.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..schemas import Actor, Evidence, StructuredSummary
from ._assets import BADGES, CATEGORIES, LABELS, PATTERNS, direction, esc, lang_code, page

__all__ = [
    "Span",
    "evidence_spans",
    "highlight_article",
    "item_key",
    "items_panel",
    "legend",
    "meta_section",
    "render_summary_html",
]

_RANK = {c: i for i, c in enumerate(CATEGORIES)}
_MAX_HEIGHT = 5


@dataclass(frozen=True, slots=True)
class Span:
    """One highlighted item: `item` is its `data-item` value, unique in the page."""

    item: str
    category: str
    start: int
    end: int
    title: str = ""


@dataclass(slots=True)
class _Node:
    span: Span | None
    first: bool = True
    children: list[_Node | str] = field(default_factory=list)

    def height(self) -> int:
        below = max((c.height() for c in self.children if isinstance(c, _Node)), default=0)
        return below + (1 if self.span is not None else 0)


def item_key(category: str, index: int, prefix: str = "") -> str:
    return f"{prefix}{category}-{index}"


def fits(ev: Evidence, text: str) -> bool:
    """Whether the evidence is grounded with offsets that lie inside `text`."""
    return (
        ev.grounded
        and ev.start is not None
        and ev.end is not None
        and 0 <= ev.start < ev.end <= len(text)
    )


def highlight_article(text: str, spans: Iterable[Span]) -> str:
    """The escaped `text` with one `<mark>` per span (split only where spans cross)."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    order = sorted(valid, key=lambda s: (s.start, -s.end, _RANK.get(s.category, 99), s.item))
    starts: dict[int, list[Span]] = {}
    for s in order:
        starts.setdefault(s.start, []).append(s)
    bounds = sorted({0, len(text)} | {s.start for s in valid} | {s.end for s in valid})
    root = _Node(None)
    stack: list[_Node] = [root]
    pos = 0
    for b in bounds:
        if b > pos:
            stack[-1].children.append(text[pos:b])
            pos = b
        ending = [i for i, n in enumerate(stack) if n.span is not None and n.span.end == b]
        reopen: list[Span] = []
        if ending:
            # Close down to the lowest element that ends here; those above it that go on
            # are reopened as continuation pieces (the only case that splits an item).
            popped = stack[ending[0] :]
            del stack[ending[0] :]
            reopen = [n.span for n in popped if n.span is not None and n.span.end != b]
        opening = [(s, False) for s in reopen] + [(s, True) for s in starts.get(b, [])]
        opening.sort(key=lambda p: (-p[0].end, _RANK.get(p[0].category, 99), p[0].item))
        for s, first in opening:
            node = _Node(s, first=first)
            stack[-1].children.append(node)
            stack.append(node)
    return "".join(_serialize(c) for c in root.children)


def _serialize(node: _Node | str) -> str:
    if isinstance(node, str):
        return esc(node)
    s = node.span
    assert s is not None
    inner = "".join(_serialize(c) for c in node.children)
    classes = f"hl cat-{s.category} h{min(node.height(), _MAX_HEIGHT)}"
    attrs = f' data-item="{esc(s.item)}"'
    if node.first:
        classes += " first"
        attrs = f' id="span-{esc(s.item)}"' + attrs
    else:
        classes += " cont"
    title = f' title="{esc(s.title)}"' if s.title else ""
    return f'<mark class="{classes}"{attrs}{title}>{inner}</mark>'


# -- describing items -------------------------------------------------------------------


class _Names:
    """Actor and source ids resolved to the names a reader knows."""

    def __init__(self, summary: StructuredSummary) -> None:
        self.actors: dict[str, Actor] = {a.id: a for a in summary.actors}
        self.sources = {s.id: s.name for s in summary.sources}

    def actor(self, ref: str | None) -> str:
        if ref is None:
            return "—"
        a = self.actors.get(ref)
        if a is None:
            return ref
        return f"{a.name} ({a.name_en})" if a.name_en and a.name_en != a.name else a.name

    def actors_list(self, refs: Sequence[str]) -> str:
        return ", ".join(self.actor(r) for r in refs) if refs else "—"

    def actor_html(self, ref: str | None) -> str:
        """The name and its English rendering as separate isolates, so an Arabic name and
        its English gloss each keep their own direction."""
        a = self.actors.get(ref) if ref is not None else None
        if a is None:
            return _t(ref if ref is not None else "—")
        if a.name_en and a.name_en != a.name:
            return f'{_t(a.name)} <span class="en">({_t(a.name_en)})</span>'
        return _t(a.name)

    def actors_html(self, refs: Sequence[str]) -> str:
        return ", ".join(self.actor_html(r) for r in refs) if refs else _t("—")

    def source(self, ref: str | None) -> str:
        if ref is None:
            return "—"
        return self.sources.get(ref, ref)


def _t(text: str) -> str:
    """Item text of unknown direction, isolated from its neighbours."""
    return f'<bdi class="t" dir="auto">{esc(text)}</bdi>'


def _describe(summary: StructuredSummary, category: str, index: int, names: _Names) -> str:
    """Plain-text one-liner (for tooltips)."""
    item = getattr(summary, category)[index]
    if category == "denials":
        return f"Denial: {names.actor(item.denier)} → {item.denied}"
    if category == "negotiation_claims":
        return (
            f"Negotiation claim ({item.status}): {names.actor(item.claimant)} → "
            f"{names.actors_list(item.parties)}: {item.subject}"
        )
    if category == "sources":
        return f"Source ({item.kind}): {item.name}"
    return f"Actor ({item.kind}{', ' + item.role if item.role else ''}): {item.name}"


def _main_line(summary: StructuredSummary, category: str, index: int, names: _Names) -> str:
    item = getattr(summary, category)[index]
    arrow = '<span class="arrow" aria-hidden="true">→</span>'
    if category == "denials":
        return f"{names.actor_html(item.denier)} {arrow} {_t(item.denied)}"
    if category == "negotiation_claims":
        return f"{names.actor_html(item.claimant)} {arrow} {names.actors_html(item.parties)}"
    if category == "sources":
        return _t(item.name)
    return names.actor_html(item.id)


def _facts(summary: StructuredSummary, category: str, index: int, names: _Names) -> list[str]:
    """`label: value` pieces, values already markup (isolated item text)."""
    item = getattr(summary, category)[index]
    facts: list[tuple[str, str]] = []
    if category == "denials":
        if item.counterparties:
            facts.append(("about", names.actors_html(item.counterparties)))
        if item.source:
            facts.append(("via", _t(names.source(item.source))))
    elif category == "negotiation_claims":
        facts += [("subject", _t(item.subject)), ("status", esc(item.status))]
        if item.source:
            facts.append(("via", _t(names.source(item.source))))
    elif category == "sources":
        facts.append(("kind", esc(item.kind)))
        if item.actor:
            facts.append(("speaker", names.actor_html(item.actor)))
        if item.anonymous:
            facts.append(("anonymous", "yes"))
    else:
        facts.append(("kind", esc(item.kind)))
        if item.role:
            facts.append(("role", _t(item.role)))
        if item.affiliation:
            facts.append(("affiliation", names.actor_html(item.affiliation)))
        if item.aliases:
            facts.append(("aliases", ", ".join(_t(a) for a in item.aliases)))
    ev: Evidence = item.evidence
    facts.append(("alignment", esc(ev.alignment)))
    return [f"{esc(k)}: {v}" for k, v in facts]


def _quote(ev: Evidence, text: str) -> str:
    # A grounded span shows the article's own words; otherwise the model's quote.
    words = text[ev.start : ev.end] if fits(ev, text) else ev.quote
    return f'<q class="quote" dir="auto">{esc(words)}</q>'


def evidence_spans(summary: StructuredSummary, text: str, prefix: str = "") -> list[Span]:
    """A span per item whose evidence is grounded inside `text`."""
    names = _Names(summary)
    spans: list[Span] = []
    for category in CATEGORIES:
        for i, item in enumerate(getattr(summary, category)):
            ev: Evidence = item.evidence
            if fits(ev, text):
                assert ev.start is not None and ev.end is not None
                spans.append(
                    Span(
                        item_key(category, i, prefix),
                        category,
                        ev.start,
                        ev.end,
                        _describe(summary, category, i, names),
                    )
                )
    return spans


def _status_badge(status: str | None) -> str:
    if not status:
        return ""
    return f' <span class="status {esc(status)}">{esc(status)}</span>'


def _entry(
    summary: StructuredSummary,
    text: str,
    category: str,
    index: int,
    names: _Names,
    prefix: str,
    status: str | None,
    grounded: bool,
) -> str:
    key = item_key(category, index, prefix)
    ev: Evidence = getattr(summary, category)[index].evidence
    badge = f'<span class="badge cat-{category}">{BADGES[category]}</span>'
    main = f'<span class="main">{_main_line(summary, category, index, names)}</span>'
    facts = '<div class="facts">' + " · ".join(_facts(summary, category, index, names)) + "</div>"
    head = f"{badge} {main}{_status_badge(status)}"
    if grounded:
        head = f'<a class="jump" href="#span-{esc(key)}" data-target="{esc(key)}">{head}</a>'
    return (
        f'<li class="item cat-{category}" id="entry-{esc(key)}" data-entry="{esc(key)}">'
        f"{head}{facts}{_quote(ev, text)}</li>"
    )


_HEADINGS = {
    "denials": "Denials",
    "negotiation_claims": "Negotiation claims",
    "sources": "Sources",
    "actors": "Actors",
}


def items_panel(
    summary: StructuredSummary,
    text: str,
    *,
    prefix: str = "",
    status: Mapping[str, str] | None = None,
) -> str:
    """The item sections (denials, claims, contradictions, sources, actors, ungrounded).

    `status` maps an item key without prefix ("denials-0", "contradictions-1") to a word
    shown as a badge (the eval report's matched / missed / spurious).
    """
    names = _Names(summary)
    status = status or {}
    sections: list[str] = []
    ungrounded: list[str] = []
    for category in ("denials", "negotiation_claims"):
        sections.append(_section(summary, text, category, names, prefix, status, ungrounded))
    sections.append(_contradictions(summary, names, prefix, status))
    for category in ("sources", "actors"):
        sections.append(_section(summary, text, category, names, prefix, status, ungrounded))
    body = "".join(ungrounded) or '<li class="empty">none</li>'
    sections.append(
        f'<section class="ungrounded"><h2>Ungrounded '
        f'<span class="count">({len(ungrounded)})</span></h2>'
        '<p class="facts">Quotes not found in the article: not highlighted, not evidence.</p>'
        f'<ol class="items">{body}</ol></section>'
    )
    return "".join(sections)


def _section(
    summary: StructuredSummary,
    text: str,
    category: str,
    names: _Names,
    prefix: str,
    status: Mapping[str, str],
    ungrounded: list[str],
) -> str:
    entries: list[str] = []
    for i, item in enumerate(getattr(summary, category)):
        grounded = fits(item.evidence, text)
        key = item_key(category, i)
        html = _entry(summary, text, category, i, names, prefix, status.get(key), grounded)
        (entries if grounded else ungrounded).append(html)
    body = "".join(entries) or '<li class="empty">none</li>'
    return (
        f'<section class="cat-{category}"><h2>{_HEADINGS[category]} '
        f'<span class="count">({len(entries)})</span></h2><ol class="items">{body}</ol></section>'
    )


def _contradictions(
    summary: StructuredSummary, names: _Names, prefix: str, status: Mapping[str, str]
) -> str:
    entries: list[str] = []
    for i, k in enumerate(summary.contradictions):
        claim_key = item_key("negotiation_claims", k.claim, prefix)
        denial_key = item_key("denials", k.denial, prefix)
        claim = summary.negotiation_claims[k.claim]
        denial = summary.denials[k.denial]
        key = item_key("contradictions", i, prefix)
        note = f'<div class="facts">{_t(k.note)}</div>' if k.note else ""
        entries.append(
            f'<li class="item contradiction" id="entry-{esc(key)}" data-entry="{esc(key)}">'
            f'<div class="pair"><a href="#span-{esc(claim_key)}" data-target="{esc(claim_key)} '
            f'{esc(denial_key)}" class="both">both ↕</a>'
            f'<a href="#span-{esc(claim_key)}" data-target="{esc(claim_key)}">'
            f'<span class="badge cat-negotiation_claims">NEG</span> '
            f"{names.actor_html(claim.claimant)}: {_t(claim.subject)}</a>"
            '<span class="arrow" aria-label="contradicts">↔</span>'
            f'<a href="#span-{esc(denial_key)}" data-target="{esc(denial_key)}">'
            f'<span class="badge cat-denials">DEN</span> '
            f"{names.actor_html(denial.denier)}: {_t(denial.denied)}</a>"
            f"{_status_badge(status.get(item_key('contradictions', i)))}</div>{note}</li>"
        )
    body = "".join(entries) or '<li class="empty">none</li>'
    return (
        f'<section class="contradictions"><h2>Contradictions '
        f'<span class="count">({len(entries)})</span></h2><ol class="items">{body}</ol></section>'
    )


def legend() -> str:
    items = "".join(
        f'<li><span class="hl swatch cat-{c} first">{esc(LABELS[c].lower())}</span>'
        f"{esc(LABELS[c])} — {esc(PATTERNS[c])}, badge {BADGES[c]}</li>"
        for c in CATEGORIES
    )
    return f'<ul class="legend" aria-label="Legend">{items}</ul>'


def meta_section(summary: StructuredSummary) -> str:
    meta = summary.meta
    if meta is None:
        return '<section class="meta"><h2>Run</h2><p class="empty">no metadata</p></section>'
    rows: list[tuple[str, str]] = [
        ("backend", meta.backend),
        ("model", meta.model or "—"),
        ("mode", meta.mode or "—"),
        ("endpoint", meta.base_url or "—"),
        ("prompt hash", meta.prompt_hash or "—"),
        (
            "tokens",
            f"{meta.usage.prompt_tokens} prompt + {meta.usage.completion_tokens} completion "
            f"= {meta.usage.total_tokens}",
        ),
        ("latency", f"{meta.latency_s:.3f} s"),
        ("attempts", str(meta.attempts)),
        ("chunks", str(meta.chunks)),
        ("input", f"{meta.input.chars} chars"),
    ]
    if meta.input.converted_from_html:
        rows.append(("input", "converted from HTML (offsets index the converted text)"))
    if meta.timings:
        rows.append(("timings", ", ".join(f"{k} {v:.3f} s" for k, v in meta.timings.items())))
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows)
    warnings = ""
    if meta.warnings:
        warnings = (
            '<h3>Warnings</h3><ul class="warnings">'
            + "".join(f'<li dir="auto">{esc(w)}</li>' for w in meta.warnings)
            + "</ul>"
        )
    return f'<section class="meta"><h2>Run</h2><dl class="meta">{dl}</dl>{warnings}</section>'


def article_block(summary: StructuredSummary, text: str, prefix: str = "", label: str = "") -> str:
    """The highlighted article element, with its language and direction."""
    code = lang_code(summary.language)
    lang = f' lang="{esc(code)}"' if code else ""
    aria = f' aria-label="{esc(label)}"' if label else ' aria-label="Article"'
    body = highlight_article(text, evidence_spans(summary, text, prefix))
    return (
        f'<article class="article" dir="{direction(summary.language)}"{lang}{aria}>{body}</article>'
    )


def render_summary_html(summary: StructuredSummary, text: str) -> str:
    """The summary of `text` as one self-contained HTML page (see the module docstring)."""
    header = (
        '<header class="top"><div class="kicker">Structured summary · language '
        f"{esc(summary.language)}</div>"
        f'<h1 dir="auto">{esc(summary.headline or "(no headline)")}</h1>'
        f'<p dir="auto">{esc(summary.summary)}</p>{legend()}</header>'
    )
    body = (
        f'{header}<main class="layout">{article_block(summary, text)}'
        f'<aside class="panel" aria-label="Extracted items">{items_panel(summary, text)}'
        f"{meta_section(summary)}</aside></main>"
    )
    return page(summary.headline or "Structured summary", body)
