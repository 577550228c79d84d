"""Quality gates: `--min-f1 FIELD=VALUE` thresholds checked against a run's scores."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .errors import EvalUsageError
from .scoring import FIELDS


def parse_min_f1(specs: Iterable[str]) -> dict[str, float]:
    """`["denials=0.5", ...]` → `{"denials": 0.5}`; FIELD is a scored field (or `macro.`
    plus one, for the per-article average), VALUE in [0, 1]."""
    gates: dict[str, float] = {}
    for spec in specs:
        name, sep, raw = spec.partition("=")
        name = name.strip()
        if not sep or not name or not raw.strip():
            raise EvalUsageError(f"--min-f1 {spec!r}: write FIELD=VALUE, e.g. denials=0.6")
        base = name.removeprefix("macro.")
        if base not in FIELDS:
            raise EvalUsageError(
                f"--min-f1 {spec!r}: unknown field {base!r}; use one of {', '.join(FIELDS)}"
                " (optionally prefixed with macro.)"
            )
        try:
            value = float(raw)
        except ValueError:
            raise EvalUsageError(f"--min-f1 {spec!r}: {raw!r} is not a number") from None
        if not 0.0 <= value <= 1.0:
            raise EvalUsageError(f"--min-f1 {spec!r}: the value must be between 0 and 1")
        gates[name] = value
    return gates


def check_gates(scores: Mapping[str, Any], gates: Mapping[str, float]) -> list[str]:
    """One sentence per failed gate (empty when all pass)."""
    failures: list[str] = []
    for name, minimum in gates.items():
        if name.startswith("macro."):
            f1 = float(scores["macro"][name.removeprefix("macro.")]["f1"])
        else:
            f1 = float(scores["overall"][name]["f1"])
        if f1 < minimum:
            failures.append(f"{name} F1 {f1:.3f} < {minimum:.3f}")
    return failures
