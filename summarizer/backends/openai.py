"""Backend `openai`: any OpenAI-compatible endpoint through `openai` + `instructor`.

Three layers of retry, each bounded:
- transport (tenacity, around every HTTP call): 429 honouring Retry-After, 5xx, timeouts
  and connection resets; exponential backoff with jitter; `max_retries` attempts and
  `max_retry_time` seconds at most;
- validation (instructor): a reply that does not parse or validate is re-asked with the
  error, `max_reasks` times; after that the last reply is parsed leniently and repaired by
  the resolver (dangling references removed, with warnings) when it is valid JSON at all;
- grounding (the pipeline): one re-ask for quotes that are not in the article.
"""

from __future__ import annotations

import contextvars
import email.utils
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import instructor
import openai
from pydantic import ValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_random_exponential,
)

from ..errors import BackendError, ConfigError
from ..schemas import SummaryDraft, Usage
from ..settings import Settings
from .base import Backend, Completion, Message

# instructor logs handled failures at ERROR; without this, Python's last-resort handler
# prints them to stderr of every CLI run. Applications that configure logging still see them.
logging.getLogger("instructor").addHandler(logging.NullHandler())

_MODES = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}
# What each server family accepts (DESIGN.md, pitfalls): llama-cpp-python's server turns a
# forced tool call into a grammar but rejects `json_schema` response formats; llama.cpp's
# llama-server honours `json_schema` but ignores a named tool_choice.
_MODE_BY_OWNER = {
    "llamacpp": "json_schema",
    "vllm": "json_schema",
    "ollama": "json_schema",
    "library": "json_schema",
    "me": "tools",
}
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
_MAX_RETRY_AFTER_S = 60.0
# Full jitter: a random wait up to 0.5 s, 1 s, 2 s, … (at most 20 s) so that many clients
# hitting one rate limit do not retry in lockstep.
_BACKOFF = wait_random_exponential(multiplier=0.5, max=20.0)

T = TypeVar("T")


@dataclass(slots=True)
class _Calls:
    """What the HTTP calls of one `complete` cost; shared through a context variable
    because instructor calls the wrapped `create` for us."""

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


_CALLS: contextvars.ContextVar[_Calls | None] = contextvars.ContextVar("_CALLS", default=None)


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 409, 429) or exc.status_code >= 500
    return False


def _retry_after(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (Retry-After / retry-after-ms), if any."""
    response = getattr(exc, "response", None)
    if response is None:
        return None
    headers = response.headers
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time()) if when else None


def public_url(url: str | None) -> str | None:
    """The URL without credentials or query string (it goes into metadata and logs)."""
    if not url:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code} from the endpoint: {_first_line(str(exc.message))}"
    if isinstance(exc, openai.APITimeoutError):
        return "the request timed out"
    if isinstance(exc, openai.APIConnectionError):
        return f"cannot connect to the endpoint ({_first_line(str(exc.__cause__ or exc))})"
    return _first_line(str(exc)) or type(exc).__name__


def _failure(exc: BaseException) -> str:
    """The last validation problem behind an instructor retry error, in one line."""
    attempts = getattr(exc, "failed_attempts", None) or []
    inner = attempts[-1].exception if attempts else exc
    if isinstance(inner, ValidationError):
        first = inner.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"{where}: {first.get('msg', '')}" if where else str(first.get("msg", ""))
    return _first_line(str(inner))


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:300] if text.strip() else ""


def _raw_reply(completion: Any) -> str | None:
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


class OpenAIBackend(Backend):
    name = "openai"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.base_url = public_url(settings.base_url) if settings.base_url else None
        # Local servers need no key, but the client insists on one.
        api_key = settings.api_key or "not-needed"
        common: dict[str, Any] = {
            "api_key": api_key,
            "base_url": settings.base_url,
            "timeout": settings.timeout,
            "max_retries": 0,  # ours, below, honour Retry-After and a total time bound
        }
        self._client = openai.OpenAI(**common)
        self._aclient = openai.AsyncOpenAI(**common)
        owner, first_model = self._probe() if settings.base_url else (None, None)
        self.model = settings.model or first_model or DEFAULT_OPENAI_MODEL
        if settings.mode != "auto":
            self.mode = settings.mode
        else:
            self.mode = _MODE_BY_OWNER.get(owner or "", "tools")
        mode = _MODES[self.mode]
        # instructor calls `chat.completions.create` itself; wrapping it here puts our
        # transport retries and usage accounting under every call, re-asks included.
        completions, acompletions = self._client.chat.completions, self._aclient.chat.completions
        setattr(completions, "create", self._retrying(completions.create))  # noqa: B010
        setattr(acompletions, "create", self._aretrying(acompletions.create))  # noqa: B010
        self._instructor = instructor.from_openai(self._client, mode=mode)
        self._ainstructor = instructor.from_openai(self._aclient, mode=mode)

    def _probe(self) -> tuple[str | None, str | None]:
        """Ask the server who it is (`/models`: owned_by) to pick the instructor mode."""
        try:
            models = self._client.with_options(
                timeout=min(5.0, self.settings.timeout)
            ).models.list()
        except openai.OpenAIError:
            return None, None
        data = list(getattr(models, "data", []) or [])
        if not data:
            return None, None
        return getattr(data[0], "owned_by", None), getattr(data[0], "id", None)

    # -- transport retries ---------------------------------------------------------------

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = _retry_after(exc)
        if asked is not None:
            return min(asked, _MAX_RETRY_AFTER_S)
        return float(_BACKOFF(state))

    def _retry_policy(self) -> dict[str, Any]:
        s = self.settings
        return {
            "stop": stop_after_attempt(s.max_retries + 1) | stop_after_delay(s.max_retry_time),
            "wait": self._wait,
            "retry": retry_if_exception(_transient),
            "reraise": True,
        }

    def _retrying(self, create: Callable[..., T]) -> Callable[..., T]:
        def call(*args: Any, **kwargs: Any) -> T:
            for attempt in Retrying(**self._retry_policy()):
                with attempt:
                    response = create(*args, **kwargs)
            calls = _CALLS.get()
            if calls is not None:
                calls.record(response)
            return response

        return call

    def _aretrying(self, create: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T]]:
        async def call(*args: Any, **kwargs: Any) -> T:
            async for attempt in AsyncRetrying(**self._retry_policy()):
                with attempt:
                    response = await create(*args, **kwargs)
            calls = _CALLS.get()
            if calls is not None:
                calls.record(response)
            return response

        return call

    # -- the Backend interface -------------------------------------------------------------

    def _request(self, messages: list[Message]) -> dict[str, Any]:
        s = self.settings
        request: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "response_model": SummaryDraft,
            "max_retries": s.max_reasks,
            "strict": False,
            "temperature": s.temperature,
        }
        if s.max_tokens:
            request["max_tokens"] = s.max_tokens
        return request

    def complete(self, messages: list[Message], text: str) -> Completion:
        calls = _Calls()
        token = _CALLS.set(calls)
        try:
            draft = self._instructor.chat.completions.create(**self._request(messages))
        except Exception as exc:
            return self._recover(exc, calls)
        finally:
            _CALLS.reset(token)
        return Completion(
            draft=draft, usage=calls.usage, attempts=calls.count, raw=_raw_reply(calls.last)
        )

    async def acomplete(self, messages: list[Message], text: str) -> Completion:
        calls = _Calls()
        token = _CALLS.set(calls)
        try:
            draft = await self._ainstructor.chat.completions.create(**self._request(messages))
        except Exception as exc:
            return self._recover(exc, calls)
        finally:
            _CALLS.reset(token)
        return Completion(
            draft=draft, usage=calls.usage, attempts=calls.count, raw=_raw_reply(calls.last)
        )

    def _recover(self, exc: Exception, calls: _Calls) -> Completion:
        """Last resort after the re-asks: a reply that is valid JSON of the right shape but
        fails our consistency rules is repaired (with warnings) rather than thrown away."""
        cause: BaseException = exc
        while cause.__cause__ is not None and not isinstance(cause, openai.OpenAIError):
            cause = cause.__cause__
        if isinstance(cause, openai.AuthenticationError):
            raise ConfigError(f"the endpoint refused the API key: {_describe(cause)}") from None
        if isinstance(cause, openai.OpenAIError):
            where = f" at {self.base_url}" if self.base_url else ""
            hint = " (try another --mode)" if isinstance(cause, openai.BadRequestError) else ""
            raise BackendError(f"openai backend{where} failed: {_describe(cause)}{hint}") from None
        raw = _raw_reply(getattr(exc, "last_completion", None) or calls.last)
        if raw:
            try:
                draft = SummaryDraft.model_validate_json(raw, context={"lenient": True})
            except ValidationError:
                pass
            else:
                return Completion(
                    draft=draft,
                    usage=calls.usage,
                    attempts=calls.count,
                    raw=raw,
                    warnings=[
                        f"the reply failed validation after {self.settings.max_reasks} "
                        f"re-ask(s) and was repaired: {_failure(exc)}"
                    ],
                )
        if "length" in type(exc).__name__.lower() or "Incomplete" in type(exc).__name__:
            raise BackendError("the model's reply was cut off: raise --max-tokens") from None
        raise BackendError(
            f"openai backend: no valid reply after {calls.count} call(s) "
            f"({self.settings.max_reasks} re-ask(s)): {_failure(exc)}"
        ) from None

    def cache_key(self) -> dict[str, Any]:
        return {
            **super().cache_key(),
            "temperature": self.settings.temperature,
            "max_tokens": self.settings.max_tokens,
            "max_reasks": self.settings.max_reasks,
        }

    def close(self) -> None:
        self._client.close()
