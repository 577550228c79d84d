"""Rendering the prompt: Jinja2 templates in `prompts/`, field docs from the draft schema,
few-shot examples from `prompts/examples/*.json`.

The article is passed to the template as a variable, so braces, `{{ }}` and `{% %}` inside
it reach the model verbatim: Jinja never renders a variable's value. It sits between two
fence lines derived from its own hash, which text inside the article cannot forge.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jinja2

from .backends.base import Message
from .errors import ConfigError
from .grounding import Grounder
from .schemas import SummaryDraft

_SECTIONS = ("actors", "sources", "denials", "negotiation_claims", "contradictions")


@dataclass(frozen=True, slots=True)
class Example:
    name: str
    text: str
    answer: str  # compact JSON of a valid SummaryDraft


def _field_docs() -> list[dict[str, Any]]:
    """Every field of the draft with its description, as the template lists them."""
    schema = SummaryDraft.model_json_schema()
    props = schema["properties"]
    top = {
        "name": "top level",
        "description": "the article as a whole.",
        "fields": [
            {"name": k, "description": v.get("description", ""), "enum": None}
            for k, v in props.items()
            if k not in _SECTIONS
        ],
    }
    sections = [top]
    for name in _SECTIONS:
        item = props[name]["items"]
        fields = []
        for fname, fschema in item["properties"].items():
            enum = fschema.get("enum") or next(
                (alt["enum"] for alt in fschema.get("anyOf", []) if "enum" in alt), None
            )
            fields.append(
                {"name": fname, "description": fschema.get("description", ""), "enum": enum}
            )
        sections.append(
            {"name": name, "description": props[name].get("description", ""), "fields": fields}
        )
    return sections


def _load_examples() -> tuple[Example, ...]:
    """Load few-shot examples, refusing any whose quotes are not in its own text."""
    out = []
    folder = resources.files("summarizer.prompts").joinpath("examples")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        draft = SummaryDraft.model_validate(data["answer"])
        grounder = Grounder(data["text"])
        for where, item in draft.quoted_items():
            if grounder.locate(item.quote).alignment != "exact":
                raise ConfigError(
                    f"few-shot example {entry.name}: {where}.quote is not in the example text: "
                    f"{item.quote!r}"
                )
        answer = draft.model_dump_json()
        out.append(Example(entry.name, data["text"], answer))
    return tuple(out)


class Prompt:
    """The rendered-prompt factory; `hash` identifies templates, examples and schema."""

    def __init__(self, *, examples: bool = True) -> None:
        env = jinja2.Environment(
            loader=jinja2.PackageLoader("summarizer.prompts", "."),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._system = env.get_template("system.j2")
        self._user = env.get_template("user.j2")
        self._reask = env.get_template("grounding_reask.j2")
        self.examples = _cached_examples() if examples else ()
        self.system_text = self._system.render(fields=_cached_field_docs(), examples=self.examples)
        digest = hashlib.sha256()
        for name in ("system.j2", "user.j2", "grounding_reask.j2"):
            digest.update(resources.files("summarizer.prompts").joinpath(name).read_bytes())
        digest.update(self.system_text.encode())
        self.hash = digest.hexdigest()[:16]

    def messages(self, text: str, *, chunk: tuple[int, int] | None = None) -> list[Message]:
        """System and user messages for `text`; `chunk` is (index from 1, count)."""
        fence = (
            "=" * 8 + " ARTICLE " + hashlib.sha256(text.encode()).hexdigest()[:12] + " " + "=" * 8
        )
        chunk_info = {"index": chunk[0], "count": chunk[1]} if chunk else None
        user = self._user.render(article=text, fence=fence, chunk=chunk_info)
        return [{"role": "system", "content": self.system_text}, {"role": "user", "content": user}]

    def grounding_reask(self, ungrounded: list[str]) -> str:
        return self._reask.render(ungrounded=ungrounded)


@cache
def _cached_examples() -> tuple[Example, ...]:
    return _load_examples()


@cache
def _cached_field_docs() -> list[dict[str, Any]]:
    return _field_docs()
