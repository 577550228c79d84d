"""The HTML views in a real headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright; never a downloaded browser): highlighted items counted in the live DOM, clicks
that mark spans, hostile articles that run no script, the eval report's sorting, and
screenshots of both views.

Screenshots go to pytest's tmp dir. With SUMMARIZER_UPDATE_SCREENSHOTS=1 the seed view is
also copied to docs/screenshots/seed_summary.png (the README's picture).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SEED_PATH
from test_evals_report_html import build_run
from test_render_html import HOSTILE_ARTICLE, grounded_keys, hostile_summary, seed_summary

from summarizer.errors import ConfigError
from summarizer.evals.report_html import render_run_html
from summarizer.render.html import render_summary_html
from summarizer.schemas import StructuredSummary

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

try:
    from playwright.sync_api import BrowserContext, Page, sync_playwright
except ImportError:  # the `browser` extra is not installed
    sync_playwright = None

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin"),
    pytest.mark.skipif(sync_playwright is None, reason="needs playwright (the browser extra)"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserContext]:
    assert sync_playwright is not None
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile,  # a fresh user-data-dir
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 1000},
            offline=True,
        )
        try:
            yield context
        finally:
            context.close()


class Opened:
    """A page loaded from a file, with what it said: console messages and dialogs."""

    def __init__(self, context: BrowserContext, path: Path) -> None:
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.page: Page = context.new_page()
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def seed_for_browser() -> tuple[StructuredSummary, str]:
    """The seed summarized by the offline rules backend when it is there, else its gold."""
    text = SEED_PATH.read_text(encoding="utf-8")
    try:
        from summarizer import Summarizer

        with Summarizer(backend="rules") as s:
            summary = s.summarize(text)
        if grounded_keys(summary, text):
            return summary, text
    except (ImportError, ConfigError):  # no rules backend in this tree: use the gold
        pass
    return seed_summary()


def open_html(context: BrowserContext, tmp_path: Path, name: str, html: str) -> Opened:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return Opened(context, path)


def test_seed_view_highlights_and_marks_clicked_items(
    browser: BrowserContext, tmp_path: Path
) -> None:
    summary, text = seed_for_browser()
    view = open_html(browser, tmp_path, "seed.html", render_summary_html(summary, text))
    page = view.page
    assert page.evaluate("document.documentElement.dataset.ready") == "1"  # script ran
    shot = tmp_path / "seed_summary.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("SUMMARIZER_UPDATE_SCREENSHOTS") == "1":
        target_png = ROOT / "docs" / "screenshots" / "seed_summary.png"
        target_png.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target_png)
    keys = grounded_keys(summary, text)
    items = page.evaluate(
        "[...new Set([...document.querySelectorAll('article mark[data-item]')]"
        ".map(m => m.dataset.item))]"
    )
    assert sorted(items) == sorted(keys)
    assert page.locator("article mark.first").count() == len(keys)
    assert page.evaluate("document.querySelector('article').textContent") == text
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == (
        "rtl" if summary.language == "ar" else "ltr"
    )
    # The stylesheet applied under the policy: denials carry a solid underline.
    if summary.denials:
        style = page.evaluate(
            "getComputedStyle(document.querySelector('mark.cat-denials')).borderBottomStyle"
        )
        assert style == "solid"

    target = sorted(keys)[-1]
    assert page.locator("mark.is-active").count() == 0
    page.locator(f'a[data-target="{target}"]').first.click()
    active = page.evaluate(
        "[...document.querySelectorAll('mark.is-active')].map(m => m.dataset.item)"
    )
    assert active and set(active) == {target}
    assert page.locator(f'mark[data-item="{target}"][aria-current="true"]').count() == len(active)
    assert page.locator(f'li[data-entry="{target}"].is-selected').count() == 1
    in_view = page.evaluate(
        "(() => { const r = document.querySelector('mark.is-active').getBoundingClientRect();"
        " return r.bottom > 0 && r.top < innerHeight; })()"
    )
    assert in_view

    # A contradiction marks its claim and its denial together.
    if summary.contradictions:
        k = summary.contradictions[0]
        page.locator("li.contradiction a.both").first.click()
        active = page.evaluate(
            "[...new Set([...document.querySelectorAll('mark.is-active')]"
            ".map(m => m.dataset.item))]"
        )
        assert set(active) <= {f"negotiation_claims-{k.claim}", f"denials-{k.denial}"}
        assert len(active) == len({f"negotiation_claims-{k.claim}", f"denials-{k.denial}"} & keys)

    # Clicking a highlight selects its item in the panel.
    first = sorted(keys)[0]
    page.locator(f"#span-{first}").click(position={"x": 2, "y": 2})
    assert page.locator("li.is-selected").count() >= 1
    assert not [c for c in view.console if "Content Security Policy" in c], view.console

    page.close()


def test_hostile_article_runs_no_script_and_shows_its_text(
    browser: BrowserContext, tmp_path: Path
) -> None:
    summary = hostile_summary()
    view = open_html(
        browser, tmp_path, "hostile.html", render_summary_html(summary, HOSTILE_ARTICLE)
    )
    page = view.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert view.dialogs == []
    assert page.evaluate("document.querySelector('article').textContent") == HOSTILE_ARTICLE
    assert page.evaluate("document.querySelectorAll('img, svg, iframe').length") == 0
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.querySelector('h1').textContent") == summary.headline
    assert "{{ 7*7 }}" in page.evaluate("document.querySelector('aside').textContent")
    # Our own script still ran, and clicking around triggers nothing hostile.
    assert page.evaluate("document.documentElement.dataset.ready") == "1"
    page.locator("a[data-target]").first.click()
    page.locator("article mark").first.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert view.dialogs == []
    page.close()


def test_eval_report_sorts_and_opens_fixture_details(
    browser: BrowserContext, tmp_path: Path
) -> None:
    build_run(tmp_path / "run")
    view = open_html(browser, tmp_path, "report.html", render_run_html(tmp_path / "run"))
    page = view.page
    assert page.evaluate("document.documentElement.dataset.ready") == "1"
    page.screenshot(path=str(tmp_path / "eval_report.png"))

    def column(index: int) -> list[str]:
        result: list[str] = page.evaluate(
            f"[...document.querySelectorAll('table.fixtures tbody tr')]"
            f".map(r => r.cells[{index}].dataset.sort || r.cells[{index}].textContent)"
        )
        return result

    heads = page.locator("table.fixtures thead th").all_text_contents()
    latency = heads.index("latency s")
    header = page.locator("table.fixtures thead th").nth(latency)
    header.locator("button").click()
    values = [float(v) for v in column(latency)]
    assert values == sorted(values) and header.get_attribute("aria-sort") == "ascending"
    header.locator("button").click()
    values = [float(v) for v in column(latency)]
    assert values == sorted(values, reverse=True)
    page.locator("table.fixtures thead th").nth(0).locator("button").click()
    names = column(0)
    assert names == sorted(names, key=str.lower)

    # Clicking an item inside a closed fixture opens it and marks the span.
    assert page.evaluate("document.querySelector('#fx-1').open") is False
    page.locator("#fx-1 > summary").click()
    entry = page.locator("#fx-1 li[data-entry^='fx1-g-denials-'] a[data-target]").first
    key = entry.get_attribute("data-target")
    entry.click()
    assert page.evaluate("document.querySelector('#fx-1').open") is True
    assert page.locator(f'mark.is-active[data-item="{key}"]').count() >= 1
    assert page.evaluate("typeof window.__pwned") == "undefined" and view.dialogs == []
    page.locator(f"#span-{key}").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "eval_fixture.png"))
    page.close()
