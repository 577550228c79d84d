"""Renderers of a summary for people: Markdown (`render_markdown`) and a self-contained HTML
page (`render_summary_html`); the eval run report lives in `summarizer.evals.report_html`."""

from .html import render_summary_html
from .markdown import render_markdown

__all__ = ["render_markdown", "render_summary_html"]
