"""Backends, behind one interface (`Backend`), created by name from `Settings`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ConfigError
from .base import Backend, Completion, Message

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = ["Backend", "Completion", "Message", "create_backend", "resolve_backend_name"]


def resolve_backend_name(settings: Settings) -> str:
    """`auto` is `openai` when an API key or base URL is configured, else offline `rules`."""
    if settings.backend != "auto":
        return settings.backend
    return "openai" if settings.model_configured else "rules"


def create_backend(settings: Settings) -> Backend:
    name = resolve_backend_name(settings)
    if name == "openai":
        from .openai import OpenAIBackend

        return OpenAIBackend(settings)
    if name == "llamacpp":
        from .llamacpp import LlamaCppBackend

        return LlamaCppBackend(settings)
    if name == "rules":
        try:
            from .rules import RulesBackend
        except ImportError:
            raise ConfigError(
                "no model is configured and the offline backend is not available: set "
                "OPENAI_API_KEY or OPENAI_BASE_URL (or pass --base-url/--model)"
            ) from None
        return RulesBackend(settings)
    raise ConfigError(f"unknown backend {name!r}")
