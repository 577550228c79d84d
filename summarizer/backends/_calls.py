"""What the instructor-driven backends (`openai`, `llamacpp`) share: accounting for every
model call instructor makes on our behalf, and the last-resort repair after its re-asks."""

from __future__ import annotations

import contextvars
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..schemas import SummaryDraft, Usage
from .base import Completion


@dataclass(slots=True)
class CallLog:
    """What the model calls of one `complete` cost. Instructor calls the wrapped `create`
    itself, so the log travels in a context variable rather than through arguments."""

    usage: Usage = field(default_factory=Usage)
    count: int = 0
    last: Any = None

    def record(self, response: Any) -> None:
        self.count += 1
        self.last = response
        u = getattr(response, "usage", None)
        if u is not None:
            self.usage = self.usage + Usage(
                prompt_tokens=u.prompt_tokens or 0, completion_tokens=u.completion_tokens or 0
            )


_CURRENT: contextvars.ContextVar[CallLog | None] = contextvars.ContextVar(
    "summarizer_call_log", default=None
)


@contextmanager
def recording() -> Iterator[CallLog]:
    """Collect the calls made inside the block (per thread or task: contexts are copied)."""
    log = CallLog()
    token = _CURRENT.set(log)
    try:
        yield log
    finally:
        _CURRENT.reset(token)


def record(response: Any) -> None:
    """Count `response` in the active log, if any."""
    log = _CURRENT.get()
    if log is not None:
        log.record(response)


def first_line(text: str) -> str:
    return text.strip().splitlines()[0][:300] if text.strip() else ""


def failure_summary(exc: BaseException) -> str:
    """The last validation problem behind an instructor retry error, in one line."""
    attempts = getattr(exc, "failed_attempts", None) or []
    inner = attempts[-1].exception if attempts else exc
    if isinstance(inner, ValidationError):
        first = inner.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"{where}: {first.get('msg', '')}" if where else str(first.get("msg", ""))
    return first_line(str(inner)) or type(inner).__name__


def reply_text(completion: Any) -> str | None:
    """The JSON text of a chat completion: tool-call arguments, or (fenced) content."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError):
        return None
    if getattr(message, "tool_calls", None):
        return str(message.tool_calls[0].function.arguments)
    content = message.content or ""
    fenced = re.search(r"```(?:json)?\s*(.*?)```", content, re.DOTALL)
    return fenced.group(1) if fenced else content


def repaired(exc: BaseException, log: CallLog, max_reasks: int) -> Completion | None:
    """After the re-asks, a reply of the right shape that breaks our consistency rules
    (dangling ids, empty quotes) is kept for the resolver to repair, with a warning;
    None when the last reply is not even that."""
    raw = reply_text(getattr(exc, "last_completion", None) or log.last)
    if not raw:
        return None
    try:
        draft = SummaryDraft.model_validate_json(raw, context={"lenient": True})
    except ValidationError:
        return None
    return Completion(
        draft=draft,
        usage=log.usage,
        attempts=log.count,
        raw=raw,
        warnings=[
            f"the reply failed validation after {max_reasks} re-ask(s) and was repaired: "
            f"{failure_summary(exc)}"
        ],
    )
