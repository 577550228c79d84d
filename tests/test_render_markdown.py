"""The Markdown report of one summary: sections and tables per item kind, the article's own
words as evidence, ungrounded quotes flagged, and hostile text kept inert."""

from __future__ import annotations

from test_render_html import HOSTILE_ARTICLE, grounded_summary, hostile_summary, seed_summary

from summarizer.render.markdown import render_markdown
from summarizer.schemas import Meta, Usage


def table_rows(report: str, heading: str) -> list[list[str]]:
    """The body rows of the table under `## heading (n)`, split into cells."""
    lines = report.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"## {heading} ("))
    rows: list[list[str]] = []
    for line in lines[at + 1 :]:
        if line.startswith("## "):
            break
        if line.startswith("| ") and not line.startswith("|---"):
            # Split on pipes that are not escaped.
            cells, cell, escaped = [], "", False
            for ch in line.strip()[1:-1]:
                if ch == "|" and not escaped:
                    cells.append(cell.strip())
                    cell = ""
                else:
                    cell += ch
                escaped = ch == "\\" and not escaped
            cells.append(cell.strip())
            rows.append(cells)
    return rows[1:]  # without the header row


def test_seed_report_has_a_row_per_item_with_the_article_words() -> None:
    summary, text = seed_summary()
    report = render_markdown(summary, text)
    assert report.startswith(f"# {summary.headline}\n")
    assert summary.summary in report
    for heading, items, width in (
        ("Denials", summary.denials, 5),
        ("Negotiation claims", summary.negotiation_claims, 6),
        ("Contradictions", summary.contradictions, 3),
        ("Sources", summary.sources, 5),
        ("Actors", summary.actors, 7),
    ):
        rows = table_rows(report, heading)
        assert len(rows) == len(items), heading
        assert all(len(r) == width for r in rows), heading
        assert f"## {heading} ({len(items)})" in report
    denial = table_rows(report, "Denials")[1]
    assert denial[0] == "وائل علوان (Wael Alwan)"
    ev = summary.denials[1].evidence
    assert text[ev.start : ev.end] in denial[4]
    assert "Ungrounded" not in report


def test_normalized_quotes_show_the_article_words_and_ungrounded_ones_are_flagged() -> None:
    text = "قال مركز المصالحة إن المفاوضات مستمرة. ونفى الجيش ذلك."
    s = grounded_summary(
        text,
        "ar",
        actors=[
            {"id": "c", "name": "مركز المصالحة", "kind": "government", "quote": "مركز المصالحه"},
            {"id": "j", "name": "الجيش", "kind": "military", "quote": "جملة غير موجودة في النص"},
        ],
    )
    assert s.actors[0].evidence.alignment == "normalized"
    report = render_markdown(s, text)
    rows = table_rows(report, "Actors")
    assert "“مركز المصالحة” (normalized" in rows[0][6]
    assert rows[1][6].startswith("⚠ not in the article")
    assert "## Ungrounded items" in report and "actors[1]" in report
    # Without the text, the quote is what the model wrote.
    assert "“مركز المصالحه” (normalized" in render_markdown(s)


def test_hostile_text_stays_inert_and_tables_keep_their_shape() -> None:
    summary = hostile_summary()
    report = render_markdown(summary, HOSTILE_ARTICLE)
    assert "<script" not in report and "<img" not in report
    assert "&lt;script&gt;" in report
    for heading, width in (("Denials", 5), ("Actors", 7), ("Contradictions", 3)):
        rows = table_rows(report, heading)
        assert rows and all(len(r) == width for r in rows), heading
    text_with_pipes = "A | B denied | talks."
    s = grounded_summary(
        text_with_pipes,
        "en",
        actors=[{"id": "a", "name": "A | B", "kind": "other", "quote": "A | B"}],
    )
    rows = table_rows(render_markdown(s, text_with_pipes), "Actors")
    assert len(rows[0]) == 7 and rows[0][1] == "A \\| B"


def test_meta_and_warnings_are_reported() -> None:
    summary, text = seed_summary()
    meta = Meta(
        backend="rules",
        usage=Usage(prompt_tokens=10, completion_tokens=5),
        latency_s=0.25,
        warnings=["kept 1 ungrounded item"],
    )
    report = render_markdown(summary.model_copy(update={"meta": meta}), text)
    assert "## Warnings\n\n- kept 1 ungrounded item" in report
    assert "- backend: rules" in report and "- tokens: 10 prompt + 5 completion" in report
    assert "- latency: 0.250 s" in report
