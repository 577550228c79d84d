"""summarizer: grounded structured summaries of news articles.

A language model (or the offline rules extractor) reads an article and returns its actors,
denials, negotiation claims and sources, each tied to the article's exact words by offsets
that code computes.

>>> from summarizer import summarize                      # doctest: +SKIP
>>> summary = summarize(text, backend="openai", model="gpt-4o-mini")
>>> summary.denials[0].evidence.start
"""

from .backends import Backend, Completion
from .errors import BackendError, ConfigError, InputError, SummarizerError
from .grounding import Grounder, Match
from .inputs import MAX_INPUT_CHARS, Article
from .inputs import read as read_article
from .pipeline import Summarizer, asummarize, summarize
from .schemas import (
    SCHEMA_VERSION,
    Actor,
    Contradiction,
    Denial,
    Evidence,
    Meta,
    NegotiationClaim,
    Source,
    StructuredSummary,
    SummaryDraft,
    Usage,
)
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "MAX_INPUT_CHARS",
    "SCHEMA_VERSION",
    "Actor",
    "Article",
    "Backend",
    "BackendError",
    "Completion",
    "ConfigError",
    "Contradiction",
    "Denial",
    "Evidence",
    "Grounder",
    "InputError",
    "Match",
    "Meta",
    "NegotiationClaim",
    "Settings",
    "Source",
    "StructuredSummary",
    "Summarizer",
    "SummarizerError",
    "SummaryDraft",
    "Usage",
    "__version__",
    "asummarize",
    "read_article",
    "summarize",
]
