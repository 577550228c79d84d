"""The one interface every backend implements.

A backend turns prompt messages (and the article chunk they carry) into a `SummaryDraft`:
what the model wrote, not yet grounded. Everything after that — grounding, re-asks for
ungrounded quotes, dropping, merging chunks, metadata — is the pipeline's, identical for
every backend.
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..schemas import SummaryDraft, Usage

Message = dict[str, Any]


@dataclass(slots=True)
class Completion:
    """A draft and what producing it cost."""

    draft: SummaryDraft
    usage: Usage = field(default_factory=Usage)
    attempts: int = 1
    warnings: list[str] = field(default_factory=list)
    raw: str | None = None  # the model's JSON text, kept for a grounding re-ask
    cached: bool = False  # served from a response cache, not from the backend


class Backend(ABC):
    """Base class of backends. Subclasses set `name` and implement `complete`."""

    name: ClassVar[str]
    #: False for backends that do not read the prompt (the offline rules extractor):
    #: the pipeline then skips prompt rendering and grounding re-asks.
    uses_prompt: ClassVar[bool] = True
    #: Whether the prompt carries the few-shot example unless the user says otherwise
    #: (base models copy examples instead of reading the article).
    default_examples: ClassVar[bool] = True

    model: str | None = None
    base_url: str | None = None
    mode: str | None = None

    @abstractmethod
    def complete(self, messages: list[Message], text: str) -> Completion:
        """Return the draft for `text` (the article or one chunk of it).

        `messages` is the rendered prompt, already holding `text`; backends that read only
        the text ignore it. Raise `BackendError` when the backend fails for good.
        """

    async def acomplete(self, messages: list[Message], text: str) -> Completion:
        """Async variant; the default runs `complete` in a worker thread."""
        return await asyncio.to_thread(self.complete, messages, text)

    def cache_key(self) -> dict[str, Any]:
        """What identifies this backend's answers (for response caches)."""
        return {
            "backend": self.name,
            "model": self.model,
            "base_url": self.base_url,
            "mode": self.mode,
        }

    def close(self) -> None:  # noqa: B027 - an optional hook, not an abstract method
        """Release clients, files and models."""
