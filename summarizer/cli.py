"""The `summarizer` command: a thin layer over the Python API.

Exit codes: 0 ok; 1 internal error; 2 bad usage, bad input or configuration; 3 the backend
failed after its retries; 100 an evaluation gate failed (`summarizer eval`). Errors are one
line on stderr (set SUMMARIZER_DEBUG=1 for a traceback).
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import inputs
from ._io import emit
from .errors import ConfigError, InputError, SummarizerError
from .pipeline import Summarizer
from .schemas import StructuredSummary, SummaryDraft, summary_json_schema
from .settings import Settings

_DEFAULTS = Settings()  # option defaults live in Settings only

app = typer.Typer(
    name="summarizer",
    help="Grounded structured summaries of news articles: actors, denials, negotiation "
    "claims and sources, each tied to the article's exact words.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(StrEnum):
    json = "json"
    markdown = "markdown"
    html = "html"


class BackendChoice(StrEnum):
    auto = "auto"
    openai = "openai"
    llamacpp = "llamacpp"
    rules = "rules"


class ModeChoice(StrEnum):
    auto = "auto"
    tools = "tools"
    json_schema = "json_schema"
    json = "json"
    md_json = "md_json"


def render(summary: StructuredSummary, text: str, fmt: OutputFormat) -> str:
    if fmt is OutputFormat.json:
        return summary.model_dump_json(indent=2) + "\n"
    if fmt is OutputFormat.markdown:
        from .render.markdown import render_markdown

        return render_markdown(summary, text)
    from .render.html import render_summary_html

    return render_summary_html(summary, text)


@app.command()
def summarize(
    path: Annotated[str, typer.Argument(help="Article file (text or HTML), or - for stdin.")],
    backend: Annotated[
        BackendChoice | None,
        typer.Option(
            help="auto: openai when OPENAI_API_KEY/OPENAI_BASE_URL is set, else rules. "
            "[env: SUMMARIZER_BACKEND]"
        ),
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model name. [env: SUMMARIZER_MODEL]")] = None,
    base_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible endpoint. [env: OPENAI_BASE_URL]")
    ] = None,
    mode: Annotated[
        ModeChoice, typer.Option(help="How structured output is requested (auto: per endpoint).")
    ] = ModeChoice.auto,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = (
        OutputFormat.json
    ),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (atomically), not stdout.")
    ] = None,
    keep_ungrounded: Annotated[
        bool, typer.Option(help="Keep items whose quote is not in the text, as 'unmatched'.")
    ] = False,
    max_reasks: Annotated[
        int, typer.Option(min=0, help="Re-asks when a reply does not validate.")
    ] = _DEFAULTS.max_reasks,
    max_retries: Annotated[
        int, typer.Option(min=0, help="Transport retries per call (429, 5xx, timeouts).")
    ] = _DEFAULTS.max_retries,
    timeout: Annotated[
        float, typer.Option(min=0.001, help="Seconds per HTTP request.")
    ] = _DEFAULTS.timeout,
    temperature: Annotated[float, typer.Option(min=0.0)] = _DEFAULTS.temperature,
    max_tokens: Annotated[int | None, typer.Option(min=1, help="Cap on reply tokens.")] = None,
    chunk_chars: Annotated[
        int, typer.Option(min=1000, help="Articles longer than this are split in chunks.")
    ] = _DEFAULTS.chunk_chars,
    max_chars: Annotated[
        int, typer.Option(min=1, help="Refuse inputs longer than this.")
    ] = _DEFAULTS.max_chars,
    html: Annotated[
        bool | None, typer.Option("--html/--no-html", help="Treat input as HTML (default: detect).")
    ] = None,
    examples: Annotated[
        bool | None,
        typer.Option(
            "--examples/--no-examples",
            help="Include the few-shot example in the prompt (default: per backend).",
        ),
    ] = None,
    model_path: Annotated[
        str | None, typer.Option(help="GGUF file for --backend llamacpp.")
    ] = None,
    n_ctx: Annotated[
        int | None, typer.Option(min=512, help="Context size for llamacpp (default: per model).")
    ] = None,
    threads: Annotated[int | None, typer.Option(min=1, help="CPU threads for llamacpp.")] = None,
) -> None:
    """Summarize one article and print (or write) its grounded structured summary."""
    article = inputs.read(path, html=html, max_chars=max_chars)
    with Summarizer(
        backend=backend.value if backend else None,
        model=model,
        base_url=base_url,
        mode=mode.value,
        keep_ungrounded=keep_ungrounded,
        max_reasks=max_reasks,
        max_retries=max_retries,
        timeout=timeout,
        temperature=temperature,
        max_tokens=max_tokens,
        chunk_chars=chunk_chars,
        chunk_overlap=min(_DEFAULTS.chunk_overlap, chunk_chars // 4),
        max_chars=max_chars,
        examples=examples,
        model_path=model_path,
        n_ctx=n_ctx,
        threads=threads,
    ) as summarizer:
        summary = summarizer.summarize(article)
    rendered = render(summary, article.text, fmt)
    try:
        emit(rendered, output)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None


@app.command()
def schema(
    draft: Annotated[
        bool, typer.Option(help="Print the model-facing draft schema instead of the output's.")
    ] = False,
) -> None:
    """Print the JSON Schema of the output (schema v1)."""
    doc = SummaryDraft.model_json_schema() if draft else summary_json_schema()
    sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def _mount_eval() -> None:
    try:
        from .evals.cli import app as eval_app
    except ImportError:  # the harness is optional at import time; the core must still run
        return
    app.add_typer(eval_app, name="eval", help="Evaluate backends on gold fixtures.")


_mount_eval()


# Recent Typer releases vendor Click; its exception base is reachable through a public class.
_ClickException: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


def _fail(message: str, code: int) -> None:
    sys.stderr.write(f"summarizer: error: {message}\n")
    sys.exit(code)


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the Typer app, turning every failure into one line + exit code."""
    command = typer.main.get_command(app)
    try:
        # Without standalone mode, Click returns (not raises) the code of a `typer.Exit`.
        code = command.main(args=argv, prog_name="summarizer", standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except _ClickException as exc:  # usage errors: bad flag, missing argument
        message = exc.format_message()  # type: ignore[attr-defined]
        _fail(" ".join(message.split()), exc.exit_code)  # type: ignore[attr-defined]
    except (typer.Abort, KeyboardInterrupt):
        _fail("interrupted", 130)
    except SummarizerError as exc:
        _fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        _fail(
            f"internal error ({type(exc).__name__}: {exc}); rerun with SUMMARIZER_DEBUG=1 "
            "and report it",
            1,
        )
    sys.exit(code if isinstance(code, int) else 0)


__all__ = ["ConfigError", "app", "main"]
