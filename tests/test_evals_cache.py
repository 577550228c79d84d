"""The SQLite response cache and the CachedBackend wrapper."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import pytest

from summarizer import Summarizer
from summarizer.backends import Backend, Completion, Message
from summarizer.errors import BackendError
from summarizer.evals.cache import (
    CachedBackend,
    ResponseCache,
    cache_hits,
    cache_key,
    default_cache_path,
)
from summarizer.schemas import SummaryDraft, Usage

TEXT = "The Harbor Guard militia denied on Monday that it was holding talks with Veloria."


def make_draft(name: str = "Harbor Guard") -> SummaryDraft:
    return SummaryDraft.model_validate(
        {
            "language": "en",
            "headline": "A denial",
            "summary": "The militia denied talks.",
            "actors": [
                {
                    "id": "hg",
                    "name": name,
                    "name_en": None,
                    "kind": "armed_group",
                    "role": None,
                    "affiliation": None,
                    "aliases": [],
                    "quote": "The Harbor Guard militia",
                }
            ],
            "sources": [],
            "denials": [
                {
                    "denier": "hg",
                    "denied": "talks with Veloria",
                    "counterparties": [],
                    "source": None,
                    "quote": "denied on Monday that it was holding talks with Veloria",
                }
            ],
            "negotiation_claims": [],
            "contradictions": [],
        }
    )


class Counting(Backend):
    name = "counting"
    uses_prompt = True

    def __init__(self, model: str = "m1", fail: bool = False) -> None:
        self.model = model
        self.base_url = "http://127.0.0.1:9/v1"
        self.mode = "tools"
        self.calls = 0
        self.fail = fail
        self._lock = threading.Lock()

    def complete(self, messages: list[Message], text: str) -> Completion:
        with self._lock:
            self.calls += 1
        if self.fail:
            raise BackendError("down")
        return Completion(
            draft=make_draft(),
            usage=Usage(prompt_tokens=321, completion_tokens=45),
            attempts=2,
            warnings=["re-asked once"],
            raw='{"raw": true}',
        )


def test_store_and_read_back_every_part_of_a_completion(tmp_path: Path) -> None:
    with ResponseCache(tmp_path / "r.sqlite3") as cache:
        assert cache.get("k") is None
        original = Counting().complete([], TEXT)
        cache.put("k", original)
        got = cache.get("k")
        assert got is not None and got.cached and not original.cached
        assert got.draft == original.draft
        assert got.usage == original.usage and got.attempts == 2
        assert got.warnings == ["re-asked once"] and got.raw == '{"raw": true}'
        assert len(cache) == 1
    # Persistent, and in WAL mode.
    with ResponseCache(tmp_path / "r.sqlite3") as cache:
        assert cache.get("k") is not None
    mode = sqlite3.connect(tmp_path / "r.sqlite3").execute("PRAGMA journal_mode").fetchone()
    assert mode[0] == "wal"


def test_key_changes_with_everything_that_shapes_an_answer() -> None:
    backend = {"backend": "openai", "model": "m", "base_url": "u", "mode": "tools"}
    messages = [{"role": "user", "content": "hi"}]
    params = {"temperature": 0.0, "max_tokens": None, "max_reasks": 2}
    base = cache_key(backend, messages, TEXT, params)
    assert base == cache_key(dict(backend), list(messages), TEXT, dict(params))
    variants = [
        cache_key({**backend, "model": "m2"}, messages, TEXT, params),
        cache_key({**backend, "base_url": "v"}, messages, TEXT, params),
        cache_key({**backend, "mode": "json"}, messages, TEXT, params),
        cache_key(backend, [{"role": "user", "content": "hi!"}], TEXT, params),
        cache_key(backend, messages, TEXT + " ", params),
        cache_key(backend, messages, TEXT, {**params, "temperature": 0.2}),
        cache_key(backend, messages, TEXT, {**params, "max_tokens": 100}),
        cache_key(backend, messages, TEXT, {**params, "max_reasks": 0}),
    ]
    assert len({base, *variants}) == len(variants) + 1


def test_cached_backend_hit_and_miss_through_the_pipeline(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path / "c.sqlite3")
    inner = Counting()
    first = Summarizer(backend=CachedBackend(inner, cache), grounding_reask=False)
    a = first.summarize(TEXT)
    assert inner.calls == 1 and a.meta is not None and a.meta.backend == "counting"
    assert a.meta.model == "m1" and a.meta.usage.prompt_tokens == 321
    inner2 = Counting()
    wrapped = CachedBackend(inner2, cache)
    b = Summarizer(backend=wrapped, grounding_reask=False).summarize(TEXT)
    assert inner2.calls == 0 and (wrapped.hits, wrapped.misses) == (1, 0)
    assert b.model_dump(exclude={"meta"}) == a.model_dump(exclude={"meta"})
    # Another model is another key.
    other = Counting(model="m2")
    Summarizer(backend=CachedBackend(other, cache), grounding_reask=False).summarize(TEXT)
    assert other.calls == 1
    # refresh: asks again, and stores the fresh answer.
    fresh = Counting()
    refreshing = CachedBackend(fresh, cache, refresh=True)
    Summarizer(backend=refreshing, grounding_reask=False).summarize(TEXT)
    assert fresh.calls == 1 and refreshing.misses == 1
    cache.close()


def test_failures_are_not_cached_and_hits_are_recorded_per_context(tmp_path: Path) -> None:
    with ResponseCache(tmp_path / "c.sqlite3") as cache:
        failing = CachedBackend(Counting(fail=True), cache)
        with pytest.raises(BackendError):
            failing.complete([], TEXT)
        assert len(cache) == 0
        wrapped = CachedBackend(Counting(), cache)

        async def twice() -> list[bool]:
            record: list[bool] = []
            token = cache_hits.set(record)
            try:
                await wrapped.acomplete([], TEXT)
                await wrapped.acomplete([], TEXT)
            finally:
                cache_hits.reset(token)
            return record

        assert asyncio.run(twice()) == [False, True]


def test_threads_share_one_cache(tmp_path: Path) -> None:
    with ResponseCache(tmp_path / "c.sqlite3") as cache:
        wrapped = CachedBackend(Counting(), cache)
        errors: list[BaseException] = []

        def work(i: int) -> None:
            try:
                for j in range(20):
                    wrapped.complete([{"role": "user", "content": f"{i}-{j % 5}"}], TEXT)
            except BaseException as exc:  # surfaced below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert len(cache) == 40
        assert wrapped.hits + wrapped.misses == 160 and wrapped.misses >= 40


def test_default_path_honours_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_CACHE", "/tmp/somewhere/x.sqlite3")
    assert default_cache_path() == Path("/tmp/somewhere/x.sqlite3")
    monkeypatch.delenv("SUMMARIZER_CACHE")
    assert default_cache_path().parts[-3:] == (".cache", "summarizer", "responses.sqlite3")
