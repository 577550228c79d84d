"""The Markdown report of a run directory (`report.md`, `summarizer eval report -f md`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .scoring import FIELDS

_RATES = (
    ("grounding_rate", "grounding rate"),
    ("ungrounded_item_rate", "ungrounded (hallucinated) item rate"),
    ("schema_valid_rate", "schema-valid rate"),
    ("error_rate", "error rate"),
)


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _field_table(block: Mapping[str, Any]) -> list[str]:
    lines = [
        "| field | precision | recall | F1 | TP | FP | FN | macro F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for f in FIELDS:
        o = block["overall"][f]
        m = block["macro"][f]
        lines.append(
            f"| {f} | {o['precision']:.3f} | {o['recall']:.3f} | {o['f1']:.3f} | {o['tp']} "
            f"| {o['fp']} | {o['fn']} | {m['f1']:.3f} |"
        )
    return lines


def _group_table(title: str, groups: Mapping[str, Any]) -> list[str]:
    if not groups:
        return []
    header = "| " + title + " | n | " + " | ".join(f"{f} F1" for f in FIELDS) + " |"
    lines = ["", header, "|---|---:|" + "---:|" * len(FIELDS)]
    for name, block in groups.items():
        cells = " | ".join(f"{block['overall'][f]['f1']:.3f}" for f in FIELDS)
        lines.append(f"| {_cell(name)} | {block['n']} | {cells} |")
    return lines


def render_markdown(
    config: Mapping[str, Any],
    scores: Mapping[str, Any],
    per_fixture: Sequence[Mapping[str, Any]],
) -> str:
    """The report of one run: configuration, figures per field, rates, breakdowns and the
    fixtures with misses or spurious items."""
    lines = ["# Evaluation report", ""]
    facts = [
        ("dataset", config.get("dataset", {}).get("name") if config.get("dataset") else None),
        ("backend", config.get("backend")),
        ("model", config.get("model")),
        ("base URL", config.get("base_url")),
        ("mode", config.get("mode")),
        ("prompt hash", config.get("prompt_hash")),
        ("git commit", config.get("git_commit")),
        ("fixtures", scores.get("n")),
    ]
    for label, value in facts:
        if value is not None:
            lines.append(f"- **{label}**: `{_cell(value)}`")
    run = scores.get("run")
    if isinstance(run, Mapping):
        lines.append(
            f"- **tokens**: {run.get('prompt_tokens', 0)} prompt + "
            f"{run.get('completion_tokens', 0)} completion; **cache hits**: "
            f"{run.get('cache_hits', 0)} of {run.get('fixtures', 0)} fixtures; "
            f"**mean latency**: {run.get('mean_latency_s', 0.0):.3f} s"
        )
    lines += ["", "## Scores (micro over fixtures; macro = mean per article)", ""]
    lines += _field_table(scores)
    lines += ["", "## Rates", ""]
    rates = scores.get("rates", {})
    for key, label in _RATES:
        if key in rates:
            lines.append(f"- {label}: {rates[key]:.3f}")
    if scores.get("by_language"):
        lines += ["", "## By language"]
        lines += _group_table("language", scores["by_language"])
    if scores.get("by_tag"):
        lines += ["", "## By tag"]
        lines += _group_table("tag", scores["by_tag"])
    gates = scores.get("gates")
    if isinstance(gates, Mapping) and gates.get("checked"):
        lines += ["", "## Gates", ""]
        failed = gates.get("failed") or []
        lines.append("All gates passed." if not failed else "Failed: " + "; ".join(failed))
    problems = [r for r in per_fixture if r.get("missed") or r.get("spurious") or r.get("error")]
    if problems:
        lines += ["", "## Fixtures with errors, misses or spurious items", ""]
        for row in problems:
            lines.append(f"### {row['id']}")
            if row.get("error"):
                lines.append(f"- error: {_cell(row['error'])}")
            for kind in ("missed", "spurious"):
                for field_name, items in (row.get(kind) or {}).items():
                    for item in items:
                        lines.append(f"- {kind} {field_name}: {_cell(item)}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_run_markdown(run_dir: Path) -> str:
    """The Markdown report of the run in `run_dir`."""
    from .evaluate import read_json, read_per_fixture

    config_path = run_dir / "config.json"
    config = read_json(config_path) if config_path.exists() else {}
    scores = read_json(run_dir / "scores.json")
    return render_markdown(config, scores, read_per_fixture(run_dir / "per_fixture.jsonl"))
