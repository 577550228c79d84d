"""A response cache shared across eval runs: SQLite, keyed by everything that shapes an answer.

`CachedBackend` wraps a real backend. A call whose key is stored returns the stored
`Completion` (draft, usage, attempts, warnings, raw text) with `cached=True`; otherwise the
inner backend answers and the completion is stored. The key covers the backend's identity
(`Backend.cache_key()`: name, model, base URL, mode), the prompt messages, the article text,
a hash of the draft JSON Schema and the generation parameters (temperature, max_tokens,
max_reasks), so changing any of them misses. Failures (exceptions) are never stored.

The database runs in WAL mode with a busy timeout, so several processes can share it; within
a process one connection is guarded by a lock, so threads can share it too.
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..backends import Backend, Completion, Message
from ..schemas import SummaryDraft, Usage

CACHE_ENV = "SUMMARIZER_CACHE"
_KEY_VERSION = 1

#: Per task/thread record of which completions a fixture's summary was served from cache;
#: the runner sets a fresh list per fixture (asyncio tasks and `to_thread` copy context).
cache_hits: contextvars.ContextVar[list[bool] | None] = contextvars.ContextVar(
    "summarizer_eval_cache_hits", default=None
)


def default_cache_path() -> Path:
    """`$SUMMARIZER_CACHE`, else `~/.cache/summarizer/responses.sqlite3`."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "summarizer" / "responses.sqlite3"


@lru_cache(maxsize=1)
def draft_schema_hash() -> str:
    schema = json.dumps(SummaryDraft.model_json_schema(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(schema.encode()).hexdigest()[:16]


def cache_key(
    backend_key: Mapping[str, Any],
    messages: list[Message],
    text: str,
    params: Mapping[str, Any],
) -> str:
    payload = {
        "v": _KEY_VERSION,
        "backend": dict(backend_key),
        "messages": messages,
        "text": text,
        "draft_schema": draft_schema_hash(),
        "params": dict(params),
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class ResponseCache:
    """The SQLite store of completions."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(
            self.path, timeout=30.0, check_same_thread=False, isolation_level=None
        )
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS responses ("
                " key TEXT PRIMARY KEY, created REAL NOT NULL, draft TEXT NOT NULL,"
                " usage TEXT NOT NULL, attempts INTEGER NOT NULL, warnings TEXT NOT NULL,"
                " raw TEXT)"
            )

    def get(self, key: str) -> Completion | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT draft, usage, attempts, warnings, raw FROM responses WHERE key = ?",
                (key,),
            ).fetchone()
        if row is None:
            return None
        draft, usage, attempts, warnings, raw = row
        try:
            return Completion(
                # Stored drafts passed validation once; a lenient parse keeps an answer the
                # pipeline repaired (references) readable after a validator tightens.
                draft=SummaryDraft.model_validate_json(draft, context={"lenient": True}),
                usage=Usage.model_validate_json(usage),
                attempts=int(attempts),
                warnings=list(json.loads(warnings)),
                raw=raw,
                cached=True,
            )
        except ValueError:
            return None  # written by an incompatible version: treat as a miss

    def put(self, key: str, completion: Completion) -> None:
        row = (
            key,
            time.time(),
            completion.draft.model_dump_json(),
            completion.usage.model_dump_json(),
            completion.attempts,
            json.dumps(completion.warnings, ensure_ascii=False),
            completion.raw,
        )
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO responses"
                " (key, created, draft, usage, attempts, warnings, raw)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._conn.execute("SELECT COUNT(*) FROM responses").fetchone()
        return int(count)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> ResponseCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class CachedBackend(Backend):
    """A backend that answers from `cache` when it can and from `inner` otherwise.

    `refresh=True` never reads the cache but still writes it (`--refresh-cache`).
    """

    name = "cached"

    def __init__(
        self,
        inner: Backend,
        cache: ResponseCache,
        *,
        params: Mapping[str, Any] | None = None,
        refresh: bool = False,
    ) -> None:
        self.inner = inner
        self.cache = cache
        self.params = dict(params or {})
        self.refresh = refresh
        self.hits = 0
        self.misses = 0
        self._counter_lock = threading.Lock()
        # The pipeline and Settings read `name` and `uses_prompt` (class variables on
        # Backend) to describe and drive the backend: this wrapper must look like `inner`.
        self.__dict__["name"] = inner.name
        self.__dict__["uses_prompt"] = inner.uses_prompt
        self.model = inner.model
        self.base_url = inner.base_url
        self.mode = inner.mode

    def cache_key(self) -> dict[str, Any]:
        return self.inner.cache_key()

    def key_for(self, messages: list[Message], text: str) -> str:
        return cache_key(self.inner.cache_key(), messages, text, self.params)

    def _lookup(self, key: str) -> Completion | None:
        found = None if self.refresh else self.cache.get(key)
        with self._counter_lock:
            if found is None:
                self.misses += 1
            else:
                self.hits += 1
        record = cache_hits.get()
        if record is not None:
            record.append(found is not None)
        return found

    def complete(self, messages: list[Message], text: str) -> Completion:
        key = self.key_for(messages, text)
        found = self._lookup(key)
        if found is not None:
            return found
        completion = self.inner.complete(messages, text)
        self.cache.put(key, completion)
        return completion

    async def acomplete(self, messages: list[Message], text: str) -> Completion:
        key = self.key_for(messages, text)
        found = self._lookup(key)
        if found is not None:
            return found
        completion = await self.inner.acomplete(messages, text)
        self.cache.put(key, completion)
        return completion

    def close(self) -> None:
        self.inner.close()
