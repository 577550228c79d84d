"""Gold summaries: hand-written answers for the fixtures, turned into scorable summaries.

A gold file is a schema v1 summary without `meta` whose evidence carries only `quote` (no
offsets), and where any item may carry `"optional": true`. Loading strips the optional flags
(remembering which items had them), grounds every quote in the fixture text with the same
`Grounder` the pipeline uses, and validates the result as `StructuredSummary`. A gold quote
that cannot be grounded is an error in the fixture, not something to score around.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..grounding import Grounder
from ..schemas import StructuredSummary
from .errors import EvalUsageError

#: The fields of a summary whose items are scored (in this order everywhere).
ITEM_FIELDS: tuple[str, ...] = (
    "actors",
    "sources",
    "denials",
    "negotiation_claims",
    "contradictions",
)
_EVIDENCE_FIELDS = ("actors", "sources", "denials", "negotiation_claims")
#: Top-level keys annotators may add that are not part of the summary.
_ANNOTATION_KEYS = frozenset({"tags", "notes", "note", "comment", "id", "url", "source_url"})


@dataclass(frozen=True, slots=True)
class Gold:
    summary: StructuredSummary
    #: Per field, the indexes of optional items.
    optional: dict[str, frozenset[int]] = field(default_factory=dict)
    tags: tuple[str, ...] = ()

    def is_optional(self, field_name: str, index: int) -> bool:
        return index in self.optional.get(field_name, frozenset())


def parse_gold(data: Any, text: str, *, where: str = "gold") -> Gold:
    """Gold from its JSON value, grounded in `text` (the fixture's article text)."""
    if not isinstance(data, dict):
        raise EvalUsageError(f"{where}: a gold file holds one JSON object")
    raw_tags = data.get("tags")
    tags = tuple(str(t) for t in raw_tags) if isinstance(raw_tags, list) else ()
    data = {k: v for k, v in data.items() if k not in _ANNOTATION_KEYS and k != "meta"}
    grounder = Grounder(text)
    optional: dict[str, frozenset[int]] = {}
    for name in ITEM_FIELDS:
        items = data.get(name) or []
        if not isinstance(items, list):
            raise EvalUsageError(f"{where}: {name} must be a list")
        flagged: set[int] = set()
        cleaned: list[Any] = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise EvalUsageError(f"{where}: {name}[{i}] must be an object")
            item = dict(item)
            if item.pop("optional", False):
                flagged.add(i)
            if name in _EVIDENCE_FIELDS:
                ev = item.get("evidence")
                quote = ev.get("quote") if isinstance(ev, dict) else None
                if not isinstance(quote, str) or not quote.strip():
                    raise EvalUsageError(f"{where}: {name}[{i}] has no evidence.quote")
                evidence = grounder.ground(quote)
                if not evidence.grounded:
                    raise EvalUsageError(
                        f"{where}: {name}[{i}] quote is not in the article: {quote[:80]!r}"
                    )
                item["evidence"] = evidence.model_dump(mode="json")
            cleaned.append(item)
        data[name] = cleaned
        optional[name] = frozenset(flagged)
    data.setdefault("schema_version", "1")
    try:
        summary = StructuredSummary.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise EvalUsageError(
            f"{where}: invalid gold ({exc.error_count()} error(s)); first at {loc or 'top'}: "
            f"{first['msg']}"
        ) from None
    return Gold(summary=summary, optional=optional, tags=tags)


def load_gold(path: Path, text: str) -> Gold:
    """Read and ground the gold file `path` against the fixture text."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalUsageError(f"cannot read gold {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise EvalUsageError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    return parse_gold(data, text, where=str(path))
