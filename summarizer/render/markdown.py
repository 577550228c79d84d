"""One summary as a readable Markdown report (`summarizer summarize --format markdown`).

Headline, summary, then a table per item kind with each item's evidence, the
contradictions with both quotes, warnings and run metadata. With the article `text`, a
grounded quote is shown as the article's own words (`text[start:end]`); a quote that is not
grounded is shown as the model wrote it and marked as such, never presented as evidence.

Everything from the article or the model is escaped for Markdown tables and for the inline
HTML that Markdown viewers render: `<script>` in an article stays text.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..schemas import Evidence, StructuredSummary

__all__ = ["render_markdown"]


def _cell(value: object) -> str:
    """A table cell: one line, pipes escaped, HTML inert."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`") or "—"


def _para(value: str) -> str:
    """Running text outside tables: HTML inert, line breaks kept."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _evidence(ev: Evidence, text: str | None) -> str:
    if not ev.grounded:
        return f"⚠ not in the article: “{_cell(ev.quote)}”"
    words = ev.quote
    if (
        text is not None
        and ev.start is not None
        and ev.end is not None
        and 0 <= ev.start < ev.end <= len(text)
    ):
        words = text[ev.start : ev.end]
    where = f" ({ev.alignment}, {ev.start}–{ev.end})" if ev.alignment != "exact" else ""
    return f"“{_cell(words)}”{where}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_markdown(summary: StructuredSummary, text: str | None = None) -> str:
    """The Markdown report of `summary` (of the article `text`, when given)."""
    actors = {a.id: a for a in summary.actors}
    sources = {s.id: s for s in summary.sources}

    def actor(ref: str | None) -> str:
        if ref is None:
            return "—"
        a = actors.get(ref)
        if a is None:
            return _cell(ref)
        return _cell(a.name + (f" ({a.name_en})" if a.name_en and a.name_en != a.name else ""))

    def actor_list(refs: Sequence[str]) -> str:
        return ", ".join(actor(r) for r in refs) if refs else "—"

    def source(ref: str | None) -> str:
        return _cell(sources[ref].name) if ref in sources else _cell(ref or "—")

    lines = [f"# {_cell(summary.headline or '(no headline)')}", ""]
    if summary.summary:
        lines += [_para(summary.summary), ""]
    lines.append(f"*Language: {_cell(summary.language)}*")

    def section(title: str, header: Sequence[str], rows: list[list[str]]) -> None:
        lines.extend(["", f"## {title} ({len(rows)})", ""])
        if rows:
            lines.extend(_table(header, rows))
        else:
            lines.append("None.")

    section(
        "Denials",
        ["denier", "denied", "about", "via", "evidence"],
        [
            [
                actor(d.denier),
                _cell(d.denied),
                actor_list(d.counterparties),
                source(d.source),
                _evidence(d.evidence, text),
            ]
            for d in summary.denials
        ],
    )
    section(
        "Negotiation claims",
        ["claimant", "parties", "subject", "status", "via", "evidence"],
        [
            [
                actor(c.claimant),
                actor_list(c.parties),
                _cell(c.subject),
                c.status,
                source(c.source),
                _evidence(c.evidence, text),
            ]
            for c in summary.negotiation_claims
        ],
    )
    rows: list[list[str]] = []
    for k in summary.contradictions:
        c = summary.negotiation_claims[k.claim]
        d = summary.denials[k.denial]
        rows.append(
            [
                f"claim {k.claim}: {actor(c.claimant)} — {_evidence(c.evidence, text)}",
                f"denial {k.denial}: {actor(d.denier)} — {_evidence(d.evidence, text)}",
                _cell(k.note),
            ]
        )
    section("Contradictions", ["claim", "denial", "note"], rows)
    section(
        "Sources",
        ["name", "kind", "anonymous", "speaker", "evidence"],
        [
            [
                _cell(s.name),
                s.kind,
                "yes" if s.anonymous else "no",
                actor(s.actor),
                _evidence(s.evidence, text),
            ]
            for s in summary.sources
        ],
    )
    section(
        "Actors",
        ["id", "name", "English", "kind", "role", "affiliation", "first mention"],
        [
            [
                _cell(a.id),
                _cell(a.name),
                _cell(a.name_en or "—"),
                a.kind,
                _cell(a.role or "—"),
                actor(a.affiliation),
                _evidence(a.evidence, text),
            ]
            for a in summary.actors
        ],
    )
    ungrounded = [
        f"- {category}[{i}]: “{_cell(ev.quote)}”"
        for category, i, ev in summary.evidence()
        if not ev.grounded
    ]
    if ungrounded:
        lines += ["", "## Ungrounded items", "", "Quotes not found in the article:", ""]
        lines += ungrounded
    meta = summary.meta
    if meta is not None:
        if meta.warnings:
            lines += ["", "## Warnings", ""]
            lines += [f"- {_cell(w)}" for w in meta.warnings]
        lines += ["", "## Run", ""]
        facts = [
            ("backend", meta.backend),
            ("model", meta.model),
            ("mode", meta.mode),
            ("prompt hash", meta.prompt_hash),
            (
                "tokens",
                f"{meta.usage.prompt_tokens} prompt + {meta.usage.completion_tokens} completion",
            ),
            ("latency", f"{meta.latency_s:.3f} s"),
            ("attempts", meta.attempts),
            ("chunks", meta.chunks),
        ]
        lines += [f"- {label}: {_cell(value)}" for label, value in facts if value is not None]
    return "\n".join(lines).rstrip() + "\n"
