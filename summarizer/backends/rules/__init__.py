"""The offline rule-based backend: cue lexicons (data files per language) applied to the
article text, with every quote an exact substring of it."""

from .backend import MODEL_VERSION, RulesBackend, extract
from .lexicon import available_languages, load_lexicon

__all__ = ["MODEL_VERSION", "RulesBackend", "available_languages", "extract", "load_lexicon"]
