"""Comparing two runs: per-field deltas and the fixtures that regressed.

RUN_A is the baseline, RUN_B the candidate; a delta is B − A. A *drop* is a fall in a field's
micro F1 (or macro F1, or a rate where higher is better); `--max-drop X` fails (exit 100)
when any drop exceeds X.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .evaluate import read_json, read_per_fixture
from .scoring import FIELDS

#: Rates where higher is better (a fall is a drop).
_RATES_UP = ("grounding_rate", "schema_valid_rate")
_RATES_DOWN = ("ungrounded_item_rate", "error_rate")


@dataclass(frozen=True, slots=True)
class Delta:
    name: str
    a: float
    b: float
    higher_is_better: bool = True

    @property
    def delta(self) -> float:
        return self.b - self.a

    @property
    def drop(self) -> float:
        """How much worse B is than A (negative when B is better)."""
        return -self.delta if self.higher_is_better else self.delta


@dataclass(slots=True)
class Regression:
    id: str
    fields: dict[str, tuple[float, float]] = field(default_factory=dict)


@dataclass(slots=True)
class Comparison:
    deltas: list[Delta]
    regressions: list[Regression]
    only_a: list[str]
    only_b: list[str]

    def drops_over(self, limit: float) -> list[Delta]:
        # A tiny epsilon keeps float noise (0.1 − 0.1000000001) from tripping the gate.
        return [d for d in self.deltas if d.drop > limit + 1e-9]


def compare_runs(run_a: Path, run_b: Path) -> Comparison:
    a = read_json(run_a / "scores.json")
    b = read_json(run_b / "scores.json")
    deltas: list[Delta] = []
    for f in FIELDS:
        deltas.append(Delta(f, float(a["overall"][f]["f1"]), float(b["overall"][f]["f1"])))
    for f in FIELDS:
        deltas.append(Delta(f"macro.{f}", float(a["macro"][f]["f1"]), float(b["macro"][f]["f1"])))
    for rate in _RATES_UP:
        if rate in a.get("rates", {}) and rate in b.get("rates", {}):
            deltas.append(Delta(rate, float(a["rates"][rate]), float(b["rates"][rate])))
    for rate in _RATES_DOWN:
        if rate in a.get("rates", {}) and rate in b.get("rates", {}):
            deltas.append(
                Delta(
                    rate, float(a["rates"][rate]), float(b["rates"][rate]), higher_is_better=False
                )
            )
    per_a = {r["id"]: r for r in read_per_fixture(run_a / "per_fixture.jsonl")}
    per_b = {r["id"]: r for r in read_per_fixture(run_b / "per_fixture.jsonl")}
    regressions: list[Regression] = []
    for fid in per_a:
        if fid not in per_b:
            continue
        reg = Regression(fid)
        for f in FIELDS:
            fa = float(per_a[fid]["fields"][f]["f1"])
            fb = float(per_b[fid]["fields"][f]["f1"])
            if fb < fa - 1e-9:
                reg.fields[f] = (fa, fb)
        if reg.fields:
            regressions.append(reg)
    return Comparison(
        deltas=deltas,
        regressions=regressions,
        only_a=sorted(set(per_a) - set(per_b)),
        only_b=sorted(set(per_b) - set(per_a)),
    )


def comparison_tables(comparison: Comparison, max_drop: float | None) -> list[Any]:
    """Rich renderables: the field table and, when any, the regressed fixtures."""
    from rich.table import Table

    fields_table = Table(title="Per-field F1 (A = baseline, B = candidate)")
    for column in ("field", "A", "B", "delta"):
        fields_table.add_column(column, justify="left" if column == "field" else "right")
    over = {d.name for d in comparison.drops_over(max_drop)} if max_drop is not None else set()
    for d in comparison.deltas:
        style = "bold red" if d.name in over else "red" if d.drop > 1e-9 else None
        fields_table.add_row(d.name, f"{d.a:.3f}", f"{d.b:.3f}", f"{d.delta:+.3f}", style=style)
    out: list[Any] = [fields_table]
    if comparison.regressions:
        reg_table = Table(title="Fixtures that regressed (F1 A → B)")
        reg_table.add_column("fixture")
        reg_table.add_column("fields")
        for r in comparison.regressions:
            detail = ", ".join(f"{f} {fa:.2f}→{fb:.2f}" for f, (fa, fb) in r.fields.items())
            reg_table.add_row(r.id, detail)
        out.append(reg_table)
    return out
