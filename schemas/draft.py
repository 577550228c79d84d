"""What the model writes: the model-facing half of schema v1.

Everything code fills (offsets, alignment, schema_version, meta) is left out so the JSON
Schema sent to constrained decoders stays small and flat: `Literal` enums, no numeric
bounds, no patterns, and every `$ref` inlined (grammar converters silently drop what they
do not support, see DESIGN.md).
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, model_validator

from .summary import ActorKind, NegotiationStatus, SourceKind, _check_references

_QUOTE = (
    "Verbatim words copied character for character from the article (a clause or sentence, "
    "never across paragraphs). Code finds them in the article; a quote that is not there is "
    "dropped."
)


class _Draft(BaseModel):
    # Models add keys we do not ask for; ignoring them beats a re-ask.
    model_config = ConfigDict(extra="ignore")


class ActorDraft(_Draft):
    id: str = Field(description="Short ascii handle, e.g. `faylaq`, `russia`; used by references.")
    name: str = Field(description="Name as written in the article, in its original script.")
    name_en: str | None = Field(description="English rendering of the name, or null.")
    kind: ActorKind = Field(description="What kind of actor it is.")
    role: str | None = Field(description="Role or title, e.g. spokesperson, commander; or null.")
    affiliation: str | None = Field(
        description="Id of the actor this one belongs to (a spokesperson's group), or null."
    )
    aliases: list[str] = Field(description="Other ways the article names this actor.")
    quote: str = Field(description="The actor's first mention. " + _QUOTE)


class SourceDraft(_Draft):
    id: str = Field(description="Short ascii handle, e.g. `afp`, `private_sources`.")
    name: str = Field(description="The source as written in the article.")
    kind: SourceKind = Field(description="What kind of channel the source is.")
    anonymous: bool = Field(description="True when the source is not named.")
    actor: str | None = Field(description="Id of the actor behind the source, or null.")
    quote: str = Field(description="Where the article cites this source. " + _QUOTE)


class DenialDraft(_Draft):
    denier: str = Field(description="Id of the actor who denies.")
    denied: str = Field(description="The proposition denied, as a short paraphrase.")
    counterparties: list[str] = Field(description="Ids of the actors the denial is about.")
    source: str | None = Field(description="Id of the source reporting the denial, or null.")
    quote: str = Field(description="The words of the denial. " + _QUOTE)


class NegotiationClaimDraft(_Draft):
    claimant: str = Field(description="Id of the actor asserting the claim.")
    parties: list[str] = Field(description="Ids of the actors said to negotiate.")
    subject: str = Field(description="What is negotiated: evacuation, ceasefire, deal, etc.")
    status: NegotiationStatus = Field(description="Where the negotiation stands.")
    source: str | None = Field(description="Id of the source reporting the claim, or null.")
    quote: str = Field(description="The words of the claim. " + _QUOTE)


class ContradictionDraft(_Draft):
    claim: int = Field(description="Index (from 0) into negotiation_claims.")
    denial: int = Field(description="Index (from 0) into denials.")
    note: str = Field(description="One sentence on why they cannot both be true.")


class SummaryDraft(_Draft):
    """A structured summary of a news article, every item tied to the article's own words."""

    language: str = Field(description="ISO 639-1 code of the article's language, e.g. ar, en.")
    headline: str = Field(description="One neutral line saying what the article reports.")
    summary: str = Field(description="2 to 4 neutral sentences summarising the article.")
    actors: list[ActorDraft] = Field(description="Every participant in the story.")
    sources: list[SourceDraft] = Field(description="Every channel statements are attributed to.")
    denials: list[DenialDraft] = Field(description="Every explicit denial.")
    negotiation_claims: list[NegotiationClaimDraft] = Field(
        description="Every claim that negotiations exist, are proposed, agreed or refused."
    )
    contradictions: list[ContradictionDraft] = Field(
        description="Pairs of a negotiation claim and a denial that cannot both be true."
    )

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> SummaryDraft:
        # Strict by default so instructor re-asks with these messages; the pipeline's last
        # resort parses with {"lenient": True} and repairs references itself, with warnings.
        if info.context and info.context.get("lenient"):
            return self
        problems = [
            f"{where}.quote is empty: copy the words from the article"
            for where, item in self.quoted_items()
            if not item.quote.strip()
        ]
        for category in ("actors", "sources"):
            for i, item in enumerate(getattr(self, category)):
                for key in ("id", "name"):
                    if not getattr(item, key).strip():
                        problems.append(f"{category}[{i}].{key} is empty: fill it in")
        problems += _check_references(
            self.actors, self.sources, self.denials, self.negotiation_claims, self.contradictions
        )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def quoted_items(self) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for category in ("actors", "sources", "denials", "negotiation_claims"):
            out += [(f"{category}[{i}]", x) for i, x in enumerate(getattr(self, category))]
        return out

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return inline_refs(super().model_json_schema(*args, **kwargs))

    @classmethod
    def model_validate_json(
        cls, json_data: str | bytes | bytearray, *args: Any, **kwargs: Any
    ) -> SummaryDraft:
        # Models asked for bare JSON often wrap it in a ```json fence anyway: unwrap it
        # here rather than spend a re-ask on it.
        if isinstance(json_data, (bytes, bytearray)):
            json_data = json_data.decode("utf-8", errors="replace")
        fenced = _FENCE.search(json_data)
        if fenced:
            json_data = fenced.group(1)
        try:
            return super().model_validate_json(json_data, *args, **kwargs)
        except ValidationError as exc:
            # Some grammars (llama-cpp-python's) let raw newlines and tabs into JSON
            # strings; strict JSON refuses them, but the meaning is unambiguous.
            if not any(e["type"] == "json_invalid" for e in exc.errors()):
                raise
            try:
                data = json.loads(json_data, strict=False)
            except ValueError:
                raise exc from None
            return cls.model_validate(data, *args, **kwargs)


_FENCE = re.compile(r"\A\s*```(?:json|JSON)?\s*\n(.*?)\n?```\s*\Z", re.DOTALL)


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """Return `schema` with every local `$ref` replaced by its definition (no cycles here)."""
    defs = schema.get("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                name = node["$ref"].rsplit("/", 1)[-1]
                merged = {
                    **copy.deepcopy(defs[name]),
                    **{k: v for k, v in node.items() if k != "$ref"},
                }
                return resolve(merged)
            return {k: resolve(v) for k, v in node.items() if k != "$defs"}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    out: dict[str, Any] = resolve(schema)
    return out
