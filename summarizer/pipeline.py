"""The pipeline every backend shares: input → chunks → prompt → backend → grounding
(one re-ask for quotes not in the text) → merge → `StructuredSummary` with `meta`."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Generator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from . import chunking, inputs
from .backends import Backend, Completion, Message, create_backend
from .errors import BackendError
from .grounding import Grounder
from .merge import merge
from .prompting import Prompt
from .resolve import Resolved, resolve
from .schemas import InputInfo, Meta, StructuredSummary, Usage
from .settings import Settings

# A chunk's work as a generator: it yields (messages, chunk text) to send and receives the
# backend's Completion, so one piece of logic serves the sync and the async drivers.
_Steps = Generator[tuple[list[Message], str], Completion, "_ChunkResult"]


@dataclass(slots=True)
class _ChunkResult:
    resolved: Resolved
    usage: Usage = field(default_factory=Usage)
    attempts: int = 0
    model_seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


class Summarizer:
    """Holds configuration, backend clients and (for local models) the loaded model, for
    reuse across many articles.

    >>> with Summarizer(backend="rules") as s:          # doctest: +SKIP
    ...     summary = s.summarize(open("article.txt").read())
    """

    def __init__(self, backend: str | Backend | None = None, **options: Any) -> None:
        if isinstance(backend, Backend):
            # Any Backend subclass works, whatever its name; `settings.backend` stays "auto".
            self.settings = Settings.from_env(**options)
            self.backend = backend
        else:
            self.settings = Settings.from_env(backend=backend, **options)
            self.backend = create_backend(self.settings)
        examples = self.settings.examples
        if examples is None:
            examples = self.backend.default_examples
        self.prompt = Prompt(examples=examples) if self.backend.uses_prompt else None

    # -- public API ---------------------------------------------------------------------

    def summarize(
        self, text: str | inputs.Article, *, html: bool | None = None
    ) -> StructuredSummary:
        """Summarize one article: a string (HTML is detected and converted, see
        `meta.input`) or an `Article` from `summarizer.read_article`."""
        started = time.perf_counter()
        article, chunks = self._prepare(text, html)
        if len(chunks) == 1:
            results = [self._drive_sync(self._steps(chunks[0], 1, 1))]
        else:
            with ThreadPoolExecutor(max_workers=self.settings.concurrency) as pool:
                futures = [
                    pool.submit(self._drive_sync, self._steps(c, i, len(chunks)))
                    for i, c in enumerate(chunks, 1)
                ]
                results = [f.result() for f in futures]
        return self._finish(article, results, started)

    async def asummarize(
        self, text: str | inputs.Article, *, html: bool | None = None
    ) -> StructuredSummary:
        """Async `summarize`; chunks of a long article are extracted concurrently."""
        started = time.perf_counter()
        article, chunks = self._prepare(text, html)
        gate = asyncio.Semaphore(self.settings.concurrency)

        async def one(i: int, chunk: chunking.Chunk) -> _ChunkResult:
            async with gate:
                return await self._drive_async(self._steps(chunk, i, len(chunks)))

        results = await asyncio.gather(*(one(i, c) for i, c in enumerate(chunks, 1)))
        return self._finish(article, list(results), started)

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def prompt_hash(self) -> str | None:
        return self.prompt.hash if self.prompt else None

    # -- internals ----------------------------------------------------------------------

    def _prepare(
        self, text: str | inputs.Article, html: bool | None
    ) -> tuple[inputs.Article, list[chunking.Chunk]]:
        s = self.settings
        if isinstance(text, inputs.Article):
            article = text
        else:
            html = s.html if html is None else html
            article = inputs.prepare(text, html=html, max_chars=s.max_chars)
        return article, chunking.split(article.text, s.chunk_chars, s.chunk_overlap)

    def _steps(self, chunk: chunking.Chunk, index: int, count: int) -> _Steps:
        s = self.settings
        result = _ChunkResult(resolved=None)  # type: ignore[arg-type]
        messages: list[Message] = (
            self.prompt.messages(chunk.text, chunk=(index, count) if count > 1 else None)
            if self.prompt
            else []
        )
        completion = yield messages, chunk.text
        self._account(result, completion)
        grounder = Grounder(chunk.text, fuzzy_threshold=s.fuzzy_threshold)
        keep = s.keep_ungrounded
        resolved = resolve(completion.draft, grounder, shift=chunk.start, keep_ungrounded=keep)
        if resolved.ungrounded and self.prompt and s.grounding_reask:
            retry = [
                *messages,
                {
                    "role": "assistant",
                    "content": completion.raw
                    or json.dumps(completion.draft.model_dump(mode="json"), ensure_ascii=False),
                },
                {"role": "user", "content": self.prompt.grounding_reask(resolved.ungrounded)},
            ]
            try:
                completion = yield retry, chunk.text
            except BackendError as exc:
                result.warnings.append(f"grounding re-ask failed, kept the first answer: {exc}")
            else:
                self._account(result, completion)
                resolved = resolve(
                    completion.draft, grounder, shift=chunk.start, keep_ungrounded=keep
                )
        result.resolved = resolved
        return result

    @staticmethod
    def _account(result: _ChunkResult, completion: Completion) -> None:
        result.usage = result.usage + completion.usage
        result.attempts += completion.attempts
        result.warnings.extend(completion.warnings)

    def _drive_sync(self, steps: _Steps) -> _ChunkResult:
        model_seconds = 0.0
        try:
            request = next(steps)
            while True:
                t0 = time.perf_counter()
                try:
                    completion = self.backend.complete(*request)
                except BackendError as exc:
                    model_seconds += time.perf_counter() - t0
                    request = steps.throw(exc)
                    continue
                model_seconds += time.perf_counter() - t0
                request = steps.send(completion)
        except StopIteration as stop:
            result: _ChunkResult = stop.value
            result.model_seconds = model_seconds
            return result

    async def _drive_async(self, steps: _Steps) -> _ChunkResult:
        model_seconds = 0.0
        try:
            request = next(steps)
            while True:
                t0 = time.perf_counter()
                try:
                    completion = await self.backend.acomplete(*request)
                except BackendError as exc:
                    model_seconds += time.perf_counter() - t0
                    request = steps.throw(exc)
                    continue
                model_seconds += time.perf_counter() - t0
                request = steps.send(completion)
        except StopIteration as stop:
            result: _ChunkResult = stop.value
            result.model_seconds = model_seconds
            return result

    def _finish(
        self, article: inputs.Article, results: list[_ChunkResult], started: float
    ) -> StructuredSummary:
        merged = merge([r.resolved.summary for r in results])
        warnings = [w for r in results for w in (*r.warnings, *r.resolved.warnings)]
        usage = Usage()
        for r in results:
            usage = usage + r.usage
        total = time.perf_counter() - started
        model_seconds = sum(r.model_seconds for r in results)
        b = self.backend
        meta = Meta(
            backend=b.name,
            model=b.model,
            base_url=b.base_url,
            mode=b.mode,
            prompt_hash=self.prompt_hash,
            attempts=sum(r.attempts for r in results),
            usage=usage,
            latency_s=round(total, 6),
            timings={
                "model_s": round(model_seconds, 6),
                # With concurrent chunks model time overlaps, so overhead is bounded below by 0.
                "overhead_s": round(max(0.0, total - model_seconds), 6),
            },
            chunks=len(results),
            input=InputInfo(
                chars=len(article.text),
                encoding=article.encoding,
                converted_from_html=article.converted_from_html,
            ),
            warnings=warnings,
        )
        return merged.model_copy(update={"meta": meta})


def summarize(text: str, **options: Any) -> StructuredSummary:
    """Summarize one article with a one-off `Summarizer` (see `Settings` for options)."""
    with Summarizer(**options) as summarizer:
        return summarizer.summarize(text)


async def asummarize(text: str, **options: Any) -> StructuredSummary:
    """Async `summarize`."""
    with Summarizer(**options) as summarizer:
        return await summarizer.asummarize(text)
