"""Eval runs: summarize every fixture of a dataset with one backend, then score.

The run directory gets `config.json` first, then one `predictions.jsonl` line per fixture as
each finishes ({"id", "summary", "error", "usage", "latency_s", "attempts", "cache_hit"}),
then the results (see `evaluate`). A fixture's failure — a `BackendError`, an `InputError`,
any exception — is recorded in its line's "error" and the run goes on. `resume=True`
continues a killed run: fixtures with a line are not run again (see `journal`).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .. import inputs
from ..backends import Backend, create_backend
from ..pipeline import Summarizer
from ..schemas import SCHEMA_VERSION
from ..settings import Settings
from .cache import CachedBackend, ResponseCache, cache_hits, default_cache_path, draft_schema_hash
from .dataset import PACKAGE_DIR, Dataset
from .errors import EvalUsageError, HarnessError
from .evaluate import LoadedFixture, load_fixtures, read_json, score_rows, write_json, write_results
from .journal import Journal, recover

#: Config keys that must agree for `--resume` to continue a run.
_IDENTITY = ("backend", "model", "base_url", "mode", "prompt_hash", "schema_version")


@dataclass(slots=True)
class RunOptions:
    dataset: Dataset
    out_dir: Path
    backend: str | Backend | None = None
    model: str | None = None
    base_url: str | None = None
    mode: str | None = None
    concurrency: int = 4
    limit: int | None = None
    use_cache: bool = True
    refresh_cache: bool = False
    cache_path: Path | None = None
    resume: bool = False
    gates: dict[str, float] = field(default_factory=dict)
    #: Further `Settings` options (temperature, max_tokens, max_reasks, timeout, ...).
    settings: dict[str, Any] = field(default_factory=dict)
    progress: bool | None = None  # None: only when stderr is a terminal


@dataclass(slots=True)
class RunResult:
    out_dir: Path
    scores: dict[str, Any]
    gate_failures: list[str]
    ran: int
    skipped: int


def public_url(url: str | None) -> str | None:
    """`url` without credentials, query or fragment (where keys sometimes travel)."""
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def git_commit() -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(PACKAGE_DIR), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and commit else None


def _build(options: RunOptions) -> tuple[Summarizer, CachedBackend | None, ResponseCache | None]:
    extra = dict(options.settings)
    if isinstance(options.backend, Backend):
        inner = options.backend
        settings = Settings.from_env(**extra)
    else:
        settings = Settings.from_env(
            backend=options.backend,
            model=options.model,
            base_url=options.base_url,
            mode=options.mode,
            **extra,
        )
        inner = create_backend(settings)
    if not options.use_cache:
        return Summarizer(backend=inner, **extra), None, None
    path = options.cache_path or default_cache_path()
    try:
        cache = ResponseCache(path)
    except (OSError, sqlite3.Error) as exc:
        inner.close()
        raise HarnessError(f"cannot open the response cache {path}: {exc}") from None
    params = {
        "temperature": settings.temperature,
        "max_tokens": settings.max_tokens,
        "max_reasks": settings.max_reasks,
        "grounding_reask": settings.grounding_reask,
        "examples": settings.examples,
    }
    wrapped = CachedBackend(inner, cache, params=params, refresh=options.refresh_cache)
    return Summarizer(backend=wrapped, **extra), wrapped, cache


def _cache_mode(options: RunOptions) -> str:
    if not options.use_cache:
        return "off"
    return "refresh" if options.refresh_cache else "on"


def _config(options: RunOptions, summarizer: Summarizer) -> dict[str, Any]:
    s = summarizer.settings
    b = summarizer.backend
    return {
        "format": "summarizer.evals.run/1",
        "dataset": {
            "name": options.dataset.name,
            "path": str(options.dataset.path),
            "fixtures": len(options.dataset),
        },
        "backend": b.name,
        "model": b.model,
        "base_url": public_url(b.base_url),
        "mode": b.mode,
        "prompt_hash": summarizer.prompt_hash,
        "draft_schema_hash": draft_schema_hash(),
        "schema_version": SCHEMA_VERSION,
        "git_commit": git_commit(),
        "python": sys.version.split()[0],
        "parameters": {
            "concurrency": options.concurrency,
            "limit": options.limit,
            "cache": _cache_mode(options),
            "temperature": s.temperature,
            "max_tokens": s.max_tokens,
            "max_reasks": s.max_reasks,
            "max_retries": s.max_retries,
            "timeout": s.timeout,
            "grounding_reask": s.grounding_reask,
            "keep_ungrounded": s.keep_ungrounded,
            "examples": s.examples,
            "chunk_chars": s.chunk_chars,
            "fuzzy_threshold": s.fuzzy_threshold,
        },
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def _check_resumable(out_dir: Path, config: dict[str, Any]) -> None:
    previous = read_json(out_dir / "config.json")
    for key in _IDENTITY:
        if previous.get(key) != config.get(key):
            raise EvalUsageError(
                f"cannot resume {out_dir}: its {key} is {previous.get(key)!r}, this run's is "
                f"{config.get(key)!r}; use another --out"
            )


@contextlib.contextmanager
def _progress(enabled: bool | None, total: int) -> Iterator[tuple[Progress, TaskID]]:
    console = Console(stderr=True)
    show = console.is_terminal if enabled is None else enabled
    bar = Progress(
        TextColumn("[bold]eval[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn(
            "{task.fields[tokens]} tok · {task.fields[errors]} err · {task.fields[hits]} hit"
        ),
        console=console,
        disable=not show,
        transient=False,
    )
    with bar:
        task = bar.add_task("eval", total=total, tokens=0, errors=0, hits=0)
        yield bar, task


async def _run_all(
    summarizer: Summarizer,
    todo: Sequence[LoadedFixture],
    journal: Journal,
    concurrency: int,
    progress: bool | None,
) -> None:
    gate = asyncio.Semaphore(concurrency)
    totals = {"tokens": 0, "errors": 0, "hits": 0}
    with _progress(progress, len(todo)) as (bar, task):

        async def one(item: LoadedFixture) -> None:
            async with gate:
                hits: list[bool] = []
                token = cache_hits.set(hits)
                started = time.perf_counter()
                row: dict[str, Any] = {"id": item.fixture.id, "summary": None, "error": None}
                try:
                    article = inputs.Article(text=item.text)
                    summary = await summarizer.asummarize(article)
                    meta = summary.meta
                    row["summary"] = summary.model_dump(mode="json")
                    row["usage"] = meta.usage.model_dump() if meta else None
                    row["attempts"] = meta.attempts if meta else 0
                except Exception as exc:  # one fixture's failure never stops the run
                    message = " ".join(str(exc).split()) or type(exc).__name__
                    row["error"] = f"{type(exc).__name__}: {message}"
                    row["usage"] = None
                    row["attempts"] = 0
                finally:
                    cache_hits.reset(token)
                row["latency_s"] = round(time.perf_counter() - started, 6)
                row["cache_hit"] = bool(hits) and all(hits)
                journal.append(row)
                usage = row.get("usage") or {}
                totals["tokens"] += int(usage.get("prompt_tokens", 0)) + int(
                    usage.get("completion_tokens", 0)
                )
                totals["errors"] += row["error"] is not None
                totals["hits"] += row["cache_hit"]
                bar.update(
                    task,
                    advance=1,
                    tokens=totals["tokens"],
                    errors=totals["errors"],
                    hits=totals["hits"],
                )

        await asyncio.gather(*(one(item) for item in todo))


def _run_summary(rows: dict[str, dict[str, Any]], ids: Sequence[str]) -> dict[str, Any]:
    chosen = [rows[i] for i in ids if i in rows]
    usage = [r.get("usage") or {} for r in chosen]
    latencies = [float(r.get("latency_s") or 0.0) for r in chosen]
    return {
        "fixtures": len(chosen),
        "errors": sum(1 for r in chosen if r.get("error")),
        "cache_hits": sum(1 for r in chosen if r.get("cache_hit")),
        "prompt_tokens": sum(int(u.get("prompt_tokens", 0)) for u in usage),
        "completion_tokens": sum(int(u.get("completion_tokens", 0)) for u in usage),
        "attempts": sum(int(r.get("attempts") or 0) for r in chosen),
        "mean_latency_s": round(sum(latencies) / len(latencies), 6) if latencies else 0.0,
        "total_latency_s": round(sum(latencies), 6),
    }


def run(options: RunOptions) -> RunResult:
    """Run (or resume) an eval; returns the scores and any failed gates."""
    if options.concurrency < 1:
        raise EvalUsageError("--concurrency must be at least 1")
    if options.limit is not None and options.limit < 1:
        raise EvalUsageError("--limit must be at least 1")
    fixtures = load_fixtures(options.dataset)
    if options.limit is not None:
        fixtures = fixtures[: options.limit]
    out_dir = options.out_dir
    predictions = out_dir / "predictions.jsonl"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HarnessError(f"cannot create {out_dir}: {exc.strerror or exc}") from None
    if not options.resume and predictions.exists() and predictions.stat().st_size > 0:
        raise EvalUsageError(
            f"{out_dir} already holds predictions: pass --resume to continue that run, or "
            "choose another --out"
        )
    summarizer, wrapped, cache = _build(options)
    try:
        config = _config(options, summarizer)
        if options.resume and (out_dir / "config.json").exists():
            _check_resumable(out_dir, config)
            config["started_at"] = read_json(out_dir / "config.json").get("started_at")
            config["resumed_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        write_json(out_dir / "config.json", config)
        done = {row["id"] for row in recover(predictions)}
        todo = [item for item in fixtures if item.fixture.id not in done]
        with Journal(predictions) as journal:
            asyncio.run(_run_all(summarizer, todo, journal, options.concurrency, options.progress))
    finally:
        summarizer.close()
        if cache is not None:
            cache.close()
    rows = {row["id"]: row for row in recover(predictions)}
    scores = score_rows(fixtures, rows)
    ids = [item.fixture.id for item in fixtures]
    extra: dict[str, Any] = {"run": _run_summary(rows, ids)}
    if wrapped is not None:
        extra["run"]["cache_lookups"] = {"hits": wrapped.hits, "misses": wrapped.misses}
    document = write_results(out_dir, scores, extra=extra, gates=options.gates)
    return RunResult(
        out_dir=out_dir,
        scores=document,
        gate_failures=list(document.get("gates", {}).get("failed", [])),
        ran=len(todo),
        skipped=len(fixtures) - len(todo),
    )
