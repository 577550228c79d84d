"""Scores: how well predicted summaries match the gold, per fixture and over a dataset.

Per field (actors, sources, denials, denial_identification, negotiation_claims,
contradictions) items are aligned one-to-one with the gold (see `matching`); then
- a matched pair is a true positive (TP), an unmatched prediction a false positive (FP), an
  unmatched gold item a false negative (FN);
- an *optional* gold item is neither missed when absent nor spurious when matched: matched,
  it and its prediction are left out of every count; unmatched, it is not an FN;
- precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their harmonic mean; an empty
  denominator counts as 1.0 (predicting nothing where the gold has nothing is perfect), so
  a field with no gold and no prediction scores 1.0 and spurious items there score P = 0;
- `denials` and `negotiation_claims` are full matches (every attribute right);
  `denial_identification` only asks that the same denial be found with the right denier
  (counterparties not checked).

Over a dataset: *micro* figures sum TP/FP/FN over fixtures before dividing; *macro* figures
average the per-fixture precision, recall and F1. Both are also broken down by language and
by tag (a fixture counts in every tag it has).

Other figures:
- grounding_rate: share of predicted evidence spans that are grounded (alignment exact,
  normalized or fuzzy, offsets inside the text, and an exact span slicing back to its quote);
- ungrounded_item_rate: share of predicted items whose quote the scorer's own `Grounder`
  cannot find in the article (hallucinated evidence), whatever the prediction claims;
- schema_valid_rate: share of fixtures whose prediction validates as `StructuredSummary`
  (a missing, failed or invalid prediction scores as an empty one: every gold item missed);
- error_rate: share of fixtures whose run recorded an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..grounding import Grounder
from ..schemas import StructuredSummary
from .gold import Gold
from .matching import DEFAULT_THRESHOLDS, Thresholds, align

#: Every scored field, in report order.
FIELDS: tuple[str, ...] = (
    "actors",
    "sources",
    "denials",
    "denial_identification",
    "negotiation_claims",
    "contradictions",
)
_GOLD_FIELD = {
    **{f: f for f in FIELDS},
    "denial_identification": "denials",
}
_EVIDENCE_FIELDS = ("actors", "sources", "denials", "negotiation_claims")
_EMPTY = StructuredSummary(language="und", headline="", summary="")


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 6),
            "recall": round(self.recall, 6),
            "f1": round(self.f1, 6),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class FixtureScore:
    id: str
    language: str | None
    tags: tuple[str, ...]
    counts: dict[str, Counts]
    schema_valid: bool
    error: str | None = None
    evidence_total: int = 0
    evidence_grounded: int = 0
    items_hallucinated: int = 0
    #: Human-readable misses and spurious items, per field (for reports).
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "language": self.language,
            "tags": list(self.tags),
            "schema_valid": self.schema_valid,
            "error": self.error,
            "fields": {f: self.counts[f].as_dict() for f in FIELDS},
            "evidence": {
                "total": self.evidence_total,
                "grounded": self.evidence_grounded,
                "hallucinated": self.items_hallucinated,
            },
            "missed": {k: v for k, v in self.missed.items() if v},
            "spurious": {k: v for k, v in self.spurious.items() if v},
        }


def _describe(summary: StructuredSummary, field_name: str, index: int) -> str:
    item = getattr(summary, _GOLD_FIELD[field_name])[index]
    if field_name == "actors":
        return f"{item.name}" + (f" ({item.name_en})" if item.name_en else "")
    if field_name == "sources":
        return f"{item.name} [{item.kind}]"
    if field_name in ("denials", "denial_identification"):
        return f"{item.denier}: {item.denied}"
    if field_name == "negotiation_claims":
        return f"{item.claimant}: {item.subject} [{item.status}]"
    return f"claim {item.claim} vs denial {item.denial}"


def _check_evidence(pred: StructuredSummary, text: str) -> tuple[int, int, int]:
    """(spans, grounded spans, items whose quote is not in the text)."""
    grounder = Grounder(text)
    total = grounded = hallucinated = 0
    for _category, _i, ev in pred.evidence():
        total += 1
        ok = ev.grounded and ev.start is not None and ev.end is not None and ev.end <= len(text)
        if ok and ev.alignment == "exact":
            ok = text[ev.start : ev.end] == ev.quote.strip()
        grounded += ok
        found = (ok and ev.alignment == "exact") or (
            grounder.locate(ev.quote).alignment != "unmatched"
        )
        hallucinated += not found
    return total, grounded, hallucinated


def score_fixture(
    gold: Gold,
    pred: StructuredSummary | None,
    text: str,
    *,
    fixture_id: str = "",
    language: str | None = None,
    tags: Sequence[str] = (),
    error: str | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> FixtureScore:
    """Score one prediction (None: missing or invalid) against its gold."""
    schema_valid = pred is not None
    prediction = pred if pred is not None else _EMPTY
    g = gold.summary
    required = {
        f: [not gold.is_optional(f, i) for i in range(len(getattr(g, f)))]
        for f in ("actors", "sources", "denials", "negotiation_claims", "contradictions")
    }
    alignment = align(g, prediction, required, thresholds)
    counts: dict[str, Counts] = {}
    missed: dict[str, list[str]] = {}
    spurious: dict[str, list[str]] = {}
    for f in FIELDS:
        pairs = getattr(alignment, f)
        req = required[_GOLD_FIELD[f]]
        matched_gold = {gi for gi, _ in pairs}
        matched_pred = {pi for _, pi in pairs}
        tp = sum(1 for gi, _ in pairs if req[gi])
        fn_idx = [gi for gi in range(len(req)) if req[gi] and gi not in matched_gold]
        n_pred = len(getattr(prediction, _GOLD_FIELD[f]))
        fp_idx = [pi for pi in range(n_pred) if pi not in matched_pred]
        counts[f] = Counts(tp=tp, fp=len(fp_idx), fn=len(fn_idx))
        missed[f] = [_describe(g, f, i) for i in fn_idx]
        spurious[f] = [_describe(prediction, f, i) for i in fp_idx]
    total = grounded = hallucinated = 0
    if pred is not None:
        total, grounded, hallucinated = _check_evidence(pred, text)
    return FixtureScore(
        id=fixture_id,
        language=language or g.language,
        tags=tuple(tags) or gold.tags,
        counts=counts,
        schema_valid=schema_valid,
        error=error,
        evidence_total=total,
        evidence_grounded=grounded,
        items_hallucinated=hallucinated,
        missed=missed,
        spurious=spurious,
    )


def _ratio(num: int, den: int, empty: float) -> float:
    return round(num / den, 6) if den else empty


def _summarise(scores: Sequence[FixtureScore]) -> dict[str, Any]:
    """Micro and macro figures and rates over `scores` (non-empty)."""
    n = len(scores)
    overall: dict[str, Any] = {}
    macro: dict[str, Any] = {}
    for f in FIELDS:
        total = Counts()
        for s in scores:
            total = total + s.counts[f]
        overall[f] = total.as_dict()
        macro[f] = {
            "precision": round(sum(s.counts[f].precision for s in scores) / n, 6),
            "recall": round(sum(s.counts[f].recall for s in scores) / n, 6),
            "f1": round(sum(s.counts[f].f1 for s in scores) / n, 6),
        }
    evidence = sum(s.evidence_total for s in scores)
    return {
        "n": n,
        "overall": overall,
        "macro": macro,
        "rates": {
            "grounding_rate": _ratio(sum(s.evidence_grounded for s in scores), evidence, 1.0),
            "ungrounded_item_rate": _ratio(
                sum(s.items_hallucinated for s in scores), evidence, 0.0
            ),
            "schema_valid_rate": _ratio(sum(s.schema_valid for s in scores), n, 1.0),
            "error_rate": _ratio(sum(s.error is not None for s in scores), n, 0.0),
        },
    }


def aggregate(scores: Iterable[FixtureScore]) -> dict[str, Any]:
    """The dataset's figures: `overall` (micro, per field: precision, recall, f1, tp, fp,
    fn), `macro`, `rates`, and the same under `by_language` and `by_tag`."""
    items = list(scores)
    if not items:
        raise ValueError("no fixture scores to aggregate")
    result = _summarise(items)
    by_language: dict[str, list[FixtureScore]] = {}
    by_tag: dict[str, list[FixtureScore]] = {}
    for s in items:
        by_language.setdefault(s.language or "und", []).append(s)
        for t in s.tags:
            by_tag.setdefault(t, []).append(s)
    result["by_language"] = {k: _summarise(v) for k, v in sorted(by_language.items())}
    result["by_tag"] = {k: _summarise(v) for k, v in sorted(by_tag.items())}
    result["fields"] = list(FIELDS)
    return result


def parse_prediction(value: Any) -> tuple[StructuredSummary | None, str | None]:
    """A predicted summary from a predictions line's `summary` (a JSON object or a JSON
    string); (None, reason) when absent or invalid."""
    if value is None:
        return None, "no summary"
    try:
        if isinstance(value, str | bytes):
            return StructuredSummary.model_validate_json(value), None
        if isinstance(value, Mapping):
            return StructuredSummary.model_validate(value), None
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        return None, f"invalid summary: {' '.join(str(exc).split())[:300]}"
    return None, f"invalid summary: expected a JSON object, got {type(value).__name__}"
