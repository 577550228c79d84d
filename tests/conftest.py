"""Shared fixtures: the seed article, drafts built from its own words, a hermetic environment
and the loopback OpenAI-compatible server (`fake_openai.py`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI, fake_openai

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "evals" / "fixtures" / "ar_001_ghouta_seed.txt"

#: Variables that choose a backend; tests set what they need and nothing leaks in.
ENV_VARS = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_BACKEND", "SUMMARIZER_MODEL")

# Quotes copied from the seed article (checked against it in `seed_draft`).
SEED_DENIAL = "نفى وائل علوان المتحدث باسم فيلق الرحمن"
SEED_CLAIM = "وكان مركز المصالحة الروسي في سوريا أعلن تقدم عملية المفاوضات"
# The same claim with the hamza, alef-maqsura and ta-marbuta forms a model often writes.
SEED_CLAIM_VARIANT = "وكان مركز المصالحه الروسي فى سوريا اعلن تقدم عمليه المفاوضات"
MISSING_QUOTE = "هذا النص غير موجود في المقال اطلاقا"


@pytest.fixture(autouse=True)
def _hermetic_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


def actor(
    id: str,
    name: str,
    quote: str,
    *,
    kind: str = "person",
    affiliation: str | None = None,
    aliases: list[str] | None = None,
    name_en: str | None = None,
    role: str | None = None,
) -> dict[str, Any]:
    return {
        "id": id,
        "name": name,
        "name_en": name_en,
        "kind": kind,
        "role": role,
        "affiliation": affiliation,
        "aliases": aliases or [],
        "quote": quote,
    }


def denial(
    denier: str,
    quote: str,
    *,
    counterparties: list[str] | None = None,
    source: str | None = None,
    denied: str = "negotiations",
) -> dict[str, Any]:
    return {
        "denier": denier,
        "denied": denied,
        "counterparties": counterparties or [],
        "source": source,
        "quote": quote,
    }


def claim(
    claimant: str,
    quote: str,
    *,
    parties: list[str] | None = None,
    status: str = "ongoing",
    source: str | None = None,
    subject: str = "evacuation",
) -> dict[str, Any]:
    return {
        "claimant": claimant,
        "parties": parties or [],
        "subject": subject,
        "status": status,
        "source": source,
        "quote": quote,
    }


def source(
    id: str, name: str, quote: str, *, kind: str = "broadcaster", actor: str | None = None
) -> dict[str, Any]:
    return {
        "id": id,
        "name": name,
        "kind": kind,
        "anonymous": False,
        "actor": actor,
        "quote": quote,
    }


def draft(
    *,
    actors: list[dict[str, Any]],
    sources: list[dict[str, Any]] | None = None,
    denials: list[dict[str, Any]] | None = None,
    claims: list[dict[str, Any]] | None = None,
    contradictions: list[dict[str, Any]] | None = None,
    language: str = "ar",
) -> dict[str, Any]:
    return {
        "language": language,
        "headline": "headline",
        "summary": "summary",
        "actors": actors,
        "sources": sources or [],
        "denials": denials or [],
        "negotiation_claims": claims or [],
        "contradictions": contradictions or [],
    }


def seed_draft(text: str, *, extra_denial: str | None = None) -> dict[str, Any]:
    """A valid draft of the seed article: exact quotes, one variant-spelled claim, one
    contradiction; `extra_denial` appends a denial (index 1) with that quote."""
    for quote in (SEED_DENIAL, "وائل علوان", "فيلق الرحمن", "روسيا", "للجزيرة"):
        assert quote in text, quote
    denials = [denial("alwan", SEED_DENIAL, counterparties=["russia"], source="jazeera")]
    if extra_denial is not None:
        denials.append(denial("faylaq", extra_denial))
    return draft(
        actors=[
            actor("alwan", "وائل علوان", "وائل علوان", affiliation="faylaq", role="spokesperson"),
            actor("faylaq", "فيلق الرحمن", "فيلق الرحمن", kind="armed_group"),
            actor("russia", "روسيا", "روسيا", kind="state", name_en="Russia"),
        ],
        sources=[source("jazeera", "الجزيرة", "للجزيرة")],
        denials=denials,
        claims=[claim("russia", SEED_CLAIM_VARIANT, parties=["russia", "faylaq"])],
        contradictions=[{"claim": 0, "denial": 0, "note": "cannot both hold"}],
    )


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    """The loopback server; `owned_by="me"` makes the backend use tool calls."""
    with fake_openai("me") as srv:
        yield srv


def fast_options(srv: FakeOpenAI, **overrides: Any) -> dict[str, Any]:
    """Summarizer options that keep failures fast against the loopback server."""
    options: dict[str, Any] = {
        "backend": "openai",
        "base_url": srv.base_url,
        "max_retries": 1,
        "max_reasks": 1,
        "timeout": 5.0,
        "max_retry_time": 20.0,
    }
    return options | overrides
