"""Every option of a summarization run, with its default, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from .chunking import DEFAULT_CHUNK_CHARS, DEFAULT_OVERLAP_CHARS
from .errors import ConfigError
from .grounding import DEFAULT_FUZZY_THRESHOLD
from .inputs import MAX_INPUT_CHARS

BackendName = Literal["auto", "openai", "llamacpp", "rules"]
BACKENDS: tuple[str, ...] = ("auto", "openai", "llamacpp", "rules")
MODES: tuple[str, ...] = ("auto", "tools", "json_schema", "json", "md_json")


@dataclass(frozen=True, slots=True)
class Settings:
    """Options for `Summarizer`; environment variables fill what is not given."""

    backend: str = "auto"
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: str = "auto"
    # model calls
    temperature: float = 0.0
    max_tokens: int | None = None
    timeout: float = 120.0
    max_retries: int = 4
    max_retry_time: float = 300.0
    max_reasks: int = 2
    grounding_reask: bool = True
    examples: bool | None = None  # None: the backend's default (`Backend.default_examples`)
    # grounding and input
    keep_ungrounded: bool = False
    fuzzy_threshold: float = DEFAULT_FUZZY_THRESHOLD
    html: bool | None = None
    max_chars: int = MAX_INPUT_CHARS
    chunk_chars: int = DEFAULT_CHUNK_CHARS
    chunk_overlap: int = DEFAULT_OVERLAP_CHARS
    concurrency: int = 4
    # local model (llamacpp backend)
    model_path: str | None = None
    n_ctx: int | None = None  # None: the local backend sizes it to the article
    threads: int | None = None

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ConfigError(f"unknown backend {self.backend!r}: use one of {', '.join(BACKENDS)}")
        if self.mode not in MODES:
            raise ConfigError(f"unknown mode {self.mode!r}: use one of {', '.join(MODES)}")
        for name in ("max_retries", "max_reasks"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} must be 0 or more")
        for name in ("chunk_chars", "concurrency", "max_chars", "n_ctx"):
            if getattr(self, name) is not None and getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1")
        if self.chunk_overlap < 0 or self.chunk_overlap >= self.chunk_chars:
            raise ConfigError("chunk_overlap must be 0 or more and below chunk_chars")
        if not 0 < self.fuzzy_threshold <= 100:
            raise ConfigError("fuzzy_threshold must be in (0, 100]")
        if self.timeout <= 0:
            raise ConfigError("timeout must be positive")

    @classmethod
    def from_env(cls, **options: Any) -> Settings:
        """Options given here win; then SUMMARIZER_BACKEND, SUMMARIZER_MODEL,
        OPENAI_BASE_URL and OPENAI_API_KEY; then the defaults."""
        known = {f.name for f in fields(cls)}
        unknown = set(options) - known
        if unknown:
            raise ConfigError(f"unknown option(s): {', '.join(sorted(unknown))}")
        given = {k: v for k, v in options.items() if v is not None}
        env = {
            "backend": os.environ.get("SUMMARIZER_BACKEND") or None,
            "model": os.environ.get("SUMMARIZER_MODEL") or None,
            "base_url": os.environ.get("OPENAI_BASE_URL") or None,
            "api_key": os.environ.get("OPENAI_API_KEY") or None,
        }
        merged = {k: v for k, v in env.items() if v is not None} | given
        return cls(**merged)

    @property
    def model_configured(self) -> bool:
        return bool(self.api_key or self.base_url)
