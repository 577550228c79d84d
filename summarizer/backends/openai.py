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

import email.utils
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import instructor
import openai
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
from ..schemas import SummaryDraft
from ..settings import Settings
from ._calls import CallLog, failure_summary, first_line, record, recording, repaired, reply_text
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
        return f"HTTP {exc.status_code} from the endpoint: {first_line(str(exc.message))}"
    if isinstance(exc, openai.APITimeoutError):
        return "the request timed out"
    if isinstance(exc, openai.APIConnectionError):
        return f"cannot connect to the endpoint ({first_line(str(exc.__cause__ or exc))})"
    return first_line(str(exc)) or type(exc).__name__


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
            record(response)
            return response

        return call

    def _aretrying(self, create: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T]]:
        async def call(*args: Any, **kwargs: Any) -> T:
            async for attempt in AsyncRetrying(**self._retry_policy()):
                with attempt:
                    response = await create(*args, **kwargs)
            record(response)
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
        with recording() as log:
            try:
                draft = self._instructor.chat.completions.create(**self._request(messages))
            except Exception as exc:
                return self._recover(exc, log)
        return Completion(
            draft=draft, usage=log.usage, attempts=log.count, raw=reply_text(log.last)
        )

    async def acomplete(self, messages: list[Message], text: str) -> Completion:
        with recording() as log:
            try:
                draft = await self._ainstructor.chat.completions.create(**self._request(messages))
            except Exception as exc:
                return self._recover(exc, log)
        return Completion(
            draft=draft, usage=log.usage, attempts=log.count, raw=reply_text(log.last)
        )

    def _recover(self, exc: Exception, log: CallLog) -> Completion:
        """Transport and auth failures become one clear error; a reply that failed only our
        consistency rules after the re-asks is repaired rather than thrown away."""
        cause: BaseException = exc
        while cause.__cause__ is not None and not isinstance(cause, openai.OpenAIError):
            cause = cause.__cause__
        if isinstance(cause, openai.AuthenticationError):
            raise ConfigError(f"the endpoint refused the API key: {_describe(cause)}") from None
        if isinstance(cause, openai.OpenAIError):
            where = f" at {self.base_url}" if self.base_url else ""
            hint = " (try another --mode)" if isinstance(cause, openai.BadRequestError) else ""
            raise BackendError(f"openai backend{where} failed: {_describe(cause)}{hint}") from None
        completion = repaired(exc, log, self.settings.max_reasks)
        if completion is not None:
            return completion
        if "length" in type(exc).__name__.lower() or "Incomplete" in type(exc).__name__:
            raise BackendError("the model's reply was cut off: raise --max-tokens") from None
        raise BackendError(
            f"openai backend: no valid reply after {log.count} call(s) "
            f"({self.settings.max_reasks} re-ask(s)): {failure_summary(exc)}"
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
