"""The HTML report of a run directory (`summarizer eval report RUN_DIR --format html`).

One self-contained page (same shell and Content-Security-Policy as the summary view, see
`summarizer.render`): the run's configuration and figures (per field, by language, by tag,
an inline SVG bar chart), a sortable table of fixtures, and per fixture the gold and the
prediction side by side, each article with its evidence highlighted and each item marked
matched, missed, spurious, optional or partial.

Item-level status comes from the scorer's own alignment (`matching.align`, run again here
with the default thresholds, which is what `scoring.score_fixture` uses), since
`per_fixture.jsonl` records misses and spurious items only as sentences. Figures come from
`scores.json` and `per_fixture.jsonl` when present, else from scoring the predictions again.
Any file may be missing: the page says so and shows what it can.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import inputs
from ..errors import InputError
from ..render._assets import BASE_CSS, BASE_JS, esc, page
from ..render.html import article_block, items_panel, legend, meta_section
from ..schemas import StructuredSummary
from .dataset import FIXTURES_DIR, Fixture, load_dataset
from .errors import EvalUsageError, HarnessError
from .evaluate import id_rows
from .gold import Gold, load_gold
from .matching import align
from .scoring import FIELDS, FixtureScore, aggregate, parse_prediction, score_fixture

__all__ = ["render_run_html"]

_REPORT_CSS = """
.wrap{padding:1rem 1.5rem;display:flex;flex-direction:column;gap:1rem}
table.grid{border-collapse:collapse;font-size:.88rem;background:#fff}
table.grid th,table.grid td{border:1px solid var(--line);padding:.25rem .5rem;text-align:end}
table.grid th:first-child,table.grid td:first-child{text-align:start}
table.grid td.txt{text-align:start}
table.grid th button{font:inherit;font-weight:700;background:none;border:0;padding:0;
cursor:pointer;color:inherit}
table.grid th[aria-sort=ascending] button::after{content:" ▲"}
table.grid th[aria-sort=descending] button::after{content:" ▼"}
.scroll{overflow-x:auto}
.chart text{font:12px system-ui,sans-serif;fill:#1b1b1b}
details.fixture{background:#fff;border:1px solid var(--line);border-radius:4px}
details.fixture>summary{padding:.5rem .8rem;cursor:pointer;font-weight:600}
details.fixture>.body{padding:0 .8rem .8rem}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
@media (max-width:1100px){.sides{grid-template-columns:1fr}}
.side h3{margin:.4rem 0}
.side .article{max-height:32rem;overflow:auto}
.side .panel{margin-top:.6rem}
.error{color:var(--bad);font-weight:600}
.status.partial{color:#1a4d99;border-color:#1a4d99;border-style:dashed}
.notes{color:#8a4b00}
""".strip()

_SORT_JS = """
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "num";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[col];
          var v = cell ? (cell.getAttribute("data-sort") || cell.textContent) : "";
          return numeric ? (parseFloat(v) || 0) : v.toLowerCase();
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var d = numeric ? x - y : (x < y ? -1 : (x > y ? 1 : 0));
          return asc ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  document.addEventListener("click", function (ev) {
    var link = ev.target instanceof Element ? ev.target.closest("a[data-open]") : null;
    var target = link ? document.getElementById(link.getAttribute("data-open")) : null;
    if (target && target.tagName === "DETAILS") { target.open = true; }
  });
})();
""".strip()

_CSS = BASE_CSS + "\n" + _REPORT_CSS
_JS = BASE_JS + "\n" + _SORT_JS
_SHORT = {
    "actors": "actors",
    "sources": "sources",
    "denials": "denials",
    "denial_identification": "denier id",
    "negotiation_claims": "claims",
    "contradictions": "contradictions",
}


def _label(field_name: str) -> str:
    return _SHORT.get(field_name, field_name.replace("_", " "))


def _fields(scores: Mapping[str, Any]) -> list[str]:
    """The scored fields, as the scores document lists them (the scorer may add some)."""
    listed = scores.get("fields")
    if isinstance(listed, list) and listed and all(isinstance(f, str) for f in listed):
        return listed
    return list(FIELDS)


@dataclass(slots=True)
class _FixtureView:
    id: str
    row: Mapping[str, Any] = field(default_factory=dict)  # predictions.jsonl line
    recorded: Mapping[str, Any] | None = None  # per_fixture.jsonl line
    text: str | None = None
    gold: Gold | None = None
    pred: StructuredSummary | None = None
    invalid: str | None = None
    score: FixtureScore | None = None
    gold_status: dict[str, str] = field(default_factory=dict)
    pred_status: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    language: str | None = None
    tags: tuple[str, ...] = ()


# -- reading the run --------------------------------------------------------------------


def _read_json(path: Path, notes: list[str]) -> Any:
    if not path.exists():
        notes.append(f"{path.name} is missing")
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        notes.append(f"cannot read {path.name}: {exc}")
        return None


def _read_jsonl(path: Path, notes: list[str]) -> list[dict[str, Any]]:
    if not path.exists():
        notes.append(f"{path.name} is missing")
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        notes.append(f"cannot read {path.name}: {exc}")
        return []
    return id_rows(lines, path.name, notes)


def _fixtures(config: Mapping[str, Any], notes: list[str]) -> dict[str, Fixture]:
    """The run's fixtures by id, from the dataset its config names (if it still loads)."""
    dataset = config.get("dataset") if isinstance(config, Mapping) else None
    path = dataset.get("path") if isinstance(dataset, Mapping) else None
    if not isinstance(path, str):
        return {}
    try:
        return {f.id: f for f in load_dataset(path).fixtures}
    except EvalUsageError as exc:
        notes.append(f"dataset not loaded ({exc}); looking fixtures up in the package")
        return {}


def _load(view: _FixtureView, fixture: Fixture | None) -> None:
    if fixture is None:
        fixture = Fixture(
            id=view.id,
            text_path=FIXTURES_DIR / f"{view.id}.txt",
            gold_path=FIXTURES_DIR / f"{view.id}.gold.json",
        )
    else:
        view.language, view.tags = fixture.language, fixture.tags
    try:
        view.text = inputs.read(fixture.text_path).text
    except (InputError, OSError) as exc:
        view.problems.append(f"article not available: {exc}")
        return
    try:
        view.gold = load_gold(fixture.gold_path, view.text)
    except (EvalUsageError, HarnessError) as exc:
        view.problems.append(f"gold not available: {exc}")


def _statuses(view: _FixtureView) -> None:
    """Item statuses from the scorer's alignment of this prediction with the gold."""
    if view.gold is None:
        return
    gold = view.gold.summary
    required = {
        f: [not view.gold.is_optional(f, i) for i in range(len(getattr(gold, f)))]
        for f in ("actors", "sources", "denials", "negotiation_claims", "contradictions")
    }
    pred = view.pred or StructuredSummary(language=gold.language, headline="", summary="")
    alignment = align(gold, pred, required)
    for f in ("actors", "sources", "denials", "negotiation_claims", "contradictions"):
        pairs = getattr(alignment, f)
        matched_gold = {g for g, _ in pairs}
        matched_pred = {p for _, p in pairs}
        for i in range(len(getattr(gold, f))):
            if i in matched_gold:
                word = "matched"
            else:
                word = "optional" if not required[f][i] else "missed"
            view.gold_status[f"{f}-{i}"] = word
        for i in range(len(getattr(pred, f))):
            view.pred_status[f"{f}-{i}"] = "matched" if i in matched_pred else "spurious"
    # An item whose actor is right but not the rest (the `*_identification` alignments) is
    # worth telling apart from a plain miss.
    for f, partial in (
        ("denials", "denial_identification"),
        ("negotiation_claims", "claim_identification"),
    ):
        for g, p in getattr(alignment, partial, None) or []:
            if view.gold_status.get(f"{f}-{g}") == "missed":
                view.gold_status[f"{f}-{g}"] = "partial"
            if view.pred_status.get(f"{f}-{p}") == "spurious":
                view.pred_status[f"{f}-{p}"] = "partial"


def _views(run_dir: Path, config: Mapping[str, Any], notes: list[str]) -> list[_FixtureView]:
    predictions = _read_jsonl(run_dir / "predictions.jsonl", notes)
    recorded = _read_jsonl(run_dir / "per_fixture.jsonl", [] if predictions else notes)
    ids = list(dict.fromkeys([r["id"] for r in recorded] + [r["id"] for r in predictions]))
    rows = {r["id"]: r for r in predictions}
    by_id = {r["id"]: r for r in recorded}
    fixtures = _fixtures(config, notes)
    views: list[_FixtureView] = []
    for fid in ids:
        view = _FixtureView(id=fid, row=rows.get(fid, {}), recorded=by_id.get(fid))
        _load(view, fixtures.get(fid))
        if fid in rows:
            view.pred, view.invalid = parse_prediction(rows[fid].get("summary"))
        else:
            view.invalid = "no prediction"
        if view.gold is not None and view.text is not None:
            error = view.row.get("error") or (view.invalid if view.pred is None else None)
            view.score = score_fixture(
                view.gold,
                view.pred,
                view.text,
                fixture_id=fid,
                language=view.language,
                tags=view.tags,
                error=str(error) if error else None,
            )
            _statuses(view)
        if view.recorded is not None:
            view.language = view.recorded.get("language") or view.language
            view.tags = tuple(view.recorded.get("tags") or view.tags)
        elif view.score is not None:
            view.language, view.tags = view.score.language, view.score.tags
        views.append(view)
    return views


# -- rendering --------------------------------------------------------------------------


def _num(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, int | float) else "—"


def _facts(config: Mapping[str, Any], scores: Mapping[str, Any]) -> str:
    dataset = config.get("dataset")
    pairs: list[tuple[str, Any]] = [
        ("dataset", dataset.get("name") if isinstance(dataset, Mapping) else None),
        ("backend", config.get("backend")),
        ("model", config.get("model")),
        ("endpoint", config.get("base_url")),
        ("mode", config.get("mode")),
        ("prompt hash", config.get("prompt_hash")),
        ("git commit", config.get("git_commit")),
        ("started", config.get("started_at")),
        ("fixtures", scores.get("n")),
    ]
    run = scores.get("run")
    if isinstance(run, Mapping):
        pairs += [
            (
                "tokens",
                f"{run.get('prompt_tokens', 0)} prompt + "
                f"{run.get('completion_tokens', 0)} completion",
            ),
            ("cache hits", f"{run.get('cache_hits', 0)} of {run.get('fixtures', 0)}"),
            ("errors", run.get("errors")),
            ("mean latency", f"{_num(run.get('mean_latency_s'))} s"),
        ]
    rates = scores.get("rates")
    if isinstance(rates, Mapping):
        pairs += [(k.replace("_", " "), _num(v)) for k, v in rates.items()]
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in pairs if v is not None)
    return f'<dl class="meta">{dl}</dl>'


def _field_table(scores: Mapping[str, Any], fields: Sequence[str]) -> str:
    overall = scores.get("overall") or {}
    macro = scores.get("macro") or {}
    head = (
        "<tr><th>field</th><th>precision</th><th>recall</th><th>F1</th>"
        "<th>TP</th><th>FP</th><th>FN</th><th>macro F1</th></tr>"
    )
    rows = []
    for f in fields:
        o = overall.get(f) or {}
        m = macro.get(f) or {}
        rows.append(
            f"<tr><td>{esc(f)}</td><td>{_num(o.get('precision'))}</td>"
            f"<td>{_num(o.get('recall'))}</td><td>{_num(o.get('f1'))}</td>"
            f"<td>{esc(o.get('tp', '—'))}</td><td>{esc(o.get('fp', '—'))}</td>"
            f"<td>{esc(o.get('fn', '—'))}</td><td>{_num(m.get('f1'))}</td></tr>"
        )
    return f'<table class="grid fields"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _chart(scores: Mapping[str, Any], fields: Sequence[str]) -> str:
    """Grouped horizontal bars (precision, recall, F1 per field); every bar is labelled
    with its letter and value, so the chart reads without colour."""
    overall = scores.get("overall") or {}
    metrics = (("precision", "P", "#7f9cc9"), ("recall", "R", "#9cc97f"), ("f1", "F1", "#555"))
    bar_h, gap, label_w, plot_w = 13, 10, 150, 380
    group_h = len(metrics) * bar_h + gap
    height = len(fields) * group_h + 24
    parts: list[str] = []
    for gi, f in enumerate(fields):
        y0 = 6 + gi * group_h
        parts.append(
            f'<text x="{label_w - 8}" y="{y0 + 1.5 * bar_h + 4}" text-anchor="end">{esc(f)}</text>'
        )
        values = overall.get(f) or {}
        for mi, (key, letter, colour) in enumerate(metrics):
            value = values.get(key)
            v = float(value) if isinstance(value, int | float) else 0.0
            y = y0 + mi * bar_h
            w = max(0.0, min(1.0, v)) * plot_w
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" '
                f'fill="{colour}"><title>{esc(f)} {key} {_num(value)}</title></rect>'
                f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 3}">{letter} {_num(value)}'
                "</text>"
            )
    axis = (
        f'<line x1="{label_w}" y1="2" x2="{label_w}" y2="{height - 18}" stroke="#888"/>'
        f'<text x="{label_w}" y="{height - 4}">0</text>'
        f'<text x="{label_w + plot_w}" y="{height - 4}" text-anchor="end">1</text>'
    )
    width = label_w + plot_w + 80
    return (
        f'<svg class="chart" role="img" aria-label="Precision, recall and F1 per field" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg">{axis}{"".join(parts)}</svg>'
    )


def _group_table(title: str, groups: Any, fields: Sequence[str]) -> str:
    if not isinstance(groups, Mapping) or not groups:
        return ""
    head = f"<tr><th>{esc(title)}</th><th>n</th>" + "".join(
        f"<th>{esc(_label(f))} F1</th>" for f in fields
    )
    rows = []
    for name, block in groups.items():
        overall = block.get("overall") or {} if isinstance(block, Mapping) else {}
        cells = "".join(f"<td>{_num((overall.get(f) or {}).get('f1'))}</td>" for f in fields)
        n = block.get("n", "—") if isinstance(block, Mapping) else "—"
        rows.append(f'<tr><td dir="auto">{esc(name)}</td><td>{esc(n)}</td>{cells}</tr>')
    return (
        f'<h3>By {esc(title)}</h3><div class="scroll"><table class="grid">'
        f"<thead>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _fixture_f1(view: _FixtureView, f: str) -> float | None:
    if view.recorded is not None:
        value = ((view.recorded.get("fields") or {}).get(f) or {}).get("f1")
        return float(value) if isinstance(value, int | float) else None
    if view.score is not None and f in view.score.counts:
        return view.score.counts[f].f1
    return None


def _fixture_table(views: Sequence[_FixtureView], fields: Sequence[str]) -> str:
    cols = [("fixture", "text"), ("lang", "text"), ("tags", "text"), ("status", "text")]
    cols += [(f"{_label(f)} F1", "num") for f in fields]
    cols += [("grounded", "num"), ("latency s", "num"), ("tokens", "num"), ("cache", "text")]
    head = "".join(
        f'<th data-type="{kind}"><button type="button">{esc(name)}</button></th>'
        for name, kind in cols
    )
    rows: list[str] = []
    for n, v in enumerate(views):
        error = v.row.get("error") or (v.recorded or {}).get("error")
        status = "error" if error else ("invalid" if v.pred is None else "ok")
        cells = [
            f'<td class="txt" data-sort="{esc(v.id)}"><a href="#fx-{n}" data-open="fx-{n}">'
            f"{esc(v.id)}</a></td>",
            f'<td class="txt">{esc(v.language or "—")}</td>',
            f'<td class="txt">{esc(", ".join(v.tags))}</td>',
            f'<td class="txt">{esc(status)}</td>',
        ]
        for f in fields:
            value = _fixture_f1(v, f)
            cells.append(f'<td data-sort="{value if value is not None else -1}">{_num(value)}</td>')
        if v.score is not None and v.score.evidence_total:
            share = v.score.evidence_grounded / v.score.evidence_total
            cells.append(
                f'<td data-sort="{share:.6f}">{v.score.evidence_grounded}/'
                f"{v.score.evidence_total}</td>"
            )
        else:
            cells.append('<td data-sort="-1">—</td>')
        latency = v.row.get("latency_s")
        cells.append(
            f'<td data-sort="{latency if isinstance(latency, int | float) else -1}">'
            f"{_num(latency)}</td>"
        )
        usage = v.row.get("usage") or {}
        tokens = int(usage.get("prompt_tokens", 0)) + int(usage.get("completion_tokens", 0))
        cells.append(f'<td data-sort="{tokens}">{tokens}</td>')
        cells.append(f'<td class="txt">{"hit" if v.row.get("cache_hit") else "—"}</td>')
        rows.append(f'<tr data-fixture="{esc(v.id)}">{"".join(cells)}</tr>')
    return (
        '<div class="scroll"><table class="grid sortable fixtures">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _side(
    title: str,
    summary: StructuredSummary | None,
    text: str,
    prefix: str,
    status: Mapping[str, str],
    empty: str,
) -> str:
    if summary is None:
        return f'<div class="side"><h3>{esc(title)}</h3><p class="empty">{esc(empty)}</p></div>'
    meta = meta_section(summary) if summary.meta is not None else ""
    return (
        f'<div class="side"><h3>{esc(title)}</h3>'
        f"{article_block(summary, text, prefix, f'{title}: article')}"
        f'<div class="panel">{items_panel(summary, text, prefix=prefix, status=status)}'
        f"{meta}</div></div>"
    )


def _fixture_detail(n: int, v: _FixtureView) -> str:
    scores = [f"{_label(f)} {_num(_fixture_f1(v, f))}" for f in ("actors", "denials")]
    error = v.row.get("error") or (v.recorded or {}).get("error")
    head = f"{esc(v.id)} · {esc(v.language or '—')} · " + " · ".join(esc(s) for s in scores)
    if error:
        head += ' · <span class="error">error</span>'
    body: list[str] = []
    if error:
        body.append(f'<p class="error" dir="auto">{esc(error)}</p>')
    elif v.pred is None and v.invalid:
        body.append(f'<p class="error" dir="auto">{esc(v.invalid)}</p>')
    body += [f'<p class="notes">{esc(p)}</p>' for p in v.problems]
    if v.text is not None:
        gold = v.gold.summary if v.gold is not None else None
        body.append(
            '<div class="sides">'
            + _side("Gold", gold, v.text, f"fx{n}-g-", v.gold_status, "no gold")
            + _side(
                "Prediction",
                v.pred,
                v.text,
                f"fx{n}-p-",
                v.pred_status,
                "no valid prediction",
            )
            + "</div>"
        )
    return (
        f'<details class="fixture" id="fx-{n}" data-fixture="{esc(v.id)}">'
        f'<summary>{head}</summary><div class="body">{"".join(body)}</div></details>'
    )


def render_run_html(run_dir: Path) -> str:
    """The HTML report of the run in `run_dir` (see the module docstring)."""
    run_dir = Path(run_dir)
    notes: list[str] = []
    config = _read_json(run_dir / "config.json", notes)
    config = config if isinstance(config, Mapping) else {}
    views = _views(run_dir, config, notes)
    scores = _read_json(run_dir / "scores.json", notes)
    if not isinstance(scores, Mapping):
        computed = [v.score for v in views if v.score is not None]
        scores = aggregate(computed) if computed else {}
        if computed:
            notes.append("figures recomputed from predictions.jsonl")
    fields = _fields(scores)
    title = "Evaluation report"
    dataset = config.get("dataset")
    if isinstance(dataset, Mapping) and dataset.get("name"):
        title += f" · {dataset['name']}"
    if config.get("backend"):
        title += f" · {config['backend']}"
    note_html = "".join(f'<p class="notes">{esc(n)}</p>' for n in notes)
    gates = scores.get("gates")
    gate_html = ""
    if isinstance(gates, Mapping) and gates.get("checked"):
        failed = gates.get("failed") or []
        text = "All gates passed." if not failed else "Failed: " + "; ".join(map(str, failed))
        gate_html = f"<h3>Gates</h3><p>{esc(text)}</p>"
    overview = (
        f'<section class="box overview"><h2>Overview</h2>{note_html}{_facts(config, scores)}'
        f"{gate_html}</section>"
        '<section class="box"><h2>Scores (micro over fixtures; macro = mean per article)</h2>'
        f'<div class="scroll">{_field_table(scores, fields)}</div>{_chart(scores, fields)}'
        f"{_group_table('language', scores.get('by_language'), fields)}"
        f"{_group_table('tag', scores.get('by_tag'), fields)}</section>"
    )
    fixture_table = _fixture_table(views, fields)
    table = f'<section class="box"><h2>Fixtures ({len(views)})</h2>{fixture_table}</section>'
    details = "".join(_fixture_detail(n, v) for n, v in enumerate(views))
    body = (
        f'<header class="top"><div class="kicker">summarizer eval</div><h1>{esc(title)}</h1>'
        f"{legend()}</header>"
        f'<main class="wrap">{overview}{table}<section class="fixtures-detail">'
        f"<h2>Gold and prediction, fixture by fixture</h2>{details}</section></main>"
    )
    return page(title, body, css=_CSS, js=_JS)
