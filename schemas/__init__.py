"""Pydantic models of the summary (schema v1) and its model-facing draft."""

from .draft import (
    ActorDraft,
    ContradictionDraft,
    DenialDraft,
    NegotiationClaimDraft,
    SourceDraft,
    SummaryDraft,
    inline_refs,
)
from .summary import (
    ACTOR_KINDS,
    GROUNDED,
    NEGOTIATION_STATUSES,
    SCHEMA_VERSION,
    SOURCE_KINDS,
    Actor,
    ActorKind,
    Alignment,
    Contradiction,
    Denial,
    Evidence,
    InputInfo,
    Meta,
    NegotiationClaim,
    NegotiationStatus,
    Source,
    SourceKind,
    StructuredSummary,
    Usage,
)

__all__ = [
    "ACTOR_KINDS",
    "GROUNDED",
    "NEGOTIATION_STATUSES",
    "SCHEMA_VERSION",
    "SOURCE_KINDS",
    "Actor",
    "ActorDraft",
    "ActorKind",
    "Alignment",
    "Contradiction",
    "ContradictionDraft",
    "Denial",
    "DenialDraft",
    "Evidence",
    "InputInfo",
    "Meta",
    "NegotiationClaim",
    "NegotiationClaimDraft",
    "NegotiationStatus",
    "Source",
    "SourceDraft",
    "SourceKind",
    "StructuredSummary",
    "SummaryDraft",
    "Usage",
    "inline_refs",
    "summary_json_schema",
]


def summary_json_schema() -> dict[str, object]:
    """The JSON Schema of the full output (what `summarizer schema` prints)."""
    return StructuredSummary.model_json_schema()
